import ForecastCore

/// Scores the flow forecasts one year ahead on every LA: requests, the request → plan
/// conversion (%), new plans and ceased plans in calendar year O, and the January O+1
/// caseload, each forecast at origin census
/// January O (flows of calendar years ≤ O−1 only), against what was published, beside the
/// naive forecast (last year's value).
///
/// ```
/// APE = 100 |forecast − actual| / actual        (cases with actual > 0)
/// ```
/// summarised as the median across LAs and origins. Skill is pooled across LAs, as for
/// `auto`: one LA has at most five origins.
public struct PipelineBacktest: Sendable {
  /// One measure's score.
  public struct Score: Sendable, Equatable {
    public let measure: PipelineMeasure
    /// Cases scored (LA × origin).
    public let count: Int
    /// Median APE of the flow forecast and of the naive forecast, %.
    public let medianAPE: Double?
    public let naiveMedianAPE: Double?
    /// Median APE with the request → plan conversion trended (`ConversionRule.dampedTrend`)
    /// instead of flat, %; for the conversion itself, new plans and the caseload only.
    public let trendedConversionMedianAPE: Double?
    public let origins: [Int]
  }

  /// The measures scored, in output order.
  public static let measures: [PipelineMeasure] = [
    .requests, .requestToPlanPercent, .newPlans, .ceased, .caseload,
  ]

  public let scores: [Score]
  /// One-step log errors `ln(actual / forecast)` of the flow forecast by measure, for
  /// intervals (see `EmpiricalIntervals`).
  public let logErrors: [PipelineMeasure: [Double]]

  /// One measure of one LA at one origin: the flow forecast, the naive one and (for the
  /// conversion, new plans and the caseload) the flow forecast with the conversion trended,
  /// each against the same outturn.
  struct Case: Sendable {
    let measure: PipelineMeasure
    let origin: Int
    let flow: ForecastOutcome
    let naive: ForecastOutcome
    let trended: ForecastOutcome?
  }

  /// Scores origins from 2020 (the first with a flow year before it) to `through − 1`, only
  /// outturns published by census `through`: at each origin every LA on every core,
  /// gathered in the LAs' order (as `Backtester`), each case a `ForecastOutcome` summarised
  /// by `AccuracySummary`, the one error formula of every backtest.
  public init(forecaster: DemandForecaster, through: Int) {
    let first = FlowForecast.firstFlowYear + 1
    let originYears = first <= through - 1 ? Array(first...(through - 1)) : []
    let series = forecaster.history.series
    var cases: [Case] = []
    for origin in originYears {
      cases += parallelMap(series.count) {
        Self.cases(series[$0], origin: origin, forecaster: forecaster)
      }.flatMap { $0 }
    }
    scores = Self.measures.map { measure in
      let scored = cases.filter { $0.measure == measure }
      return Score(
        measure: measure, count: scored.count,
        medianAPE: AccuracySummary(scored.map(\.flow)).medianAPE,
        naiveMedianAPE: AccuracySummary(scored.map(\.naive)).medianAPE,
        trendedConversionMedianAPE: AccuracySummary(scored.compactMap(\.trended)).medianAPE,
        origins: Set(scored.map(\.origin)).sorted())
    }
    logErrors = Dictionary(grouping: cases, by: \.measure).mapValues { scored in
      scored.map { EmpiricalIntervals.logError(forecast: $0.flow.forecast, actual: $0.flow.actual) }
    }
  }

  /// One LA's cases at one origin: each measure with a flow forecast, an outturn above 0 and
  /// last year's value.
  static func cases(
    _ series: CaseloadHistory.Series, origin: Int, forecaster: DemandForecaster
  ) -> [Case] {
    guard let flow = forecaster.flowForecast(series, through: origin, horizon: 1),
      let year = flow.forecast.years.first
    else { return [] }
    let codes = series.codes.flatMap { LocalAuthorityCodes.aliases(of: $0) }
    let trended = forecaster.flowForecast(
      series, through: origin, horizon: 1, conversionRule: .dampedTrend)?.forecast.years.first
    let flows = forecaster.pipeline?.years(for: codes) ?? []
    let actual = flows.first { $0.calendarYear == origin }
    let previous = flows.first { $0.calendarYear == origin - 1 }
    let pairs: [(PipelineMeasure, Double?, Double?, Double?, Double?)] = [
      (.requests, year.requests, actual?.requests, previous?.requests, nil),
      (
        .requestToPlanPercent, 100 * year.conversion, actual?.requestToPlan.map { 100 * $0 },
        previous?.requestToPlan.map { 100 * $0 }, trended.map { 100 * $0.conversion }
      ),
      (.newPlans, year.newPlans, actual?.newPlans, previous?.newPlans, trended?.newPlans),
      (.ceased, year.ceased, actual?.ceased, previous?.ceased, nil),
      (
        .caseload, year.caseloadNextJanuary, series.count(of: .total, at: origin + 1),
        series.count(of: .total, at: origin), trended?.caseloadNextJanuary
      ),
    ]
    return pairs.compactMap { measure, forecast, outturn, naive, alternative -> Case? in
      guard let forecast, let outturn, let naive, outturn > 0 else { return nil }
      return Case(
        measure: measure, origin: origin,
        flow: ForecastOutcome(forecast: forecast, actual: outturn),
        naive: ForecastOutcome(forecast: naive, actual: outturn),
        trended: alternative.map { ForecastOutcome(forecast: $0, actual: outturn) })
    }
  }

  /// Intervals for a measure from its one-step errors, widened with the horizon as h^0.75;
  /// nil with fewer than `EmpiricalIntervals.minimumSample` errors.
  public func intervals(for measure: PipelineMeasure) -> EmpiricalIntervals? {
    EmpiricalIntervals(
      oneStepErrors: logErrors[measure] ?? [],
      fixedExponent: DemandForecaster.totalIntervalExponent)
  }
}
