/// The type of setting an EHCP holder is placed in, as reported in the DfE SEN2 return.
///
/// `total` is all settings: `mainstream + specialState + inms + apPRU + fePost16 +
/// earlyYears + other`. `rpSENUnit` (resourced provision and SEN units, "SSC" in some LAs)
/// is the part of `mainstream` reported separately and is not added again.
public enum SettingType: String, CaseIterable, Sendable, Codable, Comparable {
  case total
  case mainstream
  case rpSENUnit = "rp_sen_unit"
  case specialState = "special_state"
  case inms
  case apPRU = "ap_pru"
  case fePost16 = "fe_post16"
  case earlyYears = "early_years"
  case other

  /// The position in `allCases` (what `PerSetting` is indexed by).
  public var index: Int {
    switch self {
    case .total: return 0
    case .mainstream: return 1
    case .rpSENUnit: return 2
    case .specialState: return 3
    case .inms: return 4
    case .apPRU: return 5
    case .fePost16: return 6
    case .earlyYears: return 7
    case .other: return 8
    }
  }

  /// The settings that add up to `total`, each child counted once.
  public static let additiveParts: [SettingType] = [
    .mainstream, .specialState, .inms, .apPRU, .fePost16, .earlyYears, .other,
  ]

  /// The setting a sub-setting is part of (`rpSENUnit` is part of `mainstream`); nil otherwise.
  public var parent: SettingType? {
    self == .rpSENUnit ? .mainstream : nil
  }

  /// Words a planning officer would read in a table.
  public var label: String {
    switch self {
    case .total: return "Total EHCPs 0-25"
    case .mainstream: return "Mainstream (incl. RP/SEN units)"
    case .rpSENUnit: return "RP/SEN unit (SSC)"
    case .specialState: return "State special"
    case .inms: return "Independent/non-maintained special"
    case .apPRU: return "AP/PRU"
    case .fePost16: return "FE and specialist post-16"
    case .earlyYears: return "Non-maintained early years"
    case .other: return "Other (EHE, other arrangements, NEET, awaiting, unknown)"
    }
  }

  public static func < (lhs: SettingType, rhs: SettingType) -> Bool { lhs.index < rhs.index }

  // Equality and hashing by position, not by the raw-value string (the defaults a raw-value
  // enum gets compare and hash its string; setting types key the forecasters' hot tables).
  public static func == (lhs: SettingType, rhs: SettingType) -> Bool { lhs.index == rhs.index }

  public func hash(into hasher: inout Hasher) { hasher.combine(index) }
}
