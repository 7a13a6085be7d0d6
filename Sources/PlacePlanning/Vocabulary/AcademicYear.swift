import Foundation

/// An academic year, written `2026/27`: September 2026 to August 2027. Its demand is the
/// January 2027 census.
public struct AcademicYear: Hashable, Comparable, Sendable, CustomStringConvertible {
  /// The calendar year it starts in (2026 for 2026/27).
  public let startYear: Int

  public init(startYear: Int) {
    self.startYear = startYear
  }

  /// The academic year that holds a January census (2027 → 2026/27).
  public init(censusYear: Int) {
    self.startYear = censusYear - 1
  }

  /// Parses `2026/27`; nil for any other form or when the two years do not follow on.
  public init?(parsing text: String) {
    let parts = text.trimmingCharacters(in: .whitespaces).split(separator: "/")
    guard parts.count == 2, parts[0].count == 4, parts[1].count == 2,
      let start = Int(parts[0]), let end = Int(parts[1]), (start + 1) % 100 == end
    else { return nil }
    self.startYear = start
  }

  /// The January census in this academic year.
  public var censusYear: Int { startYear + 1 }

  public var description: String {
    let end = (startYear + 1) % 100
    return "\(startYear)/\(end < 10 ? "0" : "")\(end)"
  }

  public static func < (lhs: AcademicYear, rhs: AcademicYear) -> Bool {
    lhs.startYear < rhs.startYear
  }
}
