import PlacePlanning

/// Writes the strategy dashboard as a table, CSV or JSON.
public enum DashboardWriter {
  /// The CSV's columns: the LA and measure, one column per year (baseline, years 1–5;
  /// percentages to one decimal, the rest whole), and the note.
  static func columns(years: [AcademicYear]) -> OutputColumns<(laCode: String, row: Dashboard.Row)>
  {
    typealias Column = OutputColumn<(laCode: String, row: Dashboard.Row)>
    let values = years.indices.map { index in
      Column(years[index].description) { item in
        let value = index < item.row.values.count ? item.row.values[index] : nil
        return .number(value, decimals: decimals(item.row.unit), jsonDecimals: 1, suffix: "")
      }
    }
    return OutputColumns(
      [
        Column("la_code") { .text($0.laCode) }, Column("measure") { .text($0.row.key) },
        Column("label") { .text($0.row.label) }, Column("unit") { .text($0.row.unit) },
      ] + values + [Column("note") { .text($0.row.note ?? "") }])
  }

  /// CSV: one row per measure, one column per year (baseline, years 1–5). Starts with a
  /// UTF-8 byte-order mark: its labels carry £, ÷ and −, which Excel shows garbled in a CSV
  /// without one.
  public static func csv(_ dashboards: [Dashboard]) -> String {
    guard let first = dashboards.first else { return "" }
    return CSVFormat.byteOrderMark
      + columns(years: first.years).csv(
        dashboards.flatMap { dashboard in dashboard.rows.map { (dashboard.laCode, $0) } })
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
            switch row.unit {
            case "percent": return CSVFormat.number(value, decimals: 1) + "%"
            case "pounds": return NumberFormat.pounds(value, short: true)
            default: return NumberFormat.count(value)
            }
          }
      }
      out += TextTable.render(header: header, rows: body, rightAligned: Set(1..<header.count))
      // What each row's figures are (a baseline that is not the January census, such as the
      // school census of January 2023 for the pupil percentages, is said here, not only in
      // the CSV); rows sharing a note are named together.
      var order: [String] = []
      var labels: [String: [String]] = [:]
      for row in dashboard.rows {
        let note = row.note ?? (row.values.allSatisfy { $0 == nil } ? "no data" : nil)
        guard let note else { continue }
        if labels[note] == nil { order.append(note) }
        labels[note, default: []].append(row.label)
      }
      for note in order {
        out += "  \((labels[note] ?? []).joined(separator: "; ")): \(note)\n"
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
