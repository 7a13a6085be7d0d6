/// One setting type's caseload by single year of age carried from one January census to the
/// next by its components: plans that age on, plans that cease, new plans, and a residual.
///
/// With `n(c, T)` the EHCPs at census age c in January T (c = 2 stands for "under 3"),
/// ```
/// n(c, T) = n(c−1, T−1) · (1 − q(c−1))  +  L(c)  +  m(c)
/// ```
/// - `q(c)`, the ceased rate at census age c (all settings): plans ceased in calendar year
///   T−1 at age a were at census age a−1 or a in January T−1, half each, so
///   `X'(c) = ½X(c) + ½X(c+1)` (`X'(2) = X(2) + ½X(3)`, and ages 19–25 share one rate,
///   `(½X(19) + X(20+)) / Σ_{c≥19} n(c, T−1)`), and `q(c) = X'(c) / n_all(c, T−1)`, at most 1.
/// - `L(c)`, the new plans of calendar year T−1 into the setting type that are at census age
///   c in January T: a plan started at age a is counted at census age a−1 or a, half each,
///   `L(c) = ½N(c) + ½N(c+1)` (`L(2) = N(2) + ½N(3)`). Census ages are ages at the August
///   before the census; this placement fits England's 2024→2025 ages 5–16 best (residual
///   s.d. across ages 734 EHCPs, against 1,520 with a or a+1 and 1,147 with a alone).
/// - `m(c)`, the residual: moves between setting types, plans transferred in from other LAs,
///   and timing. Where the cohort `n(c−1, T−1)` has at least `minimumCohort` plans:
///   - a residual from minus the cohort's survivors, `−n(c−1, T−1)(1 − q(c−1))`, up to the
///     cohort is kept as a rate of the cohort, `ρ(c) = m(c) / n(c−1, T−1)`;
///   - a residual above the cohort, as a count that grows with new plans (moves into a
///     setting type at a transition age, such as into further education at 16, can be many
///     times the setting's own cohort a year younger: as a rate they would compound);
///   - a residual below minus the survivors (every survivor left, and some of the year's new
///     plans too, as children leave early years settings at 5) as the rate
///     `ρ(c) = −(1 − q(c−1))` plus the rest as a count. (Held wholly as a count, the leaving
///     did not scale with the cohort: West Sussex's early years cohort of 47 at 4 stayed in
///     early years settings through primary ages.)
///
///   Where the cohort has fewer than `minimumCohort` plans it measures no rate: where
///   England's residual for the setting type at that age (`pooled`) is a leaving rate
///   (negative), the LA takes it, at most its own survivors' rate `−(1 − q(c−1))`, so leaving
///   scales with a cohort that grows, and the rest of its residual is a count (the
///   calibration year is reproduced); otherwise the LA's residual is a count (a joining rate
///   compounded on a small cohort would explode).
///   Taking England's joining rates too was measured: across all LAs, setting types of 100
///   or more whose phase share moves over 20 points in five years rose from 93 to 140;
///   leaving rates only, they fell to 89 (early years' moves from 94 to 8).
///
/// A year on, with new plans scaled by `g` (the caller's growth of new plans):
/// `n̂(c, t+1) = max(0, n̂(c−1, t) · (1 − q(c−1) + ρ(c)) + g · (L(c) [+ m(c) as a count]))`.
///
/// Plans held at 25 in January T−1 leave the ages counted, so the calibration's ceased plans
/// fall short of the year's published total by those ceased among them.
public struct CohortComponents: Sendable, Equatable {
  /// One age's calibration, EHCPs.
  public struct Flow: Sendable, Equatable {
    /// Plans at census age c−1 in January T−1 (0 for "under 3").
    public let cohort: Double
    /// Of them, ceased in calendar year T−1 (`cohort · q(c−1)`).
    public let ceased: Double
    /// New plans of calendar year T−1 at census age c in January T.
    public let newPlans: Double
    /// What the components leave unexplained.
    public let residual: Double
    /// Plans at census age c in January T.
    public let stock: Double
  }

  /// Residuals from cohorts smaller than this are held as counts, not rates.
  public static let minimumCohort = 5.0
  /// The first census age of the top band that shares one ceased rate.
  static let topBandAge = 19

  public let ceasedRates: [Int: Double]
  public let newPlans: [Int: Double]
  public let residualRates: [Int: Double]
  public let residualCounts: [Int: Double]
  public let flows: [Int: Flow]

  /// Calibrates on the censuses of January T−1 (`before`) and T (`now`) of the setting type,
  /// all settings' census counts at T−1 (`allBefore`, the base of the ceased rates), and the
  /// calendar year T−1's ceased plans by age at cessation and new plans into the setting type
  /// by age at start.
  public init(
    before: [Int: Double], now: [Int: Double], allBefore: [Int: Double],
    ceasedByAge: [Int: Double], newPlansByAge: [Int: Double], pooled: CohortComponents? = nil
  ) {
    let rates = Self.ceasedRates(ceasedByAge: ceasedByAge, census: allBefore)
    let landing = Self.landing(newPlansByAge: newPlansByAge)
    var residualRates: [Int: Double] = [:]
    var residualCounts: [Int: Double] = [:]
    var flows: [Int: Flow] = [:]
    for age in AgeCaseload.ages {
      let cohort = age == AgeCaseload.youngestAge ? 0 : before[age - 1] ?? 0
      let ceased = cohort * (rates[age - 1] ?? 0)
      let stock = now[age] ?? 0
      let newPlans = landing[age] ?? 0
      let residual = stock - (cohort - ceased) - newPlans
      let survivors = cohort - ceased
      if cohort >= Self.minimumCohort {
        if residual > cohort {
          residualCounts[age] = residual
        } else if residual < -survivors {
          residualRates[age] = -survivors / cohort
          residualCounts[age] = residual + survivors
        } else {
          residualRates[age] = residual / cohort
        }
      } else if let rate = pooled?.residualRates[age], rate < 0 {
        // England's leaving rate, never more than the LA's own survivors; the rest of the
        // LA's residual stays a count, so the calibration year is reproduced.
        let leaving = max(rate, -(1 - (rates[age - 1] ?? 0)))
        residualRates[age] = leaving
        residualCounts[age] = residual - leaving * cohort
      } else {
        residualCounts[age] = residual
      }
      flows[age] = Flow(
        cohort: cohort, ceased: ceased, newPlans: newPlans, residual: residual, stock: stock)
    }
    self.ceasedRates = rates
    self.newPlans = landing
    self.residualRates = residualRates
    self.residualCounts = residualCounts
    self.flows = flows
  }

  /// The next census's counts by age from this one's, with new plans scaled by `growth`.
  public func step(_ current: [Int: Double], newPlansGrowth growth: Double) -> [Int: Double] {
    var next: [Int: Double] = [:]
    for age in AgeCaseload.ages {
      let cohort = age == AgeCaseload.youngestAge ? 0 : current[age - 1] ?? 0
      let kept = cohort * (1 - (ceasedRates[age - 1] ?? 0) + (residualRates[age] ?? 0))
      let value = kept + growth * ((newPlans[age] ?? 0) + (residualCounts[age] ?? 0))
      next[age] = value.isFinite ? max(0, value) : 0
    }
    return next
  }

  /// `q(c)` for census ages 2–25 (see the type's formula); 0 where the census has no plans.
  static func ceasedRates(ceasedByAge x: [Int: Double], census n: [Int: Double]) -> [Int: Double] {
    let counts = censusAgeCeased(x)
    var rates: [Int: Double] = [:]
    for age in AgeCaseload.youngestAge..<topBandAge {
      let base = n[age] ?? 0
      rates[age] = base > 0 ? min(1, (counts[age] ?? 0) / base) : 0
    }
    let topBase = (topBandAge...AgeCaseload.ages.upperBound).reduce(0.0) { $0 + (n[$1] ?? 0) }
    for age in topBandAge...AgeCaseload.ages.upperBound {
      rates[age] = topBase > 0 ? min(1, (counts[topBandAge] ?? 0) / topBase) : 0
    }
    return rates
  }

  /// Plans ceased in a calendar year by census age at the January before, `X'(c)`, for
  /// c = 2–18, and the band 19–25 together under 19.
  static func censusAgeCeased(_ x: [Int: Double]) -> [Int: Double] {
    func ceased(_ age: Int) -> Double { x[age] ?? 0 }
    var counts: [Int: Double] = [:]
    for age in AgeCaseload.youngestAge..<topBandAge {
      let own = age == AgeCaseload.youngestAge ? ceased(age) : 0.5 * ceased(age)
      counts[age] = own + 0.5 * ceased(age + 1)
    }
    counts[topBandAge] = 0.5 * ceased(topBandAge) + ceased(AgeFlows.oldestBand)
    return counts
  }

  /// Plans ceased in calendar year Y as a share of the January Y caseload of an age phase,
  /// `Σ_{c∈p} X'(c) / Σ_{c∈p} n(c, Y)` (a fraction; all settings); nil without plans in
  /// the phase.
  public static func ceasedRate(
    phase: AgePhase, ceasedByAge: [Int: Double], census: [Int: Double]
  ) -> Double? {
    let counts = censusAgeCeased(ceasedByAge)
    let ages = phase.ages.clamped(to: AgeCaseload.ages)
    let base = ages.reduce(0.0) { $0 + (census[$1] ?? 0) }
    guard base > 0 else { return nil }
    return ages.reduce(0.0) { $0 + (counts[$1] ?? 0) } / base
  }

  /// `L(c) = ½N(c) + ½N(c+1)` for census ages 2–25, `L(2) = N(2) + ½N(3)`.
  static func landing(newPlansByAge n: [Int: Double]) -> [Int: Double] {
    var landing: [Int: Double] = [:]
    for age in AgeCaseload.ages {
      let own = age == AgeCaseload.youngestAge ? (n[age] ?? 0) : 0.5 * (n[age] ?? 0)
      landing[age] = own + 0.5 * (n[age + 1] ?? 0)
    }
    return landing
  }
}
