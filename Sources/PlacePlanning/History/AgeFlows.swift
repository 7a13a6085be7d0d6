/// New EHC plans by age when the plan started and setting type, and ceased plans by age when
/// the plan ceased, per LA and calendar year (the SEN2 2025 release's "Age when plan
/// started" and "Age plan ceased" breakdowns).
///
/// Ages are whole years: age 2 stands for "age 2 and under" and age 20 for "age 20 and
/// over", as published. Ceased plans are not broken down by setting type and age together,
/// so they are kept for all settings.
public struct AgeFlows: Sendable {
  /// The youngest and oldest ages published; the ends are open bands.
  public static let youngestAge = 2
  public static let oldestBand = 20

  /// LA code → calendar year → setting type → age → new plans.
  private let newPlans: [String: [Int: [SettingType: [Int: Double]]]]
  /// LA code → calendar year → age → ceased plans (all settings).
  private let ceased: [String: [Int: [Int: Double]]]

  public init(
    newPlans: [String: [Int: [SettingType: [Int: Double]]]],
    ceased: [String: [Int: [Int: Double]]]
  ) {
    self.newPlans = newPlans
    self.ceased = ceased
  }

  /// New plans into a setting type by age at start, for the first of `codes` with an age
  /// breakdown that calendar year; ages without a row count as 0. Nil when none has one.
  public func newPlans(codes: [String], calendarYear: Int, setting: SettingType) -> [Int: Double]? {
    for code in codes {
      if let bySetting = newPlans[code]?[calendarYear] {
        return bySetting[setting] ?? [:]
      }
    }
    return nil
  }

  /// Ceased plans by age at cessation (all settings), as `newPlans(codes:…)`.
  public func ceased(codes: [String], calendarYear: Int) -> [Int: Double]? {
    for code in codes {
      if let byAge = ceased[code]?[calendarYear] { return byAge }
    }
    return nil
  }
}
