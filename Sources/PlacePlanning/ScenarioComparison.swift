import Foundation

/// Scenarios side by side: costs by year, differences against the first, NPV and payback.
public struct ScenarioComparison: Sendable {
  /// One scenario's projection and summary.
  public struct Entry: Sendable {
    public let scenario: Scenario
    /// Forecast years only (the baseline census year is the same in every scenario).
    public let years: [CostYear]
    /// Net present value of total cost over the years, £ at price-base prices.
    public let presentValueOfTotalCost: Double
    /// First year by which the discounted saving against the first scenario has paid back
    /// what it cost; nil when not within the horizon (or for the first scenario).
    public let paybackYear: AcademicYear?
    /// Whether it never cost more than the first scenario (so pays back at once).
    public let neverCostsMore: Bool
  }

  public let entries: [Entry]

  public init(scenarios: [Scenario], forecast: LAForecast, projector: CostProjector) {
    var entries: [Entry] = []
    var first: [CostYear] = []
    for (index, scenario) in scenarios.enumerated() {
      let years = projector.project(forecast, scenario: scenario).filter { $0.kind == .forecast }
      if index == 0 { first = years }
      let presentValue = projector.presentValue(years.map { ($0.academicYear, $0.totalCost) })
      var payback: AcademicYear?
      var neverMore = index > 0
      if index > 0 {
        var cumulative = 0.0
        var wasNegative = false
        for (offset, year) in years.enumerated() where offset < first.count {
          let saving = first[offset].totalCost - year.totalCost
          cumulative +=
            projector.presentValue([(year.academicYear, saving)])
            / pow(1 + projector.model.discountRate, Double(offset))
          if cumulative < 0 { wasNegative = true }
          if saving < 0 { neverMore = false }
          if wasNegative && cumulative >= 0 && payback == nil { payback = year.academicYear }
        }
        if !wasNegative { payback = years.first?.academicYear }
      }
      entries.append(
        Entry(
          scenario: scenario, years: years, presentValueOfTotalCost: presentValue,
          paybackYear: payback, neverCostsMore: neverMore))
    }
    self.entries = entries
  }
}
