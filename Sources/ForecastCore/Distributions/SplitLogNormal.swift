import Foundation

/// A forecast distribution through a median and an 80% interval: log-normal on each side
/// of the median, with its own spread below and above.
///
/// ```
/// σ_lo = (ln m − ln l) / z,   σ_hi = (ln u − ln m) / z,   z = Φ⁻¹(0.9) ≈ 1.2816
/// P(X > x) = 1 − Φ((ln x − ln m) / σ_hi)   for x ≥ m
///          = 1 − Φ((ln x − ln m) / σ_lo)   for x < m
/// ```
/// so that P(X < l) = P(X > u) = 10% and P(X > m) = 50%, matching a skewed empirical
/// interval such as `EmpiricalIntervals` gives. A zero-width side is a point mass.
public struct SplitLogNormal: Sendable, Equatable {
  public let median: Double
  public let sigmaBelow: Double
  public let sigmaAbove: Double

  /// Nil unless `0 < lower80 ≤ median ≤ upper80`, all finite.
  public init?(median: Double, lower80: Double, upper80: Double) {
    guard median.isFinite, lower80.isFinite, upper80.isFinite, lower80 > 0,
      lower80 <= median, median <= upper80
    else { return nil }
    let z = Normal.quantile(0.9)
    self.median = median
    sigmaBelow = (log(median) - log(lower80)) / z
    sigmaAbove = (log(upper80) - log(median)) / z
  }

  /// P(X > x).
  public func exceedanceProbability(_ x: Double) -> Double {
    guard x > 0 else { return 1 }
    let distance = log(x) - log(median)
    let sigma = distance >= 0 ? sigmaAbove : sigmaBelow
    guard sigma > 0 else { return distance < 0 ? 1 : 0 }
    return 1 - Normal.cdf(distance / sigma)
  }

  /// The value at standard normal deviate `z`: `m · exp(z σ)`, σ the spread of the side `z`
  /// falls on.
  public func value(atStandardNormal z: Double) -> Double {
    median * exp(z * (z < 0 ? sigmaBelow : sigmaAbove))
  }
}
