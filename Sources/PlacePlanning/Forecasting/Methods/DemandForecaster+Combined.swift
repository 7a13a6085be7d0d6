import ForecastCore
import Foundation

extension DemandForecaster {
  /// The `combined` method: per setting type and forecast year, the equal-weight mean of the
  /// `pooled` and `linear-5` forecasts,
  /// ```
  /// ŷ_c(T+h) = (ŷ_pooled(T+h) + ŷ_linear-5(T+h)) / 2
  /// ```
  /// A forecast combination (Bates and Granger, 1969): two forecasts whose errors are not
  /// perfectly correlated average to one with a smaller error variance than either, and
  /// equal weights are the robust choice when the weights would be estimated on few origins.
  /// The two err in opposite directions where they disagree most: for state special from
  /// January 2020 (scored on 2025) pooled's median signed error is +8.5% and linear-5's
  /// −3.2%. Whether `auto` uses it for a setting type is decided by backtest like any other
  /// candidate.
  func combinedRawForecast(
    _ series: CaseloadHistory.Series, through: Int, horizon: Int, firstCensusYear: Int?
  ) throws(ForecastError) -> RawForecast {
    try Self.combined(
      from: rawForecasts(
        series, methods: ForecastMethod.combinedParts, through: through, horizon: horizon,
        firstCensusYear: firstCensusYear)
    ).get()
  }

  /// `combined` from its parts' forecasts in `made`: their mean, or the first part's failure.
  static func combined(from made: [ForecastMethod: Result<RawForecast, ForecastError>])
    -> Result<RawForecast, ForecastError>
  {
    var parts: [RawForecast] = []
    for part in ForecastMethod.combinedParts {
      switch made[part] {
      case .success(let forecast): parts.append(forecast)
      case .failure(let error): return .failure(error)
      case nil: continue
      }
    }
    return .success(combine(parts))
  }

  /// Each of `methods`' forecasts, made once. `combined` is made from its parts, which are
  /// taken from `known` (forecasts already made) or made here first, and fails with the
  /// first part that fails; the parts made for it are returned too.
  func rawForecasts(
    _ series: CaseloadHistory.Series, methods: [ForecastMethod], through: Int, horizon: Int,
    firstCensusYear: Int?, known: [ForecastMethod: RawForecast] = [:]
  ) -> [ForecastMethod: Result<RawForecast, ForecastError>] {
    var made = known.mapValues { Result<RawForecast, ForecastError>.success($0) }
    let parts = methods.contains(.combined) ? ForecastMethod.combinedParts : []
    for method in parts + methods.filter({ $0 != .combined }) where made[method] == nil {
      do {
        made[method] = .success(
          try rawForecast(
            series, method: method, through: through, horizon: horizon,
            firstCensusYear: firstCensusYear))
      } catch {
        made[method] = .failure(error)
      }
    }
    if methods.contains(.combined), made[.combined] == nil {
      made[.combined] = Self.combined(from: made)
    }
    return made
  }

  /// The equal-weight mean of the parts' forecasts, per setting type and year; a setting
  /// type that some part cannot forecast takes the mean of those that can, and says so.
  static func combine(_ parts: [RawForecast]) -> RawForecast {
    var outcomes = PerSetting<SettingOutcome>()
    var notes = parts.flatMap(\.notes)
    for setting in SettingType.allCases {
      let available = parts.compactMap { $0.outcomes[setting] }.filter { !$0.points.isEmpty }
      guard let first = available.first else { continue }
      let usable = available.filter { $0.points.map(\.time) == first.points.map(\.time) }
      let weight = 1 / Double(usable.count)
      let points = first.points.indices.map { index -> ForecastPoint in
        let mean = usable.reduce(0.0) { $0 + weight * $1.points[index].mean }
        return ForecastPoint(
          time: first.points[index].time, mean: mean, lower80: mean, upper80: mean,
          lower95: mean, upper95: mean)
      }
      if usable.count < parts.count {
        notes.append(
          "\(setting.rawValue): combined from \(usable.map(\.method).joined(separator: ", ")) "
            + "only (the other parts gave no forecast for the same years)")
      }
      outcomes[setting] = SettingOutcome(
        points: points, hasIntervals: false, method: ForecastMethod.combined.rawValue,
        description: "mean of "
          + usable.map { "\($0.method) (\($0.description))" }.joined(separator: " and "),
        note: nil)
    }
    let years = Set(parts.flatMap(\.windowYears)).sorted()
    return RawForecast(outcomes: outcomes, windowYears: years, notes: notes)
  }
}
