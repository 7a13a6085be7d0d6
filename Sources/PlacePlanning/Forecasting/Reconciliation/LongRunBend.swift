import Foundation

/// Years beyond the scored horizons: each series' growth in the last scored year, carried on
/// with a stated damping, so that growth bends where no backtest can choose how.
///
/// Backtests score horizons 1…S (S = 5: setting types are recorded consistently from 2019
/// only). For a forecast ŷ(1…H) with H > S, and g the log growth of the last scored year,
/// ```
/// g = ln(ŷ(S) / ŷ(S−1))                 (0 when either is not positive)
/// ŷ(S+k) = ŷ(S+k−1) · exp(g · φ_L^k),   k = 1…H−S,   φ_L = 0.80
/// ```
/// so the series approaches `ŷ(S) · exp(g φ_L / (1 − φ_L)) = ŷ(S) · exp(4g)` instead of
/// compounding for ever: a series growing 10% a year in year 5 grows 7.9%, 6.3%, 5.0%, 4.0% and
/// 3.2% in years 6–10 and at most 46% in all. Each row's interval ends move by the same factor
/// as its value, keeping the relative width calibrated for that horizon (a row at 0 is moved
/// by the difference instead).
///
/// φ_L = 0.80 is the strongest damping of `TrendDamping.grid`, the lower bound that
/// Hyndman and Athanasopoulos's `forecast` and `fable` packages allow a damped trend: with
/// no outturn to score years S+1…H, the forecast takes the most cautious damping the method
/// family admits rather than the least. It is an assumption, stated in the provenance.
public enum LongRunBend {
  /// φ_L, the damping of each year's growth after the last scored year.
  public static let damping = TrendDamping.grid.min() ?? 0.8

  /// A series' values for horizons 1…H with those after the first `scored` bent; unchanged
  /// when H ≤ `scored` or `scored` < 2.
  public static func bent(_ values: [Double], scored: Int) -> [Double] {
    guard scored >= 2, values.count > scored else { return values }
    let last = values[scored - 1]
    let before = values[scored - 2]
    let growth = last > 0 && before > 0 ? log(last / before) : 0
    var result = values
    var value = last
    for index in scored..<values.count {
      value *= exp(growth * pow(damping, Double(index - scored + 1)))
      result[index] = value
    }
    return result
  }

  /// Bends the forecast rows of one series (in census-year order, first forecast year first)
  /// after the first `scored`; rows before are unchanged.
  static func bend(_ rows: inout [ForecastRow], scored: Int) {
    let values = bent(rows.map(\.value), scored: scored)
    for index in rows.indices where values[index] != rows[index].value {
      let old = rows[index].value
      rows[index] =
        old > 0
        ? rows[index].scaled(by: values[index] / old) : rows[index].shifted(by: values[index] - old)
    }
  }

  /// Bends every setting type's forecast beyond `scored` years.
  static func bend(_ forecasts: inout PerSetting<[ForecastRow]>, scored: Int) {
    for setting in SettingType.allCases {
      forecasts.modifyValue(forKey: setting) { bend(&$0, scored: scored) }
    }
  }
}
