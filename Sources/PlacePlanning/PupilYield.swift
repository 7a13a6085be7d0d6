/// Pupil-yield factors: pupils per dwelling by phase of education for each dwelling mix, and
/// the rules that turn those pupils into specialist places.
///
/// ```
/// pupils(phase)            = Σ_mix dwellings(mix) × yield(mix, phase)    pupils
/// specialist places(phase) = pupils(phase) × e × s                       places
/// ```
/// where `e` is the share of pupils living in new-build housing who have an EHCP (DfE pupil
/// yield dashboard, district or LA) and `s` the share of the LA's EHCPs placed in the
/// `specialistSettings` (SEN2, latest census). One-bedroom dwellings yield no pupils when
/// `excludesOneBedroom` (DfE's convention). Specialist places are counted for
/// `specialistPhases` only.
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

  /// Phases in which specialist places are counted: the EHCP share is measured on pupils in
  /// state-funded schools, and few children under five hold an EHCP or a specialist place.
  public static let specialistPhases: [Phase] = [.primary, .secondary, .post16]

  public let entries: [DwellingMix: Entry]
  /// Whether one-bedroom dwellings are left out of pupil yield (they yield no pupils).
  public let excludesOneBedroom: Rule<Bool>
  /// The fewest pupils in new-build housing a district must have in the dashboard for its
  /// own EHCP share to be used; smaller districts use the LA's share (a share measured on
  /// 1,000 pupils has a standard error under about 0.6 percentage points).
  public let districtMinimumPupils: Rule<Double>
  /// The setting types whose share of the LA's EHCPs is claimed as specialist places.
  public let specialistSettings: Rule<[SettingType]>

  public init(
    entries: [DwellingMix: Entry], excludesOneBedroom: Rule<Bool>,
    districtMinimumPupils: Rule<Double>, specialistSettings: Rule<[SettingType]>
  ) {
    self.entries = entries
    self.excludesOneBedroom = excludesOneBedroom
    self.districtMinimumPupils = districtMinimumPupils
    self.specialistSettings = specialistSettings
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

  /// The mixes that need factors: every mix, less one-bedroom ones when they are excluded.
  public var requiredMixes: [DwellingMix] { DwellingMix.all.filter(yieldsPupils) }
}
