import ForecastCore

/// A method for forecasting an LA's caseload series.
public enum ForecastMethod: String, CaseIterable, Sendable, Codable {
  /// Straight line in census year, fitted by OLS; t prediction intervals.
  case linear
  /// Straight line in log caseload (constant growth rate), fitted by OLS on logs.
  case logLinear = "log-linear"
  /// EHCPs per resident aged 0–25 by Poisson GLM (log link, offset log population, linear
  /// time trend), times the projected population.
  case prevalence

  /// The trend model that implements the method.
  var trendKind: TrendKind {
    switch self {
    case .linear: return .linear
    case .logLinear: return .logLinear
    case .prevalence: return .prevalence
    }
  }

  /// Whether the method needs the resident population.
  public var needsPopulation: Bool { self == .prevalence }
}
