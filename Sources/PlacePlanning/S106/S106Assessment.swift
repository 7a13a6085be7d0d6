/// The specialist-place part of a Section 106 contribution for one development: pupils by
/// phase, specialist places needed, the spare places that offset them, places claimed and
/// the contribution, with the same figures by academic year of completion.
public struct S106Assessment: Sendable {
  /// Figures for one phase of education over the whole trajectory.
  public struct PhaseLine: Sendable, Equatable {
    public let phase: PupilYield.Phase
    /// Pupils the dwellings yield, pupils.
    public let pupils: Double
    /// Special/AP pupils the dwellings yield in the phase (dwellings × special yield × mix ×
    /// area adjustment × phase share), places to 0.01 (0 for early years).
    public let specialistPlaces: Double
    /// Spare places forecast when the children arrive, taken against the need, places to
    /// 0.01.
    public let spareOffset: Double
    /// specialist places − spare offset, places (0.01).
    public let placesClaimed: Double
    /// places claimed × cost per place, £1 (cash of the contribution year).
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
  /// `r`: the area's EHCP share ÷ England's.
  public let adjustment: Double
  /// The academic year the cost per place is indexed to: the first year of completions,
  /// when contributions are usually triggered.
  public let contributionYear: AcademicYear
  /// Capital cost per specialist place, £1 (cash of the contribution year, regional factor
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
    adjustment: Double, contributionYear: AcademicYear, costPerPlace: Double, phases: [PhaseLine],
    years: [YearLine], lowContribution: Double, highContribution: Double
  ) {
    self.development = development
    self.ehcpShare = ehcpShare
    self.ehcpShareReason = ehcpShareReason
    self.adjustment = adjustment
    self.contributionYear = contributionYear
    self.costPerPlace = costPerPlace
    self.phases = phases
    self.years = years
    self.lowContribution = lowContribution
    self.highContribution = highContribution
  }

  public var pupils: Double { phases.reduce(0) { $0 + $1.pupils } }
  public var specialistPlaces: Double {
    Self.places(phases.reduce(0) { $0 + $1.specialistPlaces })
  }
  public var spareOffset: Double { Self.places(phases.reduce(0) { $0 + $1.spareOffset }) }
  /// Places claimed in every phase (each already to 0.01), to 0.01.
  public var placesClaimed: Double { Self.places(phases.reduce(0) { $0 + $1.placesClaimed }) }
  /// places claimed × cost per place, £1 (not the sum of the phases' rounded pounds, which
  /// can differ by a pound or two).
  public var contribution: Double { Self.total(phases, costPerPlace: costPerPlace) }

  /// A development's contribution from its phase lines: `round₀(Σ claimed × cost)`.
  public static func total(_ phases: [PhaseLine], costPerPlace: Double) -> Double {
    (places(phases.reduce(0) { $0 + $1.placesClaimed }) * costPerPlace).rounded()
  }

  /// Places to 0.01, as printed.
  public static func places(_ value: Double) -> Double { (value * 100).rounded() / 100 }

  /// The line for a phase.
  public func line(_ phase: PupilYield.Phase) -> PhaseLine? {
    phases.first { $0.phase == phase }
  }
}
