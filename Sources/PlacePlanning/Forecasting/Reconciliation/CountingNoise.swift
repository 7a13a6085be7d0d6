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
  public static func widen(_ forecasts: inout PerSetting<[ForecastRow]>) -> Int {
    var widened = 0
    for setting in forecasts.keys.sorted() {
      forecasts.modifyValue(forKey: setting) { rows in
        for index in rows.indices where floor(&rows[index]) { widened += 1 }
      }
    }
    return widened
  }

  /// A forecast row with its intervals widened to at least counting noise around its value;
  /// an actual row, or one without intervals, unchanged.
  public static func floored(_ row: ForecastRow) -> ForecastRow {
    var copy = row
    floor(&copy)
    return copy
  }

  /// Widens a forecast row's intervals in place; returns whether any end moved.
  @discardableResult
  static func floor(_ row: inout ForecastRow) -> Bool {
    guard row.kind == .forecast, let l80 = row.lower80, let u80 = row.upper80,
      let l95 = row.lower95, let u95 = row.upper95
    else { return false }
    let noise = max(row.value, 0).squareRoot()
    let ends = (
      min(l80, max(0, row.value - z80 * noise)), max(u80, row.value + z80 * noise),
      min(l95, max(0, row.value - z95 * noise)), max(u95, row.value + z95 * noise)
    )
    let moved = ends != (l80, u80, l95, u95)
    (row.lower80, row.upper80, row.lower95, row.upper95) = ends
    return moved
  }
}
