import Foundation

/// A CSV file read whole: header and rows of fields, with their line numbers.
///
/// The bytes are scanned once (RFC 4180 quoting), each field becoming a `String` straight
/// from its UTF-8 bytes, after the whole file is checked to be UTF-8. A UTF-8 byte-order
/// mark is removed from the first header. Every row must have as many fields as the header.
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
    let (name, data) = try InputFile.bytes(path: path)
    let bytes = [UInt8](data)
    try UTF8Check.require(bytes, file: name)
    return try parse(bytes: bytes, file: name)
  }

  /// Parses CSV text; `file` names it in errors.
  static func parse(text: String, file: String) throws(InputError) -> CSVTable {
    try parse(bytes: Array(text.utf8), file: file)
  }

  /// Parses UTF-8 CSV bytes (RFC 4180: comma-separated, fields in double quotes may hold
  /// commas, line breaks and doubled quotes; LF or CRLF line ends). Lines are counted in
  /// the file, so a row's line is where it starts; blank lines are skipped but counted.
  static func parse(bytes: [UInt8], file: String) throws(InputError) -> CSVTable {
    var start = 0
    if bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF { start = 3 }
    guard bytes[start...].contains(where: { !Self.isSpace($0) }) else { throw .empty(file: file) }
    var records: [[String]] = []
    var recordLines: [Int] = []
    var failure: InputError?
    bytes.withUnsafeBufferPointer { buffer in
      var index = start
      var line = 1
      var fields: [String] = []
      var recordLine = 1
      while index < buffer.count {
        let byte = buffer[index]
        if byte == Self.quote {
          // A quoted field: up to the closing quote, "" standing for one quote.
          var value: [UInt8] = []
          var position = index + 1
          var closed = false
          while position < buffer.count {
            let inner = buffer[position]
            if inner == Self.quote {
              if position + 1 < buffer.count && buffer[position + 1] == Self.quote {
                value.append(Self.quote)
                position += 2
                continue
              }
              closed = true
              position += 1
              break
            }
            if inner == Self.newline { line += 1 }
            value.append(inner)
            position += 1
          }
          guard closed else {
            failure = .malformedCSV(
              file: file, line: recordLine, reason: "a quoted field is never closed")
            return
          }
          // Anything after the closing quote up to the delimiter is kept, as Python's csv does.
          var rest = position
          while rest < buffer.count && buffer[rest] != Self.comma && buffer[rest] != Self.newline
            && buffer[rest] != Self.carriageReturn
          {
            rest += 1
          }
          value.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[position..<rest]))
          fields.append(String(decoding: value, as: UTF8.self))
          index = rest
        } else {
          var end = index
          while end < buffer.count && buffer[end] != Self.comma && buffer[end] != Self.newline
            && buffer[end] != Self.carriageReturn
          {
            end += 1
          }
          fields.append(
            String(decoding: UnsafeBufferPointer(rebasing: buffer[index..<end]), as: UTF8.self))
          index = end
        }
        // After a field: a comma starts the next, a line end closes the record.
        if index < buffer.count && buffer[index] == Self.comma {
          index += 1
          if index == buffer.count { fields.append("") }
          continue
        }
        if index < buffer.count && buffer[index] == Self.carriageReturn { index += 1 }
        if index < buffer.count && buffer[index] == Self.newline { index += 1 }
        records.append(fields)
        recordLines.append(recordLine)
        fields = []
        line += 1
        recordLine = line
        // Blank lines: counted, skipped.
        while index < buffer.count
          && (buffer[index] == Self.newline || buffer[index] == Self.carriageReturn)
        {
          if buffer[index] == Self.newline { line += 1 }
          index += 1
        }
        recordLine = line
      }
      if !fields.isEmpty {
        records.append(fields)
        recordLines.append(recordLine)
      }
    }
    if let failure { throw failure }
    guard let rawHeader = records.first, !rawHeader.isEmpty else { throw .empty(file: file) }
    let header = rawHeader.map { $0.trimmedSpaces }
    if header.count == 1 {
      for (delimiter, label) in [(";", "semicolons"), ("\t", "tabs"), ("|", "pipes")]
      where header[0].contains(delimiter) {
        throw .wrongDelimiter(file: file, found: label)
      }
    }
    var rows: [[String]] = []
    var lines: [Int] = []
    rows.reserveCapacity(records.count - 1)
    lines.reserveCapacity(records.count - 1)
    for (record, line) in zip(records.dropFirst(), recordLines.dropFirst()) {
      if record.count == 1 && record[0].isEmpty { continue }
      guard record.count == header.count else {
        throw .wrongFieldCount(file: file, line: line, expected: header.count, found: record.count)
      }
      rows.append(record)
      lines.append(line)
    }
    guard !rows.isEmpty else { throw .headerOnly(file: file) }
    return CSVTable(file: file, header: header, rows: rows, lines: lines)
  }

  static let quote = UInt8(ascii: "\"")
  static let comma = UInt8(ascii: ",")
  static let newline = UInt8(ascii: "\n")
  static let carriageReturn = UInt8(ascii: "\r")

  /// Whether a byte is ASCII white space (or a line end).
  static func isSpace(_ byte: UInt8) -> Bool {
    byte == 0x20 || byte == 0x09 || byte == newline || byte == carriageReturn
  }
}
