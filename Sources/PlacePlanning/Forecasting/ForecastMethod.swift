import ForecastCore

/// A method for forecasting an LA's caseload series.
public enum ForecastMethod: String, CaseIterable, Sendable, Codable {
  /// Per setting type, the candidate with the best backtest skill on this LA's file up to
  /// the forecast origin (see `ForecastPlan`), with intervals calibrated on backtest errors.
  case auto
  /// Growth pooled towards England's, with prevalence convergence and requests; setting
  /// types as shares (see `PooledGrowth`); intervals calibrated on backtest errors.
  case pooled
  /// Straight line in census year over the window, fitted by OLS; t prediction intervals.
  case linear
  /// Straight line in log caseload (constant growth rate), fitted by OLS on logs.
  case logLinear = "log-linear"
  /// EHCPs per resident aged 0–25 by Poisson GLM (log link, offset log population, linear
  /// time trend), times the projected population.
  case prevalence
  /// Baseline: the last census carried forward, `ŷ(T+h) = y(T)`.
  case naive
  /// Baseline: the last three years' compound growth carried forward,
  /// `ŷ(T+h) = y(T) · (y(T) / y(T−3))^(h/3)`.
  case drift
  /// Baseline: OLS straight line through the last five censuses (whatever the window).
  case linearRecent = "linear-5"
  /// Stock-flow: next January's caseload = this January's + new plans − ceased plans + a
  /// balancing term, new plans from trended requests (see `FlowForecast`); setting types
  /// on the pooled share path.
  case flow
  /// The equal-weight mean of `pooled` and `linear-5`, per setting type and year (a forecast
  /// combination; see `DemandForecaster.combined`); intervals calibrated on its own backtest
  /// errors.
  case combined

  /// The position in `allCases`.
  public var index: Int {
    switch self {
    case .auto: return 0
    case .pooled: return 1
    case .linear: return 2
    case .logLinear: return 3
    case .prevalence: return 4
    case .naive: return 5
    case .drift: return 6
    case .linearRecent: return 7
    case .flow: return 8
    case .combined: return 9
    }
  }

  // Equality and hashing by position, not by the raw-value string (the defaults a raw-value
  // enum gets compare and hash its string).
  public static func == (lhs: ForecastMethod, rhs: ForecastMethod) -> Bool {
    lhs.index == rhs.index
  }

  public func hash(into hasher: inout Hasher) { hasher.combine(index) }

  /// The simple baselines every backtest scores alongside the models.
  public static let baselines: [ForecastMethod] = [.naive, .drift, .linearRecent]

  /// The fitted models (not baselines).
  public static let models: [ForecastMethod] = [
    .auto, .pooled, .combined, .linear, .logLinear, .prevalence, .flow,
  ]

  /// The methods `auto` chooses among, in order of preference when equally good.
  public static let autoCandidates: [ForecastMethod] = [
    .pooled, .combined, .drift, .linearRecent, .naive,
  ]

  /// The methods `combined` averages, with equal weights.
  public static let combinedParts: [ForecastMethod] = [.pooled, .linearRecent]

  /// Whether the method needs a plan: a choice per setting type or calibrated intervals.
  public var usesPlan: Bool { self == .auto || self == .pooled || self == .combined }

  /// The trend model behind a fitted method (linear for the baselines, which do not use it).
  var trendKind: TrendKind {
    switch self {
    case .logLinear: return .logLinear
    case .prevalence: return .prevalence
    default: return .linear
    }
  }

  /// Whether the method needs the resident population.
  public var needsPopulation: Bool { self == .prevalence }

  /// Whether the method's setting types are scaled to sum to its total; baselines are
  /// scored as they are.
  public var reconcilesSettings: Bool { !Self.baselines.contains(self) }
}
