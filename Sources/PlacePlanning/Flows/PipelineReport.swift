import Foundation

/// One LA's EHC pipeline: the published history by calendar year with its rates and the
/// flow identity's residual, the flow forecast, and a plain-English summary.
///
/// Rates: per 10,000 residents aged 0–25 at mid-year of the calendar year (ONS);
/// request → assessment = decided to assess ÷ requests; assessment → plan = assessments
/// issued ÷ (issued + not issued); request → plan = new plans ÷ requests; ceased rate =
/// ceased ÷ the January caseload of the same year.
public struct PipelineReport: Sendable {
  public let laCode: String
  public let laName: String
  /// The origin census: flows of calendar years ≤ `through − 1` are history.
  public let through: Int
  public let rows: [PipelineRow]
  /// The flow forecast's formula and fitted terms.
  public let fit: String
  public let summary: String
  public let notes: [String]

  /// Builds the report of one LA; nil when the LA has no flow years.
  public static func build(
    series: CaseloadHistory.Series, forecaster: DemandForecaster, through: Int, horizon: Int,
    backtest: PipelineBacktest?, ages: (caseload: AgeCaseload, flows: AgeFlows)? = nil
  ) -> PipelineReport? {
    let codes = series.codes.flatMap { LocalAuthorityCodes.aliases(of: $0) }
    let flows = (forecaster.pipeline?.years(for: codes) ?? []).filter {
      $0.calendarYear <= through - 1
    }
    guard !flows.isEmpty else { return nil }
    var rows: [PipelineRow] = []
    func add(
      _ measure: PipelineMeasure, _ year: Int, _ value: Double?, kind: PipelineRow.Kind = .actual,
      band: (Double, Double)? = nil
    ) {
      guard let value, value.isFinite else { return }
      rows.append(
        PipelineRow(
          laCode: series.laCode, laName: series.laName, measure: measure, year: year,
          kind: kind, value: value, lower80: band?.0, upper80: band?.1))
    }
    let caseload = { (year: Int) in series.count(of: .total, at: year) }
    for year in flows {
      let y = year.calendarYear
      let population = forecaster.population?.total0to25(for: codes, midYear: y)
      add(.requests, y, year.requests)
      add(.requestsPer10k, y, per10k(year.requests, population))
      add(.decidedToAssess, y, year.decidedToAssess)
      add(.decidedNotToAssess, y, year.decidedNotToAssess)
      add(.assessments, y, year.assessments)
      add(.assessIssued, y, year.assessIssued)
      add(.assessNotIssued, y, year.assessNotIssued)
      add(.newPlans, y, year.newPlans)
      add(.newPlansPer10k, y, per10k(year.newPlans, population))
      add(.within20WeeksPercent, y, year.within20WeeksPercent)
      add(.within20WeeksExceptionsExcludedPercent, y, year.within20WeeksExceptionsExcludedPercent)
      add(.requestToAssessmentPercent, y, year.requestToAssessment.map { 100 * $0 })
      add(.assessmentToPlanPercent, y, year.assessmentToPlan.map { 100 * $0 })
      add(.requestToPlanPercent, y, year.requestToPlan.map { 100 * $0 })
      add(.ceased, y, year.ceased)
      for reason in CeasedReason.allCases {
        add(.ceased(reason), y, year.ceasedByReason[reason])
      }
      add(.ceasedRatePercent, y, PipelineYear.ratio(year.ceased, caseload(y)).map { 100 * $0 })
      if let ages, let ceasedByAge = ages.flows.ceased(codes: codes, calendarYear: y),
        let census = ages.caseload.counts(codes: codes, censusYear: y, setting: .total)
      {
        for phase in AgePhase.allCases {
          let rate = CohortComponents.ceasedRate(
            phase: phase, ceasedByAge: ceasedByAge, census: census)
          add(.ceasedRate(phase), y, rate.map { 100 * $0 })
        }
      }
    }
    let firstFlow = flows.first?.calendarYear ?? through
    for record in series.through(through) where record.censusYear >= firstFlow {
      add(.caseload, record.censusYear, record[.total])
    }
    for year in flows {
      let y = year.calendarYear
      guard let start = caseload(y), let next = caseload(y + 1), let newPlans = year.newPlans,
        let ceased = year.ceased
      else { continue }
      add(.flowResidual, y, next - start - newPlans + ceased)
    }

    var notes = flows.flatMap(\.notes)
    var fit =
      "no flow forecast: needs requests and new plans before \(through) and the \(through) census"
    let flow = forecaster.flowForecast(series, through: through, horizon: horizon)
    if let flow {
      fit = flow.forecast.description
      notes += flow.notes
      for (index, year) in flow.forecast.years.enumerated() {
        let band = { (measure: PipelineMeasure, value: Double) -> (Double, Double)? in
          backtest?.intervals(for: measure).map {
            let interval = $0.interval(around: value, horizon: index + 1)
            return (interval.lower80, interval.upper80)
          }
        }
        let y = year.calendarYear
        add(.requests, y, year.requests, kind: .forecast, band: band(.requests, year.requests))
        add(.newPlans, y, year.newPlans, kind: .forecast, band: band(.newPlans, year.newPlans))
        add(.requestToPlanPercent, y, 100 * year.conversion, kind: .forecast)
        if let ceased = year.ceased {
          add(.ceased, y, ceased, kind: .forecast, band: band(.ceased, ceased))
        }
        if flow.forecast.ceasedRate != nil {
          add(.flowResidual, y, flow.forecast.balance, kind: .forecast)
        }
        add(
          .caseload, y + 1, year.caseloadNextJanuary, kind: .forecast,
          band: band(.caseload, year.caseloadNextJanuary))
      }
    }
    if let last = flow?.forecast.years.last,
      let pooled = forecaster.pooledGrowth?.total(
        series: series, through: through, horizon: flow?.forecast.years.count ?? 0),
      let chosen = LongRunBend.bent(pooled.values, scored: DemandForecaster.scoredHorizons).last,
      chosen > 0
    {
      notes.append(
        String(
          format:
            "one story: the flow identity gives %.0f EHCPs in January %d, the forecast command's "
            + "pooled total (the one places, dashboard, report and scenario use) %.0f, %+.1f%% "
            + "apart. The flow carries this LA's requests trend through new plans; the forecast "
            + "follows England's damped growth and scores better beyond one year (backtest "
            + "--methods flow,auto). Plan on the forecast; read the flow as the mechanism.",
          last.caseloadNextJanuary, last.calendarYear + 1, chosen,
          100 * (last.caseloadNextJanuary / chosen - 1)))
    }
    if (flows.first?.calendarYear ?? 0) < 2022 {
      notes.append("ceased plans are published from calendar year 2022 only")
    }
    var summary = summarise(
      series: series, flows: flows, england: forecaster.pipeline?.england ?? [],
      flow: flow?.forecast, caseload: caseload, through: through)
    let byAge = rows.filter { $0.kind == .actual && $0.measure.ceasedPhase != nil }
    if let year = byAge.map(\.year).max() {
      let rates = AgePhase.allCases.compactMap { phase -> String? in
        byAge.first { $0.year == year && $0.measure == .ceasedRate(phase) }.map {
          String(format: "%.1f%% at %@", $0.value, phase.ageLabel)
        }
      }
      summary +=
        " Plans ceased in \(year) as a share of those held at each age: "
        + rates.joined(separator: ", ") + "."
    }
    return PipelineReport(
      laCode: series.laCode, laName: series.laName, through: through, rows: rows, fit: fit,
      summary: summary, notes: notes)
  }

  static func per10k(_ count: Double?, _ population: Double?) -> Double? {
    guard let count, let population, population > 0 else { return nil }
    return 10_000 * count / population
  }

  /// A paragraph: requests trend, request → plan against England, assessment → plan,
  /// timeliness, ceased plans and the identity's residual.
  static func summarise(
    series: CaseloadHistory.Series, flows: [PipelineYear], england: [PipelineYear],
    flow: FlowForecast?, caseload: (Int) -> Double?, through: Int
  ) -> String {
    var parts: [String] = []
    let percent = { (value: Double) in String(format: "%.0f%%", 100 * value) }
    if let flow {
      let span = flow.requestsYears.first.map { "\($0)-\(flow.requestsYears.last ?? $0)" } ?? ""
      let direction = flow.requestsGrowth >= 0 ? "rising" : "falling"
      parts.append(
        "requests for an assessment are \(direction) \(String(format: "%.0f%%", abs(100 * flow.requestsGrowth))) a year"
          + (flow.requestsPerResident ? " per resident aged 0-25" : "") + " (trend \(span))")
    }
    let nationalYear = { (year: Int) in england.first { $0.calendarYear == year } }
    if let latest = flows.last(where: { $0.requestToPlan != nil }),
      let rate = latest.requestToPlan
    {
      var text = "\(percent(rate)) of requests led to a plan in \(latest.calendarYear)"
      if let national = nationalYear(latest.calendarYear)?.requestToPlan {
        text += " against \(percent(national)) nationally"
      }
      parts.append(text + " (new plans / requests in the year)")
    }
    if let latest = flows.last(where: { $0.assessmentToPlan != nil }),
      let rate = latest.assessmentToPlan
    {
      var text = "\(percent(rate)) of assessments ended with a plan"
      if let national = nationalYear(latest.calendarYear)?.assessmentToPlan {
        text += " (England \(percent(national)))"
      }
      parts.append(text)
    }
    if let latest = flows.last(where: { $0.within20WeeksPercent != nil }),
      let share = latest.within20WeeksPercent
    {
      var text = String(format: "%.0f%% of new plans were issued within 20 weeks", share)
      if let national = nationalYear(latest.calendarYear)?.within20WeeksPercent {
        text += String(format: " (England %.0f%%)", national)
      }
      parts.append(text)
    }
    if let latest = flows.last(where: { $0.ceased != nil }), let ceased = latest.ceased,
      let january = caseload(latest.calendarYear), january > 0
    {
      parts.append(
        String(format: "%.0f", ceased) + " plans ceased in \(latest.calendarYear), "
          + String(format: "%.1f%%", 100 * ceased / january) + " of the January caseload")
    }
    if let flow, flow.ceasedRate != nil, !flow.residuals.isEmpty {
      let years = flow.residuals.keys.sorted()
      let span = years.count == 1 ? "\(years[0])" : "\(years[0])-\(years[years.count - 1])"
      parts.append(
        String(
          format: "new plans less ceased plans miss the census change by %+.0f EHCPs a year",
          flow.balance)
          + " (mean \(span); transfers in and timing), the flow forecast's balancing term")
    }
    guard !parts.isEmpty else { return "\(series.laName): no flow data before \(through)." }
    return "\(series.laName): " + parts.joined(separator: "; ") + "."
  }
}
