/// Why a trend model could not be fitted or forecast.
public enum TrendError: Error, Equatable, Sendable, CustomStringConvertible {
  /// Fewer points than the model needs (`needed` is 3 for every kind).
  case tooFewPoints(Int, needed: Int)
  /// `.prevalence` was used without exposure values.
  case missingExposure
  /// A value (or exposure) at `time` is not allowed: negative counts, non-positive values
  /// for `.logLinear`, non-positive exposure for `.prevalence`.
  case nonPositiveValue(time: Int)
  /// The underlying least-squares or GLM fit failed (also used for length mismatches).
  case fit(LeastSquaresError)

  public var description: String {
    switch self {
    case .tooFewPoints(let count, let needed):
      return "too few points for a trend: \(count), need at least \(needed)"
    case .missingExposure:
      return "the prevalence model needs an exposure (population) for every time"
    case .nonPositiveValue(let time):
      return "value or exposure at time \(time) is not positive (or is a negative count)"
    case .fit(let error):
      return "trend fit failed: \(error)"
    }
  }
}
