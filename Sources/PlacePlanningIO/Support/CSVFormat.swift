import Foundation

/// Formats CSV cells for spreadsheets.
///
/// Text that starts with `=`, `+`, `-`, `@`, a tab or a carriage return would be run as a
/// formula by Excel, so it gets a leading apostrophe; numbers are written plainly. Cells with a comma, quote or line
/// break are quoted with inner quotes doubled (RFC 4180).
public enum CSVFormat {
  /// A text cell, escaped.
  public static func text(_ value: String) -> String {
    var cell = value
    if let first = cell.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) {
      cell = "'" + cell
    }
    // Scalars, not characters: "\r\n" is one Character, equal to neither "\r" nor "\n".
    if cell.unicodeScalars.contains(where: { ",\"\n\r".unicodeScalars.contains($0) }) {
      cell = "\"" + cell.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
    return cell
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
    guard places < powersOfTen.count else { return nil }
    let scaled = abs(value) * powersOfTen[places]
    guard scaled < 1e15 else { return nil }
    let rounded = scaled.rounded()
    guard abs(abs(scaled - rounded) - 0.5) > max(1e-9, 4 * scaled.ulp) else { return nil }
    let digits = Int64(rounded)
    var text = String(digits)
    if places > 0 {
      if text.count <= places {
        text = String(repeating: "0", count: places - text.count + 1) + text
      }
      text.insert(".", at: text.index(text.endIndex, offsetBy: -places))
    }
    return value < 0 && digits != 0 ? "-" + text : text
  }

  /// 10^0 … 10^6, exact in binary.
  static let powersOfTen: [Double] = [1, 10, 100, 1000, 10_000, 100_000, 1_000_000]

  /// An optional number; empty when nil.
  public static func number(_ value: Double?, decimals: Int = 1) -> String {
    value.map { number($0, decimals: decimals) } ?? ""
  }

  /// The UTF-8 byte-order mark Excel needs to read a CSV's non-ASCII text as UTF-8.
  public static let byteOrderMark = "\u{FEFF}"

  /// One CSV line from already-formatted cells.
  public static func line(_ cells: [String]) -> String { cells.joined(separator: ",") }
}
