/// Splits a forecast by setting type into age phases by ageing the caseload's single years.
///
/// From the LA's counts by age for setting type s at the last two censuses with an age
/// breakdown, T−1 and T, the cohort-change ratio of age a is
/// ```
/// CCR_s(a) = n_s(a, T) / n_s(a − 1, T − 1)        (a ≥ 3; "under 3" held at its level)
/// n_s(a, t + 1) = n_s(a − 1, t) · CCR_s(a)
/// ```
/// which carries, by age, the net effect of new plans, cessations and moves between setting
/// types over the last year. Where the cohort a year younger had fewer than 5 children (so
/// an age is filled by new plans rather than by ageing, as at 3 and 4), the age's count is
/// held at its latest level instead. Each year's phase shares of the aged counts then split the setting
/// type's forecast, and its interval, in proportion:
/// `x̂_{s,p}(t) = x̂_s(t) · Σ_{a∈p} n_s(a,t) / Σ_a n_s(a,t)`, so phases add up to the setting.
public struct PhaseSplitter: Sendable {
  public let ages: AgeCaseload
  /// Ratios from fewer children than this use the all-settings ratio.
  public static let minimumCohort = 5.0

  public init(ages: AgeCaseload) {
    self.ages = ages
  }

  /// Phase rows for every setting type and year of the forecast; nil when the LA has fewer
  /// than two censuses with an age breakdown up to the forecast's origin.
  public func split(_ forecast: LAForecast, codes: [String]) -> (
    rows: [PhaseForecastRow], note: String
  )? {
    let years = ages.censusYears(codes: codes).filter { $0 <= forecast.throughYear }
    guard let last = years.last, years.contains(last - 1) else { return nil }
    var result: [PhaseForecastRow] = []
    for setting in SettingType.allCases {
      guard let now = ages.counts(codes: codes, censusYear: last, setting: setting),
        let before = ages.counts(codes: codes, censusYear: last - 1, setting: setting)
      else { continue }
      let ratios = Self.ratios(now: now, before: before)
      var aged: [Int: [Int: Double]] = [last: now]
      let futureYears = forecast.rows.filter { $0.setting == setting && $0.kind == .forecast }
        .map(\.censusYear).sorted()
      var current = now
      if let lastYear = futureYears.last, lastYear > last {
        for year in (last + 1)...lastYear {
          var next: [Int: Double] = [AgeCaseload.youngestAge: current[AgeCaseload.youngestAge] ?? 0]
          for age in (AgeCaseload.youngestAge + 1)...AgeCaseload.ages.upperBound {
            if let ratio = ratios[age] {
              next[age] = (current[age - 1] ?? 0) * ratio
            } else {
              next[age] = current[age] ?? 0
            }
          }
          aged[year] = next
          current = next
        }
      }
      for row in forecast.rows where row.setting == setting {
        let counts: [Int: Double]?
        if row.kind == .actual {
          counts = ages.counts(codes: codes, censusYear: row.censusYear, setting: setting)
        } else {
          counts = aged[row.censusYear]
        }
        guard let counts else { continue }
        let total = AgeCaseload.ages.reduce(0.0) { $0 + (counts[$1] ?? 0) }
        for phase in AgePhase.allCases {
          let inPhase = phase.ages.reduce(0.0) { $0 + (counts[$1] ?? 0) }
          let share = total > 0 ? inPhase / total : 0
          var phaseRow = row
          if row.kind == .actual {
            phaseRow.value = inPhase
          } else {
            phaseRow = row.scaled(by: share)
          }
          result.append(PhaseForecastRow(row: phaseRow, phase: phase, share: share))
        }
      }
    }
    let note =
      "phases: census counts by single year of age (\(last - 1) and \(last)) aged forward with "
      + "cohort-change ratios from \(last - 1) to \(last); each setting type's forecast split "
      + "by its aged phase shares (phases: 0-4, 5-10, 11-15, 16-18, 19-25)"
    return (result, note)
  }

  /// CCR(a) for a ≥ 3; absent where the cohort a year earlier was under `minimumCohort`
  /// (that age is then held at its level).
  static func ratios(now: [Int: Double], before: [Int: Double]) -> [Int: Double] {
    var ratios: [Int: Double] = [:]
    for age in (AgeCaseload.youngestAge + 1)...AgeCaseload.ages.upperBound {
      let earlier = before[age - 1] ?? 0
      if earlier >= minimumCohort { ratios[age] = (now[age] ?? 0) / earlier }
    }
    return ratios
  }
}
