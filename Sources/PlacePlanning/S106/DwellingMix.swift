/// A kind of dwelling as pupil-yield factors are published: dwelling type, bedrooms and
/// tenure.
public struct DwellingMix: Hashable, Sendable, Comparable, CustomStringConvertible {
  /// House (including bungalows) or flat (including maisonettes).
  public enum DwellingType: String, CaseIterable, Sendable, Codable {
    case house
    case flat
  }

  /// Bedrooms, with four or more in one band.
  public enum Bedrooms: String, CaseIterable, Sendable, Codable {
    case one = "1"
    case two = "2"
    case three = "3"
    case fourPlus = "4+"
  }

  /// Open-market sale or affordable housing (social and affordable rent, shared ownership).
  public enum Tenure: String, CaseIterable, Sendable, Codable {
    case market
    case affordable
  }

  public var type: DwellingType
  public var bedrooms: Bedrooms
  public var tenure: Tenure

  public init(type: DwellingType, bedrooms: Bedrooms, tenure: Tenure) {
    self.type = type
    self.bedrooms = bedrooms
    self.tenure = tenure
  }

  /// Every mix, houses before flats, market before affordable, then by bedrooms.
  public static let all: [DwellingMix] = DwellingType.allCases.flatMap { type in
    Tenure.allCases.flatMap { tenure in
      Bedrooms.allCases.map { DwellingMix(type: type, bedrooms: $0, tenure: tenure) }
    }
  }

  /// Words for a table or a statement: `house, 3 bedrooms, market`.
  public var description: String {
    let rooms = bedrooms == .one ? "1 bedroom" : "\(bedrooms.rawValue) bedrooms"
    return "\(type.rawValue), \(rooms), \(tenure.rawValue)"
  }

  private var order: Int { Self.all.firstIndex(of: self) ?? 0 }

  public static func < (lhs: DwellingMix, rhs: DwellingMix) -> Bool { lhs.order < rhs.order }
}
