/// Splits a forecast by setting type into age phases by ageing the caseload's single years.
///
/// With the calendar year's flows by age (`AgeFlows`: new plans by age at start and setting
/// type, ceased plans by age), each setting type's ages are carried forward by their
/// components (`CohortComponents`): plans that age on, ceased plans at the age's ceased rate,
/// new plans by age, and a residual (moves between setting types, transfers in, timing)
/// calibrated on the last two censuses with an age breakdown, T−1 and T, and the flows of
/// calendar year T−1. New plans in calendar year t are scaled by the setting type's forecast
/// growth, `g(t) = x̂_s(t+1) / x_s(T)`.
///
/// Without flows by age for calendar year T−1, the cohort-change ratio of age a is used:
/// ```
/// CCR_s(a) = n_s(a, T) / n_s(a − 1, T − 1)        (a ≥ 3; "under 3" held at its level)
/// n_s(a, t + 1) = n_s(a − 1, t) · CCR_s(a)
/// ```
/// which carries the same components as one net effect. Where the cohort a year younger had
/// fewer than 5 children, the age's count is held at its latest level instead.
///
/// Either way, each year's phase shares of the aged counts then split the setting type's
/// forecast, and its interval, in proportion (each interval then widened to the phase's own
/// counting noise where narrower, `CountingNoise`):
/// `x̂_{s,p}(t) = x̂_s(t) · Σ_{a∈p} n_s(a,t) / Σ_a n_s(a,t)`, so phases add up to the setting.
public struct PhaseSplitter: Sendable {
  /// One setting type and phase's reconciliation of January T with January T−1.
  public struct Reconciliation: Sendable, Equatable {
    public let setting: SettingType
    public let phase: AgePhase
    /// The January census T the flows lead to.
    public let censusYear: Int
    /// Plans a year younger at T−1, ceased among them, new plans, residual and the stock at
    /// T (EHCPs): `stock = cohort − ceased + newPlans + residual`.
    public let cohort: Double
    public let ceased: Double
    public let newPlans: Double
    public let residual: Double
    public let stock: Double
  }

  /// The split of one forecast.
  public struct Split: Sendable {
    public let rows: [PhaseForecastRow]
    /// How the ages were carried forward.
    public let note: String
    /// By setting type and phase; empty when the cohort-change ratios were used.
    public let reconciliation: [Reconciliation]
  }

  public let ages: AgeCaseload
  public let flows: AgeFlows?
  /// Ages whose cohort a year younger had fewer children than this are held at their level.
  public static let minimumCohort = 5.0

  public init(ages: AgeCaseload, flows: AgeFlows? = nil) {
    self.ages = ages
    self.flows = flows
  }

  /// The components of a setting type of an area from census T−1 to T, calibrated on its
  /// ages at both censuses and the flows of calendar T−1; nil without any of them. An LA's
  /// take England's (`pooled`) as the rates of its small cohorts.
  func components(
    _ setting: SettingType, codes: [String], censusYear last: Int,
    pooled: CohortComponents? = nil
  ) -> CohortComponents? {
    guard let now = ages.counts(codes: codes, censusYear: last, setting: setting),
      let before = ages.counts(codes: codes, censusYear: last - 1, setting: setting),
      let allBefore = ages.counts(codes: codes, censusYear: last - 1, setting: .total),
      let ceased = flows?.ceased(codes: codes, calendarYear: last - 1),
      let newPlans = flows?.newPlans(codes: codes, calendarYear: last - 1, setting: setting)
    else { return nil }
    return CohortComponents(
      before: before, now: now, allBefore: allBefore, ceasedByAge: ceased,
      newPlansByAge: newPlans, pooled: pooled)
  }

  /// Phase rows for every setting type and year of the forecast; nil when the LA has fewer
  /// than two censuses with an age breakdown up to the forecast's origin.
  public func split(_ forecast: LAForecast, codes: [String]) -> Split? {
    let years = ages.censusYears(codes: codes).filter { $0 <= forecast.throughYear }
    guard let last = years.last, years.contains(last - 1) else { return nil }
    var usedComponents = false
    var unsplit: [SettingType] = []
    var result: [PhaseForecastRow] = []
    var reconciliation: [Reconciliation] = []
    for setting in SettingType.allCases {
      guard let now = ages.counts(codes: codes, censusYear: last, setting: setting),
        let before = ages.counts(codes: codes, censusYear: last - 1, setting: setting)
      else {
        if forecast.rows.contains(where: { $0.setting == setting }) { unsplit.append(setting) }
        continue
      }
      let england = components(setting, codes: [CaseloadHistory.englandCode], censusYear: last)
      let components = self.components(setting, codes: codes, censusYear: last, pooled: england)
      if let components {
        usedComponents = true
        reconciliation += Self.reconcile(components, setting: setting, censusYear: last)
      }
      let ratios = Self.ratios(now: now, before: before)
      let settingRows = forecast.rows.filter { $0.setting == setting }
      let base =
        settingRows.first { $0.censusYear == last && $0.kind == .actual }?.value
        ?? AgeCaseload.ages.reduce(0.0) { $0 + (now[$1] ?? 0) }
      var aged: [Int: [Int: Double]] = [last: now]
      let futureYears = settingRows.filter { $0.kind == .forecast }.map(\.censusYear).sorted()
      var current = now
      if let lastYear = futureYears.last, lastYear > last {
        for year in (last + 1)...lastYear {
          let next: [Int: Double]
          if let components {
            let target = settingRows.first { $0.censusYear == year }?.value
            let growth = base > 0 ? (target ?? base) / base : 1
            next = components.step(current, newPlansGrowth: growth.isFinite ? growth : 1)
          } else {
            next = Self.age(current, ratios: ratios)
          }
          aged[year] = next
          current = next
        }
      }
      for row in settingRows {
        let counts: [Int: Double]?
        if row.kind == .actual {
          counts = ages.counts(codes: codes, censusYear: row.censusYear, setting: setting)
        } else {
          counts = aged[row.censusYear]
        }
        guard let counts else { continue }
        let total = AgeCaseload.ages.reduce(0.0) { $0 + (counts[$1] ?? 0) }
        for phase in AgePhase.allCases {
          let inPhase = phase.ages.reduce(0.0) { $0 + (counts[$1] ?? 0) }
          let share = total > 0 ? inPhase / total : 0
          var phaseRow = row
          if row.kind == .actual {
            phaseRow.value = inPhase
          } else {
            phaseRow = row.part(share)
          }
          result.append(PhaseForecastRow(row: phaseRow, phase: phase, share: share))
        }
      }
    }
    result = Self.totalFromParts(result, forecast: forecast)
    let phases = "phases: 0-4, 5-10, 11-15, 16-18, 19-25"
    let note: String
    if usedComponents {
      note =
        "phases: census counts by single year of age (\(last)) carried forward by components "
        + "calibrated on \(last - 1)-\(last): ageing, ceased plans by age (calendar \(last - 1), "
        + "all settings), new plans by age at start and setting (calendar \(last - 1), growing "
        + "with the setting type's forecast) and a residual for moves between settings, "
        + "transfers and timing; each setting type's forecast split by its aged phase shares "
        + "(\(phases))"
    } else {
      note =
        "phases: census counts by single year of age (\(last - 1) and \(last)) aged forward with "
        + "cohort-change ratios from \(last - 1) to \(last) (no flows by age for calendar "
        + "\(last - 1)); each setting type's forecast split by its aged phase shares (\(phases))"
    }
    let skipped =
      unsplit.isEmpty
      ? ""
      : "; not split (an age cell suppressed in \(last - 1) or \(last)): "
        + unsplit.map(\.rawValue).joined(separator: ", ")
    return Split(rows: result, note: note + skipped, reconciliation: reconciliation)
  }

  /// Forecast `total` rows by phase made the sum of the additive setting types' phase rows
  /// (where every part is split that year), so the phases of all settings agree with the
  /// setting types': `x̂_{total,p}(t) = Σ_k x̂_{k,p}(t)`, its interval the total's split by
  /// that share. Census rows are left as counted.
  static func totalFromParts(_ rows: [PhaseForecastRow], forecast: LAForecast)
    -> [PhaseForecastRow]
  {
    var sums: [Int: [AgePhase: Double]] = [:]
    var parts: [Int: Set<SettingType>] = [:]
    for item in rows where SettingType.additiveParts.contains(item.row.setting) {
      sums[item.row.censusYear, default: [:]][item.phase, default: 0] += item.row.value
      parts[item.row.censusYear, default: []].insert(item.row.setting)
    }
    return rows.map { item in
      guard item.row.setting == .total, item.row.kind == .forecast,
        parts[item.row.censusYear]?.count == SettingType.additiveParts.count,
        let sum = sums[item.row.censusYear]?[item.phase],
        let total = forecast.rows.first(where: {
          $0.setting == .total && $0.censusYear == item.row.censusYear
        }), total.value > 0
      else { return item }
      let share = sum / total.value
      return PhaseForecastRow(row: total.part(share), phase: item.phase, share: share)
    }
  }

  /// One year of ageing by cohort-change ratios; ages without a ratio are held.
  static func age(_ current: [Int: Double], ratios: [Int: Double]) -> [Int: Double] {
    var next: [Int: Double] = [AgeCaseload.youngestAge: current[AgeCaseload.youngestAge] ?? 0]
    for age in (AgeCaseload.youngestAge + 1)...AgeCaseload.ages.upperBound {
      if let ratio = ratios[age] {
        next[age] = (current[age - 1] ?? 0) * ratio
      } else {
        next[age] = current[age] ?? 0
      }
    }
    return next
  }

  /// The calibration's flows summed by phase of the age at census T.
  static func reconcile(_ model: CohortComponents, setting: SettingType, censusYear: Int)
    -> [Reconciliation]
  {
    AgePhase.allCases.map { phase in
      let flows = phase.ages.compactMap { model.flows[$0] }
      func sum(_ value: KeyPath<CohortComponents.Flow, Double>) -> Double {
        flows.reduce(0.0) { $0 + $1[keyPath: value] }
      }
      return Reconciliation(
        setting: setting, phase: phase, censusYear: censusYear, cohort: sum(\.cohort),
        ceased: sum(\.ceased), newPlans: sum(\.newPlans), residual: sum(\.residual),
        stock: sum(\.stock))
    }
  }

  /// CCR(a) for a ≥ 3; absent where the cohort a year earlier was under `minimumCohort`
  /// (that age is then held at its level).
  static func ratios(now: [Int: Double], before: [Int: Double]) -> [Int: Double] {
    var ratios: [Int: Double] = [:]
    for age in (AgeCaseload.youngestAge + 1)...AgeCaseload.ages.upperBound {
      let earlier = before[age - 1] ?? 0
      if earlier >= minimumCohort { ratios[age] = (now[age] ?? 0) / earlier }
    }
    return ratios
  }
}
