import Foundation
import PlacePlanning

/// Writes caseload forecasts as a table for reading, CSV for spreadsheets, or JSON.
public enum ForecastWriter {
  /// The CSV header, one row per LA, setting type and census year.
  public static var csvHeader: String { ForecastColumns.columns().csvHeader }

  /// CSV: actual rows have whole numbers and empty interval columns; forecasts one decimal.
  public static func csv(_ forecasts: [LAForecast]) -> String {
    ForecastColumns.columns().csv(forecasts.flatMap { $0.rows.map { BreakdownRow(row: $0) } })
  }

  /// The CSV header with age phases.
  public static var phaseCSVHeader: String { ForecastColumns.columns(phase: true).csvHeader }

  /// CSV by setting type and age phase (`--by phase`).
  public static func csv(phases: [PhaseForecastRow]) -> String {
    ForecastColumns.columns(phase: true).csv(phases.map(BreakdownRow.init(phase:)))
  }

  /// JSON by setting type and age phase, with provenance and, for one LA, the components
  /// of the last census by phase (`reconciliation`, EHCPs).
  public static func json(
    phases: [PhaseForecastRow], reconciliation: [PhaseSplitter.Reconciliation] = [],
    provenance: Provenance
  ) throws(OutputError) -> String {
    struct Flow: Encodable {
      let settingType: String
      let phase: String
      let censusYear: Int
      let cohortYearBefore: Double
      let ceased: Double
      let newPlans: Double
      let residual: Double
      let stock: Double
    }
    struct Document: Encodable {
      let provenance: Provenance
      let rows: [JSONObject]
      let reconciliation: [Flow]?
    }
    let flows = reconciliation.map {
      Flow(
        settingType: $0.setting.rawValue, phase: $0.phase.rawValue, censusYear: $0.censusYear,
        cohortYearBefore: NumberFormat.rounded($0.cohort),
        ceased: NumberFormat.rounded($0.ceased), newPlans: NumberFormat.rounded($0.newPlans),
        residual: NumberFormat.rounded($0.residual), stock: NumberFormat.rounded($0.stock))
    }
    let rows = ForecastColumns.columns(phase: true).json(phases.map(BreakdownRow.init(phase:)))
    return try encode(
      Document(
        provenance: provenance, rows: rows, reconciliation: flows.isEmpty ? nil : flows))
  }

  /// The setting types whose components the phase table shows.
  static let reconciledSettings: [SettingType] = [.total, .specialState, .rpSENUnit, .inms]

  /// A table by setting type and phase: the last census and each forecast year, then, for
  /// one LA, how the last census came from the one before by components.
  public static func table(
    phases: [PhaseForecastRow], reconciliation: [PhaseSplitter.Reconciliation] = [],
    provenance: Provenance
  ) -> String {
    var out = ""
    if let first = phases.first {
      out += "\(first.row.laName) (\(first.row.laCode)): EHCPs by setting type and age phase\n"
    }
    out += ForecastColumns.columns(phase: true).without("lower95", "method").renderTable(
      phases.map(BreakdownRow.init(phase:)))
    let shown = reconciliation.filter { reconciledSettings.contains($0.setting) }
    if let year = shown.first?.censusYear {
      out +=
        "\nJanuary \(year) from January \(year - 1) by components (EHCPs): the cohort a year "
        + "younger, less plans ceased, plus new plans of \(year - 1), plus the residual (moves "
        + "between setting types, transfers in, timing)\n"
      let flowHeader = [
        "setting type", "phase", "cohort \(year - 1)", "ceased", "new plans", "residual",
        "January \(year)",
      ]
      let flowRows = shown.map {
        [
          $0.setting.rawValue, $0.phase.rawValue, NumberFormat.count($0.cohort),
          NumberFormat.signedCount(-$0.ceased),
          "+" + NumberFormat.count($0.newPlans), NumberFormat.signedCount($0.residual),
          NumberFormat.count($0.stock),
        ]
      }
      out += TextTable.render(header: flowHeader, rows: flowRows, rightAligned: Set(2..<7))
    }
    out += "\n" + footer(provenance)
    return out
  }

  /// Provenance and per-LA notes as JSON, the CSV's sidecar.
  public static func provenanceJSON(_ forecasts: [LAForecast], provenance: Provenance)
    throws(OutputError) -> String
  {
    let document = SidecarDocument(
      provenance: provenance,
      localAuthorities: forecasts.map { SidecarLA(forecast: $0) })
    return try encode(document)
  }

  /// JSON: provenance, then per LA its window, fits, notes and rows.
  public static func json(_ forecasts: [LAForecast], provenance: Provenance) throws(OutputError)
    -> String
  {
    let document = JSONDocument(
      provenance: provenance, forecasts: forecasts.map { JSONForecast(forecast: $0) })
    return try encode(document)
  }

  /// A table per LA: setting type, census year, kind, value and intervals; then the method,
  /// window, fits, notes and provenance as a footer.
  public static func table(_ forecasts: [LAForecast], provenance: Provenance) -> String {
    var out = ""
    for forecast in forecasts {
      out += "\(forecast.laName) (\(forecast.laCode)): EHCPs by setting type, "
      out += "census through January \(forecast.throughYear)\n"
      var rows: [BreakdownRow] = []
      for setting in SettingType.allCases {
        let settingRows = forecast.rows.filter { $0.setting == setting }
        let actuals = settingRows.filter { $0.kind == .actual }.suffix(2)
        rows += (actuals + settingRows.filter({ $0.kind == .forecast })).map {
          BreakdownRow(row: $0)
        }
      }
      out += ForecastColumns.columns().without("share").renderTable(rows)
      out +=
        "Fitted on censuses \(span(forecast.censusYearsUsed)); method \(forecast.method.rawValue).\n"
      for setting in SettingType.allCases {
        if let fit = forecast.fits[setting] { out += "  \(setting.rawValue): \(fit)\n" }
      }
      for note in forecast.notes { out += "  note: \(note)\n" }
      out += "\n"
    }
    out += footer(provenance)
    return out
  }

  /// The provenance footer of a table.
  public static func footer(_ provenance: Provenance) -> String {
    var out = "\(provenance.tool) \(provenance.version): \(provenance.command)\n"
    for input in provenance.inputs {
      out += "  \(input.role): \(input.file) (\(input.layout))\n"
    }
    for key in provenance.parameters.keys.sorted() {
      out += "  \(key) = \(provenance.parameters[key] ?? "")\n"
    }
    return out
  }

  static func span(_ years: [Int]) -> String {
    guard let first = years.first, let last = years.last else { return "none" }
    return first == last ? "\(first)" : "\(first)-\(last) (\(years.count))"
  }

  /// Pretty, key-sorted JSON of `value`; a failure (e.g. a value that is not a finite
  /// number) is an error, never an empty document.
  static func encode<T: Encodable>(_ value: T, what: String = "output") throws(OutputError)
    -> String
  {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    encoder.keyEncodingStrategy = .convertToSnakeCase
    let data: Data
    do {
      data = try encoder.encode(value)
    } catch {
      throw .notEncodable(what: what, reason: "\(error)")
    }
    return String(decoding: data, as: UTF8.self) + "\n"
  }

  // MARK: - JSON shapes

  struct JSONDocument: Encodable {
    let provenance: Provenance
    let forecasts: [JSONForecast]
  }

  struct JSONForecast: Encodable {
    let laCode: String
    let laName: String
    let throughCensus: Int
    let censusYearsUsed: [Int]
    let method: String
    let fits: [String: String]
    let notes: [String]
    let rows: [JSONObject]

    init(forecast: LAForecast) {
      laCode = forecast.laCode
      laName = forecast.laName
      throughCensus = forecast.throughYear
      censusYearsUsed = forecast.censusYearsUsed
      method = forecast.method.rawValue
      fits = Dictionary(uniqueKeysWithValues: forecast.fits.map { ($0.key.rawValue, $0.value) })
      notes = forecast.notes
      rows = ForecastColumns.columns().without("la_code", "la_name", "share").json(
        forecast.rows.map { BreakdownRow(row: $0) })
    }
  }

  struct SidecarDocument: Encodable {
    let provenance: Provenance
    let localAuthorities: [SidecarLA]
  }

  struct SidecarLA: Encodable {
    let laCode: String
    let laName: String
    let method: String
    let censusYearsUsed: [Int]
    let fits: [String: String]
    let notes: [String]

    init(forecast: LAForecast) {
      laCode = forecast.laCode
      laName = forecast.laName
      method = forecast.method.rawValue
      censusYearsUsed = forecast.censusYearsUsed
      fits = Dictionary(uniqueKeysWithValues: forecast.fits.map { ($0.key.rawValue, $0.value) })
      notes = forecast.notes
    }
  }
}
