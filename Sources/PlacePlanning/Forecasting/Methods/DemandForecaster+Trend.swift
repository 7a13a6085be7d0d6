import ForecastCore
import Foundation

/// One setting type's forecast by a fitted trend (linear, log-linear or prevalence), and the
/// rows it becomes.
extension DemandForecaster {

  func rows(
    from outcome: SettingOutcome, series: CaseloadHistory.Series, setting: SettingType
  ) -> [ForecastRow] {
    outcome.points.map { point in
      ForecastRow(
        laCode: series.laCode, laName: series.laName, setting: setting,
        censusYear: point.time, kind: .forecast, value: point.mean,
        lower80: outcome.hasIntervals ? point.lower80 : nil,
        upper80: outcome.hasIntervals ? point.upper80 : nil,
        lower95: outcome.hasIntervals ? point.lower95 : nil,
        upper95: outcome.hasIntervals ? point.upper95 : nil, method: outcome.method)
    }
  }

  struct SettingOutcome {
    var points: [ForecastPoint]
    var hasIntervals: Bool
    var method: String
    /// Writes the one-line account of the fit (only when a reader will see it: a backtest
    /// makes tens of thousands of fits and reads none).
    var describe: @Sendable () -> String
    var note: String?

    init(
      points: [ForecastPoint], hasIntervals: Bool, method: String,
      description: @autoclosure @escaping @Sendable () -> String, note: String?
    ) {
      self.points = points
      self.hasIntervals = hasIntervals
      self.method = method
      self.describe = description
      self.note = note
    }

    /// The fitted formula or rule, with its parameters.
    var description: String { describe() }
  }

  func fitSetting(
    _ setting: SettingType, points: [(year: Int, value: Double)], lastValue: Double,
    method: ForecastMethod, historicPopulation: [Int: Double], futurePopulation: [Int: Double],
    futureYears: [Int]
  ) -> SettingOutcome {
    let naive = { (reason: String) -> SettingOutcome in
      SettingOutcome(
        points: futureYears.map {
          ForecastPoint(
            time: $0, mean: lastValue, lower80: lastValue, upper80: lastValue,
            lower95: lastValue, upper95: lastValue)
        }, hasIntervals: false, method: "naive",
        description: "last value \(lastValue) carried forward", note: reason)
    }
    if points.count < 3 {
      return naive(
        "only \(points.count) census(es) in the window; last value carried forward, no interval")
    }
    if points.allSatisfy({ $0.value == 0 }) {
      var outcome = naive("all counts in the window are zero; zero carried forward")
      outcome.hasIntervals = true
      return outcome
    }
    var kind = method.trendKind
    var note: String?
    if kind == .logLinear && points.contains(where: { $0.value <= 0 }) {
      kind = .linear
      note = "zero counts in the window; linear trend used instead of log-linear"
    }
    let times = points.map(\.year)
    let values = points.map(\.value)
    do {
      let model = TrendModel(kind: kind)
      let fitted: FittedTrend
      let forecast: [ForecastPoint]
      var anchor: (time: Int, factor: Double)?
      if kind == .prevalence {
        let exposure = times.map { historicPopulation[$0] ?? 0 }
        fitted = try model.fit(times: times, values: values, exposure: exposure)
        let projected = try fitted.forecast(
          times: futureYears, exposure: futureYears.map { futurePopulation[$0] ?? 0 })
        // Anchored at the last census: ŷ(T+h) = μ̂(T+h) · y(T) / μ̂(T), so the forecast
        // starts from the count, not from the fitted line (which can sit 10–20% off it).
        let lastTime = times[times.count - 1]
        let atLast = try fitted.forecast(
          times: [lastTime], exposure: [historicPopulation[lastTime] ?? 0])
        if let fittedLast = atLast.first?.mean, fittedLast > 0, lastValue > 0 {
          let factor = lastValue / fittedLast
          forecast = projected.map { point in
            ForecastPoint(
              time: point.time, mean: point.mean * factor, lower80: point.lower80 * factor,
              upper80: point.upper80 * factor, lower95: point.lower95 * factor,
              upper95: point.upper95 * factor)
          }
          anchor = (lastTime, factor)
        } else {
          forecast = projected
        }
      } else {
        fitted = try model.fit(times: times, values: values)
        forecast = try fitted.forecast(times: futureYears)
      }
      let anchoredAt = anchor
      return SettingOutcome(
        points: forecast, hasIntervals: true, method: kind.rawValue,
        description: fitted.description
          + (anchoredAt.map {
            Printf.format(
              "; anchored at the %ld census: the fitted rate times %.3f", $0.time, $0.factor)
          } ?? ""), note: note)
    } catch {
      return naive(
        "\(kind.rawValue) fit failed (\(error)); last value carried forward, no interval")
    }
  }
}
