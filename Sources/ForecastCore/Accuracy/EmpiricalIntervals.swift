import Foundation

/// Prediction intervals from past forecast errors, on the log scale.
///
/// From log errors `e = ln(max(a, ½) / max(f, ½))` of earlier one-step forecasts (outturn
/// `a`, forecast `f`), the interval for a forecast `ŷ` at horizon `h` is
/// ```
/// [ŷ · exp(q_lo · h^α),  ŷ · exp(q_hi · h^α)]
/// ```
/// with `q_lo`, `q_hi` the 10th/90th (80%) or 2.5th/97.5th (95%) percentiles of `e`
/// (type-7 interpolation). The exponent α says how fast errors grow with the horizon: it is
/// either fixed, or estimated from the 80th percentiles `Q_h` of `|e|` at each horizon by
/// least squares through the origin on logs,
/// ```
/// α = clamp( Σ ln h · ln(Q_h / Q_1) / Σ (ln h)²,  0.5, 1 )     over h ≥ 2
/// ```
/// (α = ½ is a random walk, α = 1 a wrong growth rate). The lower bound is the random
/// walk's: a trend forecast's error grows at least as fast as the noise it carries forward,
/// and an estimate below it comes from few horizons scored at few origins. Calibrating on one-step errors and
/// scaling keeps the intervals on recent errors, where direct per-horizon quantiles would
/// need old origins.
public struct EmpiricalIntervals: Sendable, Equatable {
  /// Log-error quantiles at horizon 1.
  public let lower80: Double
  public let upper80: Double
  public let lower95: Double
  public let upper95: Double
  /// The growth exponent α.
  public let exponent: Double
  /// The number of one-step errors calibrated on.
  public let sampleSize: Int

  /// The smallest estimated exponent, a random walk's.
  public static let minimumExponent = 0.5

  /// The smallest sample a calibration is made from.
  public static let minimumSample = 20

  /// Calibrates from one-step log errors and, when `fixedExponent` is nil, the `|e|` 80th
  /// percentiles by horizon. Nil when fewer than `minimumSample` finite errors.
  public init?(
    oneStepErrors: [Double], absoluteErrorQuantiles: [Int: Double] = [:],
    fixedExponent: Double? = nil, defaultExponent: Double = 0.75
  ) {
    let errors = oneStepErrors.filter(\.isFinite)
    guard errors.count >= Self.minimumSample,
      let l80 = AccuracySummary.quantile(errors, 0.10),
      let u80 = AccuracySummary.quantile(errors, 0.90),
      let l95 = AccuracySummary.quantile(errors, 0.025),
      let u95 = AccuracySummary.quantile(errors, 0.975)
    else { return nil }
    lower80 = l80
    upper80 = u80
    lower95 = l95
    upper95 = u95
    sampleSize = errors.count
    exponent =
      fixedExponent
      ?? Self.estimateExponent(absoluteErrorQuantiles) ?? defaultExponent
  }

  /// α from `Q_h`, or nil when there is no horizon ≥ 2 with positive `Q_h` and `Q_1`.
  public static func estimateExponent(_ quantiles: [Int: Double]) -> Double? {
    guard let q1 = quantiles[1], q1 > 0 else { return nil }
    var numerator = 0.0
    var denominator = 0.0
    for horizon in quantiles.keys.sorted() where horizon >= 2 {
      guard let q = quantiles[horizon], q > 0 else { continue }
      let lh = log(Double(horizon))
      numerator += lh * log(q / q1)
      denominator += lh * lh
    }
    guard denominator > 0 else { return nil }
    return min(max(numerator / denominator, minimumExponent), 1)
  }

  /// The log error of a forecast: `ln(max(a, ½) / max(f, ½))`.
  public static func logError(forecast: Double, actual: Double) -> Double {
    log(max(actual, 0.5) / max(forecast, 0.5))
  }

  /// The 80% and 95% interval around a point forecast at a horizon ≥ 1.
  public func interval(around value: Double, horizon: Int) -> (
    lower80: Double, upper80: Double, lower95: Double, upper95: Double
  ) {
    let scale = pow(Double(max(1, horizon)), exponent)
    let base = max(value, 0)
    return (
      base * exp(lower80 * scale), base * exp(upper80 * scale),
      base * exp(lower95 * scale), base * exp(upper95 * scale)
    )
  }
}
