import Foundation

/// The pooled-growth method: each LA grows at England's rate, plus a quarter of its own
/// excess growth, pulled towards England's prevalence, with a one-off step from its
/// requests; setting types are the LA's share of its total, moving with England's share.
///
/// Total caseload of LA i from census T, horizon h (logs natural):
/// ```
/// ln ŷ(T+h) = ln y(T) + h [G + w (g − G) + c · rel] + b · rq
///   g   = (ln y(T) − ln y(T−3)) / 3                 the LA's growth, per year
///   G   = (ln N(T) − ln N(T−3)) / 3                 England's growth (N = England's total)
///   rel = ln(y(T) / P(T−1)) − ln(N(T) / P_E(T−1))   LA prevalence relative to England's
///   rq  = ln(R(T−1) / y(T)) − ln(R_E(T−1) / N(T))   LA requests per plan relative to England's
///   w = 0.25,  c = −0.05,  b = 0.08
/// ```
/// `P` is the resident population aged 0–25 at mid-year T−1, `R` the requests for an
/// assessment received in calendar year T−1 (published with the January T census, so known
/// at T). A term whose data are missing is 0.
///
/// Setting type s of LA i:
/// ```
/// ŝ(T+h) = s(T) · exp(h [G_s − 0.05 (ln s(T) − ln S(T))]),   ŷ_s(T+h) = ŝ(T+h) · ŷ(T+h)
///   s = x_s / y,  S = X_s / N   (England's share; ln s taken as ln(max(x_s, ½) / y)),
///   G_s = (ln S(T) − ln S(T−k)) / k,  k = 3 (4 for INMS), not reaching before 2019 for
///   FE and other settings, which were not fully collected before then
/// ```
/// An LA with no count for s at T gets England's share path.
///
/// Source of the form and parameters: chosen on rolling origins 2019–2023 (horizons 1–3)
/// over the 147 LAs with complete 2010–2025 series, then checked on other origins: LA
/// growth deviations from England's persist only weakly (year-to-year autocorrelation about
/// 0.2), so most of the weight goes on the national rate; the fitted prevalence and requests
/// coefficients had the same sign at every origin.
public struct PooledGrowth: Sendable {
  public static let ownGrowthWeight = 0.25
  public static let prevalencePull = -0.05
  public static let requestsWeight = 0.08
  public static let sharePull = -0.05
  public static let growthYears = 3

  /// Years of England's share trend for a setting type.
  static func shareYears(_ setting: SettingType) -> Int { setting == .inms ? 4 : 3 }

  /// First census a setting type's national share trend may reach back to.
  static func shareTrendStart(_ setting: SettingType) -> Int {
    setting == .fePost16 || setting == .other ? 2019 : 2010
  }

  let national: CaseloadHistory.Series
  let population: PopulationEstimates?
  let requests: RequestHistory?

  /// Forecast total caseload for horizons 1…H, with the terms used; nil without a positive
  /// total at T or England's total at T.
  func total(series: CaseloadHistory.Series, through: Int, horizon: Int) -> (
    values: [Double], description: String
  )? {
    guard let y = series.record(for: through)?[.total], y > 0,
      let n = national.record(for: through)?[.total], n > 0
    else { return nil }
    var nationalGrowth = 0.0
    if let past = national.record(for: through - Self.growthYears)?[.total], past > 0 {
      nationalGrowth = log(n / past) / Double(Self.growthYears)
    }
    var ownGrowth = nationalGrowth
    if let past = series.record(for: through - Self.growthYears)?[.total] {
      ownGrowth = log(y / max(past, 0.5)) / Double(Self.growthYears)
    }
    let codes = series.codes.flatMap { LocalAuthorityCodes.aliases(of: $0) }
    var relative = 0.0
    if let localPopulation = population?.total0to25(for: codes, midYear: through - 1),
      let englandPopulation = population?.total0to25(
        for: [CaseloadHistory.englandCode], midYear: through - 1),
      localPopulation > 0, englandPopulation > 0
    {
      relative = log(y / localPopulation) - log(n / englandPopulation)
    }
    var requestTerm = 0.0
    if let local = requests?.requests(for: codes, calendarYear: through - 1), local > 0,
      let england = requests?.requests(
        for: [CaseloadHistory.englandCode], calendarYear: through - 1), england > 0
    {
      requestTerm = log(local / y) - log(england / n)
    }
    let slope =
      nationalGrowth + Self.ownGrowthWeight * (ownGrowth - nationalGrowth)
      + Self.prevalencePull * relative
    let values = (1...horizon).map {
      y * exp(Double($0) * slope + Self.requestsWeight * requestTerm)
    }
    let description = String(
      format:
        "ln y(T+h) = ln %.0f + h × %.4f + %.3f; England growth %.1f%%/yr, own %.1f%%/yr, "
        + "prevalence vs England %+.2f (log), requests per plan vs England %+.2f (log)",
      y, slope, Self.requestsWeight * requestTerm, 100 * expm1(nationalGrowth),
      100 * expm1(ownGrowth), relative, requestTerm)
    return (values, description)
  }

  /// Forecast of a setting type as a share of the total forecast `totals` (horizons 1…H).
  func setting(
    _ setting: SettingType, series: CaseloadHistory.Series, through: Int, totals: [Double]
  ) -> (values: [Double], description: String)? {
    guard let n = national.record(for: through)?[.total], n > 0,
      let nationalCount = national.record(for: through)?[setting], nationalCount > 0
    else { return nil }
    let nationalShare = nationalCount / n
    var years = min(Self.shareYears(setting), through - Self.shareTrendStart(setting))
    var shareGrowth = 0.0
    while years > 0 {
      if let pastCount = national.record(for: through - years)?[setting], pastCount > 0,
        let pastTotal = national.record(for: through - years)?[.total], pastTotal > 0
      {
        shareGrowth = (log(nationalShare) - log(pastCount / pastTotal)) / Double(years)
        break
      }
      years -= 1
    }
    let start: Double
    let pull: Double
    if let y = series.record(for: through)?[.total], y > 0,
      let count = series.record(for: through)?[setting]
    {
      // A count of 0 stays 0; the floor of ½ only keeps the log of the pull finite.
      start = count / y
      pull = Self.sharePull * (log(max(count, 0.5) / y) - log(nationalShare))
    } else {
      start = nationalShare
      pull = 0
    }
    let values = totals.enumerated().map { index, total in
      total * start * exp(Double(index + 1) * (shareGrowth + pull))
    }
    let description = String(
      format: "share %.2f%% of total (England %.2f%%), moving %+.2f%%/yr",
      100 * start, 100 * nationalShare, 100 * expm1(shareGrowth + pull))
    return (values, description)
  }
}
