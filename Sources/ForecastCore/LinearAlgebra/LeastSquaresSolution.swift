/// Raw output of the refined least-squares solver, before inference quantities are derived.
///
/// All quantities refer to the weighted problem `min Σ wᵢ (yᵢ − xᵢᵀβ)²`.
struct LeastSquaresSolution: Sendable {
  /// `β`, one per design column.
  let coefficients: [Double]
  /// `(XᵀWX)⁻¹` (not multiplied by `s²`), `p×p`.
  let unscaledCovariance: Matrix
  /// Raw (unweighted) residuals `yᵢ − xᵢᵀβ`, accumulated in extended precision.
  let residuals: [Double]
  /// `xᵢᵀβ`.
  let fittedValues: [Double]
  /// `Σ wᵢ eᵢ²` in extended precision, rounded to `Double` at the end.
  let weightedResidualSumOfSquares: Double
  /// Numerical rank (equal to the number of columns; deficient designs throw).
  let rank: Int
  /// Reciprocal 1-norm condition estimate of the column-scaled `R`.
  let reciprocalCondition: Double
  /// Number of refinement corrections applied.
  let refinementSteps: Int
}
