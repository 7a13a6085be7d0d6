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
      fittedValues: solution.fittedValues,
      residuals: solution.residuals,
      factors: solution.qr)
  }

  /// Validates the input and returns the refined weighted least-squares solution
  /// (see the type documentation for the method).
  ///
  /// The working vectors live in two scratch blocks allocated once per solve (a backtest
  /// solves some hundred thousand small problems, and an array per vector cost more than the
  /// arithmetic); the operations and their order are those of the method above.
  static func solve(
    design: Matrix, response: [Double], weights: [Double]?
  ) throws(LeastSquaresError) -> LeastSquaresSolution {
    let n = design.rows
    let p = design.columns
    try validate(design: design, response: response, weights: weights)

    // Extended-precision scratch: √w (n), A (n·p), b (n), r (n), f (n), z (p), g (p).
    let extended = UnsafeMutablePointer<ExtendedFloat>.allocate(capacity: 4 * n + n * p + 2 * p)
    extended.initialize(repeating: 0, count: 4 * n + n * p + 2 * p)
    defer { extended.deallocate() }
    let rootWeights = extended
    let scaled = rootWeights + n
    let target = scaled + n * p
    let r = target + n
    let f = r + n
    let z = f + n
    let g = z + p
    // Double scratch: a vector of length n, two of length p, and the Q product's workspace.
    let doubles = UnsafeMutablePointer<Double>.allocate(capacity: n + 2 * p + PivotedQR.workspace)
    doubles.initialize(repeating: 0, count: n + 2 * p + PivotedQR.workspace)
    defer { doubles.deallocate() }
    let vector = doubles
    let small = vector + n
    let other = small + p
    let work = other + p

    let (qr, columnScales, rank) = try factorise(
      design: design, weights: weights, rootWeights: rootWeights, scaled: scaled)
    let pivot = qr.pivot
    for i in 0..<n { target[i] = rootWeights[i] * ExtendedFloat(response[i]) }

    // Initial solution z = R⁻¹ (Qᵀ b)₁ and residual r = b − A z (column k of A P starts at
    // scaled[pivot[k]·n]).
    for i in 0..<n { vector[i] = Double(target[i]) }
    try qr.applyQ(vector, transpose: true, work: work)
    for k in 0..<p { small[k] = vector[k] }
    try qr.solveR(small, transpose: false)
    for k in 0..<p { z[k] = ExtendedFloat(small[k]) }
    for i in 0..<n { r[i] = target[i] }
    for k in 0..<p {
      let column = scaled + pivot[k] * n
      for i in 0..<n {
        r[i] -= column[i] * z[k]
      }
    }

    // Augmented-system refinement.
    var steps = 0
    var previousSize = ExtendedFloat.infinity
    let noiseFloor: ExtendedFloat = 0x1p-64
    for _ in 0..<10 {
      for i in 0..<n { f[i] = target[i] - r[i] }
      for k in 0..<p {
        let column = scaled + pivot[k] * n
        var dot: ExtendedFloat = 0
        for i in 0..<n {
          f[i] -= column[i] * z[k]
          dot += column[i] * r[i]
        }
        g[k] = -dot
      }
      // h = R⁻ᵀ g (in `other`), d = Qᵀ f (in `vector`), δz = R⁻¹ (d₁ − h) (in `small`).
      for k in 0..<p { other[k] = Double(g[k]) }
      try qr.solveR(other, transpose: true)
      for i in 0..<n { vector[i] = Double(f[i]) }
      try qr.applyQ(vector, transpose: true, work: work)
      for k in 0..<p { small[k] = vector[k] - other[k] }
      try qr.solveR(small, transpose: false)
      // δr = Q [h; d₂] (in `vector`).
      for k in 0..<p { vector[k] = other[k] }
      try qr.applyQ(vector, transpose: false, work: work)

      let zSize = Self.largestMagnitude(UnsafeBufferPointer(start: z, count: p))
      let correctionSize = ExtendedFloat(
        Self.largestMagnitude(UnsafeBufferPointer(start: small, count: p)))
      let relativeSize = zSize > 0 ? correctionSize / zSize : correctionSize
      if steps > 0 && relativeSize > previousSize / 2 { break }
      for k in 0..<p { z[k] += ExtendedFloat(small[k]) }
      for i in 0..<n { r[i] += ExtendedFloat(vector[i]) }
      steps += 1
      previousSize = relativeSize
      if relativeSize <= noiseFloor { break }
    }

    // Back to the original parameterisation (β in `g`, the fitted values in `f`).
    let beta = g
    for k in 0..<p {
      beta[pivot[k]] = z[k] * ExtendedFloat(columnScales[pivot[k]])
    }
    let fitted = f
    for i in 0..<n { fitted[i] = 0 }
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
      coefficients: (0..<p).map { Double(beta[$0]) },
      residuals: residuals,
      fittedValues: (0..<n).map { Double(fitted[$0]) },
      weightedResidualSumOfSquares: Double(rss),
      rank: rank,
      refinementSteps: steps,
      qr: qr,
      columnScales: columnScales)
  }

  /// Steps 1–3 of the method: the row weights `√wᵢ` and the scaled design `A` (in extended
  /// precision, written to `rootWeights` and `scaled`), the exact column scales, the
  /// pivoted QR of `A` rounded to `Double`, and the numerical rank (full, or it throws).
  private static func factorise(
    design: Matrix, weights: [Double]?, rootWeights: UnsafeMutablePointer<ExtendedFloat>,
    scaled: UnsafeMutablePointer<ExtendedFloat>
  ) throws(LeastSquaresError) -> (qr: PivotedQR, columnScales: [Double], rank: Int) {
    let n = design.rows
    let p = design.columns
    for i in 0..<n {
      rootWeights[i] = weights.map { ExtendedFloat($0[i]).squareRoot() } ?? 1
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
    var rounded = [Double](repeating: 0, count: n * p)
    for j in 0..<p {
      let scale = ExtendedFloat(columnScales[j])
      for i in 0..<n {
        scaled[i + j * n] = rootWeights[i] * ExtendedFloat(design[i, j]) * scale
        rounded[i + j * n] = Double(scaled[i + j * n])
      }
    }
    let qr = try PivotedQR(rows: n, columns: p, columnMajor: rounded)

    // Numerical rank from the pivoted diagonal.
    let tolerance = Double(max(n, p)) * Double.ulpOfOne * abs(qr.rDiagonal(0))
    let rank = (0..<p).prefix { abs(qr.rDiagonal($0)) > tolerance }.count
    if rank < p {
      throw .rankDeficient(
        rank: rank, columns: p, dependentColumns: qr.pivot[rank...].sorted())
    }
    return (qr, columnScales, rank)
  }

  /// `(XᵀWX)⁻¹` alone (step 5, without a response to fit): what an IRLS fit needs at its
  /// final weights. The same as `solve(…).unscaledCovariance()` for any response.
  static func unscaledCovariance(design: Matrix, weights: [Double]) throws(LeastSquaresError)
    -> Matrix
  {
    let n = design.rows
    let p = design.columns
    try validate(
      design: design, response: [Double](repeating: 0, count: n), weights: weights)
    let extended = UnsafeMutablePointer<ExtendedFloat>.allocate(capacity: n + n * p)
    extended.initialize(repeating: 0, count: n + n * p)
    defer { extended.deallocate() }
    let (qr, columnScales, _) = try factorise(
      design: design, weights: weights, rootWeights: extended, scaled: extended + n)
    return try LeastSquaresSolution.unscaledCovariance(qr: qr, columnScales: columnScales)
  }

  /// `max |xᵢ|` as `Sequence.max()` finds it (the first of equals; 0 when empty).
  private static func largestMagnitude<T: FloatingPoint>(_ values: UnsafeBufferPointer<T>) -> T {
    guard var largest = values.first.map({ abs($0) }) else { return 0 }
    for value in values.dropFirst() where largest < abs(value) {
      largest = abs(value)
    }
    return largest
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
