/// Why the text of a NIST StRD linear-regression `.dat` file could not be parsed.
public struct StRDParseError: Error, Equatable, Sendable, CustomStringConvertible {
  /// One-based line number where the problem was found (0 when the whole text lacks it).
  public let line: Int
  /// What the parser expected to find there.
  public let expected: String

  public init(line: Int, expected: String) {
    self.line = line
    self.expected = expected
  }

  public var description: String {
    line > 0 ? "StRD line \(line): expected \(expected)" : "StRD text: expected \(expected)"
  }
}
