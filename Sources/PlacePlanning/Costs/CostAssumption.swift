import Foundation

/// One cost assumption: a central value with a plausible range, its price year, its
/// annual inflation and where it comes from.
public struct CostAssumption: Sendable, Equatable {
  /// Central value, £ (or a share 0–1 for transported shares), at `priceYear` prices.
  public let value: Double
  /// Low and high ends of the plausible range, same units; the Monte Carlo draws from a
  /// triangular distribution on [low, high] with mode `value`.
  public let low: Double
  public let high: Double
  /// The academic year the value is priced in.
  public let priceYear: AcademicYear
  /// Nominal growth per year of this cost line (0.043 = 4.3%).
  public let annualInflation: Double
  public let source: String

  public init(
    value: Double, low: Double? = nil, high: Double? = nil, priceYear: AcademicYear,
    annualInflation: Double = 0, source: String
  ) {
    self.value = value
    self.low = min(low ?? value, value)
    self.high = max(high ?? value, value)
    self.priceYear = priceYear
    self.annualInflation = annualInflation
    self.source = source
  }

  /// The value in cash of `year`: `v (1 + i)^(year − priceYear)`.
  public func cash(in year: AcademicYear, value chosen: Double? = nil) -> Double {
    (chosen ?? value) * pow(1 + annualInflation, Double(year.startYear - priceYear.startYear))
  }

  /// A draw from the triangular distribution on [low, high] with mode `value`, given a
  /// uniform `u` in [0, 1):
  /// ```
  /// F⁻¹(u) = low + √(u (high − low)(mode − low))            for u < (mode − low)/(high − low)
  ///        = high − √((1 − u)(high − low)(high − mode))      otherwise
  /// ```
  public func draw(_ u: Double) -> Double {
    let width = high - low
    guard width > 0 else { return value }
    let cut = (value - low) / width
    return u < cut
      ? low + (u * width * (value - low)).squareRoot()
      : high - ((1 - u) * width * (high - value)).squareRoot()
  }
}
