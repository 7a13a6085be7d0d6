/// A point forecast with 80% and 95% prediction intervals, in the units of the series.
///
/// Invariant (for the trend models here): `0 ≤ lower95 ≤ lower80 ≤ mean ≤ upper80 ≤ upper95`
/// for the count models, whose bounds are floored at 0.
public struct ForecastPoint: Sendable, Equatable {
  /// Time of the forecast (e.g. a year).
  public let time: Int
  /// Point forecast (for log-linear: the median, `exp` of the predicted log).
  public let mean: Double
  /// Lower end of the 80% prediction interval.
  public let lower80: Double
  /// Upper end of the 80% prediction interval.
  public let upper80: Double
  /// Lower end of the 95% prediction interval.
  public let lower95: Double
  /// Upper end of the 95% prediction interval.
  public let upper95: Double

  public init(
    time: Int, mean: Double, lower80: Double, upper80: Double, lower95: Double, upper95: Double
  ) {
    self.time = time
    self.mean = mean
    self.lower80 = lower80
    self.upper80 = upper80
    self.lower95 = lower95
    self.upper95 = upper95
  }
}
