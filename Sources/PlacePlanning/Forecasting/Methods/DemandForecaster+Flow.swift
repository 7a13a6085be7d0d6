import ForecastCore
import Foundation

extension DemandForecaster {
  /// The stock-flow forecast of an LA's total from origin census `through` (see
  /// `FlowForecast`), with the population it used; nil without the flow files or the data
  /// `FlowForecast.make` needs.
  ///
  /// Requests for calendar year Y are paired with the resident population 0–25 at mid-Y:
  /// estimates up to mid-(T−1), then the supplied projection or the estimates aged forward,
  /// as for the prevalence method. Without a population the requests counts are trended.
  public func flowForecast(
    _ series: CaseloadHistory.Series, through: Int, horizon: Int,
    conversionRule: FlowForecast.ConversionRule = .flat
  ) -> (forecast: FlowForecast, notes: [String])? {
    guard let pipeline else { return nil }
    let codes = series.codes.flatMap { LocalAuthorityCodes.aliases(of: $0) }
    let flows = pipeline.years(for: codes).filter { $0.calendarYear <= through - 1 }
    var caseload: [Int: Double] = [:]
    for record in series.through(through) {
      if let total = record[.total] { caseload[record.censusYear] = total }
    }
    // Calendar year Y ↔ mid-Y ↔ the census of Y+1 in `populations`' pairing.
    var midYearPopulation: [Int: Double]?
    var notes: [String] = []
    let pastCensuses = flows.map { $0.calendarYear + 1 }
      .filter { $0 >= FlowForecast.firstFlowYear + 1 }
    if population != nil,
      let found = try? populations(
        series: series, censusYears: pastCensuses,
        futureYears: Array((through + 1)...(through + horizon)), through: through)
    {
      var byMidYear: [Int: Double] = [:]
      for (census, value) in found.historic { byMidYear[census - 1] = value }
      for (census, value) in found.future { byMidYear[census - 1] = value }
      midYearPopulation = byMidYear
      notes.append(contentsOf: found.notes.filter { !$0.hasPrefix("census year Y paired") })
      notes.append("flow: requests in calendar year Y per resident 0-25 at mid-Y")
    } else {
      notes.append("flow: no population for every year; requests counts trended instead")
    }
    guard
      let forecast = FlowForecast.make(
        caseload: caseload, flows: flows, population: midYearPopulation, origin: through,
        horizon: horizon, conversionRule: conversionRule,
        requestsDamping: requestsDamping(through: through).damping)
    else { return nil }
    if forecast.ceasedRate == nil {
      notes.append(
        "flow: ceased plans are published from calendar year 2022; before then ceased plans "
          + "and the balancing term are forecast together as the identity's net outflow rate")
    }
    if forecast.requestsPerResident == false, midYearPopulation != nil {
      notes.append("flow: population incomplete for a flow year; requests counts trended")
    }
    return (forecast, notes)
  }

  /// The damping of the requests trend at origin January T, chosen on England's requests
  /// per resident aged 0–25 (calendar years 2019…T−1): from each last known year L ≥ 2020,
  /// the OLS log slope over 2019…L carried to every later known year (see `TrendDamping`).
  public func requestsDamping(through: Int) -> TrendDamping {
    let england = pipeline?.england ?? []
    var rates: [Int: Double] = [:]
    for year in england where year.calendarYear >= FlowForecast.firstFlowYear {
      guard let requests = year.requests, requests > 0,
        let residents = population?.total0to25(
          for: [CaseloadHistory.englandCode], midYear: year.calendarYear), residents > 0
      else { continue }
      rates[year.calendarYear] = requests / residents
    }
    return TrendDamping.choose(
      through: through - 1, firstOrigin: FlowForecast.firstFlowYear + 1,
      value: { rates[$0] },
      rate: { last in
        let points = rates.keys.sorted().filter { $0 <= last }.compactMap { year in
          rates[year].map { (x: Double(year), y: log($0)) }
        }
        return points.count >= 2 ? FlowForecast.logSlope(points) : nil
      })
  }

  /// The `flow` method for every setting type: the total from `flowForecast`, setting types
  /// on the pooled share path (`PooledGrowth.setting`: the LA's share moving with England's
  /// share trend and pulled gently towards it), or the LA's last shares without England's
  /// series. Falls back to naive, with a note, without the flow data.
  func flowRawForecast(
    _ series: CaseloadHistory.Series, through: Int, horizon: Int, firstCensusYear: Int?
  ) throws(ForecastError) -> RawForecast {
    let futureYears = Array((through + 1)...(through + horizon))
    guard let flow = flowForecast(series, through: through, horizon: horizon) else {
      return try rawForecast(
        series, method: .naive, through: through, horizon: horizon,
        firstCensusYear: firstCensusYear
      ).withNotes([
        "flow needs the SEN2 new plans and requests files and the census at \(through); naive used"
      ])
    }
    let totals = flow.forecast.years.map(\.caseloadNextJanuary)
    // Descriptions are written when read.
    let flat = {
      (values: [Double], description: @escaping @Sendable () -> String) -> SettingOutcome in
      SettingOutcome(
        points: zip(futureYears, values).map {
          ForecastPoint(time: $0, mean: $1, lower80: $1, upper80: $1, lower95: $1, upper95: $1)
        }, hasIntervals: false, method: ForecastMethod.flow.rawValue,
        description: description(), note: nil)
    }
    let model = flow.forecast
    var outcomes: PerSetting<SettingOutcome> = [.total: flat(totals, { model.description })]
    let origin = series.record(for: through)
    let shares = pooledGrowth?.shares(series: series, through: through, totals: totals) ?? [:]
    for setting in SettingType.allCases where setting != .total {
      if let share = shares[setting] {
        outcomes[setting] = flat(share.values, share.description)
      } else if let count = origin?[setting], let total = origin?[.total], total > 0 {
        outcomes[setting] = flat(
          totals.map { $0 * count / total },
          { String(format: "last share %.2f%% of total held", 100 * count / total) })
      }
    }
    let years = series.through(through).map(\.censusYear)
      .filter { $0 >= FlowForecast.firstFlowYear }
    return RawForecast(outcomes: outcomes, windowYears: years, notes: flow.notes)
  }
}
