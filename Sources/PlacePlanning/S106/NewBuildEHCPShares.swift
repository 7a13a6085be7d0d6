/// The share of pupils living in new-build housing who have an EHCP, by area and academic
/// year, from the DfE pupil yield dashboard (pupils in state-funded schools living in
/// developments completed since 2008, matched to the school census).
///
/// ```
/// share = EHCP pupils ÷ all pupils in new-build housing      (0–1)
/// ```
/// computed from the counts, not the dashboard's rounded percentage.
public struct NewBuildEHCPShares: Sendable {
  /// The geography of a row.
  public enum Level: String, CaseIterable, Sendable, Codable {
    case district
    case countyUnitary = "county/unitary"
    case england
  }

  /// One area in one academic year.
  public struct Area: Sendable, Equatable {
    public let name: String
    public let level: Level
    public let academicYear: AcademicYear
    /// Pupils in new-build housing with an EHCP.
    public let ehcpPupils: Double
    /// All pupils in new-build housing.
    public let totalPupils: Double
    /// File and line, for tracing.
    public let source: String

    public init(
      name: String, level: Level, academicYear: AcademicYear, ehcpPupils: Double,
      totalPupils: Double, source: String = ""
    ) {
      self.name = name
      self.level = level
      self.academicYear = academicYear
      self.ehcpPupils = ehcpPupils
      self.totalPupils = totalPupils
      self.source = source
    }

    /// EHCP pupils ÷ all pupils (0 when there are none).
    public var share: Double { totalPupils > 0 ? ehcpPupils / totalPupils : 0 }
  }

  public let areas: [Area]

  public init(areas: [Area]) {
    self.areas = areas
  }

  /// The latest year's row for an area at a level (names compared case-insensitively).
  public func latest(_ name: String, level: Level) -> Area? {
    let wanted = name.lowercased()
    return
      areas
      .filter { $0.level == level && $0.name.lowercased() == wanted }
      .max { $0.academicYear < $1.academicYear }
  }

  /// The names of the areas at a level, sorted.
  public func names(level: Level) -> [String] {
    Array(Set(areas.filter { $0.level == level }.map(\.name))).sorted()
  }
}
