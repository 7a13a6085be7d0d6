/// Section 106 specialist-place contributions for a housing trajectory: one assessment per
/// development, the trajectory's totals by academic year, and every factor used.
public struct S106Result: Sendable {
  /// All developments' dwellings, pupils, places and contributions completing in one year.
  public struct TrajectoryYear: Sendable, Equatable {
    public let academicYear: AcademicYear
    public let dwellings: Int
    public let pupils: Double
    public let specialistPlaces: Double
    /// Spare state special and RP places the places plan forecasts for the year, before
    /// any development takes them.
    public let sparePlaces: Double
    public let spareOffset: Double
    public let placesClaimed: Double
    public let contribution: Double
  }

  public let laCode: String
  public let laName: String
  /// In the order the developments were given.
  public let assessments: [S106Assessment]
  public let trajectory: [TrajectoryYear]
  public let yield: PupilYield
  /// The LA's own new-build EHCP share (used where a district's is not).
  public let laEHCPShare: NewBuildEHCPShares.Area
  /// England's share, the denominator of every area adjustment.
  public let englandEHCPShare: NewBuildEHCPShares.Area
  /// The cost model the places are costed with (regional factor set for the LA).
  public let costModel: CostModel
  /// The spare places before allocation, and the rule used.
  public let spare: SpareCapacity

  public init(
    laCode: String, laName: String, assessments: [S106Assessment], trajectory: [TrajectoryYear],
    yield: PupilYield, laEHCPShare: NewBuildEHCPShares.Area,
    englandEHCPShare: NewBuildEHCPShares.Area, costModel: CostModel, spare: SpareCapacity
  ) {
    self.laCode = laCode
    self.laName = laName
    self.assessments = assessments
    self.trajectory = trajectory
    self.yield = yield
    self.laEHCPShare = laEHCPShare
    self.englandEHCPShare = englandEHCPShare
    self.costModel = costModel
    self.spare = spare
  }

  public var dwellings: Int { assessments.reduce(0) { $0 + $1.development.dwellings } }
  public var pupils: Double { assessments.reduce(0) { $0 + $1.pupils } }
  public var specialistPlaces: Double { assessments.reduce(0) { $0 + $1.specialistPlaces } }
  public var spareOffset: Double { assessments.reduce(0) { $0 + $1.spareOffset } }
  public var placesClaimed: Double {
    S106Assessment.places(assessments.reduce(0) { $0 + $1.placesClaimed })
  }
  public var contribution: Double { assessments.reduce(0) { $0 + $1.contribution } }
  public var lowContribution: Double { assessments.reduce(0) { $0 + $1.lowContribution } }
  public var highContribution: Double { assessments.reduce(0) { $0 + $1.highContribution } }
}
