import ForecastCore
import Foundation

/// Damped growth: a trend that bends, with its damping chosen by backtest on England's series.
///
/// A growth rate `g` (per year, on logs) carried h years ahead adds `D(h) · g`, with
/// ```
/// D(h) = 1 + φ + φ² + … + φ^(h−1) = (1 − φ^h) / (1 − φ)      (φ < 1)
/// ```
/// so the first year takes the full rate and each later year φ times the one before
/// (Gardner and McKenzie's damped trend, 1985, with the first step undamped because the rate
/// is measured up to the origin). The long-run limit is `g / (1 − φ)`: growth bends towards
/// zero instead of compounding for ever.
///
/// φ is chosen from `grid` (0.80–0.98, the range Hyndman and Athanasopoulos's `forecast` and
/// `fable` packages allow a damped trend) by the smallest mean squared log error of England's
/// own series forecast from every origin `o` with `firstOrigin ≤ o < T` to every outturn
/// `o + h ≤ T` (h ≤ 5), using only data up to the forecast origin T. With fewer than
/// `minimumPairs` scored (origin, outturn) pairs, φ is the caller's `fallback` and the
/// choice says so.
public struct TrendDamping: Sendable, Equatable {
  public let damping: Double
  /// Scored (origin, outturn) pairs behind the choice; 0 for the fallback.
  public let pairs: Int
  /// Root mean squared log error at the chosen φ; nil for the fallback.
  public let rmsLogError: Double?
  /// Words for the provenance, e.g. `φ = 0.98 (chosen on England's series, 6 origin-outturn
  /// pairs, RMS log error 0.014)`; made once here, since every backtest forecast's
  /// description carries it.
  public let summary: String

  init(damping: Double, pairs: Int, rmsLogError: Double?) {
    self.damping = damping
    self.pairs = pairs
    self.rmsLogError = rmsLogError
    if pairs == 0 {
      summary = Printf.format(
        "φ = %.2f (fewer than %ld scorable pairs in England's series; the fallback)",
        damping, Self.minimumPairs)
    } else {
      summary = Printf.format(
        "φ = %.2f (chosen on England's series, %ld origin-outturn pairs, RMS log error %.3f)",
        damping, pairs, rmsLogError ?? .nan)
    }
  }

  public static let grid: [Double] = [0.80, 0.85, 0.90, 0.95, 0.98]
  /// The fallback for a count (the total): the least damping on the grid, since a count's
  /// growth has no bound to bend towards until history shows it bending.
  public static let countFallback = 0.98
  /// The fallback for a share: the most damping on the grid, since a share is bounded by 0
  /// and 1 and a share trend without a track record rests on one or two years' change.
  public static let shareFallback = 0.80
  public static let minimumPairs = 3
  public static let maximumHorizon = 5

  /// `D(h)`, the years of growth a damped trend adds by horizon h ≥ 0.
  public static func dampedYears(horizon: Int, damping: Double) -> Double {
    guard horizon > 0 else { return 0 }
    if damping >= 1 { return Double(horizon) }
    return (1 - pow(damping, Double(horizon))) / (1 - damping)
  }

  /// Chooses φ for a series forecast from origin o as `value(o) · exp(D(h) · rate(o))`.
  ///
  /// - Parameters:
  ///   - through: the forecast origin T; outturns after T are never used.
  ///   - firstOrigin: the first backtest origin.
  ///   - value: the series at a census (count or share); nil or ≤ 0 when unknown.
  ///   - rate: the growth rate per year measured at an origin; nil when unknown.
  ///   - comparable: whether an outturn can be scored from an origin (false across a break
  ///     in recording, which no trend could foresee).
  public static func choose(
    through: Int, firstOrigin: Int, value: (Int) -> Double?, rate: (Int) -> Double?,
    comparable: (Int, Int) -> Bool = { _, _ in true }, fallback: Double = countFallback
  ) -> TrendDamping {
    var cases: [(start: Double, rate: Double, horizon: Int, actual: Double)] = []
    if firstOrigin < through {
      for origin in firstOrigin..<through {
        guard let start = value(origin), start > 0, let g = rate(origin), g.isFinite else {
          continue
        }
        for horizon in 1...maximumHorizon
        where origin + horizon <= through && comparable(origin, origin + horizon) {
          guard let actual = value(origin + horizon), actual > 0 else { continue }
          cases.append((start, g, horizon, actual))
        }
      }
    }
    guard cases.count >= minimumPairs else {
      return TrendDamping(damping: fallback, pairs: 0, rmsLogError: nil)
    }
    var best: (damping: Double, error: Double)?
    // From the least damping to the most, replacing only on a strictly smaller error, so a
    // tie (e.g. every rate 0) keeps the least damping.
    for candidate in grid.reversed() {
      var sum = 0.0
      for item in cases {
        let e =
          log(item.actual / item.start) - dampedYears(horizon: item.horizon, damping: candidate)
          * item.rate
        sum += e * e
      }
      let mse = sum / Double(cases.count)
      if best == nil || mse < (best?.error ?? .infinity) { best = (candidate, mse) }
    }
    let chosen = best ?? (countFallback, .nan)
    return TrendDamping(
      damping: chosen.damping, pairs: cases.count, rmsLogError: chosen.error.squareRoot())
  }

}
