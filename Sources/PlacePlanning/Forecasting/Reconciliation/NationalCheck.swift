import ForecastCore
import Foundation

/// England's sum of LA forecasts beside England's own trajectory, so that an implausible
/// national total from many LA forecasts is visible.
///
/// England's trajectory is the pooled total applied to England's own series: its last
/// three years' growth carried forward with the damping chosen on its history,
/// `N̂(T+h) = N(T) · exp(D(h) · G)` (see `PooledGrowth` and `TrendDamping`), bent after
/// the scored horizons as every LA's forecast is (`LongRunBend`).
public struct NationalCheck: Sendable {
  public struct Year: Sendable, Equatable {
    public let censusYear: Int
    /// The sum of the forecast LAs' totals, EHCPs.
    public let sumOfLAs: Double
    /// England's own trajectory, EHCPs.
    public let england: Double
  }

  public let origin: Int
  public let years: [Year]
  /// England's total at the origin and the LAs' sum there (LAs not forecast are missing).
  public let englandAtOrigin: Double
  public let lasAtOrigin: Double
  public let lasForecast: Int
  /// Median across LAs of each additive setting type's share at the origin and in the last
  /// forecast year, percent.
  public let medianShares: [(setting: SettingType, atOrigin: Double, atEnd: Double)]
  /// The LA whose total grows most from the origin to the last year, and by what factor.
  public let largestGrowth: (laName: String, factor: Double)?
  /// LAs whose total more than triples by the last year.
  public let tripling: Int

  /// One line for the provenance: the last year's two figures and their ratio.
  public var summary: String {
    guard let last = years.last else { return "no forecast years" }
    return String(
      format:
        "England check: the %d LAs' forecasts sum to %.0f EHCPs in %d against England's own "
        + "trajectory of %.0f (ratio %.3f; at %d the LAs hold %.0f of England's %.0f)",
      lasForecast, last.sumOfLAs, last.censusYear, last.england, last.sumOfLAs / last.england,
      origin, lasAtOrigin, englandAtOrigin)
  }

  /// One line: the median LA's share of each setting type at the origin and the last year.
  public var sharesSummary: String {
    guard let last = years.last else { return "no forecast years" }
    let parts = medianShares.map {
      $0.setting.rawValue + " "
        + String(
          format: "%.1f%% to %.1f%% (%+.1f)", $0.atOrigin, $0.atEnd, $0.atEnd - $0.atOrigin)
    }
    var text = "Median LA share \(origin) to \(last.censusYear): " + parts.joined(separator: ", ")
    if let largestGrowth {
      text +=
        String(
          format: "; largest growth %.2fx (", largestGrowth.factor) + largestGrowth.laName
        + "), \(tripling) LA(s) more than tripling"
    }
    return text
  }
}

extension DemandForecaster {
  /// The national check for forecasts from one origin; nil without England's series.
  public func nationalCheck(_ forecasts: [LAForecast]) -> NationalCheck? {
    guard let pooled = pooledGrowth, let origin = forecasts.first?.throughYear,
      let england = pooled.national.count(of: .total, at: origin), england > 0,
      let growth = PooledGrowth.nationalGrowth(pooled.national, through: origin)
    else { return nil }
    let damping = pooled.totalDamping(through: origin).damping
    var sums: [Int: Double] = [:]
    var atOrigin = 0.0
    let lastYear = forecasts.compactMap {
      $0.rows.last(where: { $0.kind == .forecast })?.censusYear
    }
    .max()
    var shares: [SettingType: (start: [Double], end: [Double])] = [:]
    var factors: [(laName: String, factor: Double)] = []
    for forecast in forecasts where forecast.throughYear == origin {
      for row in forecast.rows where row.setting == .total {
        if row.kind == .forecast { sums[row.censusYear, default: 0] += row.value }
        if row.kind == .actual, row.censusYear == origin { atOrigin += row.value }
      }
      let value = { (setting: SettingType, year: Int?) -> Double? in
        forecast.rows.first { $0.setting == setting && $0.censusYear == year }?.value
      }
      guard let startTotal = value(.total, origin), startTotal > 0,
        let endTotal = value(.total, lastYear), endTotal > 0
      else { continue }
      factors.append((forecast.laName, endTotal / startTotal))
      for setting in SettingType.additiveParts {
        guard let start = value(setting, origin), let end = value(setting, lastYear) else {
          continue
        }
        shares[setting, default: ([], [])].start.append(100 * start / startTotal)
        shares[setting, default: ([], [])].end.append(100 * end / endTotal)
      }
    }
    let medianShares = SettingType.additiveParts.compactMap {
      setting -> (setting: SettingType, atOrigin: Double, atEnd: Double)? in
      guard let values = shares[setting], let start = AccuracySummary.median(values.start),
        let end = AccuracySummary.median(values.end)
      else { return nil }
      return (setting, start, end)
    }
    let lastHorizon = sums.keys.max().map { $0 - origin } ?? 0
    let trajectory = LongRunBend.bent(
      (0..<max(lastHorizon, 0)).map {
        england * exp(TrendDamping.dampedYears(horizon: $0 + 1, damping: damping) * growth)
      }, scored: DemandForecaster.scoredHorizons)
    let years = sums.keys.sorted().map { year in
      NationalCheck.Year(
        censusYear: year, sumOfLAs: sums[year] ?? 0,
        england: trajectory.indices.contains(year - origin - 1)
          ? trajectory[year - origin - 1] : england)
    }
    return NationalCheck(
      origin: origin, years: years, englandAtOrigin: england, lasAtOrigin: atOrigin,
      lasForecast: forecasts.count, medianShares: medianShares,
      largestGrowth: factors.max { $0.factor < $1.factor },
      tripling: factors.filter { $0.factor > 3 }.count)
  }
}
