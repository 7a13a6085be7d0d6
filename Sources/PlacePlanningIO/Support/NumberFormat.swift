import Foundation

/// How every output writes a number for people (tables, the report, statements): counts,
/// pounds, percentages and intervals, in one place. Machine outputs (CSV, JSON) write plain
/// decimals through `CSVFormat.number` and `NumberFormat.rounded`.
public enum NumberFormat {
  /// A count, whole, thousands grouped with commas: `12,345`, `-1,234` (rounded half away
  /// from zero).
  public static func count(_ value: Double) -> String {
    guard value.isFinite, abs(value) < 1e15 else { return CSVFormat.number(value, decimals: 0) }
    let whole = Int(value.rounded())
    let digits = String(abs(whole))
    var parts: [String] = []
    var end = digits.endIndex
    while end > digits.startIndex {
      let start = digits.index(end, offsetBy: -3, limitedBy: digits.startIndex) ?? digits.startIndex
      parts.insert(String(digits[start..<end]), at: 0)
      end = start
    }
    return (whole < 0 ? "-" : "") + parts.joined(separator: ",")
  }

  /// A count with its sign: `+1,234`, `-1,234`, `0`.
  public static func signedCount(_ value: Double) -> String {
    let whole = value.rounded()
    if whole == 0 { return "0" }
    return whole < 0 ? "-" + count(-value) : "+" + count(value)
  }

  /// An interval of counts, `lower-upper`; empty when either end is missing.
  public static func interval(_ lower: Double?, _ upper: Double?) -> String {
    guard let lower, let upper else { return "" }
    return "\(count(lower))-\(count(upper))"
  }

  /// Pounds, the sign before the £: whole pounds grouped (`-£14,309,277`), or, `short`, a
  /// million and over in millions to one decimal, grouped (`-£14.3m`, `£1,978.8m`). `minus`
  /// is the sign written (the report uses the typographic minus, U+2212).
  public static func pounds(_ value: Double, short: Bool = false, minus: String = "-") -> String {
    let sign = value < 0 ? minus : ""
    let size = abs(value)
    if short && size >= 1e6 && size < 1e15 {
      let tenths = (size / 1e5).rounded()
      let whole = (tenths / 10).rounded(.down)
      return sign + "£" + count(whole) + "." + String(Int(tenths - 10 * whole)) + "m"
    }
    return sign + "£" + count(size)
  }

  /// A number already in percent, to `decimals` places, with `%`: `12.5%`.
  public static func percent(_ value: Double, decimals: Int = 1) -> String {
    CSVFormat.number(value, decimals: decimals) + "%"
  }

  /// `value` rounded to `places` decimals for JSON: `(value · 10^p).rounded() / 10^p`.
  public static func rounded(_ value: Double, places: Int = 1) -> Double {
    let scale = pow(10, Double(places))
    return (value * scale).rounded() / scale
  }
}
