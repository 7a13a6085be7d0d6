import PlacePlanTestSupport
import PlacePlanning
import PlacePlanningIO
import XCTest

/// The stock-flow identity and forecast on West Sussex's published numbers.
final class PipelineFlowTests: XCTestCase {
  /// West Sussex total EHCPs at the January censuses 2019–2025 (SEN2, derived by-setting
  /// file in SampleData).
  static let caseload: [Int: Double] = [
    2019: 5297, 2020: 5711, 2021: 6003, 2022: 6346, 2023: 7192, 2024: 7684, 2025: 9301,
  ]

  /// The requests, new plans and ceased plans extracts (West Sussex and England).
  static func pipeline() throws -> PipelineHistory {
    try PipelineReader.read(
      PipelineReader.Paths(files: [
        .requests: TestPaths.fixture("pipeline_requests_extract.csv"),
        .newPlans: TestPaths.fixture("pipeline_newplans_extract.csv"),
        .ceased: TestPaths.fixture("pipeline_ceased_plans_extract.csv"),
      ]))
  }

  static func flows() throws -> [PipelineYear] {
    try pipeline().years(for: ["E10000032"])
  }

  func testIdentityResidualsByHand() throws {
    let flow = try XCTUnwrap(
      FlowForecast.make(
        caseload: Self.caseload, flows: Self.flows(), population: nil, origin: 2025, horizon: 1))
    // C(Y+1) − C(Y) − N(Y) + X(Y), published numbers:
    //   2022: 7192 − 6346 − 695 + 449 = 600
    //   2023: 7684 − 7192 − 761 + 353 =  84
    //   2024: 9301 − 7684 − 1788 + 226 = 55
    XCTAssertEqual(flow.residuals, [2022: 600, 2023: 84, 2024: 55])
    // B = (600 + 84 + 55) / 3 = 246.33…
    XCTAssertEqual(flow.balance, 739.0 / 3, accuracy: 1e-9)
    // c = (449 + 353 + 226) / (6346 + 7192 + 7684) = 1028 / 21222 = 0.0484403
    XCTAssertEqual(try XCTUnwrap(flow.ceasedRate), 1028.0 / 21222, accuracy: 1e-12)
    // k = (695 + 761 + 1788) / (1735 + 1946 + 2448) = 3244 / 6129 = 0.529287
    XCTAssertEqual(flow.conversion, 3244.0 / 6129, accuracy: 1e-12)
    // OLS slope of ln(requests) on year, 2019–2024 (791, 800, 1377, 1735, 1946, 2448),
    // computed independently in Python 3: β = 0.2441857765; R̂(2025) = 2448 e^β = 3125.071,
    // N̂ = 3125.071 × k = 1654.060, C(2026) = 9301 + 1654.060 − c·9301 + B = 10750.850.
    let year = try XCTUnwrap(flow.years.first)
    XCTAssertEqual(year.calendarYear, 2025)
    XCTAssertEqual(year.requests, 3125.071432, accuracy: 1e-5)
    XCTAssertEqual(year.newPlans, 1654.059671, accuracy: 1e-5)
    XCTAssertEqual(year.caseloadNextJanuary, 10750.849795, accuracy: 1e-5)
    XCTAssertFalse(flow.requestsPerResident)
  }

  /// The damped conversion trend, checked against numpy: yearly N/R for 2019–2024 are
  /// 764/791, 649/800, 678/1377, 695/1735, 761/1946, 1788/2448; `np.polyfit` gives slope
  /// b = −0.0722783369 and the line at 2024 0.4512237957, so k(2025) = 0.4512238 + 0.5b =
  /// 0.4150846 and k(2026) = 0.4512238 + 0.75b = 0.3970150.
  func testDampedConversionTrendByHand() throws {
    let flow = try XCTUnwrap(
      FlowForecast.make(
        caseload: Self.caseload, flows: Self.flows(), population: nil, origin: 2025, horizon: 2,
        conversionRule: .dampedTrend))
    XCTAssertEqual(flow.years[0].conversion, 0.4150846272, accuracy: 1e-9)
    XCTAssertEqual(flow.years[1].conversion, 0.3970150430, accuracy: 1e-9)
    XCTAssertEqual(flow.years[0].newPlans, flow.years[0].requests * 0.4150846272, accuracy: 1e-5)
    // The flat rule holds k = 3244 / 6129 in both years.
    let flat = try XCTUnwrap(
      FlowForecast.make(
        caseload: Self.caseload, flows: Self.flows(), population: nil, origin: 2025, horizon: 2))
    XCTAssertEqual(flat.years.map(\.conversion), [3244.0 / 6129, 3244.0 / 6129])
  }

  func testBeforeCeasedDataTheNetOutflowIsUsed() throws {
    let flow = try XCTUnwrap(
      FlowForecast.make(
        caseload: Self.caseload, flows: Self.flows(), population: nil, origin: 2022, horizon: 2))
    // No ceased year ≤ 2021: o = Σ[C(y) + N(y) − C(y+1)] / Σ C(y), y = 2019–2021:
    //   (5297 + 764 − 5711) + (5711 + 649 − 6003) + (6003 + 678 − 6346) = 350 + 357 + 335 = 1042
    //   o = 1042 / (5297 + 5711 + 6003) = 1042 / 17011 = 0.0612545
    XCTAssertNil(flow.ceasedRate)
    XCTAssertEqual(try XCTUnwrap(flow.netOutflowRate), 1042.0 / 17011, accuracy: 1e-12)
    XCTAssertEqual(flow.balance, 0)
    XCTAssertEqual(flow.years.map(\.calendarYear), [2022, 2023])
  }

  func testOnlyFlowsPublishedByTheOriginAreUsed() throws {
    let flows = try Self.flows()
    let base = FlowForecast.make(
      caseload: Self.caseload, flows: flows, population: nil, origin: 2023, horizon: 2)
    var altered = flows
    for index in altered.indices where altered[index].calendarYear >= 2023 {
      altered[index].requests = 1
      altered[index].newPlans = 99_999
      altered[index].ceased = 0
    }
    var laterCensuses = Self.caseload
    laterCensuses[2024] = 1
    laterCensuses[2025] = 1
    let changed = FlowForecast.make(
      caseload: laterCensuses, flows: altered, population: nil, origin: 2023, horizon: 2)
    XCTAssertEqual(base, changed)
    XCTAssertEqual(base?.residuals, [2022: 600])
    // The damped conversion trend reads the same years only.
    XCTAssertEqual(
      FlowForecast.make(
        caseload: Self.caseload, flows: flows, population: nil, origin: 2023, horizon: 2,
        conversionRule: .dampedTrend),
      FlowForecast.make(
        caseload: laterCensuses, flows: altered, population: nil, origin: 2023, horizon: 2,
        conversionRule: .dampedTrend))
  }

  func testBacktestAndReportOnSampleData() throws {
    let records = try CaseloadReader.read(
      path: TestPaths.sample("ehcp_caseload_by_la_setting_2010_2025.csv")
    ).records
    let pipeline = try Self.pipeline()
    let history = CaseloadHistory(
      records: records.filter { $0.laCode == "E10000032" || $0.laCode == "E92000001" })
    let forecaster = DemandForecaster(history: history, population: nil, pipeline: pipeline)
    let series = try XCTUnwrap(history.find("E10000032"))
    let backtest = PipelineBacktest(forecaster: forecaster, through: 2025)
    let newPlans = try XCTUnwrap(backtest.scores.first { $0.measure == .newPlans })
    XCTAssertEqual(newPlans.count, 5)
    XCTAssertEqual(newPlans.origins, Array(2020...2024))
    // Naive at origin 2024: N(2023) = 761 against 1788, APE 57.4%; the median over the five
    // origins of |N(O−1) − N(O)| / N(O): 2020 17.7%, 2021 4.3%, 2022 2.4%, 2023 8.7%, 2024 57.4%
    // → 8.7%.
    XCTAssertEqual(try XCTUnwrap(newPlans.naiveMedianAPE), 100 * 66.0 / 761, accuracy: 1e-9)
    let report = try XCTUnwrap(
      PipelineReport.build(
        series: series, forecaster: forecaster, through: 2025, horizon: 3, backtest: backtest))
    let residual2024 = report.rows.first {
      $0.measure == .flowResidual && $0.year == 2024 && $0.kind == .actual
    }
    XCTAssertEqual(residual2024?.value, 55)
    XCTAssertTrue(
      report.summary.contains("73% of requests led to a plan in 2024 against 63% nationally"))
    let forecast = report.rows.filter { $0.measure == .caseload && $0.kind == .forecast }
    XCTAssertEqual(forecast.map(\.year), [2026, 2027, 2028])
  }

  func testFlowMethodThroughTheForecaster() throws {
    let records = try CaseloadReader.read(
      path: TestPaths.sample("ehcp_caseload_by_la_setting_2010_2025.csv")
    ).records
    let pipeline = try Self.pipeline()
    let history = CaseloadHistory(records: records)
    let forecaster = DemandForecaster(history: history, population: nil, pipeline: pipeline)
    let series = try XCTUnwrap(history.find("West Sussex"))
    let forecast = try forecaster.forecast(
      series, options: DemandForecaster.Options(throughYear: 2025, horizon: 1, method: .flow))
    let total = try XCTUnwrap(
      forecast.rows.first { $0.setting == .total && $0.kind == .forecast })
    XCTAssertEqual(total.value, 10750.849795, accuracy: 1e-5)
    XCTAssertEqual(total.method, "flow")
    let parts = SettingType.additiveParts.compactMap { setting in
      forecast.rows.first { $0.setting == setting && $0.kind == .forecast }?.value
    }
    XCTAssertEqual(parts.reduce(0, +), total.value, accuracy: 1e-6)
    // Without the flow files the method says so and carries the last census forward.
    let plain = DemandForecaster(history: history, population: nil)
    let fallback = try plain.forecast(
      series, options: DemandForecaster.Options(throughYear: 2025, horizon: 1, method: .flow))
    XCTAssertTrue(fallback.notes.contains { $0.contains("flow needs the SEN2") })
  }
}
