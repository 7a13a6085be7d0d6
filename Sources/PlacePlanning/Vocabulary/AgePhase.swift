/// Phases of education by age at the January census.
public enum AgePhase: String, CaseIterable, Sendable, Codable, Comparable {
  /// Ages 0–4 (SEN2 reports 0–2 as "under 3").
  case earlyYears = "early-years"
  /// Ages 5–10.
  case primary
  /// Ages 11–15.
  case secondary
  /// Ages 16–18.
  case post16 = "post-16"
  /// Ages 19–25.
  case post19 = "19-25"

  /// The ages in the phase.
  public var ages: ClosedRange<Int> {
    switch self {
    case .earlyYears: return 0...4
    case .primary: return 5...10
    case .secondary: return 11...15
    case .post16: return 16...18
    case .post19: return 19...25
    }
  }

  /// The ages in words, e.g. "5-10".
  public var ageLabel: String { "\(ages.lowerBound)-\(ages.upperBound)" }

  private var order: Int { AgePhase.allCases.firstIndex(of: self) ?? 0 }

  public static func < (lhs: AgePhase, rhs: AgePhase) -> Bool { lhs.order < rhs.order }
}
