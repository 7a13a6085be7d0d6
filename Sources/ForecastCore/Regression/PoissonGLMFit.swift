/// Result of a log-link Poisson (quasi-Poisson) generalised linear model fit.
///
/// With fitted means `μᵢ`, counts `yᵢ`, `n` observations and `p` parameters:
///
/// ```
/// log μᵢ = xᵢᵀβ + offsetᵢ
/// D  = 2 Σ [yᵢ log(yᵢ/μᵢ) − (yᵢ − μᵢ)]      (deviance; y log y = 0 at y = 0)
/// X² = Σ (yᵢ − μᵢ)² / μᵢ                    (Pearson chi-square)
/// φ  = X² / (n − p)                         (dispersion)
/// Cov(β̂) = φ (XᵀWX)⁻¹,   W = diag(μᵢ)
/// ```
public struct PoissonGLMFit: Sendable {
  /// `β̂` on the log scale (per unit of each design column).
  public let coefficients: [Double]
  /// Quasi-Poisson standard errors `√φ ×` the model-based (φ = 1) standard errors.
  public let standardErrors: [Double]
  /// `φ (XᵀWX)⁻¹` at the fitted means, `p×p`.
  public let covariance: Matrix
  /// Pearson dispersion `φ = X²/(n − p)`, reported as is (not floored at 1); `> 1` means
  /// overdispersion relative to Poisson.
  public let dispersion: Double
  /// Residual deviance `D`.
  public let deviance: Double
  /// Pearson `X²`.
  public let pearsonChiSquare: Double
  /// `n − p`.
  public let residualDegreesOfFreedom: Int
  /// Number of IRLS iterations performed.
  public let iterations: Int
  /// Whether the relative deviance change fell below the tolerance.
  public let converged: Bool
  /// `μᵢ`, in counts.
  public let fittedMeans: [Double]

  /// Linear predictor (log mean) at design row `x` with the given offset.
  ///
  /// ```
  /// η(x) = xᵀβ̂ + offset
  /// ```
  ///
  /// - Precondition: `x.count == coefficients.count`.
  public func linearPredictor(at x: [Double], offset: Double) -> Double {
    precondition(x.count == coefficients.count, "x must have one value per coefficient")
    return zip(x, coefficients).reduce(offset) { $0 + $1.0 * $1.1 }
  }

  /// Standard error of the linear predictor at `x` (the offset is a known constant).
  ///
  /// ```
  /// se(η(x)) = √(xᵀ Cov(β̂) x)      (dispersion-scaled covariance)
  /// ```
  public func standardErrorOfLinearPredictor(at x: [Double]) -> Double {
    precondition(x.count == coefficients.count, "x must have one value per coefficient")
    return covariance.quadraticForm(x).squareRoot()
  }
}
