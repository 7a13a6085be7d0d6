import Foundation

/// One value of an output row, written for each output by what it is.
public enum OutputValue: Sendable {
  /// Text: escaped in CSV, a string in JSON, as is in a table.
  case text(String)
  /// Text that may be missing: empty in CSV and tables, left out of JSON.
  case optionalText(String?)
  /// A whole number (a year, a number of cases): digits everywhere, an integer in JSON.
  case integer(Int)
  /// A count of children, places or plans: CSV to `decimals` places, JSON to 0.1, a table
  /// whole and grouped (`12,345`).
  case count(Double?, decimals: Int)
  /// A measured number (a percentage, a ratio): CSV and table to `decimals` places (the
  /// table adds `suffix`), JSON to `jsonDecimals` places, unrounded when nil.
  case number(Double?, decimals: Int, jsonDecimals: Int?, suffix: String)
  /// A fraction (0–1: a probability, a share): CSV and JSON to `places` places, a table as a
  /// percentage to `percentDecimals` places (`85%`).
  case fraction(Double?, places: Int, percentDecimals: Int)
  /// An interval of counts: two CSV cells and two JSON numbers (to 0.1), one table cell
  /// `lower-upper`.
  case interval(Double?, Double?)

  /// A probability: CSV and JSON to 0.001, a table as a whole percentage.
  public static func probability(_ value: Double?) -> OutputValue {
    .fraction(value, places: 3, percentDecimals: 0)
  }

  /// A percentage to one decimal (CSV `12.5`, table `12.5%`, JSON 12.5).
  public static func percent(_ value: Double?) -> OutputValue {
    .number(value, decimals: 1, jsonDecimals: 1, suffix: "%")
  }

  /// Appends the CSV cells of the value (two for an interval, comma-separated) to UTF-8
  /// `bytes` (`CSVFormat.text` and `CSVFormat.number`; an interval to one decimal).
  func appendCSV(to bytes: inout [UInt8]) {
    switch self {
    case .text(let text): CSVFormat.append(text: text, to: &bytes)
    case .optionalText(let text): CSVFormat.append(text: text ?? "", to: &bytes)
    case .integer(let value): bytes.append(contentsOf: String(value).utf8)
    case .count(let value, let decimals):
      CSVFormat.append(number: value, decimals: decimals, to: &bytes)
    case .number(let value, let decimals, _, _):
      CSVFormat.append(number: value, decimals: decimals, to: &bytes)
    case .fraction(let value, let places, _):
      CSVFormat.append(number: value, decimals: places, to: &bytes)
    case .interval(let lower, let upper):
      CSVFormat.append(number: lower, decimals: 1, to: &bytes)
      bytes.append(CSVFormat.comma)
      CSVFormat.append(number: upper, decimals: 1, to: &bytes)
    }
  }

  /// The JSON values of the value (two for an interval; nil is left out of the object).
  var jsonValues: [JSONScalar?] {
    switch self {
    case .text(let text): return [.text(text)]
    case .optionalText(let text): return [text.map { .text($0) }]
    case .integer(let value): return [.integer(value)]
    case .count(let value, _): return [value.map { .number(NumberFormat.rounded($0)) }]
    case .number(let value, _, let places, _):
      return [
        value.map { number in
          .number(places.map { NumberFormat.rounded(number, places: $0) } ?? number)
        }
      ]
    case .fraction(let value, let places, _):
      return [value.map { .number(NumberFormat.rounded($0, places: places)) }]
    case .interval(let lower, let upper):
      return [lower, upper].map { $0.map { .number(NumberFormat.rounded($0)) } }
    }
  }

  /// The table cell of the value.
  var tableCell: String {
    switch self {
    case .text(let text): return text
    case .optionalText(let text): return text ?? ""
    case .integer(let value): return String(value)
    case .count(let value, _): return value.map(NumberFormat.count) ?? ""
    case .number(let value, let decimals, _, let suffix):
      return value.map { CSVFormat.number($0, decimals: decimals) + suffix } ?? ""
    case .fraction(let value, _, let decimals):
      return value.map { NumberFormat.percent(100 * $0, decimals: decimals) } ?? ""
    case .interval(let lower, let upper): return NumberFormat.interval(lower, upper)
    }
  }

  /// Whether a table aligns the value right: numbers, but not text or whole numbers (years).
  var alignsRight: Bool {
    switch self {
    case .text, .optionalText, .integer: return false
    default: return true
    }
  }
}

/// A JSON number, integer or string, encoded as `JSONEncoder` encodes a struct's field.
public enum JSONScalar: Encodable, Sendable, Equatable {
  case text(String)
  case integer(Int)
  case number(Double)

  public func encode(to encoder: Encoder) throws {
    var container = encoder.singleValueContainer()
    switch self {
    case .text(let text): try container.encode(text)
    case .integer(let value): try container.encode(value)
    case .number(let value): try container.encode(value)
    }
  }
}

/// A JSON object of named scalars: what an output row is in JSON. The encoder sorts its
/// keys, as it sorts a struct's; a nil value is left out, as a struct's nil optional is.
public struct JSONObject: Encodable, Sendable {
  public var fields: [(key: String, value: JSONScalar?)]

  struct Key: CodingKey {
    var stringValue: String
    var intValue: Int? { nil }
    init(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
  }

  public func encode(to encoder: Encoder) throws {
    var container = encoder.container(keyedBy: Key.self)
    for (key, value) in fields {
      try container.encodeIfPresent(value, forKey: Key(stringValue: key))
    }
  }
}

/// The outputs a column appears in.
public struct OutputKinds: OptionSet, Sendable {
  public let rawValue: Int
  public init(rawValue: Int) { self.rawValue = rawValue }
  public static let csv = OutputKinds(rawValue: 1)
  public static let json = OutputKinds(rawValue: 2)
  public static let table = OutputKinds(rawValue: 4)
  public static let all: OutputKinds = [.csv, .json, .table]
}

/// One column of an output, defined once: its name in the CSV header and JSON (two names
/// for an interval), its heading in the table, and its value for a row. A column may be
/// left out of an output (`in`): a table leaves out what its title already says, JSON what
/// its document nesting says.
public struct OutputColumn<Row>: Sendable {
  public let names: [String]
  public let heading: String
  public let outputs: OutputKinds
  public let value: @Sendable (Row) -> OutputValue
  /// Whether a table aligns the column right; nil: numbers right, text and years left.
  public let alignsRight: Bool?

  /// - Parameters:
  ///   - names: the CSV header and JSON key (snake case); two for an interval.
  ///   - heading: the table heading (the name when nil).
  public init(
    _ names: String..., heading: String? = nil, in outputs: OutputKinds = .all,
    alignsRight: Bool? = nil, value: @escaping @Sendable (Row) -> OutputValue
  ) {
    self.names = names
    self.heading = heading ?? names.joined(separator: "/")
    self.outputs = outputs
    self.alignsRight = alignsRight
    self.value = value
  }
}

/// The columns of one output, from which its CSV header and lines, its JSON rows and its
/// table are all made, so that they cannot drift apart.
public struct OutputColumns<Row>: Sendable {
  public let columns: [OutputColumn<Row>]

  public init(_ columns: [OutputColumn<Row>]) { self.columns = columns }

  /// The same columns without those named (by their first name), for an output that shows
  /// less (a table without the 95% interval, JSON rows nested in their LA).
  public func without(_ names: String...) -> OutputColumns {
    OutputColumns(columns.filter { column in !names.contains { column.names.first == $0 } })
  }

  var csvColumns: [OutputColumn<Row>] { columns.filter { $0.outputs.contains(.csv) } }

  /// The CSV header line.
  public var csvHeader: String { csvColumns.flatMap(\.names).joined(separator: ",") }

  /// The whole CSV: header, a line per row, a final line break. Built as UTF-8 bytes in
  /// place (`forecast --la all` writes about 27,000 lines) and made text once.
  public func csv(_ rows: [Row]) -> String {
    let shown = csvColumns
    var bytes = Array((csvHeader + "\n").utf8)
    bytes.reserveCapacity(bytes.count + rows.count * 8 * shown.count)
    for row in rows {
      for (index, column) in shown.enumerated() {
        if index > 0 { bytes.append(CSVFormat.comma) }
        column.value(row).appendCSV(to: &bytes)
      }
      bytes.append(0x0A)
    }
    return String(decoding: bytes, as: UTF8.self)
  }

  /// A JSON object per row.
  public func json(_ rows: [Row]) -> [JSONObject] {
    let shown = columns.filter { $0.outputs.contains(.json) }
    return rows.map { row in
      JSONObject(
        fields: shown.flatMap { column in
          Array(zip(column.names, column.value(row).jsonValues)).map { (key: $0.0, value: $0.1) }
        })
    }
  }

  /// The table's header, cells and right-aligned columns (see `OutputColumn.alignsRight`).
  public func table(_ rows: [Row]) -> (header: [String], rows: [[String]], rightAligned: Set<Int>) {
    let shown = columns.filter { $0.outputs.contains(.table) }
    let values = rows.map { row in shown.map { $0.value(row) } }
    var rightAligned = Set<Int>()
    for (index, column) in shown.enumerated()
    where column.alignsRight ?? values.first?[index].alignsRight ?? false {
      rightAligned.insert(index)
    }
    return (shown.map(\.heading), values.map { $0.map(\.tableCell) }, rightAligned)
  }

  /// The table rendered with `TextTable`.
  public func renderTable(_ rows: [Row]) -> String {
    let made = table(rows)
    return TextTable.render(header: made.header, rows: made.rows, rightAligned: made.rightAligned)
  }
}
