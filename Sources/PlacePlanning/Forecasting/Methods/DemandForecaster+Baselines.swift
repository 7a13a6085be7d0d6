import ForecastCore
import Foundation

extension DemandForecaster {
  /// The baselines (naive, drift, linear on the last five censuses), which ignore the
  /// window; nil for other methods. A baseline that cannot be computed falls back to naive.
  func baselineForecast(
    _ setting: SettingType, method: ForecastMethod, records: [CaseloadRecord], through: Int,
    futureYears: [Int]
  ) -> SettingOutcome? {
    guard ForecastMethod.baselines.contains(method) else { return nil }
    let points = records.compactMap { record in
      record[setting].map { (year: record.censusYear, value: $0) }
    }
    guard let last = points.last else {
      return SettingOutcome(
        points: [], hasIntervals: false, method: method.rawValue,
        description: "no counts", note: "no counts up to \(through); not forecast")
    }
    let flat = { (note: String?) -> SettingOutcome in
      SettingOutcome(
        points: futureYears.map {
          ForecastPoint(
            time: $0, mean: last.value, lower80: last.value, upper80: last.value,
            lower95: last.value, upper95: last.value)
        }, hasIntervals: false, method: note == nil ? method.rawValue : "naive",
        description: "y(T) = \(last.value) carried forward", note: note)
    }
    switch method {
    case .drift:
      guard let base = points.first(where: { $0.year == last.year - 3 }), base.value > 0,
        last.value > 0
      else { return flat("no positive count three censuses back; last value carried forward") }
      let growth = pow(last.value / base.value, 1.0 / 3)
      return SettingOutcome(
        points: futureYears.map {
          let value = last.value * pow(growth, Double($0 - last.year))
          return ForecastPoint(
            time: $0, mean: value, lower80: value, upper80: value, lower95: value, upper95: value)
        }, hasIntervals: false, method: method.rawValue,
        description:
          "y(T) (y(T)/y(T-3))^(h/3), growth \(Self.format(100 * (growth - 1)))%/yr from \(base.year)-\(last.year)",
        note: nil)
    case .linearRecent:
      let recent = Array(points.suffix(5))
      guard recent.count >= 3 else {
        return flat("fewer than three censuses; last value carried forward")
      }
      do {
        let fitted = try TrendModel(kind: .linear).fit(
          times: recent.map(\.year), values: recent.map(\.value))
        return SettingOutcome(
          points: try fitted.forecast(times: futureYears), hasIntervals: true,
          method: method.rawValue, description: fitted.description, note: nil)
      } catch {
        return flat("linear fit failed (\(error)); last value carried forward")
      }
    default:
      return flat(nil)
    }
  }

  static func format(_ value: Double) -> String {
    let scaled = (value * 1000).rounded() / 1000
    return String(scaled)
  }
}
