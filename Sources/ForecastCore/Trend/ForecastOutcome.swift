/// A forecast set against what happened, for scoring.
public struct ForecastOutcome: Sendable, Equatable {
  /// Point forecast.
  public let forecast: Double
  /// The outturn.
  public let actual: Double
  /// 80% and 95% prediction intervals, when the method gives them.
  public let interval80: ClosedRange<Double>?
  public let interval95: ClosedRange<Double>?
  /// MASE scale: the mean absolute one-step change of the series up to the forecast origin,
  /// `(1/(n−1)) Σ |y_t − y_{t−1}|`; nil or 0 leaves the outcome out of MASE.
  public let scale: Double?

  public init(
    forecast: Double, actual: Double, interval80: ClosedRange<Double>? = nil,
    interval95: ClosedRange<Double>? = nil, scale: Double? = nil
  ) {
    self.forecast = forecast
    self.actual = actual
    self.interval80 = interval80
    self.interval95 = interval95
    self.scale = scale
  }

  /// Absolute percentage error `100 |f − a| / a`; nil when the outturn is 0.
  public var absolutePercentageError: Double? {
    Self.absolutePercentageError(forecast: forecast, actual: actual)
  }

  /// `100 |f − a| / a` for a forecast `f` and outturn `a`; nil unless `a > 0`. The one
  /// percentage-error formula every backtest scores with.
  public static func absolutePercentageError(forecast: Double, actual: Double) -> Double? {
    actual > 0 ? 100 * abs(forecast - actual) / actual : nil
  }

  /// Signed percentage error `100 (f − a) / a` (positive = over-forecast); nil when a = 0.
  public var percentageError: Double? {
    actual > 0 ? 100 * (forecast - actual) / actual : nil
  }

  /// Absolute scaled error `|f − a| / scale`; nil without a positive scale.
  public var absoluteScaledError: Double? {
    guard let scale, scale > 0 else { return nil }
    return abs(forecast - actual) / scale
  }
}
