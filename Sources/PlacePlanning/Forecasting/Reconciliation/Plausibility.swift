import Foundation

/// Checks of a forecast against what any LA has been seen to do, so an implausible number is
/// flagged in the table and the provenance rather than passed on.
///
/// Three checks, each a note on the LA's forecast:
/// - **prevalence**: forecast EHCPs per resident aged 0–25, `ŷ(t) / P(t−1)`, above the highest
///   prevalence any LA in the file has had at a census up to the origin;
/// - **share**: a setting type's share of the total moving more than `shareMovePoints`
///   percentage points between the origin and the last forecast year;
/// - **a jump in the first year**: a setting type of `jumpMinimumCount` or more at the origin
///   forecast to move more than `jumpShare` (40%) in the first year, up or down (a method
///   that draws a line through a census that spiked, say);
/// - **a break at the origin**: the LA's total changing at the last census by more than
///   `breakLogChange` on the log scale against England's change that year,
///   `|ln(y(T)/y(T−1)) − ln(N(T)/N(T−1))| > 0.25`. Every forecast starts from the last
///   census, so a return that lost or double-counted plans carries into every year.
public struct Plausibility: Sendable {
  /// The largest move of a setting type's share, percentage points, that passes unflagged.
  public static let shareMovePoints = 10.0
  /// The largest log change of an LA's total relative to England's in the year of the origin
  /// that passes unflagged: 0.25, about 28% apart. Six LA-years of about 1,500 in the
  /// censuses 2016–2025 go beyond it (derived SEN2 series), among them Newham's −56% in 2025
  /// (England +10.8%) and Nottingham's +54% in 2024 (1,371 to 2,115).
  public static let breakLogChange = 0.25
  /// The largest first-year move of a setting type of `jumpMinimumCount` or more that passes
  /// unflagged: 40%. Three LAs' "other" exceed it from January 2025 (Central Bedfordshire
  /// 213 to 355, after censuses of 131, 961, 346 and 213 in 2022-2025).
  public static let jumpShare = 0.40
  public static let jumpMinimumCount = 100.0

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
    var nationalTotals: [Int: Double] = [:]
    for record in history.englandSeries?.records ?? [] {
      if let total = record[.total], total > 0 { nationalTotals[record.censusYear] = total }
    }
    self.nationalTotals = nationalTotals
    // The maximum up to each census year seen, found once (a backtest asks per forecast).
    let years = Set(observed.map(\.censusYear)).sorted()
    maximumByYear = years.compactMap { year in
      observed.filter { $0.censusYear <= year }.max { $0.prevalence < $1.prevalence }
        .map { (year, $0) }
    }
  }

  /// England's total by census year.
  let nationalTotals: [Int: Double]

  /// For each census year seen, the highest prevalence at a census up to it.
  let maximumByYear: [(year: Int, maximum: (censusYear: Int, laName: String, prevalence: Double))]

  /// The highest prevalence at a census up to `through`, with where and when it was seen.
  public func maximumPrevalence(through: Int) -> (
    censusYear: Int, laName: String, prevalence: Double
  )? {
    maximumByYear.last { $0.year <= through }?.maximum
  }

  /// Notes for one LA's reconciled forecast rows, the checks of the type's documentation in
  /// turn: a break at the origin (`previous` is the census before it), totals above the
  /// observed maximum prevalence (given the future population 0–25 by census year), a jump
  /// in the first year, and share moves.
  public func notes(
    forecasts: PerSetting<[ForecastRow]>, origin: CaseloadRecord?,
    previous: CaseloadRecord? = nil, through: Int, futurePopulation: [Int: Double]?
  ) -> [String] {
    var notes: [String] = []
    if let note = breakNote(origin: origin, previous: previous) { notes.append(note) }
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
    for setting in SettingType.additiveParts {
      guard let origin, let count = origin[setting], count >= Self.jumpMinimumCount,
        let first = forecasts[setting]?.first(where: { $0.kind == .forecast }),
        first.censusYear == origin.censusYear + 1, abs(first.value / count - 1) > Self.jumpShare
      else { continue }
      notes.append(
        String(
          format: "PLAUSIBILITY: " + setting.rawValue
            + " moves %+.0f%% in the first year (%.0f to %.0f in %d), more than %.0f%%; "
            + "check its recent censuses for a spike or a change of recording",
          100 * (first.value / count - 1), count, first.value, first.censusYear,
          100 * Self.jumpShare))
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

  /// The note on a break at the origin (see the type's documentation), nil when the last
  /// change is within `breakLogChange` of England's or cannot be measured.
  func breakNote(origin: CaseloadRecord?, previous: CaseloadRecord?) -> String? {
    guard let origin, let previous, previous.censusYear == origin.censusYear - 1,
      let now = origin[.total], now > 0, let before = previous[.total], before > 0,
      let englandNow = nationalTotals[origin.censusYear],
      let englandBefore = nationalTotals[previous.censusYear]
    else { return nil }
    let local = log(now / before)
    let england = log(englandNow / englandBefore)
    guard abs(local - england) > Self.breakLogChange else { return nil }
    return String(
      format:
        "PLAUSIBILITY: the total moved %+.1f%% from January %d to January %d (%.0f to %.0f) "
        + "against England's %+.1f%%; a change this far from England's is more often a "
        + "change in the LA's return than in demand, and every forecast year starts from it: "
        + "check the January %d count with the LA's SEN2 return before using this forecast",
      100 * expm1(local), previous.censusYear, origin.censusYear, before, now,
      100 * expm1(england), origin.censusYear)
  }
}
