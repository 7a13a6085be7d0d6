import ForecastCore

/// Holds phase demand against the places register's phases.
///
/// Register phases serve demand phases as follows: primary places take early-years (0–4)
/// and primary (5–10) children, secondary places 11–15, post-16 places 16–25; all-through
/// places are shared between primary and secondary in proportion to the two phases'
/// demand that year. Per setting type, phase and academic year:
/// ```
/// utilisation = 100 D / P,   shortfall/excess = P − D,   P(D > P) from a split log-normal
/// ```
/// (the phases' intervals are shares of one interval, so they add exactly). Overflow to
/// INMS is worked out for the setting type as a whole (`CapacityPlanner`), not by phase.
public enum PhaseCapacityPlanner {
  /// One row of the comparison, keyed by register phase.
  public typealias Row = KeyedCapacityRow<PlacesEntry.Phase>

  /// The demand phases each register phase serves.
  static let served: [(PlacesEntry.Phase, [AgePhase])] = [
    (.primary, [.earlyYears, .primary]), (.secondary, [.secondary]), (.post16, [.post16, .post19]),
  ]

  public static func plan(
    phases: [PhaseForecastRow], register: PlacesRegister, codes: [String]
  ) -> [Row] {
    var rows: [Row] = []
    for setting in register.settingTypes(codes: codes) {
      let entries = register.entries(for: codes).filter { $0.setting == setting }
      let years = Set(phases.filter { $0.row.setting == setting }.map(\.row.censusYear)).sorted()
      for censusYear in years {
        let year = AcademicYear(censusYear: censusYear)
        let inYear = phases.filter { $0.row.setting == setting && $0.row.censusYear == censusYear }
        func demand(_ groups: [AgePhase]) -> (
          value: Double, lower: Double?, upper: Double?, kind: ForecastRow.Kind
        ) {
          let picked = inYear.filter { groups.contains($0.phase) }
          let lowers = picked.compactMap(\.row.lower80)
          let uppers = picked.compactMap(\.row.upper80)
          return (
            picked.map(\.row.value).reduce(0, +),
            lowers.count == picked.count && !picked.isEmpty ? lowers.reduce(0, +) : nil,
            uppers.count == picked.count && !picked.isEmpty ? uppers.reduce(0, +) : nil,
            picked.first?.row.kind ?? .forecast
          )
        }
        func places(_ phase: PlacesEntry.Phase) -> Double? {
          let covering = entries.filter { $0.phase == phase && $0.covers(year) }
          return covering.isEmpty ? nil : covering.reduce(0) { $0 + $1.plannedPlaces }
        }
        let primaryDemand = demand([.earlyYears, .primary]).value
        let secondaryDemand = demand([.secondary]).value
        let allThrough = places(.allThrough) ?? 0
        let primaryShare =
          primaryDemand + secondaryDemand > 0
          ? primaryDemand / (primaryDemand + secondaryDemand) : 0.5
        for (phase, groups) in served {
          let wanted = demand(groups)
          var planned = places(phase)
          if allThrough > 0, phase == .primary || phase == .secondary {
            planned =
              (planned ?? 0) + allThrough * (phase == .primary ? primaryShare : 1 - primaryShare)
          }
          guard planned != nil || wanted.value > 0 else { continue }
          rows.append(
            Row(
              laCode: codes.first ?? "", setting: setting, key: phase, academicYear: year,
              kind: wanted.kind, planned: planned, demand: wanted.value, lower80: wanted.lower,
              upper80: wanted.upper))
        }
      }
    }
    return rows
  }
}
