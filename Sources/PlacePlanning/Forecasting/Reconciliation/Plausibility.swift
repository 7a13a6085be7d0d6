import Foundation

/// Checks of a forecast against what any LA has been seen to do, so an implausible number is
/// flagged in the table and the provenance rather than passed on.
///
/// Two checks, each a note on the LA's forecast:
/// - **prevalence**: forecast EHCPs per resident aged 0–25, `ŷ(t) / P(t−1)`, above the highest
///   prevalence any LA in the file has had at a census up to the origin;
/// - **share**: a setting type's share of the total moving more than `shareMovePoints`
///   percentage points between the origin and the last forecast year.
public struct Plausibility: Sendable {
  /// The largest move of a setting type's share, percentage points, that passes unflagged.
  public static let shareMovePoints = 10.0

  /// The observed prevalences: census year, LA name, EHCPs per resident aged 0–25.
  let observed: [(censusYear: Int, laName: String, prevalence: Double)]

  public init(history: CaseloadHistory, population: PopulationEstimates?) {
    var observed: [(censusYear: Int, laName: String, prevalence: Double)] = []
    if let population {
      for series in history.series {
        let codes = series.codes.flatMap { LocalAuthorityCodes.aliases(of: $0) }
        for record in series.records {
          guard let total = record[.total], total > 0,
            let residents = population.total0to25(for: codes, midYear: record.censusYear - 1),
            residents > 0
          else { continue }
          observed.append((record.censusYear, series.laName, total / residents))
        }
      }
    }
    self.observed = observed
    // The maximum up to each census year seen, found once (a backtest asks per forecast).
    let years = Set(observed.map(\.censusYear)).sorted()
    maximumByYear = years.compactMap { year in
      observed.filter { $0.censusYear <= year }.max { $0.prevalence < $1.prevalence }
        .map { (year, $0) }
    }
  }

  /// For each census year seen, the highest prevalence at a census up to it.
  let maximumByYear: [(year: Int, maximum: (censusYear: Int, laName: String, prevalence: Double))]

  /// The highest prevalence at a census up to `through`, with where and when it was seen.
  public func maximumPrevalence(through: Int) -> (
    censusYear: Int, laName: String, prevalence: Double
  )? {
    maximumByYear.last { $0.year <= through }?.maximum
  }

  /// Notes for one LA's reconciled forecast rows: totals above the observed maximum
  /// prevalence (given its future population 0–25 by census year) and share moves.
  public func notes(
    forecasts: [SettingType: [ForecastRow]], origin: CaseloadRecord?, through: Int,
    futurePopulation: [Int: Double]?
  ) -> [String] {
    var notes: [String] = []
    let totals = forecasts[.total] ?? []
    if let maximum = maximumPrevalence(through: through), let futurePopulation {
      let above = totals.filter { row in
        guard let residents = futurePopulation[row.censusYear], residents > 0 else { return false }
        return row.value / residents > maximum.prevalence
      }
      if let first = above.first, let residents = futurePopulation[first.censusYear] {
        notes.append(
          String(
            format:
              "PLAUSIBILITY: from %d the forecast is %.2f%% of residents aged 0-25, above the "
              + "highest prevalence any LA has had (%.2f%%, ", first.censusYear,
            100 * first.value / residents, 100 * maximum.prevalence)
            + "\(maximum.laName) in \(maximum.censusYear)); treat those years as a scenario, "
            + "not a forecast")
      }
    } else if futurePopulation == nil {
      notes.append("prevalence not checked: no population for the forecast years")
    }
    guard let origin, let originTotal = origin[.total], originTotal > 0,
      let lastTotal = totals.last, lastTotal.value > 0
    else { return notes }
    for setting in SettingType.additiveParts {
      guard let count = origin[setting], let last = forecasts[setting]?.last else { continue }
      let before = 100 * count / originTotal
      let after = 100 * last.value / lastTotal.value
      if abs(after - before) > Self.shareMovePoints {
        notes.append(
          String(
            format: "PLAUSIBILITY: " + setting.rawValue
              + " moves from %.1f%% to %.1f%% of the total by %d "
              + "(more than %.0f points); check it against local knowledge",
            before, after, last.censusYear, Self.shareMovePoints))
      }
    }
    return notes
  }
}
