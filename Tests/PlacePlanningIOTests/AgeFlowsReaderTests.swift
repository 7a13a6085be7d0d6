import PlacePlanTestSupport
import PlacePlanning
import PlacePlanningIO
import XCTest

/// New plans and ceased plans by age, from the SEN2 2025 release files in SampleData.
final class AgeFlowsReaderTests: XCTestCase {
  func testWestSussex2024AsPublished() throws {
    let flows = try AgeFlowsReader.read(
      newPlans: TestPaths.sample("ehcp_newplans_2019_2024.csv"),
      ceased: TestPaths.sample("ehcp_ceased_plans_2022_2024.csv"))
    let codes = ["E10000032"]
    // Published 2024 West Sussex "Age when plan started" rows: age 4 has 253 new plans, 54
    // in LA maintained special schools (special academies and free schools 0), 1 in a
    // non-maintained special school; "age 20 and over" has 4, "age 2 and under" 1.
    let total = try XCTUnwrap(flows.newPlans(codes: codes, calendarYear: 2024, setting: .total))
    XCTAssertEqual(total[4], 253)
    XCTAssertEqual(total[20], 4)
    XCTAssertEqual(total[2], 1)
    XCTAssertEqual(total.values.reduce(0, +), 1788)
    let special = try XCTUnwrap(
      flows.newPlans(codes: codes, calendarYear: 2024, setting: .specialState))
    XCTAssertEqual(special[4], 54)
    let inms = try XCTUnwrap(flows.newPlans(codes: codes, calendarYear: 2024, setting: .inms))
    XCTAssertEqual(inms[4], 1)
    // "Age plan ceased" 2024: 49 at 18, 82 at 20 and over; 226 in all; no row for 13.
    let ceased = try XCTUnwrap(flows.ceased(codes: codes, calendarYear: 2024))
    XCTAssertEqual(ceased[18], 49)
    XCTAssertEqual(ceased[20], 82)
    XCTAssertNil(ceased[13])
    XCTAssertEqual(ceased.values.reduce(0, +), 226)
    // Ceased plans by age start in 2023; 2022 has the totals only.
    XCTAssertNil(flows.ceased(codes: codes, calendarYear: 2022))
  }

  func testUnknownAgeLabelIsLocated() throws {
    let newPlans = """
      time_period,geographic_level,new_la_code,la_name,breakdown_topic,breakdown,new_ehc_plans
      2024,Local authority,E10000032,West Sussex,Age when plan started,age 4,253
      """
    let ceased = """
      time_period,geographic_level,new_la_code,la_name,breakdown_topic,breakdown,total_ceased
      2024,Local authority,E10000032,West Sussex,Age plan ceased,age 18,49
      2024,Local authority,E10000032,West Sussex,Age plan ceased,aged eighteen,49
      """
    // The new plans file lacks its setting columns: named, with the schema.
    XCTAssertThrowsError(
      try AgeFlowsReader.parse(
        newPlans: (newPlans, "newplans.csv"), ceased: (ceased, "ceased.csv"))
    ) { error in
      guard case .missingColumn(let file, _, _) = error as? InputError else {
        return XCTFail("\(error)")
      }
      XCTAssertEqual(file, "newplans.csv")
    }
    // With the real new plans file, the ceased file's bad label is located.
    let fullNewPlans = try String(
      contentsOfFile: TestPaths.sample("ehcp_newplans_2019_2024.csv"), encoding: .utf8)
    XCTAssertThrowsError(
      try AgeFlowsReader.parse(
        newPlans: (fullNewPlans, "newplans.csv"), ceased: (ceased, "ceased.csv"))
    ) { error in
      guard let error = error as? InputError else { return XCTFail("\(error)") }
      XCTAssertEqual(error.file, "ceased.csv")
      XCTAssertEqual(error.location.line, 3)
      XCTAssertEqual(error.location.column, 6)
      XCTAssertTrue(error.description.contains("age 20 and over"), error.description)
    }
  }
}
