import ForecastCore
import Foundation

/// Scenarios side by side: costs by year, differences against the first, NPV and payback,
/// each NPV and payback year with a 10–90% range.
///
/// The range comes from a seeded Monte Carlo like `CostSimulation`'s: each draw moves every
/// demand forecast to one quantile of its distribution and draws every cost assumption from
/// its range, and every scenario is costed on the same draw (common random numbers), so the
/// differences between scenarios are not swamped by uncertainty they share.
public struct ScenarioComparison: Sendable {
  /// One scenario's projection and summary.
  public struct Entry: Sendable {
    public let scenario: Scenario
    /// Forecast years only (the baseline census year is the same in every scenario).
    public let years: [CostYear]
    /// Net present value of total cost over the years, £ at price-base prices.
    public let presentValueOfTotalCost: Double
    /// First year by which the discounted saving against the first scenario has paid back
    /// what it cost; nil when not within the horizon, when the central projection changes
    /// nothing, or for the first scenario.
    public let paybackYear: AcademicYear?
    /// Whether it never cost more than the first scenario (so pays back at once, in the
    /// first year it differs from it).
    public let neverCostsMore: Bool
    /// Whether the central projection's costs equal the first scenario's in every year
    /// compared (no payback to speak of there).
    public let unchangedCentrally: Bool
    /// Whether they are equal in the central projection and in every draw: its changes
    /// start after the horizon, or never touch a cost.
    public var changesNothing: Bool
    /// The 10th and 90th percentiles of the NPV over the draws, £; nil without draws.
    public var presentValueRange: (p10: Double, p90: Double)?
    /// The 10th and 90th percentiles of the NPV less the first scenario's on the same draw,
    /// £ (negative: a saving); nil without draws or for the first scenario.
    public var differenceRange: (p10: Double, p90: Double)?
    /// The 10th and 90th percentiles of the payback year over the draws in which the
    /// scenario changes a cost (nil where it is beyond the horizon); nil without such draws
    /// or for the first scenario.
    public var paybackRange: (early: AcademicYear?, late: AcademicYear?)?
  }

  public let entries: [Entry]
  /// Monte Carlo draws behind the ranges (0: none) and their seed.
  public let draws: Int
  public let seed: UInt64

  /// `forecasts` gives each scenario its own demand (the child-level model run under each
  /// scenario's changes), in the order of `scenarios`; nil: `forecast` for every one.
  public init(
    scenarios: [Scenario], forecast: LAForecast, projector: CostProjector, draws: Int = 0,
    seed: UInt64 = 20_250_101, forecasts: [LAForecast]? = nil
  ) {
    let demand = scenarios.indices.map { index in
      forecasts.flatMap { index < $0.count ? $0[index] : nil } ?? forecast
    }
    let central = zip(scenarios, demand).map { scenario, forecast in
      projector.project(forecast, scenario: scenario).filter { $0.kind == .forecast }
    }
    let summaries = Self.summarise(central, projector: projector)
    var entries = zip(scenarios, zip(central, summaries)).map { scenario, item in
      Entry(
        scenario: scenario, years: item.0, presentValueOfTotalCost: item.1.npv,
        paybackYear: item.1.payback, neverCostsMore: item.1.neverMore,
        unchangedCentrally: item.1.unchanged, changesNothing: item.1.unchanged)
    }
    if draws > 0 {
      var generator = SeededGenerator(seed: seed)
      var npvs = [[Double]](repeating: [], count: scenarios.count)
      var paybacks = [[Int]](repeating: [], count: scenarios.count)
      let beyond = Int.max
      for _ in 0..<draws {
        let z = generator.standardNormal()
        let values = AssumptionValues.draw(projector.model, using: &generator)
        // Every scenario's demand at the same quantile z (common random numbers).
        let years = zip(scenarios, demand).map { scenario, forecast in
          projector.project(
            CostSimulation.drawDemand(forecast, z: z), scenario: scenario, values: values
          ).filter { $0.kind == .forecast }
        }
        for (index, summary) in Self.summarise(years, projector: projector).enumerated() {
          npvs[index].append(summary.npv)
          // A draw in which nothing changes has no payback; it is left out of the range.
          if !summary.unchanged { paybacks[index].append(summary.payback?.startYear ?? beyond) }
        }
      }
      for index in entries.indices {
        if let low = AccuracySummary.quantile(npvs[index], 0.1),
          let high = AccuracySummary.quantile(npvs[index], 0.9)
        {
          entries[index].presentValueRange = (low, high)
        }
        guard index > 0 else { continue }
        let differences = zip(npvs[index], npvs[0]).map { $0 - $1 }
        if let low = AccuracySummary.quantile(differences, 0.1),
          let high = AccuracySummary.quantile(differences, 0.9)
        {
          entries[index].differenceRange = (low, high)
        }
        entries[index].changesNothing = entries[index].unchangedCentrally && paybacks[index].isEmpty
        let sorted = paybacks[index].sorted()
        guard !sorted.isEmpty else { continue }
        func year(_ probability: Double) -> AcademicYear? {
          guard !sorted.isEmpty else { return nil }
          let position = min(
            sorted.count - 1, Int((probability * Double(sorted.count - 1)).rounded()))
          let start = sorted[position]
          return start == beyond ? nil : AcademicYear(startYear: start)
        }
        entries[index].paybackRange = (year(0.1), year(0.9))
      }
    }
    self.entries = entries
    self.draws = max(0, draws)
    self.seed = seed
  }

  /// A warning for each scenario after the first that changes no cost in the years compared,
  /// in the central projection or any draw (a `from` year after the horizon, say).
  public var unchangedWarnings: [String] {
    guard let first = entries.first, let start = first.years.first?.academicYear,
      let end = first.years.last?.academicYear
    else { return [] }
    return entries.dropFirst().filter(\.changesNothing).map {
      "scenario \($0.scenario.name) costs the same as \(first.scenario.name) in every year "
        + "\(start)-\(end), in every draw: its changes start after these years or touch no "
        + "cost; check its from years, or compare over a longer --horizon"
    }
  }

  /// NPV, payback against the first scenario and whether a scenario never costs more, for
  /// each scenario's years.
  static func summarise(_ scenarios: [[CostYear]], projector: CostProjector) -> [(
    npv: Double, payback: AcademicYear?, neverMore: Bool, unchanged: Bool
  )] {
    let first = scenarios.first ?? []
    return scenarios.enumerated().map { index, years in
      let presentValue = projector.presentValue(years.map { ($0.academicYear, $0.totalCost) })
      guard index > 0 else { return (presentValue, nil, false, false) }
      var payback: AcademicYear?
      var neverMore = true
      var cumulative = 0.0
      var wasNegative = false
      // The first year the scenario differs from the first (by more than half a penny): a
      // scenario that never costs more pays back then, not in the years before it starts.
      var firstEffect: AcademicYear?
      for (offset, year) in years.enumerated() where offset < first.count {
        let saving = first[offset].totalCost - year.totalCost
        if firstEffect == nil && abs(saving) > 0.005 { firstEffect = year.academicYear }
        cumulative +=
          projector.presentValue([(year.academicYear, saving)])
          / pow(1 + projector.model.discountRate, Double(offset))
        if cumulative < 0 { wasNegative = true }
        if saving < 0 { neverMore = false }
        if wasNegative && cumulative >= 0 && payback == nil { payback = year.academicYear }
      }
      if !wasNegative { payback = firstEffect }
      return (presentValue, payback, neverMore, firstEffect == nil)
    }
  }
}
