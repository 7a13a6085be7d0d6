/// A result that could not be written in the format asked for.
public enum OutputError: Error, Equatable, Sendable, CustomStringConvertible {
  /// JSON encoding failed, e.g. on a value that is not a finite number.
  case notEncodable(what: String, reason: String)

  public var description: String {
    switch self {
    case .notEncodable(let what, let reason):
      return
        "the \(what) could not be written as JSON (\(reason)); nothing was written. Check the "
        + "inputs for absurd values, or ask for --format csv to see the numbers"
    }
  }
}
