import Foundation

/// The stock-flow forecast: next January's caseload from this January's, the new plans and
/// ceased plans of the calendar year between, and a balancing term.
///
/// ```
/// C(Y+1) = C(Y) + N(Y) − X(Y) + B                     C: January census of year Y (EHCPs)
/// N̂(Y)  = R̂(Y) · k                                    new plans in calendar year Y
/// R̂(Y)  = r̂(Y) · P(Y)                                 requests for an assessment in Y
/// ln r̂(Y) = ln r(T−1) + β D_φ(Y − (T−1))              r: requests per resident aged 0–25
/// k      = Σ N(y) / Σ R(y)                             request → plan, last 3 years ≤ T−1
/// X̂(Y)  = c · C(Y),  c = Σ X(y) / Σ C(y)              ceased plans, every year ≤ T−1
/// B      = mean over y ≤ T−1 of [C(y+1) − C(y) − N(y) + X(y)]     EHCPs a year
/// ```
/// The request → plan conversion is held flat (`ConversionRule.flat`, the default), or, as
/// an alternative the pipeline backtest scores beside it, trended and damped
/// (`ConversionRule.dampedTrend`): with `a + b·y` the OLS line of the yearly `N(y)/R(y)` over
/// 2019…T−1, `k(Y) = a + b(T−1) + b Σ_{i=1}^{Y−T+1} φ^i`, `φ = 0.5`, within 0–1. Scored one
/// year ahead on every LA, the trend forecasts new plans worse than the flat rate, so the
/// flow method holds it flat.
///
/// `β` is the OLS slope of `ln r(y)` on `y` over calendar years 2019…T−1 (the flow files
/// start in 2019), carried forward damped: year Y adds `D_φ(Y − (T−1))` years of it (see
/// `TrendDamping`), φ chosen on England's requests per resident; `P(Y)` the resident population aged 0–25 at mid-Y. Without a population
/// the requests themselves are trended. The balancing term holds what the identity misses:
/// plans transferred in from other LAs (a transfer out is a ceased plan, a transfer in is
/// not a new plan), and timing between the census date and the calendar year.
///
/// Ceased plans are published from calendar year 2022 only. At origins before any ceased
/// year is known, ceased plans and the balancing term are forecast together, as the net
/// outflow rate the identity implies, `o = Σ [C(y) + N(y) − C(y+1)] / Σ C(y)` over
/// 2019…T−1, and `C(Y+1) = C(Y)(1 − o) + N̂(Y)`.
///
/// Information: at origin January T only flows of calendar years ≤ T−1 are used (published
/// with the January T census), censuses ≤ T and population estimates ≤ mid-(T−1); later
/// population comes from the caller's projection.
public struct FlowForecast: Sendable, Equatable {
  /// How the request → plan conversion is carried forward.
  public enum ConversionRule: String, Sendable, CaseIterable {
    /// The last three years' pooled rate, held.
    case flat
    /// The yearly rates' OLS trend, damped by `dampingFactor` a year.
    case dampedTrend = "damped-trend"
  }

  /// One forecast calendar year and the census that closes it.
  public struct Year: Sendable, Equatable {
    public let calendarYear: Int
    public let requests: Double
    /// Request → plan conversion used in the year, a fraction.
    public let conversion: Double
    public let newPlans: Double
    /// Ceased plans; nil when forecast together with the balancing term.
    public let ceased: Double?
    /// Outflow net of the balancing term: `X̂ − B`, or `o · C(Y)`.
    public let netOutflow: Double
    /// The January census of `calendarYear + 1`.
    public let caseloadNextJanuary: Double
  }

  /// The first calendar year of the SEN2 flow files.
  public static let firstFlowYear = 2019
  /// Calendar years of the request → plan conversion.
  public static let conversionYears = 3
  /// `φ` of the damped conversion trend.
  public static let dampingFactor = 0.5

  /// The origin census (January T).
  public let origin: Int
  /// Requests per resident 0–25 grow by `exp(β) − 1` a year (a fraction); for counts when
  /// `requestsPerResident` is false.
  public let requestsGrowth: Double
  public let requestsPerResident: Bool
  /// φ of the requests trend (1: undamped).
  public let requestsDamping: Double
  /// Calendar years the requests trend was fitted on.
  public let requestsYears: [Int]
  /// Request → plan conversion `k`, a fraction (the flat rate; see `years` for the rate of
  /// each year under `conversionRule`).
  public let conversion: Double
  public let conversionRule: ConversionRule
  /// Ceased plans per EHCP at the January census, a fraction; nil before ceased data.
  public let ceasedRate: Double?
  /// Net outflow rate `o`, used when `ceasedRate` is nil.
  public let netOutflowRate: Double?
  /// Balancing term `B`, EHCPs a year (0 when folded into `netOutflowRate`).
  public let balance: Double
  /// Residual of the identity in each calendar year it could be computed (EHCPs).
  public let residuals: [Int: Double]
  public let years: [Year]

  /// Projects from origin `origin` for `horizon` calendar years (`origin … origin+h−1`),
  /// giving censuses `origin+1 … origin+h`.
  ///
  /// - Parameters:
  ///   - caseload: total EHCPs by census year; only censuses ≤ `origin` are read.
  ///   - flows: the LA's calendar years; only years ≤ `origin − 1` are read.
  ///   - population: residents aged 0–25 by mid-year, estimates ≤ `origin − 1` and
  ///     projections after; nil or incomplete to trend counts of requests instead.
  /// - Returns: nil without the census at `origin`, or without a year ≤ `origin − 1` that
  ///   has both requests and new plans.
  public static func make(
    caseload: [Int: Double], flows: [PipelineYear], population: [Int: Double]?, origin: Int,
    horizon: Int, conversionRule: ConversionRule = .flat, requestsDamping: Double = 1
  ) -> FlowForecast? {
    guard let start = caseload[origin], start > 0, horizon >= 1 else { return nil }
    let known = flows.filter { $0.calendarYear <= origin - 1 }
      .sorted { $0.calendarYear < $1.calendarYear }
    let withRequests = known.filter {
      $0.calendarYear >= firstFlowYear && ($0.requests ?? 0) > 0
    }
    let future = Array(origin..<(origin + horizon))
    let perResident =
      population.map { population in
        (withRequests.map(\.calendarYear) + future).allSatisfy { (population[$0] ?? 0) > 0 }
      } ?? false
    let rate = { (year: PipelineYear) -> Double in
      let requests = year.requests ?? 0
      return perResident ? requests / (population?[year.calendarYear] ?? 1) : requests
    }
    guard let lastRequests = withRequests.last else { return nil }
    let slope = logSlope(withRequests.map { (Double($0.calendarYear), log(rate($0))) })

    let convertible = known.filter { ($0.requests ?? 0) > 0 && $0.newPlans != nil }
      .suffix(conversionYears)
    let requestsSum = convertible.reduce(0.0) { $0 + ($1.requests ?? 0) }
    guard requestsSum > 0 else { return nil }
    let conversion = convertible.reduce(0.0) { $0 + ($1.newPlans ?? 0) } / requestsSum
    let conversionAt = conversionPath(
      rule: conversionRule, flat: conversion,
      yearly: known.filter { $0.calendarYear >= firstFlowYear }.compactMap { year in
        year.requestToPlan.map { (Double(year.calendarYear), $0) }
      }, lastYear: origin - 1)

    var residuals: [Int: Double] = [:]
    var ceasedSum = 0.0
    var ceasedBase = 0.0
    var outflowSum = 0.0
    var outflowBase = 0.0
    for year in known where year.calendarYear >= firstFlowYear {
      guard let january = caseload[year.calendarYear], january > 0 else { continue }
      if let ceased = year.ceased {
        ceasedSum += ceased
        ceasedBase += january
      }
      guard let newPlans = year.newPlans, let next = caseload[year.calendarYear + 1] else {
        continue
      }
      outflowSum += january + newPlans - next
      outflowBase += january
      if let ceased = year.ceased {
        residuals[year.calendarYear] = next - january - newPlans + ceased
      }
    }
    let ceasedRate = ceasedBase > 0 ? ceasedSum / ceasedBase : nil
    let netOutflowRate = ceasedRate == nil && outflowBase > 0 ? outflowSum / outflowBase : nil
    let balance =
      ceasedRate != nil && !residuals.isEmpty
      ? residuals.values.reduce(0, +) / Double(residuals.count) : 0

    var years: [Year] = []
    var current = start
    for calendarYear in future {
      let steps = calendarYear - lastRequests.calendarYear
      var requests =
        rate(lastRequests)
        * exp(slope * TrendDamping.dampedYears(horizon: steps, damping: requestsDamping))
      if perResident { requests *= population?[calendarYear] ?? 0 }
      let yearConversion = conversionAt(calendarYear)
      let newPlans = requests * yearConversion
      let ceased = ceasedRate.map { $0 * current }
      let netOutflow = ceased.map { $0 - balance } ?? (netOutflowRate ?? 0) * current
      let next = max(0, current + newPlans - netOutflow)
      years.append(
        Year(
          calendarYear: calendarYear, requests: requests, conversion: yearConversion,
          newPlans: newPlans,
          ceased: ceased,
          netOutflow: netOutflow, caseloadNextJanuary: next))
      current = next
    }
    return FlowForecast(
      origin: origin, requestsGrowth: expm1(slope), requestsPerResident: perResident,
      requestsDamping: requestsDamping, requestsYears: withRequests.map(\.calendarYear),
      conversion: conversion,
      conversionRule: conversionRule,
      ceasedRate: ceasedRate, netOutflowRate: netOutflowRate, balance: balance,
      residuals: residuals, years: years)
  }

  /// The conversion of each calendar year: `flat` always, or the damped trend of the
  /// yearly rates `(year, N/R)` from `lastYear` on (flat with fewer than two years).
  static func conversionPath(
    rule: ConversionRule, flat: Double, yearly: [(x: Double, y: Double)], lastYear: Int
  ) -> (Int) -> Double {
    guard rule == .dampedTrend, yearly.count >= 2 else { return { _ in flat } }
    let slope = logSlope(yearly)
    let meanX = yearly.reduce(0) { $0 + $1.x } / Double(yearly.count)
    let meanY = yearly.reduce(0) { $0 + $1.y } / Double(yearly.count)
    let level = meanY + slope * (Double(lastYear) - meanX)
    return { year in
      let steps = max(0, year - lastYear)
      var damped = 0.0
      var factor = 1.0
      for _ in 0..<steps {
        factor *= dampingFactor
        damped += factor
      }
      let value = level + slope * damped
      return value.isFinite ? min(1, max(0, value)) : flat
    }
  }

  /// OLS slope of `y` on `x`; 0 with fewer than two distinct `x`.
  static func logSlope(_ points: [(x: Double, y: Double)]) -> Double {
    guard points.count >= 2 else { return 0 }
    let meanX = points.reduce(0) { $0 + $1.x } / Double(points.count)
    let meanY = points.reduce(0) { $0 + $1.y } / Double(points.count)
    let sxx = points.reduce(0) { $0 + ($1.x - meanX) * ($1.x - meanX) }
    guard sxx > 0 else { return 0 }
    return points.reduce(0) { $0 + ($1.x - meanX) * ($1.y - meanY) } / sxx
  }

  /// The formula with its fitted terms, for provenance.
  public var description: String {
    let span = requestsYears.first.map { "\($0)-\(requestsYears.last ?? $0)" } ?? "none"
    var text = String(
      format: "C(Y+1) = C(Y) + N(Y) - X(Y) + B; requests%@ %+.1f%%/yr (log-linear, %@, "
        + "damped by φ = %.2f), request->plan %.1f%% (last %d years)",
      requestsPerResident ? " per resident 0-25" : "", 100 * requestsGrowth, span,
      requestsDamping, 100 * conversion, Self.conversionYears)
    if let ceasedRate {
      text += String(
        format: ", ceased %.2f%% of the January caseload, B = %+.0f EHCPs/yr (mean of %d year(s))",
        100 * ceasedRate, balance, residuals.count)
    } else if let netOutflowRate {
      text += String(
        format: ", net outflow %.2f%% of the January caseload (ceased and B together)",
        100 * netOutflowRate)
    }
    return text
  }
}
