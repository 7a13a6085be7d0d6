import Foundation

/// Regularised incomplete beta function and the log-beta values Student's t needs.
enum IncompleteBeta {
  /// Regularised incomplete beta function.
  ///
  /// ```
  /// I_x(a, b) = (1 / B(a, b)) ∫₀ˣ s^(a−1) (1 − s)^(b−1) ds,   y = 1 − x
  /// ```
  ///
  /// The caller passes both `x` and `y = 1 − x` so that neither loses accuracy to
  /// cancellation. Evaluated with the continued fraction (modified Lentz) on whichever
  /// side of `(a + 1)/(a + b + 2)` makes it converge quickly, using
  /// `I_x(a, b) = 1 − I_y(b, a)` on the other side. `a, b > 0`, `0 ≤ x ≤ 1`; one of
  /// `a`, `b` must be ½ (the only case Student's t needs).
  static func regularized(x: Double, y: Double, a: Double, b: Double) -> Double {
    if x <= 0 { return 0 }
    if y <= 0 { return 1 }
    if x < (a + 1) / (a + b + 2) {
      return prefactor(x: x, y: y, a: a, b: b) * continuedFraction(x: x, a: a, b: b) / a
    }
    return 1 - prefactor(x: y, y: x, a: b, b: a) * continuedFraction(x: y, a: b, b: a) / b
  }

  /// `xᵃ yᵇ / B(a, b)` computed through logarithms.
  private static func prefactor(x: Double, y: Double, a: Double, b: Double) -> Double {
    let logBeta = a == 0.5 ? logBetaHalf(b) : logBetaHalf(a)
    return exp(a * log(x) + b * log(y) - logBeta)
  }

  /// Continued fraction for `I_x(a, b)` (Numerical Recipes `betacf`, modified Lentz).
  private static func continuedFraction(x: Double, a: Double, b: Double) -> Double {
    let tiny = 1e-300
    let qab = a + b
    let qap = a + 1
    let qam = a - 1
    var c = 1.0
    var d = 1 - qab * x / qap
    if abs(d) < tiny { d = tiny }
    d = 1 / d
    var h = d
    let maximumTerms = 20_000
    for m in 1...maximumTerms {
      let mm = Double(m)
      let m2 = 2 * mm
      var aa = mm * (b - mm) * x / ((qam + m2) * (a + m2))
      d = 1 + aa * d
      if abs(d) < tiny { d = tiny }
      c = 1 + aa / c
      if abs(c) < tiny { c = tiny }
      d = 1 / d
      h *= d * c
      aa = -(a + mm) * (qab + mm) * x / ((a + m2) * (qap + m2))
      d = 1 + aa * d
      if abs(d) < tiny { d = tiny }
      c = 1 + aa / c
      if abs(c) < tiny { c = tiny }
      d = 1 / d
      let delta = d * c
      h *= delta
      if abs(delta - 1) <= 1e-16 { break }
    }
    return h
  }

  /// `log B(a, ½) = log Γ(a) + log Γ(½) − log Γ(a + ½)`, `a > 0`.
  ///
  /// For `a ≥ 20` the difference of log-gammas is taken from Stirling's series so that
  /// the large, nearly equal `log Γ` values do not cancel:
  ///
  /// ```
  /// log Γ(a) − log Γ(a + ½) = −½ log a − a·log1p(1/(2a)) + ½ + δ(a) − δ(a + ½),
  /// δ(z) = 1/(12z) − 1/(360z³) + 1/(1260z⁵) − 1/(1680z⁷) + 1/(1188z⁹)
  /// ```
  static func logBetaHalf(_ a: Double) -> Double {
    let logGammaHalf = 0.5 * log(Double.pi)
    if a < 20 {
      return lgamma(a) + logGammaHalf - lgamma(a + 0.5)
    }
    func stirlingCorrection(_ z: Double) -> Double {
      let z2 = z * z
      return (1 / 12 - (1 / 360 - (1 / 1260 - (1 / 1680 - 1 / (1188 * z2)) / z2) / z2) / z2) / z
    }
    return -0.5 * log(a) - a * log1p(0.5 / a) + 0.5 + stirlingCorrection(a)
      - stirlingCorrection(a + 0.5) + logGammaHalf
  }
}
