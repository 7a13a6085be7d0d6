import PlacePlanning

/// Writes capacity rows (places against demand) as a table, CSV or JSON.
public enum PlacesWriter {
  public static let csvHeader =
    "la_code,setting_type,academic_year,planned_places,demand,demand_lower80,demand_upper80,placed,overflow_to_inms,utilisation_pct,shortfall_excess,p_demand_exceeds_places"

  public static func csv(_ rows: [CapacityRow]) -> String {
    var lines = [csvHeader]
    for row in rows {
      let decimals = row.kind == .actual ? 0 : 1
      lines.append(
        CSVFormat.line([
          CSVFormat.text(row.laCode), row.setting.rawValue, row.academicYear.description,
          CSVFormat.number(row.plannedPlaces, decimals: 0),
          CSVFormat.number(row.demand, decimals: decimals),
          CSVFormat.number(row.demandLower80), CSVFormat.number(row.demandUpper80),
          CSVFormat.number(row.placed, decimals: decimals),
          CSVFormat.number(row.overflowToINMS, decimals: 1),
          CSVFormat.number(row.utilisationPercent, decimals: 1),
          CSVFormat.number(row.shortfallExcess, decimals: 1),
          CSVFormat.number(row.probabilityDemandExceedsPlaces, decimals: 3),
        ]))
    }
    return lines.joined(separator: "\n") + "\n"
  }

  public static func table(_ rows: [CapacityRow], laName: String, provenance: Provenance) -> String
  {
    var out = ""
    guard let first = rows.first else { return ForecastWriter.footer(provenance) }
    out += "\(laName) (\(first.laCode)): planned places against EHCP demand\n"
    for setting in [SettingType.specialState, .rpSENUnit, .apPRU, .fePost16, .inms] {
      let settingRows = rows.filter { $0.setting == setting }
      guard !settingRows.isEmpty else { continue }
      out += "\n\(setting.rawValue) (\(setting.label))\n"
      let header = [
        "year", "kind", "places", "demand", "80% interval", "util %", "short(-)/excess",
        "P(demand>places)", "placed", "to INMS", "actual", "actual util %",
      ]
      let body = settingRows.map { row in
        [
          row.academicYear.description, row.kind.rawValue,
          row.plannedPlaces.map(ForecastWriter.grouped) ?? "",
          ForecastWriter.grouped(row.demand),
          ForecastWriter.interval(row.demandLower80, row.demandUpper80),
          CSVFormat.number(row.utilisationPercent, decimals: 1),
          row.shortfallExcess.map(ForecastWriter.grouped) ?? "",
          row.probabilityDemandExceedsPlaces.map { CSVFormat.number(100 * $0, decimals: 0) + "%" }
            ?? "",
          ForecastWriter.grouped(row.placed),
          row.overflowToINMS > 0 ? ForecastWriter.grouped(row.overflowToINMS) : "",
          row.actualPlacements.map(ForecastWriter.grouped) ?? "",
          CSVFormat.number(row.actualUtilisationPercent, decimals: 1),
        ]
      }
      out += TextTable.render(header: header, rows: body, rightAligned: Set(2..<header.count))
    }
    out += "\nDemand for academic year 2026/27 is the January 2027 census forecast. INMS rows: "
    out +=
      "demand is the forecast, placed adds the overflow from full state special and RP places.\n\n"
    out += ForecastWriter.footer(provenance)
    return out
  }

  public static func json(_ rows: [CapacityRow], provenance: Provenance) throws(OutputError)
    -> String
  {
    struct Row: Encodable {
      let laCode: String
      let settingType: String
      let academicYear: String
      let kind: String
      let plannedPlaces: Double?
      let demand: Double
      let demandLower80: Double?
      let demandUpper80: Double?
      let placed: Double
      let overflowToInms: Double
      let utilisationPct: Double?
      let shortfallExcess: Double?
      let pDemandExceedsPlaces: Double?
      let actualPlacements: Double?
      let actualUtilisationPct: Double?
    }
    struct Document: Encodable {
      let provenance: Provenance
      let places: [Row]
    }
    let encoded = rows.map {
      Row(
        laCode: $0.laCode, settingType: $0.setting.rawValue,
        academicYear: $0.academicYear.description, kind: $0.kind.rawValue,
        plannedPlaces: $0.plannedPlaces, demand: round1($0.demand),
        demandLower80: $0.demandLower80.map(round1), demandUpper80: $0.demandUpper80.map(round1),
        placed: round1($0.placed), overflowToInms: round1($0.overflowToINMS),
        utilisationPct: $0.utilisationPercent.map(round1),
        shortfallExcess: $0.shortfallExcess.map(round1),
        pDemandExceedsPlaces: $0.probabilityDemandExceedsPlaces.map {
          ($0 * 1000).rounded() / 1000
        },
        actualPlacements: $0.actualPlacements,
        actualUtilisationPct: $0.actualUtilisationPercent.map(round1))
    }
    return try ForecastWriter.encode(Document(provenance: provenance, places: encoded))
  }

  static func round1(_ value: Double) -> Double { (value * 10).rounded() / 10 }

  /// The CSV header of `places --by phase`.
  public static let phaseCSVHeader = KeyedCapacity.header(key: "phase")

  /// Places against demand by phase, CSV.
  public static func csv(phases rows: [PhaseCapacityPlanner.Row]) -> String {
    KeyedCapacity.csv(rows.map(KeyedCapacity.init(phase:)), key: "phase")
  }

  /// Places against demand by phase, JSON with provenance; the fields are the CSV's columns,
  /// numbers rounded to 0.1 (probabilities to 0.001).
  public static func json(phases rows: [PhaseCapacityPlanner.Row], provenance: Provenance)
    throws(OutputError) -> String
  {
    try KeyedCapacity.json(rows.map(KeyedCapacity.init(phase:)), provenance: provenance)
  }

  /// Places against demand by phase, as a table.
  public static func table(phases rows: [PhaseCapacityPlanner.Row], provenance: Provenance)
    -> String
  {
    KeyedCapacity.table(
      rows.map(KeyedCapacity.init(phase:)), key: "phase",
      title:
        "Planned places against demand by phase (primary places also take 0-4; post-16 places 16-25; all-through places shared by demand)",
      provenance: provenance)
  }
}
