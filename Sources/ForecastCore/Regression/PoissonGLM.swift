import Foundation

/// Poisson regression with log link (and quasi-Poisson inference) fitted by IRLS.
///
/// Model:
///
/// ```
/// yᵢ ~ Poisson(μᵢ),   log μᵢ = xᵢᵀβ + oᵢ     (oᵢ: offset, e.g. log population)
/// ```
///
/// Iteratively reweighted least squares: from `μ⁽⁰⁾ = (y + ȳ)/2` repeat
///
/// ```
/// ηᵢ = log μᵢ,   zᵢ = ηᵢ − oᵢ + (yᵢ − μᵢ)/μᵢ,   wᵢ = μᵢ
/// β = argmin Σ wᵢ (zᵢ − xᵢᵀβ)²          (LeastSquares, refined LAPACK QR)
/// μᵢ = exp(xᵢᵀβ + oᵢ)
/// ```
///
/// until `|D_k − D_{k−1}| / (|D_k| + 0.1) < tolerance` (the R `glm` criterion). The
/// covariance `(XᵀWX)⁻¹` is then evaluated at the converged means.
public enum PoissonGLM {
  /// log link, optional offset (e.g. log population). IRLS; each step a weighted least-squares solve through LeastSquares/LAPACK.
  ///
  /// - Parameters:
  ///   - design: `n×p` design (include the intercept column), `n > p`, full column rank.
  ///   - counts: `n` finite counts `≥ 0` (need not be integers).
  ///   - offset: optional `n` finite offsets on the log scale.
  ///   - tolerance: relative deviance change for convergence, `> 0`.
  ///   - maximumIterations: `≥ 1`.
  /// - Throws: `LeastSquaresError`; a negative or non-finite count or offset is reported as
  ///   `.nonFiniteInput(row:column: nil)`.
  public static func fit(
    design: Matrix, counts: [Double], offset: [Double]? = nil, tolerance: Double = 1e-10,
    maximumIterations: Int = 50
  ) throws(LeastSquaresError) -> PoissonGLMFit {
    precondition(tolerance > 0 && maximumIterations >= 1, "invalid IRLS controls")
    let n = design.rows
    let p = design.columns
    guard counts.count == n else {
      throw .dimensionMismatch("counts have \(counts.count) values, design has \(n) rows")
    }
    if let offset, offset.count != n {
      throw .dimensionMismatch("offset has \(offset.count) values, design has \(n) rows")
    }
    guard n > p else { throw .tooFewObservations(observations: n, parameters: p) }
    for i in 0..<n {
      guard counts[i].isFinite, counts[i] >= 0 else { throw .nonFiniteInput(row: i, column: nil) }
      if let offset, !offset[i].isFinite { throw .nonFiniteInput(row: i, column: nil) }
    }
    let offsets = offset ?? [Double](repeating: 0, count: n)
    let meanCount = counts.reduce(0, +) / Double(n)
    guard meanCount > 0 else {
      throw .dimensionMismatch("all counts are zero; the log-linear model has no finite fit")
    }

    var mu = counts.map { ($0 + meanCount) / 2 }
    var deviance = Self.deviance(counts: counts, means: mu)
    var coefficients = [Double](repeating: 0, count: p)
    var iterations = 0
    var converged = false
    // The working response, rewritten in place each step (as are the means).
    var workingResponse = [Double](repeating: 0, count: n)
    while iterations < maximumIterations {
      iterations += 1
      for i in 0..<n {
        workingResponse[i] = log(mu[i]) - offsets[i] + (counts[i] - mu[i]) / mu[i]
      }
      let step = try LeastSquares.solve(design: design, response: workingResponse, weights: mu)
      coefficients = step.coefficients
      for i in 0..<n { mu[i] = exp(step.fittedValues[i] + offsets[i]) }
      let newDeviance = Self.deviance(counts: counts, means: mu)
      let change = abs(newDeviance - deviance) / (abs(newDeviance) + 0.1)
      deviance = newDeviance
      if change < tolerance {
        converged = true
        break
      }
    }

    // (XᵀWX)⁻¹ at the final means.
    var covariance = try LeastSquares.unscaledCovariance(design: design, weights: mu)
    let pearson = (0..<n).reduce(0.0) { sum, i in
      let e = counts[i] - mu[i]
      return sum + e * e / mu[i]
    }
    let dispersion = pearson / Double(n - p)
    for index in covariance.values.indices {
      covariance.values[index] *= dispersion
    }
    return PoissonGLMFit(
      coefficients: coefficients,
      standardErrors: (0..<p).map { covariance[$0, $0].squareRoot() },
      covariance: covariance,
      dispersion: dispersion,
      deviance: deviance,
      pearsonChiSquare: pearson,
      residualDegreesOfFreedom: n - p,
      iterations: iterations,
      converged: converged,
      fittedMeans: mu)
  }

  /// Poisson deviance `2 Σ [y log(y/μ) − (y − μ)]`, with `y log(y/μ) = 0` when `y = 0`.
  static func deviance(counts: [Double], means: [Double]) -> Double {
    2
      * zip(counts, means).reduce(0.0) { sum, pair in
        let (y, mu) = pair
        let term = y > 0 ? y * log(y / mu) : 0
        return sum + term - (y - mu)
      }
  }
}
