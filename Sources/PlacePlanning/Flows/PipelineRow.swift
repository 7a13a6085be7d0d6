/// One line of pipeline output: an LA's measure in one year, published or forecast.
public struct PipelineRow: Sendable, Equatable {
  public enum Kind: String, Sendable, Codable { case actual, forecast }

  public let laCode: String
  public let laName: String
  public let measure: PipelineMeasure
  /// The calendar year (the census year for `caseload`).
  public let year: Int
  public let kind: Kind
  public let value: Double
  /// 80% interval from one-step backtest errors; nil for actuals and unscored measures.
  public let lower80: Double?
  public let upper80: Double?

  public init(
    laCode: String, laName: String, measure: PipelineMeasure, year: Int, kind: Kind,
    value: Double, lower80: Double? = nil, upper80: Double? = nil
  ) {
    self.laCode = laCode
    self.laName = laName
    self.measure = measure
    self.year = year
    self.kind = kind
    self.value = value
    self.lower80 = lower80
    self.upper80 = upper80
  }
}
