/// Result of a linear least-squares fit, with the quantities needed for inference.
///
/// With `n` observations, `p` parameters and weights `wᵢ` (1 for OLS):
///
/// ```
/// eᵢ = yᵢ − xᵢᵀβ̂                    (residuals, unweighted)
/// s² = Σ wᵢ eᵢ² / (n − p)            (residual variance)
/// Cov(β̂) = s² (XᵀWX)⁻¹
/// ```
///
/// Intervals use Student t quantiles with `n − p` degrees of freedom.
public struct LinearFit: Sendable {
  /// `β̂`, one per design column, in the units of response per unit of that column.
  public let coefficients: [Double]
  /// `√diag(Cov(β̂))`.
  public let standardErrors: [Double]
  /// `s² (XᵀWX)⁻¹`, `p×p`.
  public let covariance: Matrix
  /// `s`, in the units of the response (for WLS: of an observation with weight 1).
  public let residualStandardDeviation: Double
  /// Centred `1 − RSS/Σwᵢ(yᵢ − ȳ_w)²` when the design has an intercept, uncentred
  /// `1 − RSS/Σwᵢyᵢ²` otherwise (the NIST NoInt convention); 1 when the denominator is 0.
  public let rSquared: Double
  /// `n − p`.
  public let residualDegreesOfFreedom: Int
  /// `n`.
  public let observations: Int
  /// Numerical rank of the design (always `p` for a returned fit).
  public let rank: Int
  /// `xᵢᵀβ̂`.
  public let fittedValues: [Double]
  /// `yᵢ − xᵢᵀβ̂` (not multiplied by `√wᵢ`).
  public let residuals: [Double]
  /// The QR factors of the column-scaled design.
  let factors: PivotedQR

  /// Reciprocal 1-norm condition estimate of the column-scaled `R` (LAPACK `dtrcon`),
  /// in `(0, 1]`; values near `1e-16` mean the design is nearly singular. Estimated when
  /// asked for (a trend fit does not need it); NaN only if `dtrcon` reports an error,
  /// which it does not for the full-rank `R` of a returned fit.
  public var conditionEstimate: Double { (try? factors.reciprocalCondition()) ?? .nan }

  /// Estimated mean response at design row `x`.
  ///
  /// ```
  /// ŷ(x) = xᵀβ̂
  /// ```
  ///
  /// - Precondition: `x.count == coefficients.count`.
  public func mean(at x: [Double]) -> Double {
    precondition(x.count == coefficients.count, "x must have one value per coefficient")
    return zip(x, coefficients).reduce(0) { $0 + $1.0 * $1.1 }
  }

  /// Standard error of the estimated mean at `x`.
  ///
  /// ```
  /// se(ŷ(x)) = √(xᵀ Cov(β̂) x)
  /// ```
  public func standardErrorOfMean(at x: [Double]) -> Double {
    precondition(x.count == coefficients.count, "x must have one value per coefficient")
    return covariance.quadraticForm(x).squareRoot()
  }

  /// Two-sided confidence interval for the mean response at `x`.
  ///
  /// ```
  /// ŷ(x) ± t_{(1+level)/2, n−p} · se(ŷ(x))
  /// ```
  ///
  /// - Parameter level: coverage in `(0, 1)`, e.g. `0.95`.
  public func confidenceInterval(at x: [Double], level: Double) -> (lower: Double, upper: Double) {
    let center = mean(at: x)
    let halfWidth = criticalValue(level: level) * standardErrorOfMean(at: x)
    return (center - halfWidth, center + halfWidth)
  }

  /// Two-sided prediction interval for a new observation at `x` with case weight `weight`.
  ///
  /// The new observation has variance `s²/weight` (default weight 1):
  ///
  /// ```
  /// ŷ(x) ± t_{(1+level)/2, n−p} · √(se(ŷ(x))² + s²/weight)
  /// ```
  ///
  /// - Parameters:
  ///   - level: coverage in `(0, 1)`.
  ///   - weight: `> 0`.
  public func predictionInterval(at x: [Double], level: Double, weight: Double = 1) -> (
    lower: Double, upper: Double
  ) {
    precondition(weight > 0, "weight must be positive")
    let center = mean(at: x)
    let seMean = standardErrorOfMean(at: x)
    let s = residualStandardDeviation
    let halfWidth = criticalValue(level: level) * (seMean * seMean + s * s / weight).squareRoot()
    return (center - halfWidth, center + halfWidth)
  }

  /// Two-sided confidence intervals for each coefficient.
  ///
  /// ```
  /// β̂ⱼ ± t_{(1+level)/2, n−p} · se(β̂ⱼ)
  /// ```
  public func coefficientIntervals(level: Double) -> [(lower: Double, upper: Double)] {
    let t = criticalValue(level: level)
    return zip(coefficients, standardErrors).map { ($0 - t * $1, $0 + t * $1) }
  }

  /// `t_{(1+level)/2, n−p}`.
  private func criticalValue(level: Double) -> Double {
    precondition(level > 0 && level < 1, "level must be in (0, 1)")
    return StudentT.centralQuantile(
      level: level, degreesOfFreedom: Double(residualDegreesOfFreedom))
  }
}
