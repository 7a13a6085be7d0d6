import ForecastCore
import Foundation

extension DemandForecaster {
  /// The horizons whose skill decides `auto`'s choice.
  static let selectionHorizons = 1...3
  /// How many of the latest backtest origins calibrate the intervals.
  static let calibrationOrigins = 3
  /// The horizon exponent of the total's intervals (estimated for setting types).
  static let totalIntervalExponent = 0.75

  /// Backtests the candidates of `method` (all of `ForecastMethod.autoCandidates` for
  /// `auto`, the method itself otherwise) on every LA at origins `through−5 … through−1`
  /// (not before 2016), scoring only outturns up to `through`, and decides per setting type.
  ///
  /// `auto` chooses, per setting type, the candidate with the lowest mean over horizons 1–3
  /// of the median absolute percentage error across LAs. Skill is pooled across LAs rather
  /// than judged LA by LA because a single LA has at most five scored origins, too few to
  /// tell methods apart. Intervals come from the chosen method's one-step log errors at the
  /// last three origins (see `EmpiricalIntervals`).
  public func plan(method: ForecastMethod, through: Int) -> ForecastPlan {
    let candidates = method == .auto ? ForecastMethod.autoCandidates : [method]
    let firstOrigin = max(2016, through - 5)
    let origins = firstOrigin <= through - 1 ? Array(firstOrigin...(through - 1)) : []

    struct Key: Hashable {
      let method: ForecastMethod
      let setting: SettingType
      let horizon: Int
    }
    var absolutePercentageErrors: [Key: [Double]] = [:]
    var logErrors: [Key: [Int: [Double]]] = [:]
    for origin in origins {
      let horizon = min(5, through - origin)
      for series in history.series where series.record(for: origin) != nil {
        for candidate in candidates {
          guard
            let raw = try? rawForecast(
              series, method: candidate, through: origin, horizon: horizon, firstCensusYear: nil)
          else { continue }
          for (setting, outcome) in raw.outcomes {
            for point in outcome.points {
              guard let actual = series.record(for: point.time)?[setting] else { continue }
              let key = Key(method: candidate, setting: setting, horizon: point.time - origin)
              if actual > 0 {
                absolutePercentageErrors[key, default: []].append(
                  100 * abs(point.mean - actual) / actual)
              }
              logErrors[key, default: [:]][origin, default: []].append(
                EmpiricalIntervals.logError(forecast: point.mean, actual: actual))
            }
          }
        }
      }
    }

    var choices: [SettingType: ForecastPlan.Choice] = [:]
    for setting in SettingType.allCases {
      let horizons = Self.selectionHorizons.filter { horizon in
        candidates.allSatisfy {
          !(absolutePercentageErrors[Key(method: $0, setting: setting, horizon: horizon)] ?? [])
            .isEmpty
        }
      }
      let scores: [(method: ForecastMethod, score: Double)] = candidates.compactMap { candidate in
        let medians = horizons.compactMap {
          AccuracySummary.median(
            absolutePercentageErrors[Key(method: candidate, setting: setting, horizon: $0)] ?? [])
        }
        return AccuracySummary.mean(medians).map { (candidate, $0) }
      }
      let chosen = scores.min { $0.score < $1.score }?.method ?? candidates[0]
      let errorsByHorizon = { (horizon: Int) -> [Int: [Double]] in
        logErrors[Key(method: chosen, setting: setting, horizon: horizon)] ?? [:]
      }
      let oneStep = errorsByHorizon(1).keys.sorted().suffix(Self.calibrationOrigins)
        .flatMap { errorsByHorizon(1)[$0] ?? [] }
      var quantiles: [Int: Double] = [:]
      for horizon in 1...5 {
        let byOrigin = errorsByHorizon(horizon)
        let recent = byOrigin.keys.sorted().suffix(Self.calibrationOrigins)
          .flatMap { byOrigin[$0] ?? [] }.map { abs($0) }
        if let q = AccuracySummary.quantile(recent, 0.8) { quantiles[horizon] = q }
      }
      let intervals = EmpiricalIntervals(
        oneStepErrors: oneStep, absoluteErrorQuantiles: quantiles,
        fixedExponent: setting == .total ? Self.totalIntervalExponent : nil)
      let span = origins.isEmpty ? "none" : "\(origins[0])-\(origins[origins.count - 1])"
      var reason: String
      if scores.count > 1, let best = scores.first(where: { $0.method == chosen }) {
        let others = scores.filter { $0.method != chosen }
          .map { "\($0.method.rawValue) \(Self.percent($0.score))" }.joined(separator: ", ")
        reason =
          "\(chosen.rawValue) chosen: backtest median APE \(Self.percent(best.score)) "
          + "(mean of h=\(horizons.map(String.init).joined(separator: ",")), origins \(span)) vs \(others)"
      } else if scores.isEmpty {
        reason = "\(chosen.rawValue): no backtest cases before \(through); default"
      } else {
        reason = "\(chosen.rawValue): backtest origins \(span)"
      }
      choices[setting] = ForecastPlan.Choice(method: chosen, reason: reason, intervals: intervals)
    }
    return ForecastPlan(through: through, origins: origins, choices: choices)
  }

  static func percent(_ value: Double) -> String { String(format: "%.1f%%", value) }
}
