import PlacePlanning

/// Places against demand broken down by one more key (phase, or designation), in the one
/// layout `places --by phase` and `places --by need` share: CSV, JSON and table.
enum KeyedCapacity {
  /// The columns, the key (`phase` or `designation`) after the setting type.
  static func columns<Key>(key: String, text: @escaping @Sendable (Key) -> String)
    -> OutputColumns<KeyedCapacityRow<Key>>
  {
    OutputColumns([
      .init("la_code", in: [.csv, .json]) { .text($0.laCode) },
      .init("setting_type", heading: "setting type") { .text($0.setting.rawValue) },
      .init(key) { .text(text($0.key)) },
      .init("academic_year", heading: "year") { .text($0.academicYear.description) },
      .init("kind", in: [.csv, .json]) { .text($0.kind.rawValue) },
      .init("planned_places", heading: "places") { .count($0.plannedPlaces, decimals: 1) },
      .init("demand") { .count($0.demand, decimals: $0.kind == .actual ? 0 : 1) },
      .init("demand_lower80", "demand_upper80", heading: "80% interval") {
        .interval($0.demandLower80, $0.demandUpper80)
      },
      .init("utilisation_pct", heading: "util %") {
        PlacesWriter.utilisation($0.utilisationPercent)
      },
      .init("shortfall_excess", heading: "short(-)/excess") {
        .count($0.shortfallExcess, decimals: 1)
      },
      .init("p_demand_exceeds_places", heading: "P(demand>places)") {
        .probability($0.probabilityDemandExceedsPlaces)
      },
    ])
  }

  /// By register phase (`places --by phase`).
  static let byPhase = columns(key: "phase") { (phase: PlacesEntry.Phase) in phase.rawValue }

  /// By designation group (`places --by need`).
  static let byNeed = columns(key: "designation") { (group: Designation) in group.code }

  /// JSON with provenance; the fields are the CSV's columns, counts to 0.1, probabilities to
  /// 0.001.
  static func json<Key>(
    _ rows: [KeyedCapacityRow<Key>], columns: OutputColumns<KeyedCapacityRow<Key>>,
    provenance: Provenance
  ) throws(OutputError) -> String {
    try ForecastWriter.encode(PlacesDocument(provenance: provenance, places: columns.json(rows)))
  }

  static func table<Key>(
    _ rows: [KeyedCapacityRow<Key>], columns: OutputColumns<KeyedCapacityRow<Key>>,
    title: String, provenance: Provenance
  ) -> String {
    title + "\n" + columns.renderTable(rows) + "\n" + ForecastWriter.footer(provenance)
  }
}

/// Places against demand as JSON: provenance, then a row per place and year.
struct PlacesDocument: Encodable {
  let provenance: Provenance
  let places: [JSONObject]
}
