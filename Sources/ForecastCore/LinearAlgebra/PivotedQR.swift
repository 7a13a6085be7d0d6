import CLAPACK

/// Householder QR factorisation with column pivoting of a tall matrix, computed by LAPACK.
///
/// For an `m×n` matrix `A` (`m ≥ n`) LAPACK `dgeqp3` computes
///
/// ```
/// A P = Q R,   Q orthogonal m×m,  R upper triangular (leading n×n block),
/// |R[0,0]| ≥ |R[1,1]| ≥ … ≥ |R[n-1,n-1]|
/// ```
///
/// `P` is stored as `pivot`: column `k` of `A P` is column `pivot[k]` (zero-based) of `A`.
/// `Q` is kept implicitly as Householder reflectors and applied with `dormqr`.
struct PivotedQR: Sendable {
  /// Number of rows `m`.
  let rows: Int
  /// Number of columns `n` (`n ≤ m`).
  let columns: Int
  /// `dgeqp3` output: `R` on and above the diagonal, reflectors below (column-major, m×n).
  private let factors: [Double]
  /// Householder scalars from `dgeqp3`.
  private let tau: [Double]
  /// Zero-based column permutation.
  let pivot: [Int]

  /// Factorises the `rows×columns` matrix held column-major in `values` (requires
  /// `rows ≥ columns ≥ 1`).
  init(rows: Int, columns: Int, columnMajor values: [Double]) throws(LeastSquaresError) {
    precondition(
      rows >= columns && columns >= 1 && values.count == rows * columns,
      "PivotedQR needs a tall matrix")
    var m = Int32(rows)
    var n = Int32(columns)
    var lda = m
    var a = values
    var jpvt = [Int32](repeating: 0, count: columns)
    var tau = [Double](repeating: 0, count: columns)
    var info: Int32 = 0
    var query: Double = 0
    var lwork: Int32 = -1
    dgeqp3_(&m, &n, &a, &lda, &jpvt, &tau, &query, &lwork, &info)
    guard info == 0 else { throw .lapack(routine: "dgeqp3", info: info) }
    lwork = Int32(max(query, Double(3 * columns + 1)))
    let work = UnsafeMutablePointer<Double>.allocate(capacity: Int(lwork))
    work.initialize(repeating: 0, count: Int(lwork))
    defer { work.deallocate() }
    dgeqp3_(&m, &n, &a, &lda, &jpvt, &tau, work, &lwork, &info)
    guard info == 0 else { throw .lapack(routine: "dgeqp3", info: info) }
    self.rows = rows
    self.columns = columns
    self.factors = a
    self.tau = tau
    self.pivot = jpvt.map { Int($0) - 1 }
  }

  /// Diagonal of `R`, `R[k,k]` for `k = 0..<columns` (non-increasing in magnitude).
  var rDiagonal: [Double] {
    (0..<columns).map { factors[$0 + $0 * rows] }
  }

  /// The length of the workspace `applyQ` needs.
  static let workspace = 64

  /// `c ← Qᵀ c` (or `Q c`) in place for a vector of length `rows`, by LAPACK `dormqr` with
  /// a workspace of `workspace` values.
  func applyQ(
    _ c: UnsafeMutablePointer<Double>, transpose: Bool, work: UnsafeMutablePointer<Double>
  ) throws(LeastSquaresError) {
    var m = Int32(rows)
    var one: Int32 = 1
    var k = Int32(columns)
    var lda = Int32(rows)
    var ldc = Int32(rows)
    var lwork = Int32(Self.workspace)
    var info: Int32 = 0
    dormqr_(
      "L", transpose ? "T" : "N", &m, &one, &k, factors, &lda, tau, c, &ldc, work, &lwork, &info)
    guard info == 0 else { throw .lapack(routine: "dormqr", info: info) }
  }

  /// Solves `R x = b` (or `Rᵀ x = b` when `transpose`) in place with the leading
  /// `columns×columns` block of `R`, by LAPACK `dtrtrs`; `b` holds `columns` values.
  func solveR(_ b: UnsafeMutablePointer<Double>, transpose: Bool) throws(LeastSquaresError) {
    var n = Int32(columns)
    var one: Int32 = 1
    var lda = Int32(rows)
    var ldb = Int32(columns)
    var info: Int32 = 0
    dtrtrs_("U", transpose ? "T" : "N", "N", &n, &one, factors, &lda, b, &ldb, &info)
    guard info == 0 else { throw .lapack(routine: "dtrtrs", info: info) }
  }

  /// The leading `columns×columns` block of `R` as a separate column-major array.
  private var upperTriangle: [Double] {
    var r = [Double](repeating: 0, count: columns * columns)
    for j in 0..<columns {
      for i in 0...j {
        r[i + j * columns] = factors[i + j * rows]
      }
    }
    return r
  }

  /// `R⁻¹` (upper triangular, `columns×columns`) from LAPACK `dtrtri`.
  func rInverse() throws(LeastSquaresError) -> Matrix {
    var a = upperTriangle
    var n = Int32(columns)
    var lda = n
    var info: Int32 = 0
    dtrtri_("U", "N", &n, &a, &lda, &info)
    guard info == 0 else { throw .lapack(routine: "dtrtri", info: info) }
    return Matrix(rows: columns, columns: columns, columnMajor: a)
  }

  /// Estimate of the reciprocal 1-norm condition number of `R` from LAPACK `dtrcon`,
  ///
  /// ```
  /// rcond ≈ 1 / (‖R‖₁ ‖R⁻¹‖₁),  0 ≤ rcond ≤ 1
  /// ```
  func reciprocalCondition() throws(LeastSquaresError) -> Double {
    let a = upperTriangle
    var n = Int32(columns)
    var lda = n
    var rcond: Double = 0
    var work = [Double](repeating: 0, count: 3 * columns)
    var iwork = [Int32](repeating: 0, count: columns)
    var info: Int32 = 0
    dtrcon_("1", "U", "N", &n, a, &lda, &rcond, &work, &iwork, &info)
    guard info == 0 else { throw .lapack(routine: "dtrcon", info: info) }
    return rcond
  }
}
