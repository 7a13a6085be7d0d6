/// Ordinary and weighted linear least squares with LAPACK QR and extended-precision
/// iterative refinement.
///
/// Minimises
///
/// ```
/// S(β) = Σᵢ wᵢ (yᵢ − xᵢᵀβ)²      (wᵢ = 1 for OLS)
/// ```
///
/// **Method.**
/// 1. Rows are multiplied by `√wᵢ` (in extended precision) and each column `j` by a power
///    of two `cⱼ ≈ 1/‖column j‖₂`, so every column has 2-norm in `[0.5, 2)`. A power of two
///    makes the scaling exact, so the scaled matrix `A` is the same problem as the data,
///    not a rounded neighbour of it (rounding a scaled copy of a Wampler-type design costs
///    about two digits).
/// 2. `A P = Q R` by LAPACK `dgeqp3` (Householder QR with column pivoting) in `Double`.
/// 3. Numerical rank: column `k` of `A P` counts as dependent when
///    ```
///    |R[k,k]| ≤ τ |R[0,0]|,   τ = max(n, p) · 2⁻⁵² ≈ max(n, p) · 2.2e-16
///    ```
///    (with unit-norm columns this tests whether the column is within rounding error of the
///    span of the earlier ones; NIST Filip has `|R[10,10]|/|R[0,0]| ≈ 6e-10`, full rank).
/// 4. Starting from the QR solution, Björck's refinement of the augmented system
///    ```
///    [ I   A ] [ r ]   [ b ]
///    [ Aᵀ  0 ] [ z ] = [ 0 ]      (r = b − A z, Aᵀ r = 0)
///    ```
///    computes the residuals `f = b − r − A z`, `g = −Aᵀ r` in extended precision
///    (`Float80` on x86-64), solves for the corrections with the same QR factors
///    ```
///    h = R⁻ᵀ g,  d = Qᵀ f,  δz = R⁻¹ (d₁ − h),  δr = Q [h; d₂]
///    ```
///    and updates `z += δz`, `r += δr` (kept in extended precision). It stops when
///    `max|δz| ≤ 2⁻⁶⁴ max|z|`, when a correction fails to halve (rounding noise has been
///    reached), or after 10 steps. Finally `βⱼ = cⱼ z₍ₖ₎` for `j = P(k)`.
/// 5. `(XᵀWX)⁻¹ = C P R⁻¹ R⁻ᵀ Pᵀ C` with `R⁻¹` from `dtrtri` (`C = diag(cⱼ)`).
///
/// On the NIST StRD linear-regression suite this gives at least 7 correct digits for all
/// coefficients (limited on Filip by rounding the powers `xᵏ` of the data to `Double`)
/// and typically 10–15.
public enum LeastSquares {
  /// OLS (weights nil) or WLS. design is n×p; include an intercept column yourself;
  /// hasIntercept says whether one is there (for R²).
  ///
  /// ```
  /// β̂ = argmin Σ wᵢ (yᵢ − xᵢᵀβ)²,   s² = Σ wᵢ eᵢ² / (n − p),   Cov(β̂) = s² (XᵀWX)⁻¹
  /// ```
  ///
  /// - Parameters:
  ///   - design: `n×p` design matrix `X`, finite values, `n > p ≥ 1`, full column rank.
  ///   - response: `y`, `n` finite values.
  ///   - weights: optional case weights `wᵢ > 0` (observation variance `σ²/wᵢ`).
  ///   - hasIntercept: `true` when the design contains a constant column; selects the
  ///     centred `R² = 1 − RSS / Σ wᵢ(yᵢ − ȳ_w)²` instead of the uncentred
  ///     `R² = 1 − RSS / Σ wᵢ yᵢ²`.
  /// - Throws: `LeastSquaresError` for invalid input, rank deficiency or a LAPACK failure.
  public static func fit(
    design: Matrix, response: [Double], weights: [Double]? = nil, hasIntercept: Bool
  ) throws(LeastSquaresError) -> LinearFit {
    let solution = try solve(design: design, response: response, weights: weights)
    let n = design.rows
    let p = design.columns
    let degreesOfFreedom = n - p
    let variance = solution.weightedResidualSumOfSquares / Double(degreesOfFreedom)
    var covariance = try solution.unscaledCovariance()
    for index in covariance.values.indices {
      covariance.values[index] *= variance
    }
    let standardErrors = (0..<p).map { covariance[$0, $0].squareRoot() }

    var totalSumOfSquares: ExtendedFloat = 0
    var weightSum: ExtendedFloat = 0
    var weightedMean: ExtendedFloat = 0
    if hasIntercept {
      for i in 0..<n {
        let w = ExtendedFloat(weights?[i] ?? 1)
        weightSum += w
        weightedMean += w * ExtendedFloat(response[i])
      }
      weightedMean /= weightSum
    }
    for i in 0..<n {
      let w = ExtendedFloat(weights?[i] ?? 1)
      let deviation = ExtendedFloat(response[i]) - weightedMean
      totalSumOfSquares += w * deviation * deviation
    }
    let rss = ExtendedFloat(solution.weightedResidualSumOfSquares)
    let rSquared = totalSumOfSquares > 0 ? Double(1 - rss / totalSumOfSquares) : 1

    return LinearFit(
      coefficients: solution.coefficients,
      standardErrors: standardErrors,
      covariance: covariance,
      residualStandardDeviation: variance.squareRoot(),
      rSquared: rSquared,
      residualDegreesOfFreedom: degreesOfFreedom,
      observations: n,
      rank: solution.rank,
      conditionEstimate: try solution.reciprocalCondition(),
      fittedValues: solution.fittedValues,
      residuals: solution.residuals)
  }

  /// Validates the input and returns the refined weighted least-squares solution
  /// (see the type documentation for the method).
  static func solve(
    design: Matrix, response: [Double], weights: [Double]?
  ) throws(LeastSquaresError) -> LeastSquaresSolution {
    let n = design.rows
    let p = design.columns
    try validate(design: design, response: response, weights: weights)

    // Row weights √w and exact power-of-two column scales.
    let rootWeights: [ExtendedFloat] = (0..<n).map { i in
      ExtendedFloat(weights?[i] ?? 1).squareRoot()
    }
    var columnScales = [Double](repeating: 1, count: p)
    for j in 0..<p {
      var sumOfSquares: Double = 0
      for i in 0..<n {
        let value = Double(rootWeights[i] * ExtendedFloat(design[i, j]))
        sumOfSquares += value * value
      }
      let norm = sumOfSquares.squareRoot()
      if norm > 0 && norm.isFinite {
        columnScales[j] = Double(sign: .plus, exponent: -norm.exponent, significand: 1)
      }
    }
    var scaled = [ExtendedFloat](repeating: 0, count: n * p)
    for j in 0..<p {
      let scale = ExtendedFloat(columnScales[j])
      for i in 0..<n {
        scaled[i + j * n] = rootWeights[i] * ExtendedFloat(design[i, j]) * scale
      }
    }
    let target: [ExtendedFloat] = (0..<n).map { rootWeights[$0] * ExtendedFloat(response[$0]) }

    let qr = try PivotedQR(
      Matrix(rows: n, columns: p, columnMajor: scaled.map { Double($0) }))
    let pivot = qr.pivot

    // Numerical rank from the pivoted diagonal.
    let diagonal = qr.rDiagonal.map { abs($0) }
    let tolerance = Double(max(n, p)) * Double.ulpOfOne * (diagonal.first ?? 0)
    let rank = diagonal.prefix { $0 > tolerance }.count
    if rank < p {
      throw .rankDeficient(
        rank: rank, columns: p, dependentColumns: pivot[rank...].sorted())
    }

    // Pivoted columns in extended precision: column k of A P.
    func pivotedColumn(_ k: Int) -> ArraySlice<ExtendedFloat> {
      let start = pivot[k] * n
      return scaled[start..<(start + n)]
    }

    // Initial solution z = R⁻¹ (Qᵀ b)₁ and residual r = b − A z.
    let qtb = try qr.applyQTranspose(target.map { Double($0) })
    var z = try qr.solveR(Array(qtb[0..<p]), transpose: false).map { ExtendedFloat($0) }
    var r = target
    for k in 0..<p {
      let column = pivotedColumn(k)
      for (i, a) in zip(0..<n, column) {
        r[i] -= a * z[k]
      }
    }

    // Augmented-system refinement.
    var steps = 0
    var previousSize = ExtendedFloat.infinity
    let noiseFloor: ExtendedFloat = 0x1p-64
    for _ in 0..<10 {
      var f = [ExtendedFloat](repeating: 0, count: n)
      for i in 0..<n { f[i] = target[i] - r[i] }
      var g = [ExtendedFloat](repeating: 0, count: p)
      for k in 0..<p {
        let column = pivotedColumn(k)
        var dot: ExtendedFloat = 0
        for (i, a) in zip(0..<n, column) {
          f[i] -= a * z[k]
          dot += a * r[i]
        }
        g[k] = -dot
      }
      let h = try qr.solveR(g.map { Double($0) }, transpose: true)
      let d = try qr.applyQTranspose(f.map { Double($0) })
      let dz = try qr.solveR((0..<p).map { d[$0] - h[$0] }, transpose: false)
      let dr = try qr.applyQ(h + d[p...])

      let zSize = z.map { abs($0) }.max() ?? 0
      let correctionSize = ExtendedFloat(dz.map { abs($0) }.max() ?? 0)
      let relativeSize = zSize > 0 ? correctionSize / zSize : correctionSize
      if steps > 0 && relativeSize > previousSize / 2 { break }
      for k in 0..<p { z[k] += ExtendedFloat(dz[k]) }
      for i in 0..<n { r[i] += ExtendedFloat(dr[i]) }
      steps += 1
      previousSize = relativeSize
      if relativeSize <= noiseFloor { break }
    }

    // Back to the original parameterisation.
    var beta = [ExtendedFloat](repeating: 0, count: p)
    for k in 0..<p {
      beta[pivot[k]] = z[k] * ExtendedFloat(columnScales[pivot[k]])
    }
    var fitted = [ExtendedFloat](repeating: 0, count: n)
    for j in 0..<p {
      for i in 0..<n {
        fitted[i] += ExtendedFloat(design[i, j]) * beta[j]
      }
    }
    var residuals = [Double](repeating: 0, count: n)
    var rss: ExtendedFloat = 0
    for i in 0..<n {
      let e = ExtendedFloat(response[i]) - fitted[i]
      residuals[i] = Double(e)
      let we = rootWeights[i] * e
      rss += we * we
    }

    return LeastSquaresSolution(
      coefficients: beta.map { Double($0) },
      residuals: residuals,
      fittedValues: fitted.map { Double($0) },
      weightedResidualSumOfSquares: Double(rss),
      rank: rank,
      refinementSteps: steps,
      qr: qr,
      columnScales: columnScales)
  }

  /// Checks sizes, finiteness and weights.
  private static func validate(
    design: Matrix, response: [Double], weights: [Double]?
  ) throws(LeastSquaresError) {
    let n = design.rows
    let p = design.columns
    guard p >= 1 else { throw .dimensionMismatch("design has no columns") }
    guard response.count == n else {
      throw .dimensionMismatch("response has \(response.count) values, design has \(n) rows")
    }
    if let weights, weights.count != n {
      throw .dimensionMismatch("weights have \(weights.count) values, design has \(n) rows")
    }
    guard n > p else { throw .tooFewObservations(observations: n, parameters: p) }
    for i in 0..<n {
      for j in 0..<p where !design[i, j].isFinite {
        throw .nonFiniteInput(row: i, column: j)
      }
      guard response[i].isFinite else { throw .nonFiniteInput(row: i, column: nil) }
      if let weights {
        guard weights[i].isFinite else { throw .nonFiniteInput(row: i, column: nil) }
        guard weights[i] > 0 else { throw .nonPositiveWeight(row: i) }
      }
    }
  }
}
