import CXLSXWriter
import Foundation
import PlacePlanning

/// Writes Excel workbooks with libxlsxwriter: a "Charts" sheet first when there are charts
/// (native line charts whose data is in a "Chart data" sheet), then each `XLSXSheet` as a
/// table with numbers as numbers (thousands, £ and % formats), a bold frozen header row and
/// fitted column widths, and a "Provenance" sheet; every sheet prints landscape, one page
/// wide.
///
/// The workbook is written to a temporary file in the destination's folder and renamed
/// over it, so a failure leaves no partial file; the creation date is fixed, so the same
/// inputs give the same bytes.
public enum XLSXWriter {
  /// The workbook's recorded creation time (2025-01-01 00:00 UTC): fixed for reproducible
  /// files.
  static let creationTime: time_t = 1_735_689_600

  public static func write(_ sheets: [XLSXSheet], provenance: Provenance, to path: String)
    throws(OutputError)
  {
    let url = URL(fileURLWithPath: path)
    let folder = url.deletingLastPathComponent()
    if let problem = AtomicFile.folderProblem(for: path) {
      throw .notWritable(file: path, reason: problem)
    }
    let temporary = folder.appendingPathComponent(
      ".\(url.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).tmp")
    do {
      try build(sheets, provenance: provenance, at: temporary.path)
    } catch {
      try? FileManager.default.removeItem(at: temporary)
      // Name the file asked for, not the temporary one beside it.
      if case .notWritable(_, let reason) = error { throw .notWritable(file: path, reason: reason) }
      throw error
    }
    guard rename(temporary.path, url.path) == 0 else {
      let reason = String(cString: strerror(errno))
      try? FileManager.default.removeItem(at: temporary)
      throw .notWritable(file: path, reason: reason)
    }
  }

  /// Builds the workbook at `path`.
  static func build(_ sheets: [XLSXSheet], provenance: Provenance, at path: String)
    throws(OutputError)
  {
    guard let workbook = workbook_new(path) else {
      throw .notWritable(file: path, reason: "libxlsxwriter could not create the workbook")
    }
    var book = Book(workbook: workbook)
    book.setProperties(title: "placeplan \(provenance.command)")
    var names: Set<String> = []
    let charts = sheets.flatMap(\.charts)
    // The charts sheet comes first; its charts are drawn once the tables are written, with
    // their data in a sheet after them.
    let chartSheet =
      charts.isEmpty ? nil : book.addSheet(name: uniqueName("Charts", taken: &names))
    for sheet in sheets {
      book.addTable(sheet, name: uniqueName(sheet.name, taken: &names))
    }
    if let chartSheet {
      book.chartDataName = uniqueName("Chart data", taken: &names)
      for (index, chart) in charts.enumerated() {
        book.addChart(chart, to: chartSheet, row: UInt32(1 + 16 * index), column: 1)
      }
    }
    book.addTable(
      provenanceSheet(provenance), name: uniqueName("Provenance", taken: &names))
    let status = workbook_close(workbook)
    guard status == LXW_NO_ERROR else {
      throw .notWritable(
        file: path, reason: String(cString: lxw_strerror(status)))
    }
  }

  /// The provenance as a two-column table.
  static func provenanceSheet(_ provenance: Provenance) -> XLSXSheet {
    var rows: [[XLSXSheet.Cell]] = [
      [.text("tool"), .text("\(provenance.tool) \(provenance.version)")],
      [.text("command"), .text(provenance.command)],
    ]
    for input in provenance.inputs {
      rows.append([.text(input.role), .text("\(input.file) (\(input.layout))")])
    }
    for key in provenance.parameters.keys.sorted() {
      rows.append([.text(key), .text(provenance.parameters[key] ?? "")])
    }
    return XLSXSheet(
      name: "Provenance", title: "Where these numbers come from", header: ["item", "value"],
      rows: rows)
  }

  /// A valid, unused sheet name: at most 31 characters, without `[]:*?/\`.
  static func uniqueName(_ wanted: String, taken: inout Set<String>) -> String {
    let cleaned = String(
      wanted.map { "[]:*?/\\".contains($0) ? "-" : $0 }.prefix(31))
    var name = cleaned.isEmpty ? "Sheet" : cleaned
    var index = 2
    while taken.contains(name.lowercased()) {
      let suffix = " (\(index))"
      name = String(cleaned.prefix(31 - suffix.count)) + suffix
      index += 1
    }
    taken.insert(name.lowercased())
    return name
  }

  /// The workbook being built, its formats (one per number format) and the chart data
  /// sheet's next free row.
  struct Book {
    let workbook: UnsafeMutablePointer<lxw_workbook>
    var formats: [String: UnsafeMutablePointer<lxw_format>] = [:]
    var header: UnsafeMutablePointer<lxw_format>?
    var bold: UnsafeMutablePointer<lxw_format>?
    var chartData: UnsafeMutablePointer<lxw_worksheet>?
    var chartDataRow: UInt32 = 0
    var chartDataName = "Chart data"

    init(workbook: UnsafeMutablePointer<lxw_workbook>) {
      self.workbook = workbook
      header = workbook_add_format(workbook)
      format_set_bold(header)
      format_set_bottom(header, UInt8(LXW_BORDER_THIN.rawValue))
      format_set_bg_color(header, 0xF0F4F8)
      bold = workbook_add_format(workbook)
      format_set_bold(bold)
    }

    func setProperties(title: String) {
      title.withCString { titleText in
        "placeplan".withCString { author in
          var properties = lxw_doc_properties()
          properties.title = UnsafeMutablePointer(mutating: titleText)
          properties.author = UnsafeMutablePointer(mutating: author)
          properties.created = XLSXWriter.creationTime
          _ = workbook_set_properties(workbook, &properties)
        }
      }
    }

    mutating func format(_ numberFormat: String) -> UnsafeMutablePointer<lxw_format>? {
      if let existing = formats[numberFormat] { return existing }
      let created = workbook_add_format(workbook)
      format_set_num_format(created, numberFormat)
      formats[numberFormat] = created
      return created
    }

    /// An empty sheet, printed landscape one page wide.
    func addSheet(name: String) -> UnsafeMutablePointer<lxw_worksheet>? {
      guard let worksheet = workbook_add_worksheet(workbook, name) else { return nil }
      Self.page(worksheet)
      return worksheet
    }

    /// Landscape, one page wide, as many pages tall as needed.
    static func page(_ worksheet: UnsafeMutablePointer<lxw_worksheet>) {
      worksheet_set_landscape(worksheet)
      worksheet_fit_to_pages(worksheet, 1, 0)
    }

    /// One sheet: title, header, rows, column widths, frozen header.
    mutating func addTable(_ sheet: XLSXSheet, name: String) {
      guard let worksheet = workbook_add_worksheet(workbook, name) else { return }
      Self.page(worksheet)
      var row: UInt32 = 0
      if let title = sheet.title {
        worksheet_write_string(worksheet, row, 0, title, bold)
        row += 2
      }
      for (column, text) in sheet.header.enumerated() {
        worksheet_write_string(worksheet, row, UInt16(column), text, header)
      }
      worksheet_freeze_panes(worksheet, row + 1, 0)
      row += 1
      var widths = sheet.header.map { max(8, $0.count + 2) }
      for cells in sheet.rows {
        for (column, cell) in cells.enumerated() {
          let index = UInt16(clamping: column)
          switch cell {
          case .text(let text):
            worksheet_write_string(worksheet, row, index, text, nil)
            if column < widths.count { widths[column] = max(widths[column], text.count + 1) }
          case .number(let value, let numberFormat):
            worksheet_write_number(worksheet, row, index, value, format(numberFormat))
            if column < widths.count { widths[column] = max(widths[column], 12) }
          case .empty:
            break
          }
        }
        row += 1
      }
      for (column, width) in widths.enumerated() {
        worksheet_set_column(
          worksheet, UInt16(column), UInt16(column), Double(min(width, 60)), nil)
      }
    }

    /// A line chart whose data goes to the chart data sheet.
    mutating func addChart(
      _ spec: XLSXChart, to worksheet: UnsafeMutablePointer<lxw_worksheet>, row: UInt32,
      column: UInt16
    ) {
      if chartData == nil { chartData = addSheet(name: chartDataName) }
      guard let data = chartData, !spec.categories.isEmpty,
        let chart = workbook_add_chart(workbook, UInt8(LXW_CHART_LINE.rawValue))
      else { return }
      let first = chartDataRow
      worksheet_write_string(data, first, 0, spec.title, bold)
      worksheet_write_string(data, first + 1, 0, "year", header)
      for (index, line) in spec.lines.enumerated() {
        worksheet_write_string(data, first + 1, UInt16(index + 1), line.name, header)
      }
      let numbers = format(spec.yFormat)
      for (offset, category) in spec.categories.enumerated() {
        let dataRow = first + 2 + UInt32(offset)
        worksheet_write_string(data, dataRow, 0, category, nil)
        for (index, line) in spec.lines.enumerated() {
          guard offset < line.values.count, let value = line.values[offset], value.isFinite
          else { continue }
          worksheet_write_number(data, dataRow, UInt16(index + 1), value, numbers)
        }
      }
      let last = first + 1 + UInt32(spec.categories.count)
      for (index, line) in spec.lines.enumerated() {
        guard let series = chart_add_series(chart, nil, nil) else { continue }
        chart_series_set_categories(series, chartDataName, first + 2, 0, last, 0)
        chart_series_set_values(
          series, chartDataName, first + 2, UInt16(index + 1), last, UInt16(index + 1))
        chart_series_set_name(series, line.name)
        var style = lxw_chart_line()
        // libxlsxwriter reads colour 0 as "automatic": black is LXW_COLOR_BLACK.
        style.color = line.colour == 0 ? UInt32(LXW_COLOR_BLACK.rawValue) : line.colour
        style.width = line.width
        style.dash_type = UInt8(
          line.dashed ? LXW_CHART_LINE_DASH_DASH.rawValue : LXW_CHART_LINE_DASH_SOLID.rawValue)
        chart_series_set_line(series, &style)
      }
      chart_title_set_name(chart, spec.title)
      chart_axis_set_name(chart.pointee.y_axis, spec.yTitle)
      chart_axis_set_num_format(chart.pointee.y_axis, spec.yFormat)
      chart_legend_set_position(chart, UInt8(LXW_CHART_LEGEND_BOTTOM.rawValue))
      worksheet_insert_chart(worksheet, row, column, chart)
      chartDataRow = last + 2
    }
  }
}
