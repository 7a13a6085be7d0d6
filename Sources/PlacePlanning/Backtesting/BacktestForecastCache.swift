/// Backtest forecasts already made, by LA, origin and method, to the longest scored horizon,
/// so that a rolling-origin backtest (one plan per origin, each backtesting the origins
/// before it) makes each forecast once. A forecast from an origin uses only data up to it,
/// so it is the same whichever later plan asks for it. One cache serves one forecaster (the
/// same history and inputs), and methods whose forecasts need no population beyond the
/// origin (`auto`'s candidates), as the backtester uses it.
public final class BacktestForecastCache {
  struct Key: Hashable {
    let laCode: String
    let origin: Int
  }

  /// The forecasts by method; nil where the method could not forecast the LA.
  var entries: [Key: [ForecastMethod: DemandForecaster.RawForecast?]] = [:]

  /// The backtest errors of every `auto` candidate by backtest origin, shared by the plans
  /// of `auto`, `pooled` and `combined` at every later origin.
  var originErrors: [Int: PlanEvidence.OriginErrors] = [:]

  /// The evidence of the plans at each origin (every `auto` candidate's errors).
  var evidence: [Int: PlanEvidence] = [:]

  public init() {}
}
