/// The share of an LA's EHCPs placed in specialist settings at one census:
///
/// ```
/// s = Σ_settings EHCPs(setting) ÷ EHCPs(total)         (0–1)
/// ```
/// e.g. state special + RP/SEN units + INMS over all EHCPs 0–25 (SEN2, January census).
public struct SpecialistPlacementShare: Sendable, Equatable {
  public let laCode: String
  public let laName: String
  public let censusYear: Int
  public let settings: [SettingType]
  /// EHCPs in each of the settings.
  public let counts: [SettingType: Double]
  /// All EHCPs.
  public let totalEHCPs: Double
  /// Where the counts came from.
  public let source: String

  public init(
    laCode: String, laName: String, censusYear: Int, settings: [SettingType],
    counts: [SettingType: Double], totalEHCPs: Double, source: String
  ) {
    self.laCode = laCode
    self.laName = laName
    self.censusYear = censusYear
    self.settings = settings
    self.counts = counts
    self.totalEHCPs = totalEHCPs
    self.source = source
  }

  /// The share from a census record; nil when the total or a setting's count is missing
  /// (suppressed) or the total is 0.
  public init?(record: CaseloadRecord, settings: [SettingType]) {
    guard let total = record[.total], total > 0 else { return nil }
    var counts: [SettingType: Double] = [:]
    for setting in settings {
      guard let count = record[setting] else { return nil }
      counts[setting] = count
    }
    self.init(
      laCode: record.laCode, laName: record.laName, censusYear: record.censusYear,
      settings: settings, counts: counts, totalEHCPs: total, source: record.source)
  }

  /// EHCPs in the specialist settings.
  public var specialistEHCPs: Double { settings.reduce(0) { $0 + (counts[$1] ?? 0) } }

  /// Specialist EHCPs ÷ all EHCPs.
  public var share: Double { totalEHCPs > 0 ? specialistEHCPs / totalEHCPs : 0 }
}
