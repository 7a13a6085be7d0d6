import PlacePlanning

/// Writes the strategy dashboard as a table, CSV or JSON.
public enum DashboardWriter {
  /// CSV: one row per measure, one column per year (baseline, years 1–5). Starts with a
  /// UTF-8 byte-order mark: its labels carry £, ÷ and −, which Excel shows garbled in a CSV
  /// without one.
  public static func csv(_ dashboards: [Dashboard]) -> String {
    guard let first = dashboards.first else { return "" }
    var lines = [
      CSVFormat.line(
        ["la_code", "measure", "label", "unit"] + first.years.map(\.description) + ["note"])
    ]
    for dashboard in dashboards {
      for row in dashboard.rows {
        lines.append(
          CSVFormat.line(
            [CSVFormat.text(dashboard.laCode), row.key, CSVFormat.text(row.label), row.unit]
              + row.values.map { CSVFormat.number($0, decimals: decimals(row.unit)) }
              + [CSVFormat.text(row.note ?? "")]))
      }
    }
    return CSVFormat.byteOrderMark + lines.joined(separator: "\n") + "\n"
  }

  public static func table(_ dashboards: [Dashboard], provenance: Provenance) -> String {
    var out = ""
    for dashboard in dashboards {
      out += "\(dashboard.laName) (\(dashboard.laCode)): SEND strategy dashboard\n"
      let header = ["measure"] + dashboard.headings
      let body = dashboard.rows.map { row in
        [row.label]
          + row.values.map { value in
            guard let value else { return "" }
            return row.unit == "percent"
              ? CSVFormat.number(value, decimals: 1) + "%" : NumberFormat.count(value)
          }
      }
      out += TextTable.render(header: header, rows: body, rightAligned: Set(1..<header.count))
      for row in dashboard.rows where row.values.allSatisfy({ $0 == nil }) {
        out += "  \(row.label): \(row.note ?? "no data")\n"
      }
      for note in dashboard.notes { out += "  note: \(note)\n" }
      out += "\n"
    }
    out += ForecastWriter.footer(provenance)
    return out
  }

  public static func json(_ dashboards: [Dashboard], provenance: Provenance) throws(OutputError)
    -> String
  {
    struct Row: Encodable {
      let measure: String
      let label: String
      let unit: String
      let values: [String: Double?]
      let note: String?
    }
    struct Board: Encodable {
      let laCode: String
      let laName: String
      let years: [String]
      let rows: [Row]
      let notes: [String]
    }
    struct Document: Encodable {
      let provenance: Provenance
      let dashboards: [Board]
    }
    let boards = dashboards.map { dashboard in
      Board(
        laCode: dashboard.laCode, laName: dashboard.laName,
        years: dashboard.years.map(\.description),
        rows: dashboard.rows.map { row in
          Row(
            measure: row.key, label: row.label, unit: row.unit,
            values: Dictionary(
              uniqueKeysWithValues: zip(
                dashboard.years.map(\.description),
                row.values.map { $0.map { NumberFormat.rounded($0) } })),
            note: row.note)
        }, notes: dashboard.notes)
    }
    return try ForecastWriter.encode(Document(provenance: provenance, dashboards: boards))
  }

  static func decimals(_ unit: String) -> Int { unit == "percent" ? 1 : 0 }
}
