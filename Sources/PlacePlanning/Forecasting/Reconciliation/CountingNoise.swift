import Foundation

/// The narrowest honest interval for a forecast count: Poisson counting noise.
///
/// Even a perfectly known rate gives a count that varies by about its square root from year
/// to year, so no prediction interval for a count μ may be narrower than
/// ```
/// μ ± z √μ,   z = 1.2816 (80%), 1.9600 (95%),   lower end floored at 0
/// ```
/// (the normal approximation to the Poisson; for μ = 48 the 80% floor is 39.1–56.9, so an
/// interval of 44–52 is too narrow). Intervals calibrated on backtest errors of small
/// setting types can be narrower than this where their errors are measured on larger LAs.
public enum CountingNoise {
  static let z80 = 1.2815515655446004
  static let z95 = 1.959963984540054

  /// Below this count at the origin a setting type is too small to forecast separately:
  /// its relative counting noise (1/√20 ≈ 22%) swamps any trend.
  public static let smallCount = 20.0

  /// Widens every forecast interval in `forecasts` to at least counting noise around its
  /// value; returns how many rows were widened.
  @discardableResult
  public static func widen(_ forecasts: inout [SettingType: [ForecastRow]]) -> Int {
    var widened = 0
    for setting in forecasts.keys.sorted() {
      guard var rows = forecasts[setting] else { continue }
      for index in rows.indices where rows[index].kind == .forecast {
        let row = rows[index]
        guard let l80 = row.lower80, let u80 = row.upper80, let l95 = row.lower95,
          let u95 = row.upper95
        else { continue }
        let noise = max(row.value, 0).squareRoot()
        let floor80 = (max(0, row.value - z80 * noise), row.value + z80 * noise)
        let floor95 = (max(0, row.value - z95 * noise), row.value + z95 * noise)
        let bounds = (
          min(l80, floor80.0), max(u80, floor80.1), min(l95, floor95.0), max(u95, floor95.1)
        )
        if bounds != (l80, u80, l95, u95) { widened += 1 }
        rows[index].lower80 = bounds.0
        rows[index].upper80 = bounds.1
        rows[index].lower95 = bounds.2
        rows[index].upper95 = bounds.3
      }
      forecasts[setting] = rows
    }
    return widened
  }
}
