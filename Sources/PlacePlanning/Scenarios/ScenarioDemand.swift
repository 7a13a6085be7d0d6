/// Applies a scenario's demand changes to a forecast.
///
/// Growth changes: `D'(t) = D(f−1) + m (D(t) − D(f−1))` for census years t in or after the
/// change's academic year f, applied to the value and both interval ends; the total moves by
/// the same amount (and mainstream with RP). INMS move: `M(t) = s · max(0, INMS(t) −
/// INMS(f−1))` leaves INMS for the target setting type (and mainstream with RP); the total
/// is unchanged.
public enum ScenarioDemand {
  public static func apply(_ scenario: Scenario, to forecast: LAForecast) -> LAForecast {
    var rows = forecast.rows
    func index(_ setting: SettingType, _ year: Int) -> Int? {
      rows.firstIndex { $0.setting == setting && $0.censusYear == year }
    }
    func shift(_ setting: SettingType, _ year: Int, by amount: Double) {
      guard let i = index(setting, year) else { return }
      rows[i] = rows[i].shifted(by: amount)
    }
    for change in scenario.growth {
      let anchorYear = change.fromYear.censusYear - 1
      guard let anchorIndex = index(change.setting, anchorYear) else { continue }
      let anchor = rows[anchorIndex].value
      for i in rows.indices
      where rows[i].setting == change.setting && rows[i].kind == .forecast
        && rows[i].censusYear >= change.fromYear.censusYear
      {
        let before = rows[i].value
        let adjust = { (value: Double) in anchor + change.multiplier * (value - anchor) }
        rows[i].value = max(0, adjust(rows[i].value))
        rows[i].lower80 = rows[i].lower80.map { max(0, adjust($0)) }
        rows[i].upper80 = rows[i].upper80.map { max(0, adjust($0)) }
        rows[i].lower95 = rows[i].lower95.map { max(0, adjust($0)) }
        rows[i].upper95 = rows[i].upper95.map { max(0, adjust($0)) }
        let delta = rows[i].value - before
        let year = rows[i].censusYear
        if SettingType.additiveParts.contains(change.setting) { shift(.total, year, by: delta) }
        if change.setting == .rpSENUnit {
          shift(.mainstream, year, by: delta)
          shift(.total, year, by: delta)
        }
      }
    }
    if let move = scenario.inmsMove, let anchorIndex = index(.inms, move.fromYear.censusYear - 1) {
      let anchor = rows[anchorIndex].value
      let years = rows.filter {
        $0.setting == .inms && $0.kind == .forecast && $0.censusYear >= move.fromYear.censusYear
      }.map(\.censusYear)
      for year in years {
        guard let i = index(.inms, year) else { continue }
        let moved = move.share * max(0, rows[i].value - anchor)
        shift(.inms, year, by: -moved)
        shift(move.to, year, by: moved)
        if move.to == .rpSENUnit { shift(.mainstream, year, by: moved) }
      }
    }
    return LAForecast(
      laCode: forecast.laCode, laName: forecast.laName, throughYear: forecast.throughYear,
      censusYearsUsed: forecast.censusYearsUsed, method: forecast.method, rows: rows,
      fits: forecast.fits, notes: forecast.notes)
  }

  /// The scenario's places changes that cannot be applied: the register has no places of
  /// that setting type for the LA, so its demand is not capacity-limited and added places
  /// would wrongly become its only places.
  public static func unanchoredChanges(
    _ scenario: Scenario, register: PlacesRegister, codes: [String]
  ) -> [Scenario.PlacesChange] {
    let present = Set(register.settingTypes(codes: codes))
    return scenario.places.filter { !present.contains($0.setting) }
  }

  /// The register with a scenario's places changes added as rows from their year on, for
  /// the setting types the register already holds for the LA (see `unanchoredChanges`):
  /// one row per year of the change's fill, then its full places, open-ended.
  public static func apply(_ scenario: Scenario, to register: PlacesRegister, laCode: String)
    -> PlacesRegister
  {
    let present = Set(register.settingTypes(codes: [laCode]))
    let added = scenario.places.filter { present.contains($0.setting) }.flatMap { change in
      let name = "\(change.name) (scenario \(scenario.name))"
      var rows: [PlacesEntry] = []
      for (offset, open) in change.fill.enumerated() {
        let year = AcademicYear(startYear: change.fromYear.startYear + offset)
        rows.append(
          PlacesEntry(
            laCode: laCode, settingName: name, setting: change.setting, phase: .allThrough,
            firstYear: year, lastYear: year, plannedPlaces: open, source: scenario.source))
      }
      rows.append(
        PlacesEntry(
          laCode: laCode, settingName: name, setting: change.setting, phase: .allThrough,
          firstYear: AcademicYear(startYear: change.fromYear.startYear + change.fill.count),
          lastYear: nil, plannedPlaces: change.places, source: scenario.source))
      return rows
    }
    return PlacesRegister(entries: register.entries + added)
  }
}
