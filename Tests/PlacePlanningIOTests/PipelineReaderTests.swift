import PlacePlanTestSupport
import PlacePlanning
import PlacePlanningIO
import XCTest

/// The SEN2 flow readers on extracts of the June 2025 release (West Sussex and England).
final class PipelineReaderTests: XCTestCase {
  static func extracts() throws -> PipelineHistory {
    try PipelineReader.read(
      PipelineReader.Paths(files: [
        .requests: TestPaths.fixture("pipeline_requests_extract.csv"),
        .assessments: TestPaths.fixture("pipeline_assessments_extract.csv"),
        .newPlans: TestPaths.fixture("pipeline_newplans_extract.csv"),
        .ceased: TestPaths.fixture("pipeline_ceased_plans_extract.csv"),
        .timeliness: TestPaths.fixture("pipeline_timeliness_20_week_extract.csv"),
      ]))
  }

  func testWestSussex2024AsPublished() throws {
    let history = try Self.extracts()
    let years = history.years(for: ["E10000032"])
    XCTAssertEqual(years.map(\.calendarYear), Array(2019...2024))
    let year = try XCTUnwrap(years.last)
    // Published cells of the 2024 West Sussex rows of each file.
    XCTAssertEqual(year.requests, 2448)
    XCTAssertEqual(year.decidedToAssess, 1513)
    XCTAssertEqual(year.decidedNotToAssess, 744)
    XCTAssertEqual(year.assessments, 1822)
    XCTAssertEqual(year.assessIssued, 1797)
    XCTAssertEqual(year.assessNotIssued, 25)
    XCTAssertEqual(year.newPlans, 1788)
    XCTAssertEqual(year.within20WeeksPercent, 11.4)
    XCTAssertEqual(year.within20WeeksExceptionsExcludedPercent, 11.4)
    XCTAssertEqual(year.ceased, 226)
    XCTAssertEqual(year.ceasedByReason[.transfer], 30)
    XCTAssertEqual(year.ceasedByReason[.noEngagement], 129)
    XCTAssertEqual(year.ceasedByReason.values.reduce(0, +), 226)
    // Suppressed (x) cells are missing, not zero: decisions before 2023, assess_in_year
    // before 2022, ceased plans before 2022.
    XCTAssertNil(years[0].decidedToAssess)
    XCTAssertNil(years[0].assessments)
    XCTAssertNil(years[2].ceased)
    XCTAssertEqual(history.england.last?.newPlans, 97747)
  }

  func testWestSussexConversionRatesByHand() throws {
    let year = try XCTUnwrap(Self.extracts().years(for: ["E10000032"]).last)
    // Hand calculation from the published 2024 cells:
    //   request → assessment = 1513 / 2448          = 0.618055…
    //   assessment → plan    = 1797 / (1797 + 25)   = 1797 / 1822 = 0.986278…
    //   request → plan       = 1788 / 2448          = 0.730392…
    XCTAssertEqual(try XCTUnwrap(year.requestToAssessment), 1513.0 / 2448.0, accuracy: 1e-12)
    XCTAssertEqual(try XCTUnwrap(year.requestToAssessment), 0.618055, accuracy: 1e-6)
    XCTAssertEqual(try XCTUnwrap(year.assessmentToPlan), 0.986279, accuracy: 1e-6)
    XCTAssertEqual(try XCTUnwrap(year.requestToPlan), 0.730392, accuracy: 1e-6)
    // England 2024: 97747 / 154489 = 0.632712… of requests led to a plan.
    let england = try XCTUnwrap(Self.extracts().england.last)
    XCTAssertEqual(try XCTUnwrap(england.requestToPlan), 0.632712, accuracy: 1e-6)
  }

  func testPercentageOver100IsLocated() {
    XCTAssertThrowsError(
      try PipelineReader.read(
        PipelineReader.Paths(files: [.timeliness: TestPaths.fixture("pipeline_bad_timeliness.csv")])
      )
    ) { error in
      guard let error = error as? InputError else { return XCTFail("\(error)") }
      XCTAssertEqual(error.file, "pipeline_bad_timeliness.csv")
      XCTAssertEqual(error.location.line, 2)
      XCTAssertEqual(error.location.column, 17)
      XCTAssertTrue(error.description.contains("pc_plans_issued_within_20_weeks"))
      XCTAssertTrue(error.description.contains("fix:"))
    }
  }

  func testTextInACountIsLocated() {
    let text = """
      time_period,geographic_level,new_la_code,la_name,breakdown_topic,new_ehc_plans
      2024,Local authority,E10000032,West Sussex,New EHC plans,1788
      2023,Local authority,E10000032,West Sussex,New EHC plans,seven
      """
    XCTAssertThrowsError(
      try PipelineReader.parse([(file: .newPlans, text: text, name: "newplans.csv")])
    ) { error in
      XCTAssertEqual(
        error as? InputError,
        .notANumber(
          file: "newplans.csv", line: 3, column: 6, name: "new_ehc_plans", value: "seven"))
    }
  }

  /// The 2025 release gives Yorkshire and The Humber's 2022 total (6,078) as the 2022 new
  /// plans of each of its LAs; such a cell is left out with a note, the others kept.
  func testRegionalTotalInAnLARowIsLeftOut() throws {
    let text = """
      time_period,geographic_level,region_code,new_la_code,la_name,breakdown_topic,new_ehc_plans
      2022,Regional,E12000003,,,New EHC plans,6078
      2022,Local authority,E12000003,E08000035,Leeds,New EHC plans,6078
      2022,Local authority,E12000003,E08000036,Wakefield,New EHC plans,6078
      2023,Local authority,E12000003,E08000035,Leeds,New EHC plans,1046
      2022,Local authority,E12000008,E10000032,West Sussex,New EHC plans,1110
      """
    let history = try PipelineReader.parse([(file: .newPlans, text: text, name: "n.csv")])
    let leeds = history.years(for: ["E08000035"])
    XCTAssertNil(leeds.first { $0.calendarYear == 2022 }?.newPlans)
    XCTAssertEqual(leeds.first { $0.calendarYear == 2023 }?.newPlans, 1046)
    XCTAssertTrue(
      leeds.first { $0.calendarYear == 2022 }?.notes.first?.contains("region's total") ?? false)
    XCTAssertEqual(history.years(for: ["E10000032"]).first?.newPlans, 1110)

    // One LA holding all of its region's count (of a rare event) is possible, so kept.
    let single = """
      time_period,geographic_level,region_code,new_la_code,la_name,breakdown_topic,new_ehc_plans
      2022,Regional,E12000003,,,New EHC plans,12
      2022,Local authority,E12000003,E08000035,Leeds,New EHC plans,12
      2022,Local authority,E12000003,E08000036,Wakefield,New EHC plans,0
      """
    let kept = try PipelineReader.parse([(file: .newPlans, text: single, name: "n.csv")])
    XCTAssertEqual(kept.years(for: ["E08000035"]).first?.newPlans, 12)
  }

  /// The same on the real file: every Yorkshire and The Humber LA's 2022 new plans are
  /// left out, and no other LA's or year's.
  func testRealNewPlansFileLeavesOutOnlyTheRegionalCells() throws {
    let history = try PipelineReader.read(
      PipelineReader.Paths(files: [.newPlans: TestPaths.sample("ehcp_newplans_2019_2024.csv")]))
    var leftOut: [String] = []
    for code in history.codes {
      for year in history.years(for: [code]) where !year.notes.isEmpty {
        leftOut.append("\(code) \(year.calendarYear)")
      }
    }
    XCTAssertEqual(leftOut.count, 15)
    XCTAssertTrue(leftOut.allSatisfy { $0.hasSuffix(" 2022") })
    XCTAssertTrue(leftOut.contains("E08000035 2022"))  // Leeds
  }

  func testDuplicateAndUnknownLayout() {
    let duplicate = """
      time_period,geographic_level,new_la_code,la_name,breakdown_topic,new_ehc_plans
      2024,Local authority,E10000032,West Sussex,New EHC plans,1788
      2024,Local authority,E10000032,West Sussex,New EHC plans,1788
      """
    XCTAssertThrowsError(
      try PipelineReader.parse([(file: .newPlans, text: duplicate, name: "n.csv")])
    ) { error in
      XCTAssertEqual(
        error as? InputError,
        .duplicateRow(file: "n.csv", line: 3, firstLine: 2, key: "E10000032 2024"))
    }
    XCTAssertThrowsError(
      try PipelineReader.parse([(file: .ceased, text: duplicate, name: "c.csv")])
    ) { error in
      XCTAssertEqual((error as? InputError)?.location.line, 1)
    }
  }

  func testPupilPercentages() throws {
    let shares = try PupilSENPercentagesReader.read(
      path: TestPaths.sample("dfe_dash_percent_pupils_ehcp_sensupport_by_la_2018_2023.csv"))
    // Published: West Sussex 2022/23, EHC plan 4.1%, SEN support 15.22%; England 4.29%.
    let latest = try XCTUnwrap(shares.latest(for: ["E10000032"]))
    XCTAssertEqual(latest.censusYear, 2023)
    XCTAssertEqual(latest.entry.ehcPlanPercent, 4.1)
    XCTAssertEqual(latest.entry.senSupportPercent, 15.22)
    XCTAssertEqual(shares.latest(for: ["E92000001"])?.entry.ehcPlanPercent, 4.29)
  }
}
