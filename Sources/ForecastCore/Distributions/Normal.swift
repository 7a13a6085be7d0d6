import Foundation

/// The standard normal distribution N(0, 1).
public enum Normal {
  /// Cumulative distribution function.
  ///
  /// ```
  /// Φ(x) = ½ erfc(−x/√2)
  /// ```
  ///
  /// Computed with `erfc`, so lower-tail values keep full relative accuracy down to
  /// underflow (x ≳ −38). Any finite or infinite `x`; returns a value in `[0, 1]`.
  public static func cdf(_ x: Double) -> Double {
    0.5 * erfc(-x / 2.0.squareRoot())
  }

  /// Quantile (inverse CDF): the `x` with `Φ(x) = p`.
  ///
  /// Starts from the Abramowitz & Stegun 26.2.23 rational approximation (absolute error
  /// < 4.5e-4) for the smaller tail `q = min(p, 1 − p)`, then applies Halley steps
  ///
  /// ```
  /// u = (Φ(x) − q) · √(2π) · exp(x²/2),   x ← x − u / (1 + x u / 2)
  /// ```
  ///
  /// until the step is below `1e-16 |x|`, giving close to full double precision
  /// (relative error ~1e-15) for `1e-300 ≤ q ≤ 0.5`.
  ///
  /// - Precondition: `0 < p < 1` (returns ∓∞ for `p` equal to 0 or 1).
  public static func quantile(_ p: Double) -> Double {
    precondition(p >= 0 && p <= 1, "p must be in [0, 1]")
    if p == 0 { return -.infinity }
    if p == 1 { return .infinity }
    if p == 0.5 { return 0 }
    let q = min(p, 1 - p)
    // Lower-tail quantile of q, refined below.
    let t = (-2 * log(q)).squareRoot()
    var x =
      -(t - (2.515517 + 0.802853 * t + 0.010328 * t * t)
        / (1 + 1.432788 * t + 0.189269 * t * t + 0.001308 * t * t * t))
    let rootTwoPi = (2 * Double.pi).squareRoot()
    for _ in 0..<8 {
      let u = (cdf(x) - q) * rootTwoPi * exp(x * x / 2)
      let step = u / (1 + x * u / 2)
      x -= step
      if abs(step) <= 1e-16 * abs(x) { break }
    }
    // q = 1 − p is exact when p ≥ 0.5, so the upper quantile is the mirrored one.
    return p < 0.5 ? x : -x
  }
}
