import Foundation

extension DemandForecaster {
  struct Populations {
    var historic: [Int: Double]
    var future: [Int: Double]
    var notes: [String]
  }

  func populations(
    series: CaseloadHistory.Series, censusYears: [Int], futureYears: [Int], through: Int
  ) throws(ForecastError) -> Populations {
    let codes = series.codes.flatMap { LocalAuthorityCodes.aliases(of: $0) }
    var historic: [Int: Double] = [:]
    for year in censusYears {
      guard let total = population?.total0to25(for: codes, midYear: year - 1) else {
        throw .populationMissing(laCode: series.laCode, midYear: year - 1, censusYear: year)
      }
      historic[year] = total
    }
    var future: [Int: Double] = [:]
    var notes: [String] = []
    var projectedYears: [Int] = []
    for year in futureYears {
      if let supplied = populationProjection?.total0to25(for: codes, midYear: year - 1) {
        future[year] = supplied
        projectedYears.append(year - 1)
      }
    }
    if !projectedYears.isEmpty {
      notes.append(
        "population 0-25 for mid-\(projectedYears.min() ?? 0)-\(projectedYears.max() ?? 0) from the supplied projection"
      )
    }
    let missing = futureYears.filter { future[$0] == nil }
    if !missing.isEmpty {
      var estimates: [Int: [Double]] = [:]
      for midYear in population?.midYears ?? [] where midYear <= through - 1 {
        if let ages = population?.ages(for: codes, midYear: midYear) {
          estimates[midYear] = ages
        }
      }
      guard let base = estimates.keys.max() else {
        throw .populationMissing(laCode: series.laCode, midYear: through - 1, censusYear: through)
      }
      let lastNeeded = (missing.max() ?? through) - 1
      let projected = ageing.project(estimates: estimates, through: lastNeeded)
      for year in missing {
        let midYear = year - 1
        let ages = midYear <= base ? estimates[midYear] : projected[midYear]
        guard let ages else {
          throw .populationMissing(laCode: series.laCode, midYear: midYear, censusYear: year)
        }
        future[year] = ages.reduce(0, +)
      }
      notes.append(ageing.assumption(baseMidYear: base))
    }
    notes.append("census year Y paired with the ONS mid-(Y-1) population estimate")
    return Populations(historic: historic, future: future, notes: notes)
  }
}
