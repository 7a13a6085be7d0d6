import PlacePlanTestSupport
import PlacePlanningIO
import XCTest

@testable import PlacePlanning

final class PhaseSplitterTests: XCTestCase {
  /// Hand calculation on a made-up age profile: ages 10 and 11 only. 2024: age 10 = 100,
  /// age 11 = 50; 2025: age 10 = 110, age 11 = 120. CCR(11) = 120/100 = 1.2; CCR(10) needs
  /// age 9 in 2024 (0 < 5): age 10 is held at 110. 2026: age 10 = 110, age 11 = 110 × 1.2 =
  /// 132, so primary (5–10) has 110/242 and secondary (11–15) 132/242 of the 2026 forecast.
  func testAgeingByHand() throws {
    let table: [String: [Int: [SettingType: [Int: Double]]]] = [
      "E1": [2024: [.specialState: [10: 100, 11: 50]], 2025: [.specialState: [10: 110, 11: 120]]]
    ]
    let forecast = LAForecast(
      laCode: "E1", laName: "Test", throughYear: 2025, censusYearsUsed: [2025], method: .auto,
      rows: [
        ForecastRow(
          laCode: "E1", laName: "Test", setting: .specialState, censusYear: 2025, kind: .actual,
          value: 230),
        ForecastRow(
          laCode: "E1", laName: "Test", setting: .specialState, censusYear: 2026, kind: .forecast,
          value: 484,
          lower80: 400, upper80: 600, lower95: 350, upper95: 700, method: "pooled"),
      ], fits: [:], notes: [])
    let split = try XCTUnwrap(
      PhaseSplitter(ages: AgeCaseload(table: table)).split(forecast, codes: ["E1"]))
    let primary = try XCTUnwrap(
      split.rows.first { $0.phase == .primary && $0.row.censusYear == 2026 })
    let secondary = try XCTUnwrap(
      split.rows.first { $0.phase == .secondary && $0.row.censusYear == 2026 })
    XCTAssertEqual(primary.row.value, 484 * 110 / 242, accuracy: 1e-9)
    XCTAssertEqual(secondary.row.value, 484 * 132 / 242, accuracy: 1e-9)
    XCTAssertEqual(try XCTUnwrap(secondary.row.upper80), 600 * 132 / 242, accuracy: 1e-9)
    let actual = try XCTUnwrap(
      split.rows.first { $0.phase == .secondary && $0.row.censusYear == 2025 })
    XCTAssertEqual(actual.row.value, 120)
  }

  /// West Sussex's linear forecast, three years from January 2025, and its ages by setting.
  private func westSussex() throws -> (
    forecast: LAForecast, codes: [String], ages: AgeCaseload
  ) {
    let ages = try CaseloadByAgeReader.read(
      path: TestPaths.sample("ehcp_caseload_by_age_2024_2025.csv"))
    let records = try CaseloadReader.read(path: TestPaths.fixture("derived_extract.csv")).records
    let population = try PopulationReader.read(path: TestPaths.fixture("population_extract.csv"))
    let history = CaseloadHistory(records: records)
    let series = try XCTUnwrap(history.find("E10000032"))
    let forecast = try DemandForecaster(history: history, population: population)
      .forecast(series, options: .init(horizon: 3, method: .linear))
    return (forecast, series.codes, ages)
  }

  /// Real data: West Sussex's phases add up to each setting type's forecast.
  func testWestSussexPhasesAddUp() throws {
    let (forecast, codes, ages) = try westSussex()
    let split = try XCTUnwrap(PhaseSplitter(ages: ages).split(forecast, codes: codes))
    // January 2025, state special: published age rows sum to the 2,147 of the setting total.
    let special2025 = split.rows.filter {
      $0.row.setting == .specialState && $0.row.censusYear == 2025
    }
    XCTAssertEqual(special2025.map(\.row.value).reduce(0, +), 2147)
    for setting in SettingType.allCases {
      for year in 2026...2028 {
        let phases = split.rows.filter { $0.row.setting == setting && $0.row.censusYear == year }
        guard
          let whole = forecast.rows.first(where: { $0.setting == setting && $0.censusYear == year })
        else { continue }
        XCTAssertEqual(
          phases.map(\.row.value).reduce(0, +), whole.value, accuracy: 1e-6 * max(1, whole.value),
          "\(setting) \(year)")
      }
    }
    // No phase's interval is narrower than its own counting noise, μ ± 1.2816 √μ (80%) and
    // μ ± 1.96 √μ (95%), lower ends floored at 0 (tolerance 1e-9 for rounding).
    for item in split.rows where item.row.kind == .forecast {
      let value = item.row.value
      let noise = value.squareRoot()
      XCTAssertLessThanOrEqual(
        item.row.lower80 ?? .nan, max(0, value - 1.2815 * noise) + 1e-9, "\(item)")
      XCTAssertGreaterThanOrEqual(item.row.upper80 ?? .nan, value + 1.2815 * noise, "\(item)")
      XCTAssertGreaterThanOrEqual(item.row.upper95 ?? .nan, value + 1.9599 * noise, "\(item)")
      XCTAssertLessThanOrEqual(
        item.row.lower95 ?? .nan, max(0, value - 1.9599 * noise) + 1e-9, "\(item)")
    }
    // All settings' phases are the setting types' phases added up (each setting type ages
    // on its own, so the total's own ageing would disagree with them).
    for year in 2026...2028 {
      for phase in AgePhase.allCases {
        let inPhase = split.rows.filter { $0.row.censusYear == year && $0.phase == phase }
        let parts = inPhase.filter { SettingType.additiveParts.contains($0.row.setting) }
        let total = try XCTUnwrap(inPhase.first { $0.row.setting == .total })
        XCTAssertEqual(
          total.row.value, parts.map(\.row.value).reduce(0, +), accuracy: 1e-6 * total.row.value)
      }
    }
  }

  /// Real data: with West Sussex's 2024 flows by age, every phase's January 2025 is its
  /// cohort less ceased plus new plans plus residual; the components add up to the
  /// published all-ages flows; and for all settings together the residual is small.
  func testWestSussexComponentsReconcile() throws {
    let (forecast, codes, ages) = try westSussex()
    let flows = try AgeFlowsReader.read(
      newPlans: TestPaths.sample("ehcp_newplans_2019_2024.csv"),
      ceased: TestPaths.sample("ehcp_ceased_plans_2022_2024.csv"))
    let split = try XCTUnwrap(
      PhaseSplitter(ages: ages, flows: flows).split(forecast, codes: codes))
    XCTAssertTrue(split.note.contains("components"), split.note)
    for item in split.reconciliation {
      XCTAssertEqual(
        item.stock, item.cohort - item.ceased + item.newPlans + item.residual, accuracy: 1e-9)
    }
    let total = split.reconciliation.filter { $0.setting == .total }
    // Published West Sussex 2024 rows: 1,788 new plans by age at start (the age rows add up
    // to the total) and 226 ceased plans by age.
    XCTAssertEqual(total.map(\.newPlans).reduce(0, +), 1788, accuracy: 1e-9)
    XCTAssertEqual(total.map(\.ceased).reduce(0, +), 226, accuracy: 1e-9)
    XCTAssertEqual(total.map(\.stock).reduce(0, +), 9301, accuracy: 1e-9)
    // What the flows leave unexplained is under 2% of the January 2025 caseload.
    XCTAssertLessThan(abs(total.map(\.residual).reduce(0, +)), 0.02 * 9301)
    // The phases still add up to each setting type's forecast.
    for setting in SettingType.allCases {
      for year in 2026...2028 {
        let phases = split.rows.filter { $0.row.setting == setting && $0.row.censusYear == year }
        guard
          let whole = forecast.rows.first(where: { $0.setting == setting && $0.censusYear == year })
        else { continue }
        XCTAssertEqual(
          phases.map(\.row.value).reduce(0, +), whole.value, accuracy: 1e-6 * max(1, whole.value))
      }
    }
  }
}
