/// One line of a caseload forecast: an actual census count or a forecast with intervals.
public struct ForecastRow: Sendable, Equatable {
  public enum Kind: String, Sendable, Codable { case actual, forecast }

  public var laCode: String
  public var laName: String
  public var setting: SettingType
  public var censusYear: Int
  public var kind: Kind
  /// EHCPs (children and young people); a forecast's central value.
  public var value: Double
  /// 80% and 95% prediction intervals, EHCPs; nil for actuals and where none can be computed.
  public var lower80: Double?
  public var upper80: Double?
  public var lower95: Double?
  public var upper95: Double?
  /// The method that produced a forecast; empty for actuals.
  public var method: String

  public init(
    laCode: String, laName: String, setting: SettingType, censusYear: Int, kind: Kind,
    value: Double, lower80: Double? = nil, upper80: Double? = nil, lower95: Double? = nil,
    upper95: Double? = nil, method: String = ""
  ) {
    self.laCode = laCode
    self.laName = laName
    self.setting = setting
    self.censusYear = censusYear
    self.kind = kind
    self.value = value
    self.lower80 = lower80
    self.upper80 = upper80
    self.lower95 = lower95
    self.upper95 = upper95
    self.method = method
  }

  /// The row with value and intervals moved by `amount` EHCPs (bounds floored at 0).
  func shifted(by amount: Double) -> ForecastRow {
    var copy = self
    copy.value = max(0, value + amount)
    copy.lower80 = lower80.map { max(0, $0 + amount) }
    copy.upper80 = upper80.map { max(0, $0 + amount) }
    copy.lower95 = lower95.map { max(0, $0 + amount) }
    copy.upper95 = upper95.map { max(0, $0 + amount) }
    return copy
  }

  /// A part of the row, for a split by age phase or need: value and intervals multiplied by
  /// `share`, then each interval widened to at least the part's own counting noise
  /// (`CountingNoise`): a part is a smaller count, with relatively more noise than the whole.
  func part(_ share: Double) -> ForecastRow { CountingNoise.floored(scaled(by: share)) }

  /// The row with value and intervals multiplied by `factor` (used in reconciliation).
  func scaled(by factor: Double) -> ForecastRow {
    var copy = self
    copy.value *= factor
    copy.lower80 = lower80.map { $0 * factor }
    copy.upper80 = upper80.map { $0 * factor }
    copy.lower95 = lower95.map { $0 * factor }
    copy.upper95 = upper95.map { $0 * factor }
    return copy
  }
}
