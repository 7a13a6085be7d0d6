import PlacePlanning

extension ForecastWriter {
  /// The columns by need (and phase): census rows as published (whole numbers; suppressed
  /// cells filled, and IPF estimates within phase, to one decimal), forecasts one decimal.
  static func needColumns(phase: Bool) -> OutputColumns<BreakdownRow> {
    ForecastColumns.columns(phase: phase, need: true) { $0.value == $0.value.rounded() }
  }

  /// The CSV header by primary need (`--by need`).
  public static var needCSVHeader: String { needColumns(phase: false).csvHeader }

  /// The CSV header by age phase and primary need (`--by need --by phase`).
  public static var needPhaseCSVHeader: String { needColumns(phase: true).csvHeader }

  /// CSV by setting type and primary need (and phase, when the rows have one).
  public static func csv(needs: [NeedForecastRow]) -> String {
    needColumns(phase: needs.contains { $0.phase != nil }).csv(needs.map(BreakdownRow.init(need:)))
  }

  /// JSON by setting type and primary need (and phase), with provenance.
  public static func json(needs: [NeedForecastRow], provenance: Provenance) throws(OutputError)
    -> String
  {
    let rows = needColumns(phase: needs.contains { $0.phase != nil }).json(
      needs.map(BreakdownRow.init(need:)))
    return try encode(RowsDocument(provenance: provenance, rows: rows))
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
        cells += shown.map { byYear[$0].map { NumberFormat.count($0.row.value) } ?? "" }
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
