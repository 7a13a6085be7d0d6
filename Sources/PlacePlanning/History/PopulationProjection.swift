/// Projects the 0–25 population forward by ageing single-year estimates.
///
/// Cohort-change ratios (the Hamilton–Perry method): for ages a = 1…25,
/// ```
/// P(a, t+1) = P(a-1, t) × CCR(a),   CCR(a) = mean over the last k year pairs of P(a, s+1) / P(a-1, s)
/// ```
/// so survival and net migration are carried at their recent average. Age 0 is held at its
/// latest estimate (births flat). Year pairs that straddle the mid-2020 → mid-2021 series
/// break (pre-Census-2021 estimates against post-Census ones) are not used when at least one
/// later pair exists.
public struct PopulationProjection: Sendable {
  /// The number of recent year pairs averaged into each ratio.
  public let ratioYearPairs: Int
  /// The first mid-year after the ONS series break.
  public static let seriesBreakMidYear = 2021

  public init(ratioYearPairs: Int = 3) {
    self.ratioYearPairs = max(1, ratioYearPairs)
  }

  /// Projected ages 0…25 for each mid-year after the last estimate, through `lastMidYear`.
  ///
  /// - Parameter estimates: mid-year → ages 0…25 (26 values each), at least one year.
  /// - Returns: mid-year → projected ages; empty when `estimates` is empty.
  public func project(estimates: [Int: [Double]], through lastMidYear: Int) -> [Int: [Double]] {
    let years = estimates.keys.sorted()
    guard let baseYear = years.last, let base = estimates[baseYear] else { return [:] }
    let ratios = cohortChangeRatios(estimates: estimates, years: years)
    var projected: [Int: [Double]] = [:]
    var current = base
    var year = baseYear
    while year < lastMidYear {
      var next = [Double](repeating: 0, count: current.count)
      next[0] = current[0]
      for age in 1..<current.count {
        next[age] = current[age - 1] * ratios[age]
      }
      year += 1
      projected[year] = next
      current = next
    }
    return projected
  }

  /// The description printed with a forecast that used this projection.
  public func assumption(baseMidYear: Int) -> String {
    "population 0-25 projected from the ONS mid-\(baseMidYear) estimate by ageing single years "
      + "with cohort-change ratios averaged over the last \(ratioYearPairs) year pair(s) "
      + "(Hamilton-Perry); age 0 held at its mid-\(baseMidYear) level"
  }

  /// CCR(a) for a = 0…25 (index 0 unused, 1); 1 where no pair is available.
  func cohortChangeRatios(estimates: [Int: [Double]], years: [Int]) -> [Double] {
    let count = estimates[years.last ?? 0]?.count ?? PopulationEstimates.ages.count
    var pairs: [(Int, Int)] = []
    for year in years where estimates[year + 1] != nil { pairs.append((year, year + 1)) }
    let afterBreak = pairs.filter { $0.0 >= Self.seriesBreakMidYear }
    let usable = Array((afterBreak.isEmpty ? pairs : afterBreak).suffix(ratioYearPairs))
    var ratios = [Double](repeating: 1, count: count)
    guard !usable.isEmpty else { return ratios }
    for age in 1..<count {
      var sum = 0.0
      var used = 0
      for (from, to) in usable {
        guard let older = estimates[from], let newer = estimates[to], older[age - 1] > 0 else {
          continue
        }
        sum += newer[age] / older[age - 1]
        used += 1
      }
      if used > 0 { ratios[age] = sum / Double(used) }
    }
    return ratios
  }
}
