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

  /// Scores origins from 2020 (the first with a flow year before it) to `through − 1`, only
  /// outturns published by census `through`.
  public init(forecaster: DemandForecaster, through: Int) {
    var forecastErrors: [PipelineMeasure: [Double]] = [:]
    var naiveErrors: [PipelineMeasure: [Double]] = [:]
    var trendedErrors: [PipelineMeasure: [Double]] = [:]
    var logErrors: [PipelineMeasure: [Double]] = [:]
    var origins: [PipelineMeasure: Set<Int>] = [:]
    let first = FlowForecast.firstFlowYear + 1
    let originYears = first <= through - 1 ? Array(first...(through - 1)) : []
    for origin in originYears {
      for series in forecaster.history.series {
        guard let flow = forecaster.flowForecast(series, through: origin, horizon: 1),
          let year = flow.forecast.years.first
        else { continue }
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
            .caseload, year.caseloadNextJanuary, series.record(for: origin + 1)?[.total],
            series.record(for: origin)?[.total], trended?.caseloadNextJanuary
          ),
        ]
        for (measure, forecast, outturn, naive, alternative) in pairs {
          guard let forecast, let outturn, let naive,
            let error = ForecastOutcome.absolutePercentageError(
              forecast: forecast, actual: outturn),
            let naiveError = ForecastOutcome.absolutePercentageError(
              forecast: naive, actual: outturn)
          else { continue }
          forecastErrors[measure, default: []].append(error)
          naiveErrors[measure, default: []].append(naiveError)
          if let alternative,
            let trendedError = ForecastOutcome.absolutePercentageError(
              forecast: alternative, actual: outturn)
          {
            trendedErrors[measure, default: []].append(trendedError)
          }
          logErrors[measure, default: []].append(
            EmpiricalIntervals.logError(forecast: forecast, actual: outturn))
          origins[measure, default: []].insert(origin)
        }
      }
    }
    scores = Self.measures.map { measure in
      Score(
        measure: measure, count: forecastErrors[measure]?.count ?? 0,
        medianAPE: AccuracySummary.median(forecastErrors[measure] ?? []),
        naiveMedianAPE: AccuracySummary.median(naiveErrors[measure] ?? []),
        trendedConversionMedianAPE: AccuracySummary.median(trendedErrors[measure] ?? []),
        origins: (origins[measure] ?? []).sorted())
    }
    self.logErrors = logErrors
  }

  /// Intervals for a measure from its one-step errors, widened with the horizon as h^0.75;
  /// nil with fewer than `EmpiricalIntervals.minimumSample` errors.
  public func intervals(for measure: PipelineMeasure) -> EmpiricalIntervals? {
    EmpiricalIntervals(
      oneStepErrors: logErrors[measure] ?? [],
      fixedExponent: DemandForecaster.totalIntervalExponent)
  }
}
