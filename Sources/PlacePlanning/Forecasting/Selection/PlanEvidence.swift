import ForecastCore

/// The backtest errors a plan decides from: every candidate's forecasts of every LA from
/// origins `through−5 … through−1` (not before 2016), scored against the censuses up to
/// `through`.
///
/// Errors are held in flat arrays indexed by candidate, setting type and horizon (and
/// origin, for the log errors), origin by origin and LA by LA in the order the LAs come, so
/// that medians and quantiles see the same values whichever plan reads them. The errors
/// from one origin do not depend on the plan's `through` (only how many horizons count
/// does), so with a cache they are gathered once per origin and shared by every plan.
struct PlanEvidence {
  /// An error with the LA's count of the setting type at the origin (for size strata).
  typealias SizedError = (count: Double, error: Double)

  let candidates: [ForecastMethod]
  /// Backtest origins, ascending.
  let origins: [Int]
  /// Log errors `log(a / f)` by slot and origin, for the errors that calibrate intervals.
  let logErrors: [[[SizedError]]]
  /// Forecasts that could not be made, by candidate.
  let failures: [Int]
  /// The median of each slot's absolute percentage errors `100 |f − a| / a` (the errors
  /// that count in the choice of method), computed on every core; nil when it has none.
  let medianAbsolutePercentageErrors: [Double?]

  static let horizons = 5

  /// Every candidate's errors from one origin, by slot, for horizons 1…`horizon`.
  struct OriginErrors {
    let horizon: Int
    let absolute: [[Double]]
    let log: [[SizedError]]
    let failures: [Int]
  }

  init(
    forecaster: DemandForecaster, through: Int, candidates: [ForecastMethod],
    cache: BacktestForecastCache?
  ) {
    self.candidates = candidates
    let firstOrigin = max(2016, through - 5)
    origins = firstOrigin <= through - 1 ? Array(firstOrigin...(through - 1)) : []
    let slots = candidates.count * SettingType.allCases.count * Self.horizons
    var absolute = [[Double]](repeating: [], count: slots)
    var log = [[[SizedError]]](
      repeating: Array(repeating: [], count: origins.count), count: slots)
    var failures = Array(repeating: 0, count: candidates.count)
    // The cache keeps the errors of `auto`'s candidates only (its slots are laid out by
    // their positions); other candidate lists share only the forecasts.
    let sharesErrors = candidates == ForecastMethod.autoCandidates
    for (originIndex, origin) in origins.enumerated() {
      let horizon = min(Self.horizons, through - origin)
      let errors: OriginErrors
      if sharesErrors, let known = cache?.originErrors[origin], known.horizon >= horizon {
        errors = known
      } else {
        // With a cache, forecasts reach `scoredHorizons` years, and all of them are scored
        // (an outturn after `through` is not in the history of a plan at `through`).
        errors = Self.errors(
          forecaster: forecaster, origin: origin,
          horizon: cache == nil ? horizon : Self.horizons, candidates: candidates, cache: cache)
        if sharesErrors { cache?.originErrors[origin] = errors }
      }
      for position in candidates.indices {
        failures[position] += errors.failures[position]
        for setting in SettingType.allCases {
          for step in 1...horizon {
            let index = Self.slot(position, setting, step)
            absolute[index] += errors.absolute[index]
            log[index][originIndex] = errors.log[index]
          }
        }
      }
    }
    logErrors = log
    self.failures = failures
    let gathered = absolute
    medianAbsolutePercentageErrors = parallelMap(slots) { AccuracySummary.median(gathered[$0]) }
  }

  /// The slot of a candidate (by position), setting type and horizon (1…5).
  static func slot(_ candidate: Int, _ setting: SettingType, _ horizon: Int) -> Int {
    (candidate * SettingType.allCases.count + setting.index) * horizons + horizon - 1
  }

  /// A candidate's position, if it is one.
  func position(of candidate: ForecastMethod) -> Int? {
    candidates.firstIndex(of: candidate)
  }

  /// The candidates' errors from `origin`, for outturns up to `origin + horizon` that the
  /// history has, LA by LA: each LA's on every core, then gathered in the LAs' order.
  private static func errors(
    forecaster: DemandForecaster, origin: Int, horizon: Int, candidates: [ForecastMethod],
    cache: BacktestForecastCache?
  ) -> OriginErrors {
    let slots = candidates.count * SettingType.allCases.count * horizons
    let eligible = forecaster.history.series.filter { $0.position(of: origin) != nil }
    let complete = forecaster.candidateForecasts(
      eligible, origin: origin, horizon: horizon, candidates: candidates, cache: cache)
    let byLA = parallelMap(eligible.count) { index in
      errors(
        of: eligible[index], forecasts: complete[index], origin: origin, horizon: horizon,
        candidates: candidates)
    }
    var absolute = [[Double]](repeating: [], count: slots)
    var log = [[SizedError]](repeating: [], count: slots)
    var failures = Array(repeating: 0, count: candidates.count)
    for errors in byLA {
      for item in errors.absolute { absolute[item.slot].append(item.error) }
      for item in errors.log { log[item.slot].append(item.error) }
      for position in candidates.indices { failures[position] += errors.failures[position] }
    }
    return OriginErrors(horizon: horizon, absolute: absolute, log: log, failures: failures)
  }

  /// One LA's errors from `origin`, by slot, in the order candidate, setting type, year.
  private static func errors(
    of series: CaseloadHistory.Series, forecasts: [ForecastMethod: DemandForecaster.RawForecast?],
    origin: Int, horizon: Int, candidates: [ForecastMethod]
  ) -> (
    absolute: [(slot: Int, error: Double)], log: [(slot: Int, error: SizedError)],
    failures: [Int]
  ) {
    var absolute: [(slot: Int, error: Double)] = []
    var log: [(slot: Int, error: SizedError)] = []
    var failures = Array(repeating: 0, count: candidates.count)
    for (position, candidate) in candidates.enumerated() {
      guard let raw = forecasts[candidate] ?? nil else {
        failures[position] += 1
        continue
      }
      for setting in SettingType.allCases {
        guard let outcome = raw.outcomes[setting] else { continue }
        let countAtOrigin = series.count(of: setting, at: origin) ?? 0
        for point in outcome.points where point.time <= origin + horizon {
          guard let actual = series.count(of: setting, at: point.time) else { continue }
          let slot = slot(position, setting, point.time - origin)
          if DemandForecaster.selects(setting, origin: origin, outturn: point.time),
            let error = ForecastOutcome.absolutePercentageError(
              forecast: point.mean, actual: actual)
          {
            absolute.append((slot, error))
          }
          if DemandForecaster.calibrates(setting, origin: origin, outturn: point.time) {
            log.append(
              (
                slot,
                (countAtOrigin, EmpiricalIntervals.logError(forecast: point.mean, actual: actual))
              )
            )
          }
        }
      }
    }
    return (absolute, log, failures)
  }

  /// The median absolute percentage error of a candidate (by position), setting type and
  /// horizon; nil when there are none.
  func medianAbsolutePercentageError(_ candidate: Int, _ setting: SettingType, _ horizon: Int)
    -> Double?
  {
    medianAbsolutePercentageErrors[Self.slot(candidate, setting, horizon)]
  }

  /// The log errors of a candidate (by position), setting type and horizon at the latest
  /// `count` origins that have any, in origin order.
  func recentLogErrors(
    _ candidate: Int, _ setting: SettingType, _ horizon: Int, origins count: Int
  ) -> [SizedError] {
    logErrors[Self.slot(candidate, setting, horizon)].filter { !$0.isEmpty }.suffix(count)
      .flatMap { $0 }
  }
}
