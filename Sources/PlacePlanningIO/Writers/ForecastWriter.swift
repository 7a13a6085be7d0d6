import Foundation
import PlacePlanning

/// Writes caseload forecasts as a table for reading, CSV for spreadsheets, or JSON.
public enum ForecastWriter {
  /// The CSV header, one row per LA, setting type and census year.
  public static let csvHeader =
    "la_code,la_name,setting_type,census_year,kind,value,lower80,upper80,lower95,upper95,method"

  /// CSV: actual rows have whole numbers and empty interval columns; forecasts one decimal.
  public static func csv(_ forecasts: [LAForecast]) -> String {
    var lines = [csvHeader]
    for forecast in forecasts {
      for row in forecast.rows {
        let decimals = row.kind == .actual ? 0 : 1
        lines.append(
          CSVFormat.line([
            CSVFormat.text(row.laCode), CSVFormat.text(row.laName),
            row.setting.rawValue, String(row.censusYear), row.kind.rawValue,
            CSVFormat.number(row.value, decimals: decimals),
            CSVFormat.number(row.lower80), CSVFormat.number(row.upper80),
            CSVFormat.number(row.lower95), CSVFormat.number(row.upper95),
            CSVFormat.text(row.method),
          ]))
      }
    }
    return lines.joined(separator: "\n") + "\n"
  }

  /// The CSV header with age phases.
  public static let phaseCSVHeader =
    "la_code,la_name,setting_type,phase,census_year,kind,value,lower80,upper80,lower95,upper95,method"

  /// CSV by setting type and age phase (`--by phase`).
  public static func csv(phases: [PhaseForecastRow]) -> String {
    var lines = [phaseCSVHeader]
    for item in phases {
      let row = item.row
      let decimals = row.kind == .actual ? 0 : 1
      lines.append(
        CSVFormat.line([
          CSVFormat.text(row.laCode), CSVFormat.text(row.laName), row.setting.rawValue,
          item.phase.rawValue, String(row.censusYear), row.kind.rawValue,
          CSVFormat.number(row.value, decimals: decimals),
          CSVFormat.number(row.lower80), CSVFormat.number(row.upper80),
          CSVFormat.number(row.lower95), CSVFormat.number(row.upper95),
          CSVFormat.text(row.method),
        ]))
    }
    return lines.joined(separator: "\n") + "\n"
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
      let rows: [BreakdownJSONRow]
      let reconciliation: [Flow]?
    }
    let flows = reconciliation.map {
      Flow(
        settingType: $0.setting.rawValue, phase: $0.phase.rawValue, censusYear: $0.censusYear,
        cohortYearBefore: rounded($0.cohort), ceased: rounded($0.ceased),
        newPlans: rounded($0.newPlans), residual: rounded($0.residual), stock: rounded($0.stock))
    }
    let rows = phases.map {
      BreakdownJSONRow($0.row, share: $0.share, phase: $0.phase, need: nil)
    }
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
    let header = ["setting type", "phase", "census", "kind", "EHCPs", "80% interval", "share"]
    var rows: [[String]] = []
    for item in phases {
      rows.append([
        item.row.setting.rawValue, item.phase.rawValue, String(item.row.censusYear),
        item.row.kind.rawValue, grouped(item.row.value),
        interval(item.row.lower80, item.row.upper80),
        CSVFormat.number(100 * item.share, decimals: 1) + "%",
      ])
    }
    if let first = phases.first {
      out += "\(first.row.laName) (\(first.row.laCode)): EHCPs by setting type and age phase\n"
    }
    out += TextTable.render(header: header, rows: rows, rightAligned: [2, 4, 5, 6])
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
          $0.setting.rawValue, $0.phase.rawValue, grouped($0.cohort), signed(-$0.ceased),
          "+" + grouped($0.newPlans), signed($0.residual), grouped($0.stock),
        ]
      }
      out += TextTable.render(header: flowHeader, rows: flowRows, rightAligned: Set(2..<7))
    }
    out += "\n" + footer(provenance)
    return out
  }

  /// A count with its sign, grouped.
  static func signed(_ value: Double) -> String {
    let whole = value.rounded()
    if whole == 0 { return "0" }
    return whole < 0 ? "-" + grouped(-value) : "+" + grouped(value)
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
      let header = [
        "setting type", "census", "kind", "EHCPs", "80% interval", "95% interval", "method",
      ]
      var rows: [[String]] = []
      for setting in SettingType.allCases {
        let settingRows = forecast.rows.filter { $0.setting == setting }
        let actuals = settingRows.filter { $0.kind == .actual }.suffix(2)
        for row in actuals + settingRows.filter({ $0.kind == .forecast }) {
          rows.append([
            setting.rawValue, String(row.censusYear), row.kind.rawValue,
            grouped(row.value), interval(row.lower80, row.upper80),
            interval(row.lower95, row.upper95), row.method,
          ])
        }
      }
      out += TextTable.render(header: header, rows: rows, rightAligned: [1, 3, 4, 5])
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

  static func grouped(_ value: Double) -> String {
    guard value.isFinite, abs(value) < 1e15 else { return CSVFormat.number(value, decimals: 0) }
    let rounded = Int(value.rounded())
    let digits = String(abs(rounded))
    var parts: [String] = []
    var end = digits.endIndex
    while end > digits.startIndex {
      let start = digits.index(end, offsetBy: -3, limitedBy: digits.startIndex) ?? digits.startIndex
      parts.insert(String(digits[start..<end]), at: 0)
      end = start
    }
    return (rounded < 0 ? "-" : "") + parts.joined(separator: ",")
  }

  static func interval(_ lower: Double?, _ upper: Double?) -> String {
    guard let lower, let upper else { return "" }
    return "\(grouped(lower))-\(grouped(upper))"
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

  struct JSONRow: Encodable {
    let settingType: String
    let censusYear: Int
    let kind: String
    let value: Double
    let lower80: Double?
    let upper80: Double?
    let lower95: Double?
    let upper95: Double?
    let method: String?
  }

  struct JSONForecast: Encodable {
    let laCode: String
    let laName: String
    let throughCensus: Int
    let censusYearsUsed: [Int]
    let method: String
    let fits: [String: String]
    let notes: [String]
    let rows: [JSONRow]

    init(forecast: LAForecast) {
      laCode = forecast.laCode
      laName = forecast.laName
      throughCensus = forecast.throughYear
      censusYearsUsed = forecast.censusYearsUsed
      method = forecast.method.rawValue
      fits = Dictionary(uniqueKeysWithValues: forecast.fits.map { ($0.key.rawValue, $0.value) })
      notes = forecast.notes
      rows = forecast.rows.map {
        JSONRow(
          settingType: $0.setting.rawValue, censusYear: $0.censusYear, kind: $0.kind.rawValue,
          value: rounded($0.value), lower80: $0.lower80.map(rounded),
          upper80: $0.upper80.map(rounded), lower95: $0.lower95.map(rounded),
          upper95: $0.upper95.map(rounded), method: $0.method.isEmpty ? nil : $0.method)
      }
    }
  }

  struct SidecarDocument: Encodable {
    let provenance: Provenance
    let localAuthorities: [SidecarLA]
  }

  struct SidecarLA: Encodable {
    let laCode: String
    let censusYearsUsed: [Int]
    let fits: [String: String]
    let notes: [String]

    init(forecast: LAForecast) {
      laCode = forecast.laCode
      censusYearsUsed = forecast.censusYearsUsed
      fits = Dictionary(uniqueKeysWithValues: forecast.fits.map { ($0.key.rawValue, $0.value) })
      notes = forecast.notes
    }
  }
}

/// Rounds to one decimal place for JSON output.
func rounded(_ value: Double) -> Double { (value * 10).rounded() / 10 }
