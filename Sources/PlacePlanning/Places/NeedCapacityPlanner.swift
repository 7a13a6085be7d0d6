import ForecastCore

/// Holds demand by primary need against places designated for it.
///
/// For each setting type whose register rows carry a designation, the designations are
/// grouped: designations that share a need are one group (a school for ASD and a school for
/// ASD/SLCN serve the same children, so `asd` and `asd/slcn` become `asd/slcn`). Each group's
/// demand is the sum of its needs' forecasts; `generic` places (and rows without a
/// designation) meet the demand of every need no group names. So the groups' demand adds up
/// to the setting type's, and their places to its places. Per group and academic year:
/// ```
/// utilisation = 100 D / P,   shortfall/excess = P − D,   P(D > P) from a split log-normal
/// ```
/// with the group's 80% interval the sum of its needs' (shares of one interval, so they
/// add). Academic year 2026/27 is the January 2027 census.
public enum NeedCapacityPlanner {
  /// One row of the comparison, keyed by designation group.
  public typealias Row = KeyedCapacityRow<Designation>

  /// The designation groups of a setting type's register rows, named groups first (in
  /// order of their first need), then `generic` when any row is generic or undesignated or
  /// some need has no group. Empty when no row is designated.
  public static func groups(_ entries: [PlacesEntry]) -> [Designation] {
    var groups: [[PrimaryNeed]] = []
    for entry in entries {
      guard case .needs(let needs) = entry.designation else { continue }
      var merged = needs
      var kept: [[PrimaryNeed]] = []
      for group in groups {
        if group.contains(where: { merged.contains($0) }) {
          merged += group.filter { !merged.contains($0) }
        } else {
          kept.append(group)
        }
      }
      groups = kept + [merged.sorted()]
    }
    guard !groups.isEmpty else { return [] }
    let named = groups.sorted { ($0.first ?? .unknown) < ($1.first ?? .unknown) }
    return named.map { Designation.needs($0) } + [.generic]
  }

  public static func plan(
    needs: [NeedForecastRow], register: PlacesRegister, codes: [String]
  ) -> [Row] {
    var rows: [Row] = []
    for setting in register.settingTypes(codes: codes) {
      let entries = register.entries(for: codes).filter { $0.setting == setting }
      let groups = groups(entries)
      guard !groups.isEmpty else { continue }
      let named = groups.flatMap { group -> [PrimaryNeed] in
        if case .needs(let needs) = group { return needs }
        return []
      }
      let settingRows = needs.filter { $0.row.setting == setting }
      let years = Set(settingRows.map(\.row.censusYear)).sorted()
      for censusYear in years {
        let year = AcademicYear(censusYear: censusYear)
        let inYear = settingRows.filter { $0.row.censusYear == censusYear }
        for group in groups {
          let members: [PrimaryNeed]
          if case .needs(let needs) = group {
            members = needs
          } else {
            members = PrimaryNeed.allCases.filter { !named.contains($0) }
          }
          let picked = inYear.filter { members.contains($0.need) }
          guard !picked.isEmpty else { continue }
          let demand = picked.reduce(0.0) { $0 + $1.row.value }
          let lowers = picked.compactMap(\.row.lower80)
          let uppers = picked.compactMap(\.row.upper80)
          let lower = lowers.count == picked.count ? lowers.reduce(0, +) : nil
          let upper = uppers.count == picked.count ? uppers.reduce(0, +) : nil
          let kind = picked.first?.row.kind ?? .forecast
          let covering = entries.filter { entry in
            guard entry.covers(year) else { return false }
            if case .needs(let needs) = entry.designation {
              return needs.allSatisfy { members.contains($0) } && group != .generic
            }
            return group == .generic
          }
          let planned: Double? =
            covering.isEmpty ? nil : max(0, covering.reduce(0) { $0 + $1.plannedPlaces })
          guard planned != nil || demand > 0 else { continue }
          rows.append(
            Row(
              laCode: codes.first ?? "", setting: setting, key: group, academicYear: year,
              kind: kind, planned: planned, demand: demand, lower80: lower, upper80: upper))
        }
      }
    }
    return rows
  }
}
