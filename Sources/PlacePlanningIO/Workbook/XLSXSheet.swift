import PlacePlanning

/// One sheet of an Excel workbook: a title, a table (header and cells) and native charts.
public struct XLSXSheet: Sendable {
  /// A cell: text, or a number with its Excel number format.
  public enum Cell: Sendable, Equatable {
    case text(String)
    case number(Double, format: String)
    case empty
  }

  /// Sheet name (at most 31 characters; `[]:*?/\` are replaced).
  public var name: String
  /// A line above the table, in bold.
  public var title: String?
  public var header: [String]
  public var rows: [[Cell]]
  public var charts: [XLSXChart]

  public init(
    name: String, title: String? = nil, header: [String], rows: [[Cell]],
    charts: [XLSXChart] = []
  ) {
    self.name = name
    self.title = title
    self.header = header
    self.rows = rows
    self.charts = charts
  }

  /// A sheet from CSV text written by this tool: numbers become numbers with a format
  /// chosen by the column's name (£ for costs, 0.0 for percentages, whole or one-decimal
  /// counts), codes and names stay text. Nil when the text is not a table.
  public static func fromCSV(
    _ csv: String, name: String, title: String? = nil, charts: [XLSXChart] = []
  ) -> XLSXSheet? {
    guard let table = try? CSVTable.parse(text: csv, file: name) else { return nil }
    let formats = table.header.indices.map { column in
      numberFormat(for: table.header[column], values: table.rows.map { $0[column] })
    }
    // Long tables name the measure (or its unit) on each row: money and percentages follow
    // the row, not the column.
    let unit = table.header.firstIndex(of: "unit")
    let measure = table.header.firstIndex(of: "measure")
    let rows = table.rows.map { fields in
      let rowFormat = Self.rowFormat(
        unit: unit.map { fields[$0] }, measure: measure.map { fields[$0] })
      return fields.enumerated().map { column, text -> Cell in
        guard var format = formats[column] else { return text.isEmpty ? .empty : .text(text) }
        guard let value = Double(text), value.isFinite else {
          return text.isEmpty ? .empty : .text(text)
        }
        if let rowFormat, format.hasPrefix("#,##0") { format = rowFormat }
        // A whole count in a column of one-decimal forecasts shows as the CSV writes it
        // (a census count of 9,301, not 9,301.0).
        if format == "#,##0.0" && !text.contains(".") { format = "#,##0" }
        return .number(value, format: format)
      }
    }
    return XLSXSheet(name: name, title: title, header: table.header, rows: rows, charts: charts)
  }

  /// A row's money or percentage format from its `unit` (`pounds`, `percent`) or its
  /// measure's name; nil for counts.
  static func rowFormat(unit: String?, measure: String?) -> String? {
    switch unit {
    case "pounds": return "£#,##0"
    case "percent": return "0.0"
    case .some: return nil
    case nil: break
    }
    guard let measure else { return nil }
    let format = numberFormat(for: measure, values: ["1"])
    return format?.hasPrefix("#,##0") == true ? nil : format
  }

  /// Columns kept as text even when they look like numbers.
  static let textColumns: Set<String> = ["la_code", "new_la_code", "code", "measure", "key"]

  /// The Excel number format of a column, from its name: `£#,##0` for money, `0.0` for
  /// percentages (the values are already ×100), `0.000` for probabilities and shares, `0`
  /// for years, otherwise `#,##0` or `#,##0.0` as the values need; nil for text columns
  /// (and a column with no number in it).
  static func numberFormat(for name: String, values: [String]) -> String? {
    let lower = name.lowercased()
    if textColumns.contains(lower) { return nil }
    let numeric = values.filter { !$0.isEmpty }
    guard numeric.contains(where: { Double($0) != nil }) else { return nil }
    if lower.hasSuffix("_year") || lower == "year" { return "0" }
    if ["cost", "contribution", "npv", "pound", "fee", "expenditure", "£"].contains(where: {
      lower.contains($0)
    }) {
      return "£#,##0"
    }
    if lower.contains("pct") || lower.contains("percent") || lower.contains("utilisation") {
      return "0.0"
    }
    if lower.hasPrefix("p_") || lower.contains("share") || lower.contains("probability") {
      return "0.000"
    }
    let decimals = numeric.contains { $0.contains(".") && !$0.hasSuffix(".0") }
    return decimals ? "#,##0.0" : "#,##0"
  }
}

/// A native Excel line chart of some series over categories (years): its data is written
/// to the workbook's "Chart data" sheet, so the officer can restyle or extend it in Excel.
public struct XLSXChart: Sendable {
  /// One line: its values per category (nil leaves a gap), colour (RGB) and style.
  public struct Line: Sendable {
    public var name: String
    public var values: [Double?]
    public var colour: UInt32
    public var dashed: Bool
    public var width: Float

    public init(
      name: String, values: [Double?], colour: UInt32, dashed: Bool = false, width: Float = 2.25
    ) {
      self.name = name
      self.values = values
      self.colour = colour
      self.dashed = dashed
      self.width = width
    }
  }

  public var title: String
  public var yTitle: String
  /// Excel number format of the value axis (e.g. `#,##0`, `£#,##0`).
  public var yFormat: String
  public var categories: [String]
  public var lines: [Line]

  public init(
    title: String, yTitle: String, yFormat: String = "#,##0", categories: [String],
    lines: [Line]
  ) {
    self.title = title
    self.yTitle = yTitle
    self.yFormat = yFormat
    self.categories = categories
    self.lines = lines
  }
}
