import PlacePlanning

extension ForecastWriter {
  /// The CSV header by primary need (`--by need`).
  public static let needCSVHeader =
    "la_code,la_name,setting_type,need,census_year,kind,value,lower80,upper80,lower95,upper95,method"

  /// The CSV header by age phase and primary need (`--by need --by phase`).
  public static let needPhaseCSVHeader =
    "la_code,la_name,setting_type,phase,need,census_year,kind,value,lower80,upper80,lower95,upper95,method"

  /// CSV by setting type and primary need (and phase, when the rows have one): census rows
  /// as published (whole numbers; suppressed cells filled, and IPF estimates within phase,
  /// to one decimal), forecasts one decimal.
  public static func csv(needs: [NeedForecastRow]) -> String {
    let byPhase = needs.contains { $0.phase != nil }
    var lines = [byPhase ? needPhaseCSVHeader : needCSVHeader]
    for item in needs {
      let row = item.row
      let whole = row.kind == .actual && row.value == row.value.rounded()
      let phase = byPhase ? [item.phase?.rawValue ?? ""] : []
      lines.append(
        CSVFormat.line(
          [CSVFormat.text(row.laCode), CSVFormat.text(row.laName), row.setting.rawValue] + phase
            + [
              item.need.rawValue, String(row.censusYear), row.kind.rawValue,
              CSVFormat.number(row.value, decimals: whole ? 0 : 1),
              CSVFormat.number(row.lower80), CSVFormat.number(row.upper80),
              CSVFormat.number(row.lower95), CSVFormat.number(row.upper95),
              CSVFormat.text(row.method),
            ]))
    }
    return lines.joined(separator: "\n") + "\n"
  }

  /// JSON by setting type and primary need (and phase), with provenance.
  public static func json(needs: [NeedForecastRow], provenance: Provenance) throws(OutputError)
    -> String
  {
    struct Document: Encodable {
      let provenance: Provenance
      let rows: [BreakdownJSONRow]
    }
    let rows = needs.map {
      BreakdownJSONRow($0.row, share: $0.share, phase: $0.phase, need: $0.need)
    }
    return try encode(Document(provenance: provenance, rows: rows))
  }

  /// The forecast years a need table shows beside the census: the first five, and the
  /// last when the horizon is longer (so the table fits 100 columns).
  static let needTableYears = 5

  /// A table per LA and setting type: needs down, the census and forecast years across,
  /// then the need's share at the census and at the last year shown.
  public static func table(needs: [NeedForecastRow], provenance: Provenance) -> String {
    var out = ""
    var groups: [(key: String, rows: [NeedForecastRow])] = []
    for item in needs {
      let key =
        item.row.laCode + "|" + item.row.setting.rawValue + "|" + (item.phase?.rawValue ?? "")
      if groups.last?.key == key {
        groups[groups.count - 1].rows.append(item)
      } else {
        groups.append((key, [item]))
      }
    }
    for group in groups {
      guard let first = group.rows.first else { continue }
      let years = Array(Set(group.rows.map(\.row.censusYear))).sorted()
      var shown = Array(years.prefix(needTableYears + 1))
      if let last = years.last, !shown.contains(last) { shown.append(last) }
      guard let firstYear = shown.first, let lastYear = shown.last else { continue }
      let phase = first.phase.map { ", ages \($0.ageLabel)" } ?? ""
      out +=
        "\(first.row.laName) (\(first.row.laCode)), \(first.row.setting.label)\(phase): EHCPs by primary need\n"
      let header =
        ["need"] + shown.map { $0 == firstYear ? "Jan \($0)" : String($0) }
        + ["share \(firstYear)", "share \(lastYear)"]
      var rows: [[String]] = []
      for need in PrimaryNeed.allCases {
        let byYear = Dictionary(
          group.rows.filter { $0.need == need }.map { ($0.row.censusYear, $0) },
          uniquingKeysWith: { first, _ in first })
        var cells = [need.abbreviation]
        cells += shown.map { byYear[$0].map { grouped($0.row.value) } ?? "" }
        cells += [firstYear, lastYear].map {
          byYear[$0].map { CSVFormat.number(100 * $0.share, decimals: 1) + "%" } ?? ""
        }
        rows.append(cells)
      }
      out += TextTable.render(header: header, rows: rows, rightAligned: Set(1..<header.count))
      out += "\n"
    }
    out += footer(provenance)
    return out
  }
}

/// A forecast row broken down by phase, need or both, as JSON: the keys not broken down by
/// are left out; values to 0.1, the share to 0.0001.
struct BreakdownJSONRow: Encodable {
  let laCode: String
  let settingType: String
  let phase: String?
  let need: String?
  let censusYear: Int
  let kind: String
  let value: Double
  let share: Double
  let lower80: Double?
  let upper80: Double?
  let lower95: Double?
  let upper95: Double?

  init(_ row: ForecastRow, share: Double, phase: AgePhase?, need: PrimaryNeed?) {
    laCode = row.laCode
    settingType = row.setting.rawValue
    self.phase = phase?.rawValue
    self.need = need?.rawValue
    censusYear = row.censusYear
    kind = row.kind.rawValue
    value = rounded(row.value)
    self.share = (share * 10_000).rounded() / 10_000
    lower80 = row.lower80.map(rounded)
    upper80 = row.upper80.map(rounded)
    lower95 = row.lower95.map(rounded)
    upper95 = row.upper95.map(rounded)
  }
}
