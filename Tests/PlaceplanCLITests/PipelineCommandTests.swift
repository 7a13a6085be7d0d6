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
    // Ceased rates by age phase, 2024 (hand calculation from the published West Sussex
    // rows): plans ceased at 19 (47) and at 20 and over (82) count ½·47 + 82 = 105.5 against
    // 761 plans at census ages 19-25 in January 2024, 13.86%; at 16-18, ceased at 16, 17,
    // 18, 19 (6, 11, 49, 47) count ½·6 + 11 + 49 + ½·47 = 86.5 against 1,270, 6.81%.
    XCTAssertTrue(lines.contains("E10000032,West Sussex,ceased_rate_19_25_pct,2024,actual,13.9,,"))
    XCTAssertTrue(lines.contains("E10000032,West Sussex,ceased_rate_16_18_pct,2024,actual,6.8,,"))
    let forecasts = lines.filter { $0.contains(",caseload,") && $0.contains(",forecast,") }
    XCTAssertEqual(forecasts.count, 2)
    XCTAssertTrue(forecasts.allSatisfy { !$0.hasSuffix(",,") }, "forecasts carry intervals")
  }

  func testTableHasSummaryAndBacktest() throws {
    let result = try CommandRunner.run(["pipeline"])
    XCTAssertEqual(result.status, 0, result.stderr)
    // Measures in words in the table (the CSV keeps the keys).
    XCTAssertTrue(result.stdout.contains("\nCeased: higher education "), result.stdout)
    XCTAssertFalse(result.stdout.contains("\nceased_he "), result.stdout)
    XCTAssertTrue(
      result.stdout.contains("73% of requests led to a plan in 2024 against 63% nationally"))
    XCTAssertTrue(
      result.stdout.contains(
        "Plans ceased in 2024 as a share of those held at each age: 0.7% at 0-4, 0.6% at 5-10, 0.6% at 11-15, 6.8% at 16-18, 13.9% at 19-25."
      ))
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

  /// A bad row among the new plans by age (read for the ages, not the flows) stops the
  /// command with its location; it used to print the error and carry on with exit 0.
  func testABadAgeRowStopsThePipeline() throws {
    let source = TestPaths.packageRoot.appendingPathComponent(
      "SampleData/ehcp_newplans_2019_2024.csv")
    var lines = try String(contentsOf: source, encoding: .utf8).components(separatedBy: "\n")
    let index = try XCTUnwrap(lines.firstIndex { $0.contains(",Age when plan started,") })
    lines[index] = "20x2" + lines[index].dropFirst(4)
    let copy = FileManager.default.temporaryDirectory.appendingPathComponent(
      "placeplan-newplans-\(UUID().uuidString).csv")
    defer { try? FileManager.default.removeItem(at: copy) }
    try lines.joined(separator: "\n").write(to: copy, atomically: true, encoding: .utf8)
    let result = try CommandRunner.run([
      "pipeline", "--la", "E10000032", "--horizon", "1", "--format", "csv", "--new-plans",
      copy.path,
    ])
    XCTAssertNotEqual(result.status, 0, result.stderr)
    XCTAssertTrue(result.stderr.contains(":\(index + 1):"), result.stderr)
    XCTAssertEqual(result.stdout, "")
  }
}
