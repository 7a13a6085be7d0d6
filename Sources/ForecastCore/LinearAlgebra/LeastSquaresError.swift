/// Why a least-squares (or Poisson GLM) fit could not be computed.
public enum LeastSquaresError: Error, Equatable, Sendable, CustomStringConvertible {
  /// Design, response, weight or offset sizes disagree; the text says which.
  case dimensionMismatch(String)
  /// Inference needs more observations than parameters (`observations > parameters`).
  case tooFewObservations(observations: Int, parameters: Int)
  /// A NaN or infinite value (zero-based `row`); `column` is `nil` when the value is the
  /// response, a weight, an offset, or (for the Poisson GLM) a negative count.
  case nonFiniteInput(row: Int, column: Int?)
  /// A weight that is zero or negative (zero-based `row`).
  case nonPositiveWeight(row: Int)
  /// The design has numerical rank `rank < columns`; `dependentColumns` are the zero-based
  /// design columns that are (numerically) linear combinations of the others.
  case rankDeficient(rank: Int, columns: Int, dependentColumns: [Int])
  /// A LAPACK routine returned a non-zero `INFO`.
  case lapack(routine: String, info: Int32)

  public var description: String {
    switch self {
    case .dimensionMismatch(let what):
      return "dimension mismatch: \(what)"
    case .tooFewObservations(let observations, let parameters):
      return
        "too few observations: \(observations) for \(parameters) parameters (need more observations than parameters)"
    case .nonFiniteInput(let row, let column):
      if let column {
        return "non-finite design value at row \(row), column \(column)"
      }
      return "invalid (non-finite, or negative count) response, weight or offset at row \(row)"
    case .nonPositiveWeight(let row):
      return "weight at row \(row) is not positive"
    case .rankDeficient(let rank, let columns, let dependentColumns):
      let list = dependentColumns.map(String.init).joined(separator: ", ")
      return
        "design is rank deficient: rank \(rank) of \(columns) columns; dependent column(s) \(list)"
    case .lapack(let routine, let info):
      return "LAPACK \(routine) failed with INFO = \(info)"
    }
  }
}
