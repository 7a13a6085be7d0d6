/// The specialist-place part of a Section 106 contribution for one development: pupils by
/// phase, specialist places needed, the spare places that offset them, places claimed and
/// the contribution, with the same figures by academic year of completion.
public struct S106Assessment: Sendable {
  /// Figures for one phase of education over the whole trajectory.
  public struct PhaseLine: Sendable, Equatable {
    public let phase: PupilYield.Phase
    /// Pupils the dwellings yield, pupils.
    public let pupils: Double
    /// pupils × EHCP share × specialist share, places (0 outside the specialist phases).
    public let specialistPlaces: Double
    /// Spare places forecast when the children arrive, taken against the need, places.
    public let spareOffset: Double
    /// specialist places − spare offset, places.
    public let placesClaimed: Double
    /// places claimed × cost per place, £ (cash of the contribution year).
    public let contribution: Double
  }

  /// Figures for the dwellings completing in one academic year.
  public struct YearLine: Sendable, Equatable {
    public let academicYear: AcademicYear
    public let dwellings: Int
    /// Pupils in all phases, pupils.
    public let pupils: Double
    public let specialistPlaces: Double
    /// Spare places free for these children before they took any (under the rule), places.
    public let spareAvailable: Double
    public let spareOffset: Double
    /// By pool (phase) when spare places are kept by phase: free before these children took
    /// any, and taken by each pupil phase.
    public let spareAvailableByPool: [SpareCapacity.Pool: Double]
    public let spareOffsetByPhase: [PupilYield.Phase: Double]
    public let placesClaimed: Double
    /// £, at the development's cost per place.
    public let contribution: Double
  }

  public let development: Development
  /// The EHCP share used and why (district or LA).
  public let ehcpShare: NewBuildEHCPShares.Area
  public let ehcpShareReason: String
  /// The academic year the cost per place is indexed to: the first year of completions,
  /// when contributions are usually triggered.
  public let contributionYear: AcademicYear
  /// Capital cost per specialist place, £ (cash of the contribution year, regional factor
  /// applied).
  public let costPerPlace: Double
  /// One line per phase, in phase order.
  public let phases: [PhaseLine]
  /// One line per academic year with completions, in order.
  public let years: [YearLine]
  /// The contribution with every yield factor and the cost per place at the low and the high
  /// ends of their ranges, £.
  public let lowContribution: Double
  public let highContribution: Double

  public init(
    development: Development, ehcpShare: NewBuildEHCPShares.Area, ehcpShareReason: String,
    contributionYear: AcademicYear, costPerPlace: Double, phases: [PhaseLine],
    years: [YearLine], lowContribution: Double, highContribution: Double
  ) {
    self.development = development
    self.ehcpShare = ehcpShare
    self.ehcpShareReason = ehcpShareReason
    self.contributionYear = contributionYear
    self.costPerPlace = costPerPlace
    self.phases = phases
    self.years = years
    self.lowContribution = lowContribution
    self.highContribution = highContribution
  }

  public var pupils: Double { phases.reduce(0) { $0 + $1.pupils } }
  public var specialistPlaces: Double { phases.reduce(0) { $0 + $1.specialistPlaces } }
  public var spareOffset: Double { phases.reduce(0) { $0 + $1.spareOffset } }
  public var placesClaimed: Double { phases.reduce(0) { $0 + $1.placesClaimed } }
  public var contribution: Double { phases.reduce(0) { $0 + $1.contribution } }

  /// The line for a phase.
  public func line(_ phase: PupilYield.Phase) -> PhaseLine? {
    phases.first { $0.phase == phase }
  }
}
