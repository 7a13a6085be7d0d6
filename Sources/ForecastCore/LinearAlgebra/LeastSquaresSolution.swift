/// Raw output of the refined least-squares solver, before inference quantities are derived.
///
/// All quantities refer to the weighted problem `min Σ wᵢ (yᵢ − xᵢᵀβ)²`. The covariance and
/// the condition estimate (`LinearFit.conditionEstimate`) are computed from the kept QR
/// factors when asked for (an IRLS step needs only the coefficients and fitted values).
struct LeastSquaresSolution: Sendable {
  /// `β`, one per design column.
  let coefficients: [Double]
  /// Raw (unweighted) residuals `yᵢ − xᵢᵀβ`, accumulated in extended precision.
  let residuals: [Double]
  /// `xᵢᵀβ`.
  let fittedValues: [Double]
  /// `Σ wᵢ eᵢ²` in extended precision, rounded to `Double` at the end.
  let weightedResidualSumOfSquares: Double
  /// Numerical rank (equal to the number of columns; deficient designs throw).
  let rank: Int
  /// Number of refinement corrections applied.
  let refinementSteps: Int
  /// `A P = Q R` of the weighted, column-scaled design `A`.
  let qr: PivotedQR
  /// The exact power-of-two column scales `cⱼ` of `A`.
  let columnScales: [Double]

  /// `(XᵀWX)⁻¹` (not multiplied by `s²`), `p×p`:
  ///
  /// ```
  /// (XᵀWX)⁻¹ = C P R⁻¹ R⁻ᵀ Pᵀ C,   C = diag(cⱼ)
  /// ```
  ///
  /// with `R⁻¹` from LAPACK `dtrtri` and the products summed in extended precision.
  func unscaledCovariance() throws(LeastSquaresError) -> Matrix {
    try Self.unscaledCovariance(qr: qr, columnScales: columnScales)
  }

  /// `(XᵀWX)⁻¹` from the QR factors and column scales of the scaled design.
  static func unscaledCovariance(qr: PivotedQR, columnScales: [Double]) throws(LeastSquaresError)
    -> Matrix
  {
    let p = qr.columns
    let pivot = qr.pivot
    let rInverse = try qr.rInverse()
    var covariance = Matrix(rows: p, columns: p, columnMajor: [Double](repeating: 0, count: p * p))
    for a in 0..<p {
      for b in a..<p {
        var sum: ExtendedFloat = 0
        for k in b..<p {
          sum += ExtendedFloat(rInverse[a, k]) * ExtendedFloat(rInverse[b, k])
        }
        let value = Double(
          sum * ExtendedFloat(columnScales[pivot[a]]) * ExtendedFloat(columnScales[pivot[b]]))
        covariance[pivot[a], pivot[b]] = value
        covariance[pivot[b], pivot[a]] = value
      }
    }
    return covariance
  }
}
