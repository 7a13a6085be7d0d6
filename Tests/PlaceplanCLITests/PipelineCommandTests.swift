import PlacePlanTestSupport
import XCTest

/// `placeplan pipeline` end to end on the SampleData files.
final class PipelineCommandTests: XCTestCase {
  func testCSVHeaderAndPublishedRows() throws {
    let result = try CommandRunner.run(["pipeline", "--format", "csv", "--horizon", "2"])
    XCTAssertEqual(result.status, 0, result.stderr)
    let lines = result.stdout.split(separator: "\n").map(String.init)
    XCTAssertEqual(lines.first, "la_code,la_name,measure,calendar_year,kind,value,lower80,upper80")
    XCTAssertTrue(lines.contains("E10000032,West Sussex,new_plans,2024,actual,1788,,"))
    XCTAssertTrue(lines.contains("E10000032,West Sussex,flow_residual,2024,actual,55,,"))
    // 1788 / 2448 = 73.04%.
    XCTAssertTrue(lines.contains("E10000032,West Sussex,request_to_plan_pct,2024,actual,73.0,,"))
    let forecasts = lines.filter { $0.contains(",caseload,") && $0.contains(",forecast,") }
    XCTAssertEqual(forecasts.count, 2)
    XCTAssertTrue(forecasts.allSatisfy { !$0.hasSuffix(",,") }, "forecasts carry intervals")
  }

  func testTableHasSummaryAndBacktest() throws {
    let result = try CommandRunner.run(["pipeline"])
    XCTAssertEqual(result.status, 0, result.stderr)
    XCTAssertTrue(
      result.stdout.contains("73% of requests led to a plan in 2024 against 63% nationally"))
    XCTAssertTrue(result.stdout.contains("Backtest, one year ahead, all LAs"))
    XCTAssertTrue(result.stdout.contains("placeplan 0.1.0: pipeline"))
  }

  func testBadFileIsLocated() throws {
    let result = try CommandRunner.run([
      "pipeline", "--timeliness", TestPaths.fixture("pipeline_bad_timeliness.csv"),
    ])
    XCTAssertNotEqual(result.status, 0)
    XCTAssertTrue(
      result.stderr.contains("pipeline_bad_timeliness.csv:2:17: pc_plans_issued_within_20_weeks"),
      result.stderr)
    XCTAssertTrue(result.stderr.contains("fix:"))
    XCTAssertEqual(result.stdout, "")
  }
}
