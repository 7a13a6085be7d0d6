import ForecastCore

/// Backtests the child-level model on the LA's own history: for each cut-off year Y (every
/// transition year but the last), fit on the transitions up to Y, start from the caseload
/// of January Y+1, project to the last observed January and compare the totals with what
/// was observed, beside two naive baselines.
///
/// ```
/// observed(t)     = transitions of year t−1 ending in the caseload (January t's closing
///                   count; the first year's opening count where there is no year before)
/// naive last      = observed(Y+1)
/// naive growth    = observed(Y+1) × (observed(Y+1) / observed(Y))^h
/// ```
/// at horizon h = t − (Y+1).
public enum ChildValidation {
  public struct Row: Sendable, Equatable {
    public let cutoffYear: Int
    public let calendarYear: Int
    public let horizon: Int
    public let actual: Double
    public let mean: Double
    public let lower95: Double
    public let upper95: Double
    public let naiveLast: Double
    public let naiveGrowth: Double
  }

  /// The observed caseload at each January the transitions cover.
  public static func observed(_ transitions: [ChildTransition]) -> [Int: Double] {
    var closing: [Int: Double] = [:]
    var opening: [Int: Double] = [:]
    for transition in transitions {
      if transition.to != nil { closing[transition.calendarYear + 1, default: 0] += 1 }
      if transition.from != nil { opening[transition.calendarYear, default: 0] += 1 }
    }
    var result = opening
    for (year, count) in closing { result[year] = count }
    return result
  }

  public static func run(
    transitions: [ChildTransition], population: ChildPopulation, valid: ValidStates,
    simulations: Int, seed: UInt64, priorStrength: Double = 2,
    joinerPopulation: TransitionModel.JoinerPopulation = .yearBefore
  ) -> [Row] {
    let years = Set(transitions.map(\.calendarYear)).sorted()
    guard let first = years.first, let last = years.last, last > first else { return [] }
    let observed = observed(transitions)
    var rows: [Row] = []
    for cutoff in first..<last {
      let model = TransitionModel(
        transitions: transitions, population: population, valid: valid, years: first...cutoff,
        priorStrength: priorStrength, joinerPopulation: joinerPopulation)
      let start = ChildProjection.stock(transitions, year: cutoff)
      let projected = ChildProjection(model: model, population: population).run(
        start: start, startYear: cutoff + 1, years: last - cutoff, simulations: simulations,
        seed: seed, by: .total
      ).rows
      let base = observed[cutoff + 1] ?? 0
      let before = observed[cutoff] ?? base
      let growth = before > 0 ? base / before : 1
      for row in projected where row.calendarYear > cutoff + 1 {
        guard let actual = observed[row.calendarYear] else { continue }
        let horizon = row.calendarYear - cutoff - 1
        var factor = 1.0
        for _ in 0..<horizon { factor *= growth }
        rows.append(
          Row(
            cutoffYear: cutoff, calendarYear: row.calendarYear, horizon: horizon, actual: actual,
            mean: row.mean, lower95: row.lower95, upper95: row.upper95, naiveLast: base,
            naiveGrowth: base * factor))
      }
    }
    return rows
  }

  /// Mean absolute percentage error of the model and the baselines, and how many 95%
  /// intervals held the actual.
  public static func summary(_ rows: [Row]) -> (
    model: Double, naiveLast: Double, naiveGrowth: Double, covered: Int, count: Int
  ) {
    func mape(_ value: (Row) -> Double) -> Double {
      let errors = rows.compactMap {
        ForecastOutcome.absolutePercentageError(forecast: value($0), actual: $0.actual)
      }
      return errors.isEmpty ? 0 : errors.reduce(0, +) / Double(errors.count)
    }
    return (
      mape(\.mean), mape(\.naiveLast), mape(\.naiveGrowth),
      rows.filter { $0.lower95 <= $0.actual && $0.actual <= $0.upper95 }.count, rows.count
    )
  }
}
