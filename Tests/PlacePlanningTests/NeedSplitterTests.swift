import PlacePlanTestSupport
import PlacePlanningIO
import XCTest

@testable import PlacePlanning

/// The split of setting-type forecasts by primary need.
final class NeedSplitterTests: XCTestCase {
  /// One year of the need mix, by hand: 100 plans half ASD half SEMH; new plans 20% ASD,
  /// 80% SEMH at 10% of the stock a year.
  func testStepByHand() {
    let shares: [PrimaryNeed: Double] = [.asd: 0.5, .semh: 0.5]
    let intake: [PrimaryNeed: Double] = [.asd: 0.2, .semh: 0.8]
    // Growth to 110: A = min(0.1·100, 110) = 10, C = 10 − 10 = 0;
    // ASD = 0.5·(100 − 0) + 0.2·10 = 52, SEMH = 50 + 8 = 58.
    let grown = NeedSplitter.step(shares, from: 100, to: 110, intake: intake, rate: 0.1)
    XCTAssertEqual(grown[.asd] ?? 0, 52.0 / 110, accuracy: 1e-12)
    XCTAssertEqual(grown[.semh] ?? 0, 58.0 / 110, accuracy: 1e-12)
    // Decline to 80 at 30% intake: A = 30, C = 30 + 20 = 50; ASD = 0.5·50 + 0.2·30 = 31,
    // SEMH = 25 + 24 = 49 (sum 80).
    let fallen = NeedSplitter.step(shares, from: 100, to: 80, intake: intake, rate: 0.3)
    XCTAssertEqual(fallen[.asd] ?? 0, 31.0 / 80, accuracy: 1e-12)
    XCTAssertEqual(fallen[.semh] ?? 0, 49.0 / 80, accuracy: 1e-12)
    // Growth beyond new plans (to 150): C = 10 − 50 = −40, moves in take the stock's mix:
    // ASD = 0.5·140 + 2 = 72, SEMH = 70 + 8 = 78.
    let surge = NeedSplitter.step(shares, from: 100, to: 150, intake: intake, rate: 0.1)
    XCTAssertEqual(surge[.asd] ?? 0, 72.0 / 150, accuracy: 1e-12)
    // New plans can't exceed the year's caseload: to 5 at 10% → A = min(10, 5) = 5,
    // C = 5 + 95 = 100, all of the stock leaves; the mix is the new plans'.
    let collapse = NeedSplitter.step(shares, from: 100, to: 5, intake: intake, rate: 0.1)
    XCTAssertEqual(collapse[.asd] ?? 0, 0.2, accuracy: 1e-12)
  }

  /// Suppressed needs share what the published ones leave, by England's mix.
  func testSuppressedCellsFilledByEnglandsMix() {
    let cell = NeedCell(total: 20, counts: [.asd: 10, .semh: 4])
    let filled = cell.completed(fallback: [.asd: 500, .hi: 30, .msi: 10])
    XCTAssertEqual(filled[.asd], 10)
    // Remainder 6 over the 11 suppressed needs; England has HI 30 and MSI 10 of them.
    XCTAssertEqual(filled[.hi] ?? 0, 4.5, accuracy: 1e-12)
    XCTAssertEqual(filled[.msi] ?? 0, 1.5, accuracy: 1e-12)
    XCTAssertEqual(filled[.pd], 0)
  }

  /// Every LA with a need breakdown: the January 2025 rows equal the published counts
  /// where not suppressed, every setting type's needs add up to its forecast within 1% in
  /// every year (they are shares of it, so within rounding), intervals are split by the
  /// same shares, and no need is negative.
  func testEveryLASplitsToItsForecast() throws {
    let forecaster = try sampleForecaster()
    let census = try NeedReader.read(path: TestPaths.sample("ehcp_needs_all_plans_2025.csv"))
    let newPlans = try NeedReader.read(path: TestPaths.sample("ehcp_need_newplans_2024.csv"))
    let splitter = NeedSplitter(caseload: census, newPlans: newPlans)
    let options = DemandForecaster.Options(throughYear: 2025, horizon: 5, method: .pooled)
    let plan = forecaster.plan(method: .pooled, through: 2025)
    var split = 0
    for series in forecaster.history.series {
      guard series.records.last?.censusYear == 2025 else { continue }
      let forecast = try forecaster.forecast(series, options: options, plan: plan)
      guard let result = try splitter.split(forecast, codes: series.codes) else { continue }
      split += 1
      for row in forecast.rows where row.censusYear >= 2025 {
        let needs = result.rows.filter {
          $0.row.setting == row.setting && $0.row.censusYear == row.censusYear
        }
        guard !needs.isEmpty else { continue }
        XCTAssertEqual(needs.count, PrimaryNeed.allCases.count)
        let sum = needs.reduce(0.0) { $0 + $1.row.value }
        XCTAssertEqual(
          sum, row.value, accuracy: max(0.5, 0.01 * row.value),
          "\(series.laName) \(row.setting.rawValue) \(row.censusYear)")
        XCTAssertTrue(needs.allSatisfy { $0.row.value >= 0 })
        // Each need's upper bound is its share of the setting type's, or its own counting
        // noise, μ + 1.2816 √μ, where that is wider.
        if let upper = row.upper80, row.kind == .forecast {
          for item in needs {
            let value = item.row.value
            let expected = max(
              upper * value / max(row.value, 1e-300), value + CountingNoise.z80 * value.squareRoot()
            )
            XCTAssertEqual(
              item.row.upper80 ?? .nan, expected, accuracy: 1e-6 * max(1, upper),
              "\(series.laName) \(item.need)")
          }
        }
        if row.kind == .actual, let cell = census.cell(codes: series.codes, setting: row.setting) {
          for item in needs {
            if let published = cell.counts[item.need] {
              XCTAssertEqual(item.row.value, published, "\(series.laName) \(item.need)")
            }
          }
        }
      }
    }
    XCTAssertGreaterThanOrEqual(split, 150)
  }

  /// A forecast from before the need census can't be split by it (the mix is later data).
  func testCensusAfterOriginIsRefused() throws {
    let forecaster = try sampleForecaster()
    let census = try NeedReader.read(path: TestPaths.sample("ehcp_needs_all_plans_2025.csv"))
    let series = try XCTUnwrap(forecaster.history.series.first { $0.laCode == "E10000032" })
    let forecast = try forecaster.forecast(
      series, options: DemandForecaster.Options(throughYear: 2022, horizon: 3, method: .linear))
    XCTAssertThrowsError(
      try NeedSplitter(caseload: census, newPlans: nil).split(forecast, codes: series.codes)
    ) { error in
      XCTAssertTrue("\(error)".contains("--through 2025"), "\(error)")
    }
  }
}
