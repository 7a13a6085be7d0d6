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
/// `Q` is kept implicitly as Householder reflectors and applied with `dorm2r`.
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
  /// `rows ≥ columns ≥ 1`); the values become the factors, without a copy when the caller
  /// does not keep them.
  init(rows: Int, columns: Int, columnMajor values: consuming [Double])
    throws(LeastSquaresError)
  {
    precondition(
      rows >= columns && columns >= 1 && values.count == rows * columns,
      "PivotedQR needs a tall matrix")
    var m = Int32(rows)
    var n = Int32(columns)
    var lda = m
    var jpvt = [Int32](repeating: 0, count: columns)
    var tau = [Double](repeating: 0, count: columns)
    var info: Int32 = 0
    var lwork = Int32(Self.factorWorkspace(columns: columns))
    withUnsafeTemporaryAllocation(of: Double.self, capacity: Int(lwork)) { work in
      work.initialize(repeating: 0)
      dgeqp3_(&m, &n, &values, &lda, &jpvt, &tau, work.baseAddress, &lwork, &info)
    }
    guard info == 0 else { throw .lapack(routine: "dgeqp3", info: info) }
    self.rows = rows
    self.columns = columns
    self.factors = values
    self.tau = tau
    self.pivot = jpvt.map { Int($0) - 1 }
  }

  /// The `dgeqp3` workspace for `columns` columns: `2n + (n + 1)·64`, at least the optimal
  /// `2n + (n + 1)·NB` for any block size `NB ≤ 64` (the reference LAPACK's and OpenBLAS's
  /// is 32), so the factorisation takes the path a workspace query would choose without
  /// asking for it on every call.
  static func factorWorkspace(columns: Int) -> Int {
    2 * columns + (columns + 1) * 64
  }

  /// LAPACK's one-character options as C characters (passed by address).
  private static let left = CChar(UInt8(ascii: "L"))
  private static let upper = CChar(UInt8(ascii: "U"))
  private static let noTranspose = CChar(UInt8(ascii: "N"))
  private static let transposed = CChar(UInt8(ascii: "T"))
  private static let nonUnitDiagonal = CChar(UInt8(ascii: "N"))
  private static let oneNorm = CChar(UInt8(ascii: "1"))

  /// `R[k,k]`, for `k = 0..<columns` (non-increasing in magnitude).
  func rDiagonal(_ k: Int) -> Double {
    factors[k + k * rows]
  }

  /// The length of the workspace `applyQ` needs: `dorm2r` applying Q from the left uses one
  /// value per column of `c`, a single vector here.
  static let workspace = 1

  /// `c ← Qᵀ c` (or `Q c`) in place for a vector of length `rows`.
  ///
  /// By LAPACK `dorm2r`, the unblocked product: what `dormqr` itself calls when its
  /// workspace is too small for its blocked form (any workspace under some 4,000 values, as
  /// a single vector's always was here), without the block-size query on each of the many
  /// calls a refined solve makes.
  func applyQ(
    _ c: UnsafeMutablePointer<Double>, transpose: Bool, work: UnsafeMutablePointer<Double>
  ) throws(LeastSquaresError) {
    var m = Int32(rows)
    var one: Int32 = 1
    var k = Int32(columns)
    var lda = Int32(rows)
    var ldc = Int32(rows)
    var info: Int32 = 0
    var side = Self.left
    var trans = transpose ? Self.transposed : Self.noTranspose
    dorm2r_(&side, &trans, &m, &one, &k, factors, &lda, tau, c, &ldc, work, &info)
    guard info == 0 else { throw .lapack(routine: "dorm2r", info: info) }
  }

  /// Solves `R x = b` (or `Rᵀ x = b` when `transpose`) in place with the leading
  /// `columns×columns` block of `R`, by LAPACK `dtrtrs`; `b` holds `columns` values.
  func solveR(_ b: UnsafeMutablePointer<Double>, transpose: Bool) throws(LeastSquaresError) {
    var n = Int32(columns)
    var one: Int32 = 1
    var lda = Int32(rows)
    var ldb = Int32(columns)
    var info: Int32 = 0
    var uplo = Self.upper
    var trans = transpose ? Self.transposed : Self.noTranspose
    var diag = Self.nonUnitDiagonal
    dtrtrs_(&uplo, &trans, &diag, &n, &one, factors, &lda, b, &ldb, &info)
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
    var uplo = Self.upper
    var diag = Self.nonUnitDiagonal
    dtrtri_(&uplo, &diag, &n, &a, &lda, &info)
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
    var norm = Self.oneNorm
    var uplo = Self.upper
    var diag = Self.nonUnitDiagonal
    dtrcon_(&norm, &uplo, &diag, &n, a, &lda, &rcond, &work, &iwork, &info)
    guard info == 0 else { throw .lapack(routine: "dtrcon", info: info) }
    return rcond
  }
}
