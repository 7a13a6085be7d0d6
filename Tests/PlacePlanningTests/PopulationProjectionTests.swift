import XCTest

@testable import PlacePlanning

final class PopulationProjectionTests: XCTestCase {
  /// Hand calculation: ages grow by 1% a year between cohorts in both recent pairs, so each
  /// cohort-change ratio is 1.01 and a projected age a (a ≥ 1) is the age a−1 of the year
  /// before times 1.01; age 0 stays at its last value.
  func testCohortChangeRatiosByHand() {
    let base2022 = (0...25).map { 1000.0 + Double($0) }
    let base2023 = (0...25).map { $0 == 0 ? 1000.0 : base2022[$0 - 1] * 1.01 }
    let base2024 = (0...25).map { $0 == 0 ? 1000.0 : base2023[$0 - 1] * 1.01 }
    let projection = PopulationProjection(ratioYearPairs: 2)
    let projected = projection.project(
      estimates: [2022: base2022, 2023: base2023, 2024: base2024], through: 2026)
    XCTAssertEqual(Set(projected.keys), [2025, 2026])
    let year2025 = projected[2025] ?? []
    XCTAssertEqual(year2025[0], 1000)
    for age in 1...25 {
      XCTAssertEqual(year2025[age], base2024[age - 1] * 1.01, accuracy: 1e-9 * base2024[age - 1])
    }
  }

  /// Pairs across the mid-2020 → mid-2021 break are dropped when a later pair exists.
  func testPairsAcrossTheSeriesBreakAreNotUsed() {
    let flat = [Double](repeating: 1000, count: 26)
    let dropped = [Double](repeating: 900, count: 26)
    let projection = PopulationProjection(ratioYearPairs: 3)
    let projected = projection.project(
      estimates: [2020: flat, 2021: dropped, 2022: dropped], through: 2023)
    XCTAssertEqual(projected[2023]?[10] ?? 0, 900, accuracy: 1e-9)
  }
}
