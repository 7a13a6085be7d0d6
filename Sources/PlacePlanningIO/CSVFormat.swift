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
    let formatted = String(format: "%.\(max(0, decimals))f", value)
    return formatted == "-0" || formatted.hasPrefix("-0.") && Double(formatted) == 0
      ? String(formatted.dropFirst()) : formatted
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
