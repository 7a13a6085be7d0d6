import Foundation

/// Formats CSV cells for spreadsheets.
///
/// Text that starts with `=`, `+`, `-`, `@`, a tab or a carriage return would be run as a
/// formula by Excel, so it gets a leading apostrophe; numbers are written plainly. Cells with a comma, quote or line
/// break are quoted with inner quotes doubled (RFC 4180).
public enum CSVFormat {
  /// A text cell, escaped (see `append(text:to:)`).
  public static func text(_ value: String) -> String {
    var bytes: [UInt8] = []
    append(text: value, to: &bytes)
    return String(decoding: bytes, as: UTF8.self)
  }

  /// A number with `decimals` places (C locale); whole numbers when `decimals` is 0.
  public static func number(_ value: Double, decimals: Int = 1) -> String {
    guard value.isFinite else { return "" }
    if let fast = fixed(value, places: max(0, decimals)) { return fast }
    let formatted = String(format: "%.\(max(0, decimals))f", value)
    return formatted == "-0" || formatted.hasPrefix("-0.") && Double(formatted) == 0
      ? String(formatted.dropFirst()) : formatted
  }

  /// `value` with `places` decimals exactly as `%.Nf` writes it, by integer arithmetic
  /// (`String(format:)` was the largest cost of writing `forecast --la all`), or nil where
  /// the two could differ, for printf to decide. `s = |value| · 10^places` carries a
  /// rounding error under half an ulp of `s`; when `s` is more than four ulps from a
  /// rounding tie, the exact value rounds the same way as `s`, so `round(s)` is printf's
  /// digits. Within that of a tie, or when `s` is too large for an exact integer, nil.
  /// A value that rounds to zero is written without a sign, as `number` does.
  static func fixed(_ value: Double, places: Int) -> String? {
    var bytes: [UInt8] = []
    guard appendFixed(value, places: places, to: &bytes) else { return nil }
    return String(decoding: bytes, as: UTF8.self)
  }

  /// Appends `value` with `places` decimals to UTF-8 `bytes` as `fixed` writes it and
  /// returns true, or appends nothing and returns false where `fixed` is nil.
  static func appendFixed(_ value: Double, places: Int, to bytes: inout [UInt8]) -> Bool {
    guard places >= 0, places < powersOfTen.count else { return false }
    let scaled = abs(value) * powersOfTen[places]
    guard scaled < 1e15 else { return false }
    let rounded = scaled.rounded()
    guard abs(abs(scaled - rounded) - 0.5) > max(1e-9, 4 * scaled.ulp) else { return false }
    let digits = UInt64(rounded)
    if value < 0 && digits != 0 { bytes.append(UInt8(ascii: "-")) }
    // Digit by digit from the most significant, at least one before the point.
    var count = places + 1
    while count < integerPowersOfTen.count && digits >= integerPowersOfTen[count] { count += 1 }
    for position in stride(from: count - 1, through: 0, by: -1) {
      if position == places - 1 { bytes.append(UInt8(ascii: ".")) }
      bytes.append(UInt8(ascii: "0") + UInt8(digits / integerPowersOfTen[position] % 10))
    }
    return true
  }

  /// Appends a number as `number` writes it (nothing for nil) to UTF-8 `bytes`, its digits
  /// written straight in when `appendFixed` can decide them.
  static func append(number value: Double?, decimals: Int, to bytes: inout [UInt8]) {
    guard let value, value.isFinite else { return }
    if !appendFixed(value, places: max(0, decimals), to: &bytes) {
      bytes.append(contentsOf: number(value, decimals: decimals).utf8)
    }
  }

  /// Appends a text cell to UTF-8 `bytes`: an apostrophe before a formula's first byte,
  /// then, when the cell holds a comma, quote or line break, the whole in quotes with inner
  /// quotes doubled; otherwise the text as it is (almost every cell). Read as bytes, a
  /// `\r\n` is two line-break bytes, and the ASCII specials never occur inside a multi-byte
  /// character.
  static func append(text value: String, to bytes: inout [UInt8]) {
    let utf8 = value.utf8
    let formula = utf8.first.map { formulaStarts.contains($0) } ?? false
    let quoted = utf8.contains { $0 == comma || $0 == quote || $0 == 0x0A || $0 == 0x0D }
    guard formula || quoted else {
      bytes.append(contentsOf: utf8)
      return
    }
    if quoted { bytes.append(quote) }
    if formula { bytes.append(UInt8(ascii: "'")) }
    for byte in utf8 {
      bytes.append(byte)
      if byte == quote { bytes.append(quote) }
    }
    if quoted { bytes.append(quote) }
  }

  /// The bytes that make a spreadsheet read a cell as a formula, and the CSV specials.
  static let formulaStarts: [UInt8] = Array("=+-@\t\r".utf8)
  static let comma = UInt8(ascii: ",")
  static let quote = UInt8(ascii: "\"")

  /// 10^0 … 10^6, exact in binary.
  static let powersOfTen: [Double] = [1, 10, 100, 1000, 10_000, 100_000, 1_000_000]

  /// 10^0 … 10^19, the powers of ten a `UInt64` holds.
  static let integerPowersOfTen: [UInt64] = (0...19).map { power in
    (0..<power).reduce(UInt64(1)) { product, _ in product * 10 }
  }

  /// An optional number; empty when nil.
  public static func number(_ value: Double?, decimals: Int = 1) -> String {
    value.map { number($0, decimals: decimals) } ?? ""
  }

  /// The UTF-8 byte-order mark Excel needs to read a CSV's non-ASCII text as UTF-8.
  public static let byteOrderMark = "\u{FEFF}"

  /// One CSV line from already-formatted cells.
  public static func line(_ cells: [String]) -> String { cells.joined(separator: ",") }
}
