extension Matrix {
  /// The quadratic form of a square matrix with a vector.
  ///
  /// ```
  /// q(x) = xᵀ M x = Σᵢ Σⱼ xᵢ Mᵢⱼ xⱼ
  /// ```
  ///
  /// Accumulated in extended precision. For a covariance matrix this is the variance of
  /// the linear combination `xᵀβ̂`, clamped at 0 against rounding.
  ///
  /// - Precondition: the matrix is square and `x.count == columns`.
  func quadraticForm(_ x: [Double]) -> Double {
    precondition(
      rows == columns && x.count == columns,
      "quadratic form needs a square matrix and matching vector")
    var sum: ExtendedFloat = 0
    for j in 0..<columns {
      var inner: ExtendedFloat = 0
      for i in 0..<rows {
        inner += ExtendedFloat(values[i + j * rows]) * ExtendedFloat(x[i])
      }
      sum += inner * ExtendedFloat(x[j])
    }
    return max(0, Double(sum))
  }
}
