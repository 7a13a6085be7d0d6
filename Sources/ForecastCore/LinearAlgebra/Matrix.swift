/// A dense matrix of `Double` stored in column-major order.
///
/// Element `(i, j)` (zero-based row `i`, column `j`) lives at
///
/// ```
/// values[i + j * rows]
/// ```
///
/// which is the layout LAPACK expects, so the storage can be handed to the
/// Fortran routines without copying or transposing.
public struct Matrix: Sendable, Equatable {
  /// Number of rows, ≥ 0.
  public let rows: Int
  /// Number of columns, ≥ 0.
  public let columns: Int
  /// Column-major elements; `values.count == rows * columns`.
  public var values: [Double]

  /// Creates a matrix from column-major storage.
  ///
  /// - Precondition: `rows ≥ 0`, `columns ≥ 0` and `values.count == rows * columns`.
  public init(rows: Int, columns: Int, columnMajor values: [Double]) {
    precondition(rows >= 0 && columns >= 0, "Matrix dimensions must be non-negative")
    precondition(
      values.count == rows * columns,
      "Matrix needs \(rows * columns) values for \(rows)×\(columns), got \(values.count)")
    self.rows = rows
    self.columns = columns
    self.values = values
  }

  /// Creates a matrix from an array of rows (the natural way to type a small matrix).
  ///
  /// - Precondition: every row has the same length.
  public init(rowMajor rows: [[Double]]) {
    let columnCount = rows.first?.count ?? 0
    precondition(
      rows.allSatisfy { $0.count == columnCount }, "All rows of a Matrix must have the same length")
    var storage = [Double](repeating: 0, count: rows.count * columnCount)
    for (i, row) in rows.enumerated() {
      for (j, value) in row.enumerated() {
        storage[i + j * rows.count] = value
      }
    }
    self.init(rows: rows.count, columns: columnCount, columnMajor: storage)
  }

  /// Element at zero-based `(row, column)`.
  ///
  /// - Precondition: `0 ≤ row < rows` and `0 ≤ column < columns`.
  public subscript(row: Int, column: Int) -> Double {
    get {
      precondition(
        row >= 0 && row < rows && column >= 0 && column < columns, "Matrix index out of range")
      return values[row + column * rows]
    }
    set {
      precondition(
        row >= 0 && row < rows && column >= 0 && column < columns, "Matrix index out of range")
      values[row + column * rows] = newValue
    }
  }

  /// The `row`-th row as an array (used to evaluate a fit at a design row).
  ///
  /// - Precondition: `0 ≤ row < rows`.
  public func row(_ row: Int) -> [Double] {
    precondition(row >= 0 && row < rows, "Matrix row out of range")
    return (0..<columns).map { values[row + $0 * rows] }
  }
}
