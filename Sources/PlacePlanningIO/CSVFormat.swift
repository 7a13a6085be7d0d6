import Foundation

/// Formats CSV cells for spreadsheets.
///
/// Text that starts with `=`, `+`, `-` or `@` would be run as a formula by Excel, so it
/// gets a leading apostrophe; numbers are written plainly. Cells with a comma, quote or line
/// break are quoted with inner quotes doubled (RFC 4180).
public enum CSVFormat {
  /// A text cell, escaped.
  public static func text(_ value: String) -> String {
    var cell = value
    if let first = cell.first, "=+-@".contains(first) { cell = "'" + cell }
    if cell.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) {
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

  /// One CSV line from already-formatted cells.
  public static func line(_ cells: [String]) -> String { cells.joined(separator: ",") }
}
