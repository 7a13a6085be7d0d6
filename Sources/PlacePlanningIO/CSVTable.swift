import CSV
import Foundation

/// A CSV file read whole: header and rows of fields, with their line numbers.
///
/// Parsing is done by CSV.swift (RFC 4180 quoting). A UTF-8 byte-order mark is removed from
/// the first header. Every row must have as many fields as the header. Line numbers assume
/// no line breaks inside quoted fields (true of the DfE and ONS files).
struct CSVTable {
  let file: String
  let header: [String]
  let rows: [[String]]
  /// The file line of each row (header is line 1; blank lines are skipped but counted).
  let lines: [Int]

  /// Line number of row `index` (header is line 1).
  func line(ofRow index: Int) -> Int {
    lines.indices.contains(index) ? lines[index] : index + 2
  }

  /// Column index (0-based) of a header name, or nil.
  func index(of name: String) -> Int? { header.firstIndex(of: name) }

  /// Column index of a required header name.
  func require(_ name: String, schema: String) throws(InputError) -> Int {
    guard let index = index(of: name) else {
      throw .missingColumn(file: file, column: name, schema: schema)
    }
    return index
  }

  /// Reads and parses a CSV file.
  static func read(path: String) throws(InputError) -> CSVTable {
    let name = (path as NSString).lastPathComponent
    let data: Data
    do {
      data = try Data(contentsOf: URL(fileURLWithPath: path))
    } catch {
      throw .cannotRead(file: path, reason: (error as NSError).localizedDescription)
    }
    return try parse(text: UTF8Check.text(data, file: name), file: name)
  }

  /// Parses CSV text; `file` names it in errors.
  static func parse(text: String, file: String) throws(InputError) -> CSVTable {
    var body = Substring(text)
    if body.hasPrefix("\u{FEFF}") { body = body.dropFirst() }
    guard !body.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
      throw .empty(file: file)
    }
    let reader: CSVReader
    do {
      reader = try CSVReader(string: String(body), hasHeaderRow: true)
    } catch {
      throw .malformedCSV(file: file, line: 1, reason: "cannot read the header row")
    }
    guard let rawHeader = reader.headerRow, !rawHeader.isEmpty else { throw .empty(file: file) }
    let header = rawHeader.map { $0.trimmingCharacters(in: .whitespaces) }
    if header.count == 1 {
      for (delimiter, label) in [(";", "semicolons"), ("\t", "tabs"), ("|", "pipes")]
      where header[0].contains(delimiter) {
        throw .wrongDelimiter(file: file, found: label)
      }
    }
    var rows: [[String]] = []
    var lines: [Int] = []
    var line = 1
    while let row = reader.next() {
      line += 1
      if row.count == 1 && row[0].isEmpty { continue }
      guard row.count == header.count else {
        throw .wrongFieldCount(file: file, line: line, expected: header.count, found: row.count)
      }
      rows.append(row)
      lines.append(line)
    }
    if reader.error != nil {
      throw .malformedCSV(file: file, line: line + 1, reason: "the text cannot be decoded")
    }
    guard !rows.isEmpty else { throw .headerOnly(file: file) }
    return CSVTable(file: file, header: header, rows: rows, lines: lines)
  }
}
