import PlacePlanTestSupport
import PlacePlanningIO
import XCTest

@testable import PlacePlanning

final class DemandForecasterTests: XCTestCase {
  private func loadHistory() throws -> (CaseloadHistory, PopulationEstimates) {
    let records = try CaseloadReader.read(path: TestPaths.fixture("derived_extract.csv")).records
    let population = try PopulationReader.read(path: TestPaths.fixture("population_extract.csv"))
    return (CaseloadHistory(records: records), population)
  }

  func testRecodedLAIsJoinedAndBoundaryChangeIsCut() throws {
    let (history, _) = try loadHistory()
    let buckinghamshire = try XCTUnwrap(history.find("E06000060"))
    XCTAssertEqual(buckinghamshire.laCode, "E10000002")  // the code on its latest census
    XCTAssertEqual(buckinghamshire.censusYears, Array(2010...2025))
    XCTAssertEqual(Set(buckinghamshire.codes), ["E10000002", "E06000060"])
    let bcp = try XCTUnwrap(history.find("bournemouth, christchurch and poole"))
    XCTAssertEqual(bcp.censusYears.first, 2020)
    XCTAssertNil(history.find("E99999999"))
  }

  /// The linear method's total is the OLS line through the 2019–2025 totals; expected values
  /// from numpy.linalg.lstsq and scipy.stats.t.ppf (run independently), tolerance 1e-6
  /// relative (far above rounding, far below any modelling change).
  func testLinearTotalMatchesIndependentFit() throws {
    let (history, population) = try loadHistory()
    let series = try XCTUnwrap(history.find("West Sussex"))
    let forecast = try DemandForecaster(history: history, population: population)
      .forecast(series, options: .init(horizon: 5, method: .linear))
    XCTAssertEqual(forecast.censusYearsUsed, Array(2019...2025))
    let totals = forecast.rows.filter { $0.setting == .total && $0.kind == .forecast }
    XCTAssertEqual(totals.map(\.censusYear), Array(2026...2030))
    let expected: [(Double, Double, Double, Double, Double)] = [
      (
        9240.142857142857, 8386.801019513749, 10093.484694771965, 7753.857380214602,
        10726.428334071112
      ),
      (
        9852.535714285714, 8922.62800565557, 10782.443422915858, 8232.89366549011,
        11472.177763081318
      ),
      (
        11689.714285714284, 10482.90668559882, 12896.521885829748, 9587.789206684183,
        13791.639364744386
      ),
    ]
    for (row, values) in zip([totals[0], totals[1], totals[4]], expected) {
      XCTAssertEqual(row.value, values.0, accuracy: 1e-6 * values.0)
      XCTAssertEqual(try XCTUnwrap(row.lower80), values.1, accuracy: 1e-6 * values.0)
      XCTAssertEqual(try XCTUnwrap(row.upper80), values.2, accuracy: 1e-6 * values.0)
      XCTAssertEqual(try XCTUnwrap(row.lower95), values.3, accuracy: 1e-6 * values.0)
      XCTAssertEqual(try XCTUnwrap(row.upper95), values.4, accuracy: 1e-6 * values.0)
    }
  }

  func testSettingTypesAddUpToTotalAndIntervalsNest() throws {
    let (history, population) = try loadHistory()
    let series = try XCTUnwrap(history.find("E10000032"))
    // Baselines are scored as they are, not scaled to their total.
    for method in ForecastMethod.allCases where method.reconcilesSettings {
      let forecast = try DemandForecaster(history: history, population: population)
        .forecast(series, options: .init(horizon: 5, method: method))
      let rows = forecast.rows.filter { $0.kind == .forecast }
      XCTAssertEqual(Set(rows.map(\.setting)), Set(SettingType.allCases), "\(method)")
      for year in 2026...2030 {
        let ofYear = rows.filter { $0.censusYear == year }
        let total = try XCTUnwrap(ofYear.first { $0.setting == .total }).value
        let parts = ofYear.filter { SettingType.additiveParts.contains($0.setting) }.map(\.value)
        XCTAssertEqual(parts.reduce(0, +), total, accuracy: 1e-9 * total, "\(method) \(year)")
        let mainstream = try XCTUnwrap(ofYear.first { $0.setting == .mainstream }).value
        let rp = try XCTUnwrap(ofYear.first { $0.setting == .rpSENUnit }).value
        XCTAssertLessThan(rp, mainstream)
      }
      for row in rows where row.lower80 != nil {
        let (l95, l80, u80, u95) = (
          row.lower95 ?? .nan, row.lower80 ?? .nan, row.upper80 ?? .nan, row.upper95 ?? .nan
        )
        XCTAssertTrue(
          0 <= l95 && l95 <= l80 && l80 <= row.value && row.value <= u80 && u80 <= u95,
          "\(method) \(row)")
      }
    }
  }

  /// A setting type under 20 at the origin is said to be too small to forecast on its own
  /// evidence, and its interval is wider than counting noise (it comes from other LAs'
  /// small counts), as the note says: Enfield's RP/SEN units fell to 5 in January 2025
  /// (SEN2); Poisson noise around 6 is about ±3 at 80%.
  func testSmallCountIsNotedAndItsIntervalIsWiderThanCountingNoise() throws {
    let forecaster = try sampleForecaster()
    let series = try XCTUnwrap(forecaster.history.find("E09000010"))
    XCTAssertEqual(series.record(for: 2025)?[.rpSENUnit], 5)
    let forecast = try forecaster.forecast(series, options: .init(horizon: 5, method: .auto))
    // Its AP/PRU (8) and early years (17) are under 20 too; nothing else is.
    let notes = forecast.notes.filter { $0.contains("too small to forecast on its own evidence") }
    XCTAssertEqual(
      notes.map { $0.prefix { $0 != "," } },
      ["rp_sen_unit: 5 at 2025", "ap_pru: 8 at 2025", "early_years: 17 at 2025"])
    let first = try XCTUnwrap(
      forecast.rows.first { $0.setting == .rpSENUnit && $0.censusYear == 2026 })
    let noise = 1.2816 * first.value.squareRoot()
    XCTAssertGreaterThan(try XCTUnwrap(first.upper80), first.value + 2 * noise)
  }

  /// A forecast through 2022 must not see later censuses: changing them changes nothing.
  func testThroughUsesOnlyEarlierCensuses() throws {
    let records = try CaseloadReader.read(path: TestPaths.fixture("derived_extract.csv")).records
    let population = try PopulationReader.read(path: TestPaths.fixture("population_extract.csv"))
    let altered = records.map { record -> CaseloadRecord in
      var copy = record
      if copy.censusYear > 2022 { copy.counts = copy.counts.mapValues { $0 * 3 } }
      return copy
    }
    let options = DemandForecaster.Options(throughYear: 2022, horizon: 3, method: .prevalence)
    let first = try DemandForecaster(
      history: CaseloadHistory(records: records), population: population
    )
    .forecast(try XCTUnwrap(CaseloadHistory(records: records).find("E10000032")), options: options)
    let second = try DemandForecaster(
      history: CaseloadHistory(records: altered), population: population
    )
    .forecast(try XCTUnwrap(CaseloadHistory(records: altered).find("E10000032")), options: options)
    XCTAssertEqual(first.rows.count, second.rows.count)
    for (a, b) in zip(first.rows, second.rows) where a != b { XCTFail("\(a) vs \(b)") }
    XCTAssertEqual(first.censusYearsUsed, Array(2019...2022))
    XCTAssertEqual(first.rows.filter { $0.kind == .forecast }.map(\.censusYear).first, 2023)
  }

  func testPopulationMissingForAYearIsAnError() throws {
    let (history, _) = try loadHistory()
    let text = try String(
      contentsOfFile: TestPaths.fixture("population_extract.csv"), encoding: .utf8)
    let withoutMid2020 = text.split(separator: "\n").filter { !$0.hasPrefix("2020,") }.joined(
      separator: "\n")
    let population = try PopulationReader.parse(text: withoutMid2020, file: "pop.csv")
    let series = try XCTUnwrap(history.find("E10000032"))
    XCTAssertThrowsError(
      try DemandForecaster(history: history, population: population)
        .forecast(series, options: .init(method: .prevalence))
    ) { error in
      XCTAssertEqual(
        error as? ForecastError,
        .populationMissing(laCode: "E10000032", midYear: 2020, censusYear: 2021))
    }
    // The trend methods do not need the population.
    XCTAssertNoThrow(
      try DemandForecaster(history: history, population: population)
        .forecast(series, options: .init(method: .logLinear)))
  }

  func testSeriesThatEndedAtABoundaryChangeIsExplained() throws {
    let records = try CaseloadReader.read(
      path: TestPaths.sharedFile("data/ehcp_sen2/derived_ehcp_caseload_by_la_setting_2010_2025.csv")
    ).records
    let history = CaseloadHistory(records: records)
    let cumbria = try XCTUnwrap(history.find("Cumbria"))
    XCTAssertThrowsError(
      try DemandForecaster(history: history, population: nil)
        .forecast(cumbria, options: .init(throughYear: 2025, method: .linear))
    ) { error in
      XCTAssertEqual(
        error as? ForecastError,
        .seriesEnded(
          laCode: "E10000006", lastCensus: 2023,
          reason: "Cumbria split April 2023; successors E06000063, E06000064"))
    }
  }
}
