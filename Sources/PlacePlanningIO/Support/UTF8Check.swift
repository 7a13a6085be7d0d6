import Foundation

/// Finds where a file stops being UTF-8 text, so the error can name the line and byte.
enum UTF8Check {
  /// The first byte that does not start a valid UTF-8 sequence (RFC 3629: no overlong
  /// forms, no surrogates, nothing above U+10FFFF), or the first byte of a sequence that
  /// breaks off: its line (1-based, counting LF), byte within the line (1-based) and value;
  /// nil when the data is valid UTF-8.
  static func firstInvalid(_ data: Data) -> (line: Int, column: Int, byte: UInt8)? {
    firstInvalid([UInt8](data))
  }

  static func firstInvalid(_ bytes: [UInt8]) -> (line: Int, column: Int, byte: UInt8)? {
    bytes.withUnsafeBufferPointer { buffer in
      var index = 0
      while true {
        // ASCII runs (all of most files) are skipped eight bytes at a time.
        index = nextNonASCII(buffer, from: index)
        guard index < buffer.count else { return nil }
        guard let length = sequenceLength(buffer, at: index) else {
          // Located only now: the line is the count of line feeds before it, plus one.
          var line = 1
          var lineStart = 0
          for position in 0..<index where buffer[position] == 0x0A {
            line += 1
            lineStart = position + 1
          }
          return (line, index - lineStart + 1, buffer[index])
        }
        index += length
      }
    }
  }

  /// The index of the first byte at or after `start` that is not ASCII (≥ 0x80), or the
  /// buffer's count when there is none.
  static func nextNonASCII(_ buffer: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
    var index = start
    if let base = buffer.baseAddress {
      let raw = UnsafeRawPointer(base)
      while index + 8 <= buffer.count {
        let word = raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)
        if word & 0x8080_8080_8080_8080 != 0 { break }
        index += 8
      }
    }
    while index < buffer.count && buffer[index] < 0x80 { index += 1 }
    return index
  }

  /// The length of the valid UTF-8 sequence starting at `index` (RFC 3629: no overlong
  /// forms, no surrogates, nothing above U+10FFFF), or nil when its first byte cannot start
  /// one or the sequence breaks off.
  static func sequenceLength(_ buffer: UnsafeBufferPointer<UInt8>, at index: Int) -> Int? {
    let lead = buffer[index]
    let length: Int
    var low: UInt8 = 0x80
    var high: UInt8 = 0xBF
    switch lead {
    case 0x00...0x7F: return 1
    case 0xC2...0xDF: length = 2
    case 0xE0:
      length = 3
      low = 0xA0
    case 0xE1...0xEC, 0xEE...0xEF: length = 3
    case 0xED:
      length = 3
      high = 0x9F
    case 0xF0:
      length = 4
      low = 0x90
    case 0xF1...0xF3: length = 4
    case 0xF4:
      length = 4
      high = 0x8F
    default:
      return nil
    }
    for offset in 1..<length {
      let position = index + offset
      guard position < buffer.count else { return nil }
      let byte = buffer[position]
      let range = offset == 1 ? low...high : 0x80...0xBF
      // The error names the sequence's first byte: in a file saved as Latin-1 that is the
      // character.
      guard range.contains(byte) else { return nil }
    }
    return length
  }

  /// The text of a file, or a located error at its first byte that is not UTF-8.
  static func text(_ data: Data, file: String) throws(InputError) -> String {
    try require([UInt8](data), file: file)
    guard let text = String(data: data, encoding: .utf8) else { throw .notUTF8(file: file) }
    return text
  }

  /// Nothing, or a located error at the first byte that is not UTF-8.
  static func require(_ bytes: [UInt8], file: String) throws(InputError) {
    if let bad = firstInvalid(bytes) {
      throw .invalid(
        file: file, line: bad.line, column: bad.column,
        problem:
          "byte 0x" + String(bad.byte, radix: 16, uppercase: true)
          + " at byte \(bad.column) of the line is not UTF-8 text",
        fix:
          "save the file as UTF-8 (in Excel: Save As, CSV UTF-8), or correct that character")
    }
  }
}
