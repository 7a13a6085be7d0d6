/// One LA's EHCP caseload at one January census, by setting type.
///
/// A count is `nil` when the publisher suppressed it or did not collect it (never zero).
public struct CaseloadRecord: Sendable, Equatable {
  /// LA code as published in this record's source (E06…, E08…, E09…, E10…).
  public var laCode: String
  public var laName: String
  /// January census year: 2025 is the January 2025 census (DfE `time_period` 202425).
  public var censusYear: Int
  /// EHCPs (statements + EHCPs before 2018) by setting type, children and young people.
  public var counts: PerSetting<Double>
  /// Where the record came from: file name and line, for tracing.
  public var source: String

  public init(
    laCode: String, laName: String, censusYear: Int, counts: PerSetting<Double>,
    source: String
  ) {
    self.laCode = laCode
    self.laName = laName
    self.censusYear = censusYear
    self.counts = counts
    self.source = source
  }

  /// The count for a setting type, or nil when missing.
  public subscript(setting: SettingType) -> Double? { counts[setting] }
}
