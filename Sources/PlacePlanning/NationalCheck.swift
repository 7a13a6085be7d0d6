import Foundation

/// England's sum of LA forecasts beside England's own trajectory, so that an implausible
/// national total from many LA forecasts is visible.
///
/// England's trajectory is the pooled total applied to England's own series: its last
/// three years' growth carried forward with the damping chosen on its history,
/// `N̂(T+h) = N(T) · exp(D(h) · G)` (see `PooledGrowth` and `TrendDamping`).
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
}

extension DemandForecaster {
  /// The national check for forecasts from one origin; nil without England's series.
  public func nationalCheck(_ forecasts: [LAForecast]) -> NationalCheck? {
    guard let pooled = pooledGrowth, let origin = forecasts.first?.throughYear,
      let england = pooled.national.record(for: origin)?[.total], england > 0,
      let past = pooled.national.record(for: origin - PooledGrowth.growthYears)?[.total],
      past > 0
    else { return nil }
    let growth = log(england / past) / Double(PooledGrowth.growthYears)
    let damping = pooled.totalDamping(through: origin).damping
    var sums: [Int: Double] = [:]
    var atOrigin = 0.0
    for forecast in forecasts where forecast.throughYear == origin {
      for row in forecast.rows where row.setting == .total {
        if row.kind == .forecast { sums[row.censusYear, default: 0] += row.value }
        if row.kind == .actual, row.censusYear == origin { atOrigin += row.value }
      }
    }
    let years = sums.keys.sorted().map { year in
      NationalCheck.Year(
        censusYear: year, sumOfLAs: sums[year] ?? 0,
        england: england
          * exp(TrendDamping.dampedYears(horizon: year - origin, damping: damping) * growth))
    }
    return NationalCheck(
      origin: origin, years: years, englandAtOrigin: england, lasAtOrigin: atOrigin,
      lasForecast: forecasts.count)
  }
}
