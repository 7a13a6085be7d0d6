import Foundation

/// A CSV file read whole: header and rows of fields, with their line numbers.
///
/// The bytes are scanned once (RFC 4180 quoting) after the whole file is checked to be
/// UTF-8, and each field is kept as where it lies in the bytes: a field becomes a `String`
/// only when a reader asks for it (`rows[row][column]`), so columns nobody reads cost
/// nothing. A UTF-8 byte-order mark is removed from the first header. Every row must have
/// as many fields as the header.
struct CSVTable {
  let file: String
  let header: [String]
  let rows: Rows
  /// The file line of each row (header is line 1; blank lines are skipped but counted).
  let lines: [Int]

  /// The bytes of the file and where each field of each row lies in them.
  final class Storage: Sendable {
    let bytes: [UInt8]
    /// Field `f` of the table (row-major) is `bytes[bounds[2f] ..< bounds[2f + 1]]`, or,
    /// when `bounds[2f]` is negative, `quoted[-bounds[2f] - 1]` (a quoted field whose text
    /// differs from its bytes: doubled quotes, or text after the closing quote).
    let bounds: [Int]
    let quoted: [String]

    init(bytes: [UInt8], bounds: [Int], quoted: [String]) {
      self.bytes = bytes
      self.bounds = bounds
      self.quoted = quoted
    }

    func field(_ index: Int) -> String {
      let start = bounds[2 * index]
      if start < 0 { return quoted[-start - 1] }
      return String(decoding: bytes[start..<bounds[2 * index + 1]], as: UTF8.self)
    }

    /// Whether a field equals `text` (as `field(index) == text` would say), compared in
    /// the file's bytes without making the field a `String` when both are ASCII.
    func field(_ index: Int, is text: String) -> Bool {
      let start = bounds[2 * index]
      guard start >= 0 else { return quoted[-start - 1] == text }
      let fieldBytes = bytes[start..<bounds[2 * index + 1]]
      let ascii =
        text.utf8.allSatisfy { $0 < 0x80 } && fieldBytes.allSatisfy { $0 < 0x80 }
      guard ascii else { return field(index) == text }
      return fieldBytes.elementsEqual(text.utf8)
    }
  }

  /// One row's fields, made text when read.
  struct Row: RandomAccessCollection {
    let storage: Storage
    /// The table-wide index of the row's first field.
    let first: Int
    let count: Int

    var startIndex: Int { 0 }
    var endIndex: Int { count }
    /// Field `position` (0 ≤ position < count, as an array would require; readers take
    /// their columns from the header).
    subscript(position: Int) -> String {
      precondition(position >= 0 && position < count, "CSV field index out of range")
      return storage.field(first + position)
    }

    /// Whether the field at `position` is `text`, without making it a `String`.
    func field(_ position: Int, is text: String) -> Bool {
      precondition(position >= 0 && position < count, "CSV field index out of range")
      return storage.field(first + position, is: text)
    }
  }

  /// The rows, each as many fields as the header.
  struct Rows: RandomAccessCollection {
    let storage: Storage
    let width: Int
    /// The table-wide index of the first data row's first field (after the header's).
    let offset: Int
    let count: Int

    var startIndex: Int { 0 }
    var endIndex: Int { count }
    subscript(position: Int) -> Row {
      Row(storage: storage, first: offset + position * width, count: width)
    }
  }

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
  /// the file, so a row's line is where it starts; blank lines (and a line holding only an
  /// empty field, `""`) are skipped but counted. Errors are reported in this order: a quote
  /// never closed, an empty header, the wrong delimiter, a row of the wrong length, no rows.
  static func parse(bytes: [UInt8], file: String) throws(InputError) -> CSVTable {
    var start = 0
    if bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF { start = 3 }
    guard bytes[start...].contains(where: { !Self.isSpace($0) }) else { throw .empty(file: file) }
    var bounds: [Int] = []
    // Room for a field every two bytes (SEN2 files average 2–3 bytes a field: many "x" and
    // short counts), so the bounds are not copied as they grow; untouched room costs no
    // memory, and a file of still shorter fields only grows the array.
    bounds.reserveCapacity(bytes.count + 2)
    var quoted: [String] = []
    // The first record's field count (the header's), then each kept record's line.
    var width: Int?
    var recordLines: [Int] = []
    var failure: InputError?
    var wrongCount: InputError?
    bytes.withUnsafeBufferPointer { buffer in
      var index = start
      var line = 1
      var recordLine = 1
      // The record being read starts at bounds[recordStart].
      var recordStart = 0
      while index < buffer.count {
        let byte = buffer[index]
        if byte == Self.quote {
          // A quoted field: up to the closing quote, "" standing for one quote.
          var position = index + 1
          var closed = false
          var doubled = false
          while position < buffer.count {
            let inner = buffer[position]
            if inner == Self.quote {
              if position + 1 < buffer.count && buffer[position + 1] == Self.quote {
                doubled = true
                position += 2
                continue
              }
              closed = true
              position += 1
              break
            }
            if inner == Self.newline { line += 1 }
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
          if !doubled && rest == position {
            bounds.append(index + 1)
            bounds.append(position - 1)
          } else {
            var value: [UInt8] = []
            var inner = index + 1
            while inner < position - 1 {
              value.append(buffer[inner])
              inner += buffer[inner] == Self.quote ? 2 : 1
            }
            value.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[position..<rest]))
            quoted.append(String(decoding: value, as: UTF8.self))
            bounds.append(-quoted.count)
            bounds.append(0)
          }
          index = rest
        } else {
          var end = index
          while end < buffer.count && buffer[end] != Self.comma && buffer[end] != Self.newline
            && buffer[end] != Self.carriageReturn
          {
            end += 1
          }
          bounds.append(index)
          bounds.append(end)
          index = end
        }
        // After a field: a comma starts the next, a line end closes the record.
        if index < buffer.count && buffer[index] == Self.comma {
          index += 1
          if index == buffer.count { bounds.append(contentsOf: repeatElement(index, count: 2)) }
          continue
        }
        if index < buffer.count && buffer[index] == Self.carriageReturn { index += 1 }
        if index < buffer.count && buffer[index] == Self.newline { index += 1 }
        Self.close(
          record: &recordStart, line: recordLine, bounds: &bounds, quoted: quoted,
          width: &width, lines: &recordLines, wrongCount: &wrongCount, file: file)
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
      if recordStart < bounds.count / 2 {
        Self.close(
          record: &recordStart, line: recordLine, bounds: &bounds, quoted: quoted,
          width: &width, lines: &recordLines, wrongCount: &wrongCount, file: file)
      }
    }
    if let failure { throw failure }
    guard let width, width > 0 else { throw .empty(file: file) }
    let storage = Storage(bytes: bytes, bounds: bounds, quoted: quoted)
    let header = (0..<width).map { storage.field($0).trimmedSpaces }
    if header.count == 1 {
      for (delimiter, label) in [(";", "semicolons"), ("\t", "tabs"), ("|", "pipes")]
      where header[0].contains(delimiter) {
        throw .wrongDelimiter(file: file, found: label)
      }
    }
    if let wrongCount { throw wrongCount }
    let lines = Array(recordLines.dropFirst())
    guard !lines.isEmpty else { throw .headerOnly(file: file) }
    return CSVTable(
      file: file, header: header,
      rows: Rows(storage: storage, width: width, offset: width, count: lines.count), lines: lines)
  }

  /// Ends the record whose fields start at `bounds[2 · record]`: the first is the header and
  /// sets the width; a record of one empty field is dropped; one of another length than
  /// the header is dropped and, if the first such, kept as the error to report.
  private static func close(
    record: inout Int, line: Int, bounds: inout [Int], quoted: [String], width: inout Int?,
    lines: inout [Int], wrongCount: inout InputError?, file: String
  ) {
    let count = bounds.count / 2 - record
    defer { record = bounds.count / 2 }
    guard let expected = width else {
      width = count
      lines.append(line)
      return
    }
    let start = bounds[2 * record]
    let isEmpty = start < 0 ? quoted[-start - 1].isEmpty : bounds[2 * record + 1] == start
    if count == 1 && isEmpty {
      bounds.removeLast(2)
      return
    }
    guard count == expected else {
      if wrongCount == nil {
        wrongCount = .wrongFieldCount(file: file, line: line, expected: expected, found: count)
      }
      bounds.removeLast(2 * count)
      return
    }
    lines.append(line)
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
