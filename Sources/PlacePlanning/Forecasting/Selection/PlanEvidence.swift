import ForecastCore

/// The backtest errors a plan decides from: every candidate's forecasts of every LA from
/// origins `through−5 … through−1` (not before 2016), scored against the censuses up to
/// `through`, gathered once and read by the plans of all methods at that origin.
///
/// Errors are held in flat arrays indexed by candidate, setting type and horizon (and
/// origin, for the log errors), in the order the LAs come, so that medians and quantiles
/// see the same values in the same order whichever plan reads them.
struct PlanEvidence {
  /// An error with the LA's count of the setting type at the origin (for size strata).
  typealias SizedError = (count: Double, error: Double)

  let through: Int
  let candidates: [ForecastMethod]
  /// Backtest origins, ascending.
  let origins: [Int]
  /// `100 |f − a| / a` by slot, for the errors that count in the choice of method.
  private(set) var absolutePercentageErrors: [[Double]]
  /// Log errors `log(a / f)` by slot and origin, for the errors that calibrate intervals.
  private(set) var logErrors: [[[SizedError]]]
  /// Forecasts that could not be made, by candidate.
  private(set) var failures: [Int]

  static let horizons = 5

  init(
    forecaster: DemandForecaster, through: Int, candidates: [ForecastMethod],
    cache: BacktestForecastCache?
  ) {
    self.through = through
    self.candidates = candidates
    let firstOrigin = max(2016, through - 5)
    origins = firstOrigin <= through - 1 ? Array(firstOrigin...(through - 1)) : []
    let slots = candidates.count * SettingType.allCases.count * Self.horizons
    absolutePercentageErrors = Array(repeating: [], count: slots)
    logErrors = Array(repeating: Array(repeating: [], count: origins.count), count: slots)
    failures = Array(repeating: 0, count: candidates.count)
    for (originIndex, origin) in origins.enumerated() {
      let horizon = min(Self.horizons, through - origin)
      let eligible = forecaster.history.series.filter { $0.record(for: origin) != nil }
      let complete = forecaster.candidateForecasts(
        eligible, origin: origin, horizon: horizon, candidates: candidates, cache: cache)
      for (index, series) in eligible.enumerated() {
        for (candidateIndex, candidate) in candidates.enumerated() {
          guard let raw = complete[index][candidate] ?? nil else {
            failures[candidateIndex] += 1
            continue
          }
          add(
            raw, of: series, candidate: candidateIndex, origin: origin,
            originIndex: originIndex, lastYear: origin + horizon)
        }
      }
    }
  }

  /// The slot of a candidate (by position), setting type and horizon (1…5).
  func slot(_ candidate: Int, _ setting: SettingType, _ horizon: Int) -> Int {
    (candidate * SettingType.allCases.count + setting.index) * Self.horizons + horizon - 1
  }

  /// A candidate's position, if it is one.
  func position(of candidate: ForecastMethod) -> Int? {
    candidates.firstIndex(of: candidate)
  }

  /// The errors of one candidate's forecasts of one LA up to `lastYear`.
  private mutating func add(
    _ raw: DemandForecaster.RawForecast, of series: CaseloadHistory.Series, candidate: Int,
    origin: Int, originIndex: Int, lastYear: Int
  ) {
    guard let atOrigin = series.record(for: origin) else { return }
    for setting in SettingType.allCases {
      guard let outcome = raw.outcomes[setting] else { continue }
      let countAtOrigin = atOrigin[setting] ?? 0
      for point in outcome.points where point.time <= lastYear {
        guard let actual = series.record(for: point.time)?[setting] else { continue }
        let index = slot(candidate, setting, point.time - origin)
        if DemandForecaster.selects(setting, origin: origin, outturn: point.time),
          let error = ForecastOutcome.absolutePercentageError(forecast: point.mean, actual: actual)
        {
          absolutePercentageErrors[index].append(error)
        }
        if DemandForecaster.calibrates(setting, origin: origin, outturn: point.time) {
          logErrors[index][originIndex].append(
            (countAtOrigin, EmpiricalIntervals.logError(forecast: point.mean, actual: actual)))
        }
      }
    }
  }

  /// The absolute percentage errors of a candidate (by position), setting type and horizon.
  func absolutePercentageErrors(_ candidate: Int, _ setting: SettingType, _ horizon: Int)
    -> [Double]
  {
    absolutePercentageErrors[slot(candidate, setting, horizon)]
  }

  /// The log errors of a candidate (by position), setting type and horizon at the latest
  /// `count` origins that have any, in origin order.
  func recentLogErrors(
    _ candidate: Int, _ setting: SettingType, _ horizon: Int, origins count: Int
  ) -> [SizedError] {
    logErrors[slot(candidate, setting, horizon)].filter { !$0.isEmpty }.suffix(count)
      .flatMap { $0 }
  }
}
