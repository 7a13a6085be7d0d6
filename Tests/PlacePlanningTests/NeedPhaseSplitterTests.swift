import PlacePlanTestSupport
import PlacePlanningIO
import XCTest

@testable import PlacePlanning

/// Need within age phase by iterative proportional fitting.
final class NeedPhaseSplitterTests: XCTestCase {
  /// Two-way IPF keeps the seed's odds ratio and meets both margins. By hand: seed
  /// [[4, 1], [2, 3]] (odds ratio 6), rows 10 and 20, columns 12 and 18; with a = x₀₀,
  /// a(8 + a) = 6(10 − a)(12 − a), so a = 14 − √52.
  func testRakeByHand() {
    let raked = NeedPhaseSplitter.rake([[4, 1], [2, 3]], phase: [10, 20], need: [12, 18])
    let a = 14 - 52.0.squareRoot()
    XCTAssertEqual(raked[0][0], a, accuracy: 1e-9)
    XCTAssertEqual(raked[0][1], 10 - a, accuracy: 1e-9)
    XCTAssertEqual(raked[1][0], 12 - a, accuracy: 1e-9)
    XCTAssertEqual(raked[1][1], 8 + a, accuracy: 1e-9)
  }

  /// West Sussex: every setting type, phase and year adds up over needs to the phase split,
  /// and over phases to the need split; at the census, all placements' need by phase is
  /// close to the need file's own (the three published margins are not quite consistent:
  /// they come from different tables of the release).
  func testWestSussexMeetsItsMargins() throws {
    let forecaster = try sampleForecaster()
    let series = try XCTUnwrap(forecaster.history.series.first { $0.laCode == "E10000032" })
    let forecast = try forecaster.forecast(
      series, options: DemandForecaster.Options(throughYear: 2025, horizon: 5, method: .pooled))
    let census = try NeedReader.read(path: TestPaths.sample("ehcp_needs_all_plans_2025.csv"))
    let newPlans = try NeedReader.read(path: TestPaths.sample("ehcp_need_newplans_2024.csv"))
    let needs = try XCTUnwrap(
      NeedSplitter(caseload: census, newPlans: newPlans).split(forecast, codes: series.codes))
    let ages = try CaseloadByAgeReader.read(
      path: TestPaths.sample("ehcp_caseload_by_age_2024_2025.csv"))
    let phases = try XCTUnwrap(PhaseSplitter(ages: ages).split(forecast, codes: series.codes))
    let rows = NeedPhaseSplitter.split(
      forecast, phases: phases.rows, needs: needs.rows, census: census, codes: series.codes)
    XCTAssertEqual(rows.count, 9 * 6 * 5 * 13)
    for item in phases.rows where item.row.censusYear >= 2025 {
      let cells = rows.filter {
        $0.row.setting == item.row.setting && $0.row.censusYear == item.row.censusYear
          && $0.phase == item.phase
      }
      let sum = cells.reduce(0.0) { $0 + $1.row.value }
      XCTAssertEqual(sum, item.row.value, accuracy: max(0.05, 1e-3 * item.row.value))
    }
    for item in needs.rows {
      let cells = rows.filter {
        $0.row.setting == item.row.setting && $0.row.censusYear == item.row.censusYear
          && $0.need == item.need
      }
      let sum = cells.reduce(0.0) { $0 + $1.row.value }
      XCTAssertEqual(
        sum, item.row.value, accuracy: max(0.05, 2e-3 * item.row.value),
        "\(item.row.setting) \(item.need) \(item.row.censusYear)")
    }
    // All placements' ASD aged 5-10 in January 2025, published by age: the sum of ages 5-10.
    let cells = try XCTUnwrap(census.ages(codes: series.codes))
    let published = (5...10).reduce(0.0) { $0 + (cells[$1]?.counts[.asd] ?? 0) }
    let estimated = rows.first {
      $0.row.setting == .total && $0.row.censusYear == 2025 && $0.phase == .primary
        && $0.need == .asd
    }
    XCTAssertEqual(estimated?.row.value ?? 0, published, accuracy: 0.03 * published)
  }
}
