import PlacePlanning

/// Places against demand broken down by one more key (phase, or designation), in the one
/// layout `places --by phase` and `places --by need` share: CSV, JSON and table.
struct KeyedCapacity {
  var laCode: String
  var setting: SettingType
  /// The phase (`primary`), or the designation (`asd/slcn`, `generic`).
  var key: String
  var isPhase: Bool
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
      laCode: row.laCode, setting: row.setting, key: row.phase.rawValue, isPhase: true,
      academicYear: row.academicYear, kind: row.kind, plannedPlaces: row.plannedPlaces,
      demand: row.demand, demandLower80: row.demandLower80, demandUpper80: row.demandUpper80,
      utilisationPercent: row.utilisationPercent, shortfallExcess: row.shortfallExcess,
      probabilityDemandExceedsPlaces: row.probabilityDemandExceedsPlaces)
  }

  init(need row: NeedCapacityPlanner.Row) {
    self.init(
      laCode: row.laCode, setting: row.setting, key: row.designation.code, isPhase: false,
      academicYear: row.academicYear, kind: row.kind, plannedPlaces: row.plannedPlaces,
      demand: row.demand, demandLower80: row.demandLower80, demandUpper80: row.demandUpper80,
      utilisationPercent: row.utilisationPercent, shortfallExcess: row.shortfallExcess,
      probabilityDemandExceedsPlaces: row.probabilityDemandExceedsPlaces)
  }

  init(
    laCode: String, setting: SettingType, key: String, isPhase: Bool,
    academicYear: AcademicYear, kind: ForecastRow.Kind, plannedPlaces: Double?, demand: Double,
    demandLower80: Double?, demandUpper80: Double?, utilisationPercent: Double?,
    shortfallExcess: Double?, probabilityDemandExceedsPlaces: Double?
  ) {
    self.laCode = laCode
    self.setting = setting
    self.key = key
    self.isPhase = isPhase
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

  static func header(key: String) -> String {
    "la_code,setting_type,\(key),academic_year,planned_places,demand,demand_lower80,demand_upper80,utilisation_pct,shortfall_excess,p_demand_exceeds_places"
  }

  static func csv(_ rows: [KeyedCapacity], key: String) -> String {
    var lines = [header(key: key)]
    for row in rows {
      let decimals = row.kind == .actual ? 0 : 1
      lines.append(
        CSVFormat.line([
          CSVFormat.text(row.laCode), row.setting.rawValue, CSVFormat.text(row.key),
          row.academicYear.description, CSVFormat.number(row.plannedPlaces, decimals: 1),
          CSVFormat.number(row.demand, decimals: decimals), CSVFormat.number(row.demandLower80),
          CSVFormat.number(row.demandUpper80),
          CSVFormat.number(row.utilisationPercent, decimals: 1),
          CSVFormat.number(row.shortfallExcess, decimals: 1),
          CSVFormat.number(row.probabilityDemandExceedsPlaces, decimals: 3),
        ]))
    }
    return lines.joined(separator: "\n") + "\n"
  }

  /// JSON with provenance; the fields are the CSV's columns, numbers rounded to 0.1
  /// (probabilities to 0.001).
  static func json(_ rows: [KeyedCapacity], provenance: Provenance) throws(OutputError)
    -> String
  {
    struct Row: Encodable {
      let laCode: String
      let settingType: String
      let phase: String?
      let designation: String?
      let academicYear: String
      let kind: String
      let plannedPlaces: Double?
      let demand: Double
      let demandLower80: Double?
      let demandUpper80: Double?
      let utilisationPct: Double?
      let shortfallExcess: Double?
      let pDemandExceedsPlaces: Double?
    }
    struct Document: Encodable {
      let provenance: Provenance
      let places: [Row]
    }
    let round1 = PlacesWriter.round1
    let encoded = rows.map {
      Row(
        laCode: $0.laCode, settingType: $0.setting.rawValue, phase: $0.isPhase ? $0.key : nil,
        designation: $0.isPhase ? nil : $0.key, academicYear: $0.academicYear.description,
        kind: $0.kind.rawValue, plannedPlaces: $0.plannedPlaces.map(round1),
        demand: round1($0.demand), demandLower80: $0.demandLower80.map(round1),
        demandUpper80: $0.demandUpper80.map(round1),
        utilisationPct: $0.utilisationPercent.map(round1),
        shortfallExcess: $0.shortfallExcess.map(round1),
        pDemandExceedsPlaces: $0.probabilityDemandExceedsPlaces.map {
          ($0 * 1000).rounded() / 1000
        })
    }
    return try ForecastWriter.encode(Document(provenance: provenance, places: encoded))
  }

  static func table(
    _ rows: [KeyedCapacity], key: String, title: String, provenance: Provenance
  ) -> String {
    let header = [
      "setting type", key, "year", "places", "demand", "80% interval", "util %",
      "short(-)/excess", "P(demand>places)",
    ]
    let body = rows.map { row in
      [
        row.setting.rawValue, row.key, row.academicYear.description,
        row.plannedPlaces.map(ForecastWriter.grouped) ?? "", ForecastWriter.grouped(row.demand),
        ForecastWriter.interval(row.demandLower80, row.demandUpper80),
        CSVFormat.number(row.utilisationPercent, decimals: 1),
        row.shortfallExcess.map(ForecastWriter.grouped) ?? "",
        row.probabilityDemandExceedsPlaces.map { CSVFormat.number(100 * $0, decimals: 0) + "%" }
          ?? "",
      ]
    }
    return title + "\n"
      + TextTable.render(header: header, rows: body, rightAligned: Set(3..<header.count)) + "\n"
      + ForecastWriter.footer(provenance)
  }
}
