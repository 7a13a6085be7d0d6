import ForecastCore
import Foundation

/// The pooled-growth method: each LA grows at England's rate, plus a quarter of its own
/// excess growth, pulled towards England's prevalence, with a one-off step from its
/// requests; setting types are the LA's share of its total, moving with England's share.
///
/// Total caseload of LA i from census T, horizon h (logs natural):
/// ```
/// ln ŷ(T+h) = ln y(T) + D_φ(h) G + D_ρ(h) [w (g − G) + c · rel] + b · rq
///   D_φ(h) = 1 + φ + … + φ^(h−1)                     England's growth, damped (TrendDamping)
///   D_ρ(h) = 1 + ρ + … + ρ^(h−1),  ρ = 0.6           the LA's departure from it, fading
///   g   = (ln y(T) − ln y(T−3)) / 3                 the LA's growth, per year
///   G   = (ln N(T) − ln N(T−3)) / 3                 England's growth (N = England's total)
///   rel = ln(y(T) / P(T−1)) − ln(N(T) / P_E(T−1))   LA prevalence relative to England's
///   rq  = ln(R(T−1) / y(T)) − ln(R_E(T−1) / N(T))   LA requests per plan relative to England's
///   w = 0.25,  c = −0.05,  b = 0.08
/// ```
/// `P` is the resident population aged 0–25 at mid-year T−1, `R` the requests for an
/// assessment received in calendar year T−1 (published with the January T census, so known
/// at T). A term whose data are missing is 0. φ is chosen on England's own totals up to T.
///
/// Setting type s of LA i, a compositional model of the shares:
/// ```
/// s̃_s(T+h) = s(T) · exp(D_s(h) [G_s − 0.05 (ln s(T) − ln S(T))])
/// ŝ_s(T+h) = s̃_s(T+h) / Σ_k s̃_k(T+h)   (k over the additive setting types),
/// ŷ_s(T+h) = ŝ_s(T+h) · ŷ(T+h)
///   s = x_s / y,  S = X_s / N   (England's share; ln s taken as ln(max(x_s, ½) / y)),
///   G_s = (ln S(T) − ln S(T−k)) / k,  k = 3 (4 for INMS), not reaching before 2019 (nor,
///   for FE and other, before 2023), D_s(h) damped with φ_s chosen on England's shares
/// ```
/// An LA with no count for s at T takes its share at the latest census X < T that has one
/// (from the share trend's first census), moved with England's: `s(T) = s(X) S(T)/S(X)`,
/// the pull measured at X; an LA with none gets England's share path.
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
  /// How much of the LA's departure from England's growth carries into each further year
  /// (ρ): the departure adds `D_ρ(h) = 1 + ρ + … + ρ^(h−1)` years, at most 2.5. Chosen on
  /// all LAs' totals scored on January 2025, median APE from 2020 (h=5), 2021 (h=4) and 2022
  /// (h=3): ρ = 1: 7.70, 7.01, 6.00 (mean 6.90); ρ = 0.8: 7.25, 6.73, 5.93 (6.64); ρ = 0.6:
  /// 7.66, 6.62, 5.57 (6.62); ρ = 0.4: 7.34, 7.05, 5.32 (6.57). Any ρ from 0.4 to 0.8 is
  /// within 0.1 point of the best; 0.6 is the middle of that flat range. The choice is in
  /// sample for those outturns. Without it the LA's own excess compounds for ever and a
  /// dozen LAs more than triple in ten years.
  public static let ownGrowthPersistence = 0.6

  /// Years of England's share trend for a setting type.
  static func shareYears(_ setting: SettingType) -> Int { setting == .inms ? 4 : 3 }

  /// First census a share trend may reach back to: 2019 for every setting type. FE was
  /// first recorded in 2015 and the other settings columns in 2019, so between 2015 and
  /// 2018 every other setting type's share fell as FE and other entered the count (England's
  /// mainstream share 51.9% in 2015, 39.2% in 2019), a change of recording, not of demand.
  static let shareTrendStart = 2019

  /// The 2023 census, the first collected child by child (person-level SEN2), moved young
  /// people from FE into the other settings: in England's series FE fell 2.4% (78,370 to
  /// 76,476) and the other settings rose 46% (35,270 to 51,532) in the year the total grew
  /// 9.3%. Share trends of these setting types do not reach across it, and damping is not
  /// scored on forecasts across it.
  static let recordingBreak = 2023
  static let brokenAtRecordingBreak: [SettingType] = [.fePost16, .other]

  /// The earliest census a setting type's count may be carried from when census T does not
  /// publish it: the share trend's first census (or T itself before that). One look-back for
  /// the share path, the interval's size band and the note that says so.
  static func carryStart(_ setting: SettingType, through: Int) -> Int {
    min(through, shareTrendStart(setting, through: through))
  }

  /// The first census a setting type's share trend at origin T may reach back to.
  static func shareTrendStart(_ setting: SettingType, through: Int) -> Int {
    brokenAtRecordingBreak.contains(setting) && through >= recordingBreak
      ? recordingBreak : shareTrendStart
  }

  /// The first backtest origin for choosing the total's damping: the first whose three-year
  /// growth starts after the statement-to-EHCP conversion (2019). Earlier origins measure
  /// growth across the conversion, and the derived file's 2018 total is 2.3% below the
  /// published one, both of which inflate the rate and so reward damping it.
  static let totalDampingFirstOrigin = 2022

  /// The damping of England's total growth at origin T, chosen on England's series (made
  /// once per census in `init`; LAs at one origin share it).
  func totalDamping(through: Int) -> TrendDamping {
    totalDampings[through] ?? Self.chooseTotalDamping(national, through: through)
  }

  static func chooseTotalDamping(_ national: CaseloadHistory.Series, through: Int)
    -> TrendDamping
  {
    TrendDamping.choose(
      through: through, firstOrigin: totalDampingFirstOrigin,
      value: { national.count(of: .total, at: $0) },
      rate: { nationalGrowth(national, through: $0) })
  }

  /// England's growth per year on logs at origin T, `(ln N(T) − ln N(T−3)) / 3`; nil
  /// without both totals.
  static func nationalGrowth(_ national: CaseloadHistory.Series, through: Int) -> Double? {
    guard let now = national.count(of: .total, at: through), now > 0,
      let past = national.count(of: .total, at: through - growthYears), past > 0
    else { return nil }
    return log(now / past) / Double(growthYears)
  }

  /// England's share of a setting type at a census.
  func nationalShare(_ setting: SettingType, _ year: Int) -> Double? {
    guard let total = national.count(of: .total, at: year), total > 0,
      let count = national.count(of: setting, at: year), count > 0
    else { return nil }
    return count / total
  }

  /// England's share trend of a setting type at origin T, per year on logs:
  /// `G_s = (ln S(T) − ln S(T−k)) / k`, k the setting's years or fewer back to 2019.
  func nationalShareTrend(_ setting: SettingType, through: Int) -> Double? {
    guard let now = nationalShare(setting, through) else { return nil }
    var years = min(
      Self.shareYears(setting), through - Self.shareTrendStart(setting, through: through))
    while years > 0 {
      if let past = nationalShare(setting, through - years) {
        return (log(now) - log(past)) / Double(years)
      }
      years -= 1
    }
    return nil
  }

  /// The damping of a setting type's share trend at origin T, chosen on England's shares
  /// (made once per census in `init`).
  func shareDamping(_ setting: SettingType, through: Int) -> TrendDamping {
    shareDampings[setting]?[through] ?? chooseShareDamping(setting, through: through)
  }

  func chooseShareDamping(_ setting: SettingType, through: Int) -> TrendDamping {
    TrendDamping.choose(
      through: through, firstOrigin: Self.shareTrendStart + 1,
      value: { nationalShare(setting, $0) },
      rate: { nationalShareTrend(setting, through: $0) },
      comparable: { origin, outturn in
        !Self.brokenAtRecordingBreak.contains(setting)
          || (origin >= Self.recordingBreak) == (outturn >= Self.recordingBreak)
      }, fallback: TrendDamping.shareFallback)
  }

  let national: CaseloadHistory.Series
  let population: PopulationEstimates?
  let requests: RequestHistory?
  /// The dampings at each of England's censuses, by origin.
  private var totalDampings: [Int: TrendDamping] = [:]
  private var shareDampings: [SettingType: [Int: TrendDamping]] = [:]

  init(
    national: CaseloadHistory.Series, population: PopulationEstimates?, requests: RequestHistory?
  ) {
    self.national = national
    self.population = population
    self.requests = requests
    for record in national.records {
      let year = record.censusYear
      totalDampings[year] = Self.chooseTotalDamping(national, through: year)
      for setting in SettingType.allCases where setting != .total {
        shareDampings[setting, default: [:]][year] = chooseShareDamping(setting, through: year)
      }
    }
  }

  /// Forecast total caseload for horizons 1…H, with the terms used; nil without a positive
  /// total at T or England's total at T.
  /// The description is written when read.
  func total(series: CaseloadHistory.Series, through: Int, horizon: Int) -> (
    values: [Double], description: @Sendable () -> String
  )? {
    guard let y = series.count(of: .total, at: through), y > 0,
      let n = national.count(of: .total, at: through), n > 0
    else { return nil }
    let nationalGrowth = Self.nationalGrowth(national, through: through) ?? 0
    var ownGrowth = nationalGrowth
    if let past = series.count(of: .total, at: through - Self.growthYears) {
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
    let damping = totalDamping(through: through)
    let excess = slope - nationalGrowth
    let values = (1...horizon).map {
      y
        * exp(
          TrendDamping.dampedYears(horizon: $0, damping: damping.damping) * nationalGrowth
            + TrendDamping.dampedYears(horizon: $0, damping: Self.ownGrowthPersistence) * excess
            + Self.requestsWeight * requestTerm)
    }
    let (own, pull, perPlan) = (ownGrowth, relative, requestTerm)
    let description = { @Sendable in
      Printf.format(
        "ln y(T+h) = ln %.0f + D_φ(h) × %.4f + D_ρ(h) × %.4f + %.3f; England growth %.1f%%/yr, own %.1f%%/yr, "
          + "prevalence vs England %+.2f (log), requests per plan vs England %+.2f (log)",
        y, nationalGrowth, excess, Self.requestsWeight * perPlan, 100 * expm1(nationalGrowth),
        100 * expm1(own), pull, perPlan) + "; damping " + damping.summary
    }
    return (values, description)
  }

  /// Forecasts of every setting type as shares of the total forecast `totals` (horizons
  /// 1…H), closed so the additive setting types' shares sum to 1 in every year.
  func shares(series: CaseloadHistory.Series, through: Int, totals: [Double]) -> [SettingType: (
    values: [Double], description: @Sendable () -> String
  )] {
    var raw:
      [SettingType: (
        shares: [Double], start: Double, national: Double, rate: Double, damping: TrendDamping,
        carriedFrom: Int?
      )] = [:]
    for setting in SettingType.allCases where setting != .total {
      if let path = sharePath(setting, series: series, through: through, horizon: totals.count) {
        raw[setting] = path
      }
    }
    var normalizers = [Double](repeating: 0, count: totals.count)
    for setting in SettingType.additiveParts {
      guard let path = raw[setting] else { continue }
      for index in normalizers.indices { normalizers[index] += path.shares[index] }
    }
    var result: [SettingType: (values: [Double], description: @Sendable () -> String)] = [:]
    for (setting, path) in raw {
      let values = totals.enumerated().map { index, total in
        normalizers[index] > 0 ? total * path.shares[index] / normalizers[index] : 0
      }
      let (start, national, rate, damping, carriedFrom) = (
        path.start, path.national, path.rate, path.damping, path.carriedFrom
      )
      let description = { @Sendable in
        let carried =
          carriedFrom.map {
            " (the LA's count at \(through) not published: its \($0) share, moved with England's since)"
          } ?? ""
        return Printf.format("share %.2f%% of total", 100 * start) + carried
          + Printf.format(
            " (England %.2f%%), moving %+.2f%%/yr damped, ", 100 * national, 100 * expm1(rate))
          + damping.summary + "; closed with the other setting types to sum to 1"
      }
      result[setting] = (values, description)
    }
    return result
  }

  /// A setting type's share before closure, `s(T) · exp(D(h) (G_s + pull))`; nil without
  /// England's count for it at T.
  func sharePath(_ setting: SettingType, series: CaseloadHistory.Series, through: Int, horizon: Int)
    -> (
      shares: [Double], start: Double, national: Double, rate: Double, damping: TrendDamping,
      carriedFrom: Int?
    )?
  {
    guard let nationalShare = nationalShare(setting, through) else { return nil }
    let shareGrowth = nationalShareTrend(setting, through: through) ?? 0
    let start: Double
    let pull: Double
    var carriedFrom: Int?
    if let latest = series.latestCount(
      of: setting, through: through, earliest: Self.carryStart(setting, through: through))
    {
      // A count of 0 stays 0; the floor of ½ only keeps the log of the pull finite. A share
      // from an earlier census (the LA's breakdown at T not published) moves with England's
      // share since: s(T) = s(X) · S(T) / S(X).
      let nationalThen = self.nationalShare(setting, latest.censusYear) ?? nationalShare
      start =
        latest.count / latest.total
        * (latest.censusYear < through ? nationalShare / nationalThen : 1)
      pull = Self.sharePull * (log(max(latest.count, 0.5) / latest.total) - log(nationalThen))
      if latest.censusYear < through { carriedFrom = latest.censusYear }
    } else {
      start = nationalShare
      pull = 0
    }
    let rate = shareGrowth + pull
    let damping = shareDamping(setting, through: through)
    let shares = (0..<horizon).map {
      start * exp(TrendDamping.dampedYears(horizon: $0 + 1, damping: damping.damping) * rate)
    }
    return (shares, start, nationalShare, rate, damping, carriedFrom)
  }
}
