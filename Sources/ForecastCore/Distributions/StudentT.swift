import Foundation

/// Student's t distribution with `ν` degrees of freedom.
public enum StudentT {
  /// Quantile (inverse CDF): the `t` with `P(T ≤ t) = p` for `T ~ t_ν`.
  ///
  /// With `q = min(p, 1 − p)` and `t > 0` the upper-tail and central probabilities are
  ///
  /// ```
  /// U(t) = P(T > t)     = ½ I_{ν/(ν+t²)}(ν/2, ½)
  /// C(t) = P(0 < T < t) = ½ I_{t²/(ν+t²)}(½, ν/2) = ½ − U(t)
  /// f(t) = (1 + t²/ν)^(−(ν+1)/2) / (√ν B(ν/2, ½))
  /// ```
  ///
  /// Starting from Hill's approximation (CACM Algorithm 396), a bracketed Newton iteration
  /// solves `log U(t) = log q` in the tails (`q < ¼`) or `C(t) = ½ − q` in the centre, so
  /// the answer keeps full relative accuracy (~1e-13 or better) at both ends. For
  /// `ν ≥ 1e5` the Cornish–Fisher expansion in `1/ν` around the normal quantile
  /// (Abramowitz & Stegun 26.7.5, four terms) is used instead.
  ///
  /// - Parameters:
  ///   - p: probability in `(0, 1)`; 0 and 1 give ∓∞.
  ///   - degreesOfFreedom: `ν > 0` (need not be an integer).
  public static func quantile(_ p: Double, degreesOfFreedom: Double) -> Double {
    precondition(p >= 0 && p <= 1, "p must be in [0, 1]")
    precondition(degreesOfFreedom > 0, "degrees of freedom must be positive")
    if p == 0 { return -.infinity }
    if p == 1 { return .infinity }
    if p == 0.5 { return 0 }
    let nu = degreesOfFreedom
    let q = min(p, 1 - p)
    let sign: Double = p < 0.5 ? -1 : 1
    if nu >= 1e5 {
      return sign * cornishFisher(upperTail: q, nu: nu)
    }
    return sign * solve(upperTail: q, nu: nu)
  }

  /// The quantile of a central interval, `quantile((1 + level) / 2, ν)`. For the 80% and 95%
  /// levels and whole ν from 1 to `tableSize` (every trend fit's residual degrees of freedom)
  /// it is read from a table made once by that same call, so the bits are the same and a
  /// forecast of every LA does not solve for the same quantile thousands of times.
  public static func centralQuantile(level: Double, degreesOfFreedom nu: Double) -> Double {
    if nu >= 1, nu <= Double(tableSize), nu == nu.rounded() {
      let index = Int(nu) - 1
      if level == 0.80 { return table80[index] }
      if level == 0.95 { return table95[index] }
    }
    return quantile((1 + level) / 2, degreesOfFreedom: nu)
  }

  static let tableSize = 200
  private static let table80 = (1...tableSize).map {
    quantile((1 + 0.80) / 2, degreesOfFreedom: Double($0))
  }
  private static let table95 = (1...tableSize).map {
    quantile((1 + 0.95) / 2, degreesOfFreedom: Double($0))
  }

  /// Upper-tail probability `U(t) = P(T > t)` for `t ≥ 0`.
  static func upperTail(_ t: Double, nu: Double) -> Double {
    let t2 = t * t
    return 0.5 * IncompleteBeta.regularized(x: nu / (nu + t2), y: t2 / (nu + t2), a: nu / 2, b: 0.5)
  }

  /// Central probability `C(t) = P(0 < T < t)` for `t ≥ 0`.
  static func centralProbability(_ t: Double, nu: Double) -> Double {
    let t2 = t * t
    return 0.5 * IncompleteBeta.regularized(x: t2 / (nu + t2), y: nu / (nu + t2), a: 0.5, b: nu / 2)
  }

  /// Density `f(t)`.
  static func density(_ t: Double, nu: Double) -> Double {
    exp(-(nu + 1) / 2 * log1p(t * t / nu) - 0.5 * log(nu) - IncompleteBeta.logBetaHalf(nu / 2))
  }

  /// Solves `U(t) = q` for `t > 0` (`0 < q < ½`) by bracketed Newton steps.
  private static func solve(upperTail q: Double, nu: Double) -> Double {
    let useTail = q < 0.25
    let logQ = log(q)
    let centralTarget = 0.5 - q
    var t = initialGuess(upperTail: q, nu: nu)
    var low = 0.0
    var high = Double.infinity
    for _ in 0..<200 {
      let step: Double
      let tooSmall: Bool
      if useTail {
        let tail = upperTail(t, nu: nu)
        tooSmall = tail > q
        // d log U / dt = −f/U.
        step = (log(tail) - logQ) * tail / density(t, nu: nu)
      } else {
        let central = centralProbability(t, nu: nu)
        tooSmall = central < centralTarget
        step = (centralTarget - central) / density(t, nu: nu)
      }
      if tooSmall { low = max(low, t) } else { high = min(high, t) }
      var next = t + step
      if !next.isFinite || next <= low || next >= high {
        if high.isFinite {
          next = low > 0 ? (low * high).squareRoot() : high / 2
        } else {
          next = max(2 * t, 1)
        }
      }
      let change = abs(next - t)
      t = next
      if change <= 4 * Double.ulpOfOne * t { break }
    }
    return t
  }

  /// Hill (1970) approximation to the upper-tail quantile, or a power-tail start when
  /// `ν < 1` (where `U(t) ≈ νˢ t^(−ν) / (ν B(ν/2, ½))`, `s = ν/2`).
  private static func initialGuess(upperTail q: Double, nu n: Double) -> Double {
    let twoSided = 2 * q
    if n == 1 {
      return 1 / tan(twoSided * Double.pi / 2)
    }
    if n == 2 {
      return (2 / (twoSided * (2 - twoSided)) - 2).squareRoot()
    }
    if n > 1 {
      let a = 1 / (n - 0.5)
      let b = 48 / (a * a)
      var c = ((20700 * a / b - 98) * a - 16) * a + 96.36
      let d = ((94.5 / (b + c) - 3) / b + 1) * (a * Double.pi / 2).squareRoot() * n
      var x = d * twoSided
      var y = pow(x, 2 / n)
      if y > 0.05 + a {
        x = Normal.quantile(0.5 * twoSided)
        y = x * x
        if n < 5 { c += 0.3 * (n - 4.5) * (x + 0.6) }
        c = (((0.05 * d * x - 5) * x - 7) * x - 2) * x + b + c
        y = (((((0.4 * y + 6.3) * y + 36) * y + 94.5) / c - y - 3) / b + 1) * x
        y = expm1(a * y * y)
      } else {
        y =
          ((1 / (((n + 6) / (n * y) - 0.089 * d - 0.822) * (n + 2) * 3) + 0.5 / (n + 4)) * y - 1)
          * (n + 1) / (n + 2) + 1 / y
      }
      let guess = (n * y).squareRoot()
      if guess.isFinite && guess > 0 { return guess }
    }
    let logK = n / 2 * log(n) - IncompleteBeta.logBetaHalf(n / 2)
    let guess = exp((logK - log(n * q)) / n)
    return guess.isFinite && guess > 0 ? guess : 1
  }

  /// Cornish–Fisher expansion of the upper-tail quantile (A&S 26.7.5), for large `ν`.
  ///
  /// ```
  /// t = z + g₁/ν + g₂/ν² + g₃/ν³ + g₄/ν⁴,   z = Φ⁻¹(1 − q)
  /// ```
  private static func cornishFisher(upperTail q: Double, nu: Double) -> Double {
    let z = -Normal.quantile(q)
    let z2 = z * z
    let g1 = (z2 + 1) * z / 4
    let g2 = ((5 * z2 + 16) * z2 + 3) * z / 96
    let g3 = (((3 * z2 + 19) * z2 + 17) * z2 - 15) * z / 384
    let g4 = ((((79 * z2 + 776) * z2 + 1482) * z2 - 1920) * z2 - 945) * z / 92160
    return z + (g1 + (g2 + (g3 + g4 / nu) / nu) / nu) / nu
  }
}
