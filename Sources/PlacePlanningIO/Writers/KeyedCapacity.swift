import PlacePlanning

/// Places against demand broken down by one more key (phase, or designation), in the one
/// layout `places --by phase` and `places --by need` share: CSV, JSON and table.
struct KeyedCapacity {
  var laCode: String
  var setting: SettingType
  /// The phase (`primary`), or the designation (`asd/slcn`, `generic`).
  var key: String
  var academicYear: AcademicYear
  var kind: ForecastRow.Kind
  var plannedPlaces: Double?
  var demand: Double
  var demandLower80: Double?
  var demandUpper80: Double?
  var utilisationPercent: Double?
  var shortfallExcess: Double?
  var probabilityDemandExceedsPlaces: Double?

  init(phase row: PhaseCapacityPlanner.Row) {
    self.init(
      laCode: row.laCode, setting: row.setting, key: row.phase.rawValue,
      academicYear: row.academicYear, kind: row.kind, plannedPlaces: row.plannedPlaces,
      demand: row.demand, demandLower80: row.demandLower80, demandUpper80: row.demandUpper80,
      utilisationPercent: row.utilisationPercent, shortfallExcess: row.shortfallExcess,
      probabilityDemandExceedsPlaces: row.probabilityDemandExceedsPlaces)
  }

  init(need row: NeedCapacityPlanner.Row) {
    self.init(
      laCode: row.laCode, setting: row.setting, key: row.designation.code,
      academicYear: row.academicYear, kind: row.kind, plannedPlaces: row.plannedPlaces,
      demand: row.demand, demandLower80: row.demandLower80, demandUpper80: row.demandUpper80,
      utilisationPercent: row.utilisationPercent, shortfallExcess: row.shortfallExcess,
      probabilityDemandExceedsPlaces: row.probabilityDemandExceedsPlaces)
  }

  init(
    laCode: String, setting: SettingType, key: String,
    academicYear: AcademicYear, kind: ForecastRow.Kind, plannedPlaces: Double?, demand: Double,
    demandLower80: Double?, demandUpper80: Double?, utilisationPercent: Double?,
    shortfallExcess: Double?, probabilityDemandExceedsPlaces: Double?
  ) {
    self.laCode = laCode
    self.setting = setting
    self.key = key
    self.academicYear = academicYear
    self.kind = kind
    self.plannedPlaces = plannedPlaces
    self.demand = demand
    self.demandLower80 = demandLower80
    self.demandUpper80 = demandUpper80
    self.utilisationPercent = utilisationPercent
    self.shortfallExcess = shortfallExcess
    self.probabilityDemandExceedsPlaces = probabilityDemandExceedsPlaces
  }

  /// The columns, the key (`phase` or `designation`) after the setting type.
  static func columns(key: String) -> OutputColumns<KeyedCapacity> {
    OutputColumns([
      .init("la_code", in: [.csv, .json]) { .text($0.laCode) },
      .init("setting_type", heading: "setting type") { .text($0.setting.rawValue) },
      .init(key) { .text($0.key) },
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

  static func header(key: String) -> String { columns(key: key).csvHeader }

  static func csv(_ rows: [KeyedCapacity], key: String) -> String { columns(key: key).csv(rows) }

  /// JSON with provenance; the fields are the CSV's columns, counts to 0.1, probabilities to
  /// 0.001.
  static func json(_ rows: [KeyedCapacity], key: String, provenance: Provenance)
    throws(OutputError) -> String
  {
    try ForecastWriter.encode(
      PlacesDocument(provenance: provenance, places: columns(key: key).json(rows)))
  }

  static func table(
    _ rows: [KeyedCapacity], key: String, title: String, provenance: Provenance
  ) -> String {
    title + "\n" + columns(key: key).renderTable(rows) + "\n" + ForecastWriter.footer(provenance)
  }
}

/// Places against demand as JSON: provenance, then a row per place and year.
struct PlacesDocument: Encodable {
  let provenance: Provenance
  let places: [JSONObject]
}
