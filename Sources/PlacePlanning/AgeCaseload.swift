/// EHCP caseload by single year of age and setting type, per LA and January census (the
/// SEN2 "Child or young persons age" breakdown). Age 2 stands for "under 3".
public struct AgeCaseload: Sendable {
  /// The youngest age kept; SEN2 reports ages 0–2 together as "under 3".
  public static let youngestAge = 2
  public static let ages = 2...25

  /// LA code → census year → setting type → age → count (missing cells are absent).
  private let table: [String: [Int: [SettingType: [Int: Double]]]]

  public init(table: [String: [Int: [SettingType: [Int: Double]]]]) {
    self.table = table
  }

  /// Counts by age for an LA (first of `codes` with data), census and setting type; ages
  /// not reported count as 0. Nil when the LA has no age breakdown that year.
  public func counts(codes: [String], censusYear: Int, setting: SettingType) -> [Int: Double]? {
    for code in codes {
      if let bySetting = table[code]?[censusYear] {
        var counts: [Int: Double] = [:]
        for age in Self.ages { counts[age] = bySetting[setting]?[age] ?? 0 }
        return counts
      }
    }
    return nil
  }

  /// Census years with an age breakdown for an LA.
  public func censusYears(codes: [String]) -> [Int] {
    for code in codes {
      if let years = table[code]?.keys, !years.isEmpty { return years.sorted() }
    }
    return []
  }
}
