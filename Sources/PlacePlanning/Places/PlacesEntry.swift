/// One row of a planned-places register: a setting's commissioned places over a run of
/// academic years. Openings, expansions and closures are separate rows for the same setting.
public struct PlacesEntry: Sendable, Equatable {
  /// The phase of education a setting serves.
  public enum Phase: String, CaseIterable, Sendable, Codable {
    case primary
    case secondary
    case allThrough = "all-through"
    case post16 = "post-16"
  }

  public var laCode: String
  public var settingName: String
  public var setting: SettingType
  public var phase: Phase
  public var firstYear: AcademicYear
  /// The last academic year; nil when open-ended.
  public var lastYear: AcademicYear?
  /// Places commissioned in each year of the run.
  public var plannedPlaces: Double
  /// Children actually placed, when the row covers one academic year and it is known.
  public var actualPlacements: Double?
  /// The needs the places are for; nil when the register does not say (read as generic).
  public var designation: Designation?
  /// File and line, for tracing.
  public var source: String

  public init(
    laCode: String, settingName: String, setting: SettingType, phase: Phase,
    firstYear: AcademicYear, lastYear: AcademicYear?, plannedPlaces: Double,
    actualPlacements: Double? = nil, designation: Designation? = nil, source: String = ""
  ) {
    self.laCode = laCode
    self.settingName = settingName
    self.setting = setting
    self.phase = phase
    self.firstYear = firstYear
    self.lastYear = lastYear
    self.plannedPlaces = plannedPlaces
    self.actualPlacements = actualPlacements
    self.designation = designation
    self.source = source
  }

  /// The setting types a register may hold places for.
  public static let plannableSettings: [SettingType] = [
    .specialState, .rpSENUnit, .apPRU, .fePost16,
  ]

  /// Whether the row covers an academic year.
  public func covers(_ year: AcademicYear) -> Bool {
    year >= firstYear && (lastYear.map { year <= $0 } ?? true)
  }

  /// Whether two rows share an academic year.
  public func overlaps(_ other: PlacesEntry) -> Bool {
    let startsBeforeOtherEnds = other.lastYear.map { firstYear <= $0 } ?? true
    let otherStartsBeforeThisEnds = lastYear.map { other.firstYear <= $0 } ?? true
    return startsBeforeOtherEnds && otherStartsBeforeThisEnds
  }
}
