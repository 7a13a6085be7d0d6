/// One SEN2 release's plans by primary need for every LA (and England): by setting type
/// and by single year of age.
///
/// The 2025 release publishes this once: the January 2025 caseload (`caseload`) and the
/// new plans of calendar year 2024 (`newPlans`). There is no earlier need breakdown, so a
/// need mix is observed at one point in time.
public struct NeedBreakdown: Sendable {
  /// Which plans the breakdown counts.
  public enum Plans: String, Sendable {
    /// Every plan at a January census; `year` is the census year.
    case caseload
    /// Plans started in a calendar year; `year` is that calendar year.
    case newPlans = "new plans"
  }

  public let plans: Plans
  public let year: Int
  /// File (and line of its first row), for provenance.
  public let source: String
  /// LA code → setting type → counts by need.
  private let bySetting: [String: [SettingType: NeedCell]]
  /// LA code → age (at the census, or when the plan started) → counts by need.
  private let byAge: [String: [Int: NeedCell]]

  public init(
    plans: Plans, year: Int, source: String, bySetting: [String: [SettingType: NeedCell]],
    byAge: [String: [Int: NeedCell]]
  ) {
    self.plans = plans
    self.year = year
    self.source = source
    self.bySetting = bySetting
    self.byAge = byAge
  }

  /// The cell of the first of `codes` with a need breakdown, for a setting type.
  public func cell(codes: [String], setting: SettingType) -> NeedCell? {
    for code in codes {
      if let cells = bySetting[code] { return cells[setting] }
    }
    return nil
  }

  /// The cells by age of the first of `codes` with an age breakdown.
  public func ages(codes: [String]) -> [Int: NeedCell]? {
    for code in codes {
      if let cells = byAge[code], !cells.isEmpty { return cells }
    }
    return nil
  }

  /// England's cell for a setting type (the fallback mix for suppressed needs).
  public func england(_ setting: SettingType) -> NeedCell? {
    bySetting[CaseloadHistory.englandCode]?[setting]
  }

  /// Whether an LA (by any of `codes`) has a need breakdown.
  public func covers(codes: [String]) -> Bool {
    codes.contains { bySetting[$0] != nil }
  }

  /// The LAs with a breakdown (England excluded), sorted.
  public var laCodes: [String] {
    bySetting.keys.filter { $0 != CaseloadHistory.englandCode }.sorted()
  }
}
