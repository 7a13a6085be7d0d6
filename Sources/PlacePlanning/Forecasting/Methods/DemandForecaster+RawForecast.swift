import ForecastCore
import Foundation

extension DemandForecaster {
  /// One method's forecasts by setting type, before intervals from a plan and reconciliation.
  struct RawForecast {
    var outcomes: PerSetting<SettingOutcome>
    var windowYears: [Int]
    var notes: [String]

    /// Whether every setting type forecast reaches `lastYear` (a forecast made before for a
    /// shorter horizon does not serve a longer one).
    func reaches(_ lastYear: Int) -> Bool {
      outcomes.allSatisfy {
        $0.value.points.isEmpty || ($0.value.points.last?.time ?? 0) >= lastYear
      }
    }

    /// The forecast with points after `lastYear` dropped.
    func through(_ lastYear: Int) -> RawForecast {
      guard outcomes.contains(where: { ($0.value.points.last?.time ?? lastYear) > lastYear })
      else { return self }
      var copy = self
      for (setting, outcome) in outcomes {
        copy.outcomes[setting]?.points = outcome.points.filter { $0.time <= lastYear }
      }
      return copy
    }

    func withNotes(_ earlier: [String]) -> RawForecast {
      var copy = self
      copy.notes = earlier + notes
      return copy
    }
  }

  func rawForecast(
    _ series: CaseloadHistory.Series, method: ForecastMethod, through: Int, horizon: Int,
    firstCensusYear: Int?
  ) throws(ForecastError) -> RawForecast {
    var notes: [String] = []
    let futureYears = Array((through + 1)...(through + horizon))
    let upToThrough = series.through(through)
    var outcomes = PerSetting<SettingOutcome>()

    if ForecastMethod.baselines.contains(method) {
      for setting in SettingType.allCases {
        if let baseline = baselineForecast(
          setting, method: method, records: upToThrough, through: through,
          futureYears: futureYears), !baseline.points.isEmpty
        {
          outcomes[setting] = baseline
        }
      }
      let years = upToThrough.map(\.censusYear).filter { $0 > through - 5 }
      return RawForecast(outcomes: outcomes, windowYears: years, notes: notes)
    }

    if method == .combined {
      return try combinedRawForecast(
        series, through: through, horizon: horizon, firstCensusYear: firstCensusYear)
    }

    if method == .flow {
      return try flowRawForecast(
        series, through: through, horizon: horizon, firstCensusYear: firstCensusYear)
    }

    if method == .pooled {
      guard let pooled = pooledGrowth,
        let total = pooled.total(series: series, through: through, horizon: horizon)
      else {
        notes.append("pooled growth needs England's and the LA's total at \(through); naive used")
        return try rawForecast(
          series, method: .naive, through: through, horizon: horizon,
          firstCensusYear: firstCensusYear
        ).withNotes(notes)
      }
      let flat = {
        (values: [Double], description: @escaping @Sendable () -> String) -> SettingOutcome in
        SettingOutcome(
          points: zip(futureYears, values).map {
            ForecastPoint(time: $0, mean: $1, lower80: $1, upper80: $1, lower95: $1, upper95: $1)
          }, hasIntervals: false, method: method.rawValue, description: description(), note: nil)
      }
      outcomes[.total] = flat(total.values, total.description)
      for (setting, share) in pooled.shares(series: series, through: through, totals: total.values)
      {
        outcomes[setting] = flat(share.values, share.description)
      }
      let years = upToThrough.map(\.censusYear).filter { $0 >= through - 4 }
      return RawForecast(outcomes: outcomes, windowYears: years, notes: notes)
    }

    var windowStart = firstCensusYear ?? Self.defaultFirstCensus(through: through)
    if firstCensusYear == nil, method.needsPopulation,
      let firstMidYear = population?.availableMidYears(
        for: series.codes.flatMap { LocalAuthorityCodes.aliases(of: $0) }
      ).first, firstMidYear + 1 > windowStart, through - (firstMidYear + 1) >= 2
    {
      windowStart = firstMidYear + 1
      notes.append(
        "window starts at the \(windowStart) census, the first with a population estimate (mid-\(firstMidYear))"
      )
    }
    let window = upToThrough.filter { $0.censusYear >= windowStart }
    let windowYears = window.map(\.censusYear)

    var historicPopulation: [Int: Double] = [:]
    var futurePopulation: [Int: Double] = [:]
    if method.needsPopulation {
      let populations = try populations(
        series: series, censusYears: windowYears, futureYears: futureYears, through: through)
      historicPopulation = populations.historic
      futurePopulation = populations.future
      notes.append(contentsOf: populations.notes)
    }
    for setting in SettingType.allCases {
      let points = window.compactMap { record in
        record[setting].map { (year: record.censusYear, value: $0) }
      }
      guard let lastPoint = points.last else {
        notes.append("\(setting.rawValue): no counts in the window; not forecast")
        continue
      }
      outcomes[setting] = fitSetting(
        setting, points: points, lastValue: lastPoint.value, method: method,
        historicPopulation: historicPopulation, futurePopulation: futurePopulation,
        futureYears: futureYears)
    }
    return RawForecast(outcomes: outcomes, windowYears: windowYears, notes: notes)
  }
}
