/// A child's primary type of need as recorded in the SEN2 return (DfE codes).
public enum PrimaryNeed: String, CaseIterable, Sendable, Codable, Comparable {
  case asd
  case hi
  case mld
  case msi
  case oth
  case pd
  case pmld
  case semh
  case slcn
  case sld
  case spld
  case vi
  case unknown

  /// The DfE name of the need.
  public var label: String {
    switch self {
    case .asd: return "Autistic spectrum disorder"
    case .hi: return "Hearing impairment"
    case .mld: return "Moderate learning difficulty"
    case .msi: return "Multi-sensory impairment"
    case .oth: return "Other difficulty/disability"
    case .pd: return "Physical disability"
    case .pmld: return "Profound and multiple learning difficulty"
    case .semh: return "Social, emotional and mental health"
    case .slcn: return "Speech, language and communication needs"
    case .sld: return "Severe learning difficulty"
    case .spld: return "Specific learning difficulty"
    case .vi: return "Visual impairment"
    case .unknown: return "Need not recorded"
    }
  }

  /// The short form officers use: "ASD", "SpLD", "unknown".
  public var abbreviation: String {
    switch self {
    case .spld: return "SpLD"
    case .unknown: return "unknown"
    default: return rawValue.uppercased()
    }
  }

  private var order: Int { PrimaryNeed.allCases.firstIndex(of: self) ?? 0 }

  public static func < (lhs: PrimaryNeed, rhs: PrimaryNeed) -> Bool { lhs.order < rhs.order }
}
