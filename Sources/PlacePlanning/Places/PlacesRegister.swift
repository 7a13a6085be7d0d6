/// An LA's planned places by setting, from its register.
public struct PlacesRegister: Sendable {
  public let entries: [PlacesEntry]

  public init(entries: [PlacesEntry]) {
    self.entries = entries
  }

  /// The rows for an LA, under any of its codes.
  public func entries(for codes: [String]) -> [PlacesEntry] {
    entries.filter { codes.contains($0.laCode) }
  }

  /// Planned places of a setting type in an academic year (sum over settings, at least 0:
  /// a scenario's closures cannot take places below none); nil when the register has no row
  /// for that type in that year.
  public func plannedPlaces(codes: [String], setting: SettingType, year: AcademicYear)
    -> Double?
  {
    let rows = entries(for: codes).filter { $0.setting == setting && $0.covers(year) }
    return rows.isEmpty ? nil : max(0, rows.reduce(0) { $0 + $1.plannedPlaces })
  }

  /// Actual placements of a setting type in an academic year, when every row covering the
  /// year gives them.
  public func actualPlacements(codes: [String], setting: SettingType, year: AcademicYear)
    -> Double?
  {
    let rows = entries(for: codes).filter { $0.setting == setting && $0.covers(year) }
    guard !rows.isEmpty else { return nil }
    let actuals = rows.compactMap(\.actualPlacements)
    return actuals.count == rows.count ? actuals.reduce(0, +) : nil
  }

  /// The setting types with places for an LA, in the order of `SettingType`.
  public func settingTypes(codes: [String]) -> [SettingType] {
    let present = Set(entries(for: codes).map(\.setting))
    return SettingType.allCases.filter { present.contains($0) }
  }
}
