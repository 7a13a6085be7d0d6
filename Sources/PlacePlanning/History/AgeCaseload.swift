/// EHCP caseload by single year of age and setting type, per LA and January census (the
/// SEN2 "Child or young persons age" breakdown). Age 2 stands for "under 3".
public struct AgeCaseload: Sendable {
  /// The youngest age kept; SEN2 reports ages 0–2 together as "under 3".
  public static let youngestAge = 2
  public static let ages = 2...25

  /// LA code → census year → setting type → age → count (missing cells are absent).
  private let table: [String: [Int: [SettingType: [Int: Double]]]]

  /// LA code → census year → setting types with a suppressed cell at some age.
  private let suppressed: [String: [Int: Set<SettingType>]]

  public init(
    table: [String: [Int: [SettingType: [Int: Double]]]],
    suppressed: [String: [Int: Set<SettingType>]] = [:]
  ) {
    self.table = table
    self.suppressed = suppressed
  }

  /// Counts by age for an LA (first of `codes` with data), census and setting type; ages
  /// not reported count as 0. Nil when the LA has no age breakdown that year, or when a
  /// cell of the setting type is suppressed at some age that year (a suppressed count is
  /// not 0).
  public func counts(codes: [String], censusYear: Int, setting: SettingType) -> [Int: Double]? {
    for code in codes {
      if let bySetting = table[code]?[censusYear] {
        if suppressed[code]?[censusYear]?.contains(setting) == true { return nil }
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
