/// Pupil-yield factors: pupils per dwelling by phase of education for each dwelling mix, and
/// the special-school yield that gives specialist places directly.
///
/// ```
/// pupils(phase)            = Σ_mix dwellings(mix) × yield(mix, phase)               pupils
/// m(mix)                   = yield(mix, primary) / reference primary yield
/// specialist places(phase) = Σ_mix dwellings(mix) × y_special × m(mix) × r × split(phase)
/// r                        = e(area) / e(England)
/// ```
/// `y_special` is DfE's special/AP yield per dwelling (England), `m` the dwelling mix's
/// relative yield (derived from DfE primary yields by type, bedrooms and tenure), `e` the
/// share of pupils living in new-build housing who have an EHCP (DfE pupil yield dashboard;
/// the district's or the LA's, against England's in the same year) and `split` the special
/// yield's shares by phase. One-bedroom dwellings yield no pupils when `excludesOneBedroom`.
public struct PupilYield: Sendable {
  /// A phase of education pupils are counted in.
  public enum Phase: String, CaseIterable, Sendable, Codable, Comparable {
    case earlyYears = "early-years"
    case primary
    case secondary
    case post16 = "post-16"

    /// Words for a table or a statement.
    public var label: String {
      switch self {
      case .earlyYears: return "early years"
      case .primary: return "primary"
      case .secondary: return "secondary"
      case .post16: return "post-16"
      }
    }

    private var order: Int { Phase.allCases.firstIndex(of: self) ?? 0 }

    public static func < (lhs: Phase, rhs: Phase) -> Bool { lhs.order < rhs.order }
  }

  /// Which end of every factor's range to use: the ranges move together (a development
  /// that yields more primary pupils than assumed usually yields more secondary ones too).
  public enum Level: String, CaseIterable, Sendable {
    case low
    case central
    case high
  }

  /// Pupils per dwelling in one phase: a central value and a plausible range.
  public struct Factor: Sendable, Equatable {
    public let value: Double
    public let low: Double
    public let high: Double

    public init(value: Double, low: Double? = nil, high: Double? = nil) {
      self.value = value
      self.low = min(low ?? value, value)
      self.high = max(high ?? value, value)
    }

    /// The value at a level of the range.
    public func at(_ level: Level) -> Double {
      switch level {
      case .low: return low
      case .central: return value
      case .high: return high
      }
    }
  }

  /// The factors of one dwelling mix, with their source.
  public struct Entry: Sendable, Equatable {
    public let mix: DwellingMix
    public let factors: [Phase: Factor]
    public let source: String

    public init(mix: DwellingMix, factors: [Phase: Factor], source: String) {
      self.mix = mix
      self.factors = factors
      self.source = source
    }
  }

  /// A setting and its reason: a number or list with the source it comes from.
  public struct Rule<Value: Sendable & Equatable>: Sendable, Equatable {
    public let value: Value
    public let source: String

    public init(value: Value, source: String) {
      self.value = value
      self.source = source
    }
  }

  /// Phases in which specialist places are counted (children under five are counted with
  /// primary, as the special yield's split by age does).
  public static let specialistPhases: [Phase] = [.primary, .secondary, .post16]

  /// The special-school yield and how it is turned into places.
  public struct Special: Sendable, Equatable {
    /// Special/AP pupils per dwelling, all phases (England).
    public let perDwelling: Factor
    /// Its source and what it covers.
    public let source: String
    /// Shares by phase (primary, secondary, post-16), summing to 1, and their source.
    public let phaseSplit: [Phase: Double]
    public let phaseSplitSource: String
    /// The all-dwellings primary yield the dwelling mixes' multipliers are relative to, and
    /// the source of the multipliers.
    public let referencePrimary: Double
    public let multiplierSource: String
    /// Why England's yield is scaled by the area's EHCP share against England's.
    public let adjustmentSource: String

    public init(
      perDwelling: Factor, source: String, phaseSplit: [Phase: Double], phaseSplitSource: String,
      referencePrimary: Double, multiplierSource: String, adjustmentSource: String
    ) {
      self.perDwelling = perDwelling
      self.source = source
      self.phaseSplit = phaseSplit
      self.phaseSplitSource = phaseSplitSource
      self.referencePrimary = referencePrimary
      self.multiplierSource = multiplierSource
      self.adjustmentSource = adjustmentSource
    }
  }

  /// Whose factors these are (DfE's England figures, or an LA's own), for the statement.
  public let name: String
  public let entries: [DwellingMix: Entry]
  /// Whether one-bedroom dwellings are left out of pupil yield (they yield no pupils).
  public let excludesOneBedroom: Rule<Bool>
  /// The fewest pupils in new-build housing a district must have in the dashboard for its
  /// own EHCP share to be used; smaller districts use the LA's share (a share measured on
  /// 1,000 pupils has a standard error under about 0.6 percentage points).
  public let districtMinimumPupils: Rule<Double>
  public let special: Special

  public init(
    name: String, entries: [DwellingMix: Entry], excludesOneBedroom: Rule<Bool>,
    districtMinimumPupils: Rule<Double>, special: Special
  ) {
    self.name = name
    self.entries = entries
    self.excludesOneBedroom = excludesOneBedroom
    self.districtMinimumPupils = districtMinimumPupils
    self.special = special
  }

  /// Whether a mix yields pupils under these rules.
  public func yieldsPupils(_ mix: DwellingMix) -> Bool {
    !(excludesOneBedroom.value && mix.bedrooms == .one)
  }

  /// Pupils per dwelling of a mix in a phase, at a level of the range; 0 for an excluded or
  /// missing mix.
  public func pupilsPerDwelling(_ mix: DwellingMix, phase: Phase, level: Level = .central)
    -> Double
  {
    guard yieldsPupils(mix) else { return 0 }
    return entries[mix]?.factors[phase]?.at(level) ?? 0
  }

  /// A mix's yield relative to all dwellings, `m = yield(mix, primary) / reference primary`
  /// (0 for an excluded or missing mix).
  public func multiplier(_ mix: DwellingMix) -> Double {
    guard special.referencePrimary > 0 else { return 0 }
    return pupilsPerDwelling(mix, phase: .primary) / special.referencePrimary
  }

  /// Special/AP pupils per dwelling of a mix before the area adjustment and phase split:
  /// `y_special × m(mix)`.
  public func specialPerDwelling(_ mix: DwellingMix, level: Level = .central) -> Double {
    special.perDwelling.at(level) * multiplier(mix)
  }

  /// The mixes that need factors: every mix, less one-bedroom ones when they are excluded.
  public var requiredMixes: [DwellingMix] { DwellingMix.all.filter(yieldsPupils) }
}
