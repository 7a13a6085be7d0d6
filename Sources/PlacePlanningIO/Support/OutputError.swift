/// A result that could not be written in the format asked for.
public enum OutputError: Error, Equatable, Sendable, CustomStringConvertible {
  /// JSON encoding failed, e.g. on a value that is not a finite number.
  case notEncodable(what: String, reason: String)
  /// A binary file (an Excel workbook) could not be written.
  case notWritable(file: String, reason: String)

  public var description: String {
    switch self {
    case .notEncodable(let what, let reason):
      return
        "the \(what) could not be written as JSON (\(reason)); nothing was written. Check the "
        + "inputs for absurd values, or ask for --format csv to see the numbers"
    case .notWritable(let file, let reason):
      return
        "\(file): the workbook could not be written (\(reason)); nothing was written. Check "
        + "that the folder exists and is writable"
    }
  }
}
