import PlacePlanning

/// Writes capacity rows (places against demand) as a table, CSV or JSON.
public enum PlacesWriter {
  /// Places against demand, one row per LA, setting type and academic year. The table
  /// shows a setting type at a time, so leaves out the LA and setting type.
  static let columns = OutputColumns<CapacityRow>([
    .init("la_code", in: [.csv, .json]) { .text($0.laCode) },
    .init("setting_type", in: [.csv, .json]) { .text($0.setting.rawValue) },
    .init("academic_year", heading: "year") { .text($0.academicYear.description) },
    .init("kind") { .text($0.kind.rawValue) },
    .init("planned_places", heading: "places") { .count($0.plannedPlaces, decimals: 0) },
    .init("demand") { .count($0.demand, decimals: $0.kind == .actual ? 0 : 1) },
    .init("demand_lower80", "demand_upper80", heading: "80% interval") {
      .interval($0.demandLower80, $0.demandUpper80)
    },
    .init("utilisation_pct", heading: "util %") { utilisation($0.utilisationPercent) },
    .init("shortfall_excess", heading: "short(-)/excess") {
      .count($0.shortfallExcess, decimals: 1)
    },
    .init("p_demand_exceeds_places", heading: "P(demand>places)") {
      .probability($0.probabilityDemandExceedsPlaces)
    },
    .init("placed") { .count($0.placed, decimals: $0.kind == .actual ? 0 : 1) },
    .init("overflow_to_inms", heading: "to INMS", in: [.csv, .json]) {
      .count($0.overflowToINMS, decimals: 1)
    },
    // The table leaves a zero overflow blank, so that the years with one stand out.
    .init("overflow_to_inms", heading: "to INMS", in: .table) {
      .count($0.overflowToINMS > 0 ? $0.overflowToINMS : nil, decimals: 1)
    },
    .init("actual_placements", heading: "actual") { .count($0.actualPlacements, decimals: 0) },
    .init("actual_utilisation_pct", heading: "actual util %") {
      utilisation($0.actualUtilisationPercent)
    },
  ])

  /// A utilisation percentage: one decimal, shown without a % sign (its heading has one).
  static func utilisation(_ value: Double?) -> OutputValue {
    .number(value, decimals: 1, jsonDecimals: 1, suffix: "")
  }

  public static var csvHeader: String { columns.csvHeader }

  public static func csv(_ rows: [CapacityRow]) -> String { columns.csv(rows) }

  public static func table(_ rows: [CapacityRow], laName: String, provenance: Provenance) -> String
  {
    var out = ""
    guard let first = rows.first else { return ForecastWriter.footer(provenance) }
    out += "\(laName) (\(first.laCode)): planned places against EHCP demand\n"
    for setting in [SettingType.specialState, .rpSENUnit, .apPRU, .fePost16, .inms] {
      let settingRows = rows.filter { $0.setting == setting }
      guard !settingRows.isEmpty else { continue }
      out += "\n\(setting.rawValue) (\(setting.label))\n"
      out += columns.renderTable(settingRows)
    }
    out += "\nDemand for academic year 2026/27 is the January 2027 census forecast. INMS rows: "
    out +=
      "demand is the forecast, placed adds the overflow from full state special and RP places.\n\n"
    out += ForecastWriter.footer(provenance)
    return out
  }

  /// JSON with provenance; the fields are the CSV's columns, counts to 0.1, probabilities to
  /// 0.001.
  public static func json(_ rows: [CapacityRow], provenance: Provenance) throws(OutputError)
    -> String
  {
    try ForecastWriter.encode(PlacesDocument(provenance: provenance, places: columns.json(rows)))
  }

  /// The CSV header of `places --by phase`.
  public static var phaseCSVHeader: String { KeyedCapacity.byPhase.csvHeader }

  /// Places against demand by phase, CSV.
  public static func csv(phases rows: [PhaseCapacityPlanner.Row]) -> String {
    KeyedCapacity.byPhase.csv(rows)
  }

  /// Places against demand by phase, JSON with provenance; the fields are the CSV's columns,
  /// numbers rounded to 0.1 (probabilities to 0.001).
  public static func json(phases rows: [PhaseCapacityPlanner.Row], provenance: Provenance)
    throws(OutputError) -> String
  {
    try KeyedCapacity.json(rows, columns: KeyedCapacity.byPhase, provenance: provenance)
  }

  /// Places against demand by phase, as a table.
  public static func table(phases rows: [PhaseCapacityPlanner.Row], provenance: Provenance)
    -> String
  {
    KeyedCapacity.table(
      rows, columns: KeyedCapacity.byPhase,
      title:
        "Planned places against demand by phase (primary places also take 0-4; post-16 places 16-25; all-through places shared by demand)",
      provenance: provenance)
  }
}
