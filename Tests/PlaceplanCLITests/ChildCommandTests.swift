import Foundation
import PlacePlanTestSupport
import XCTest

/// End-to-end `child project` on witan.send's public demo data (`child_level_demo`).
final class ChildCommandTests: XCTestCase {
  private let demo = TestPaths.sharedFile("data/child_level_demo")

  private func demoArguments(_ extra: [String]) throws -> [String] {
    guard FileManager.default.fileExists(atPath: demo + "/transitions.csv") else {
      throw XCTSkip("the shared child-level demo is not beside the package: \(demo)")
    }
    return [
      "child", "project", "--transitions", demo + "/transitions.csv", "--population",
      demo + "/population.csv", "--valid-states", demo + "/valid-states.csv",
    ] + extra
  }

  /// The first row is January 2017: the 2,153 transitions of 2016 that end in the caseload;
  /// the same seed gives the same bytes, another seed other numbers.
  func testProjectCSVStartsFromTheLastObservedYearAndIsSeeded() throws {
    let arguments = try demoArguments(["--simulations", "100", "--format", "csv"])
    let result = try CommandRunner.run(arguments)
    XCTAssertEqual(result.status, 0, result.stderr)
    let lines = result.stdout.split(separator: "\n").map(String.init)
    XCTAssertEqual(lines.first, "calendar_year,mean,median,lower95,upper95")
    XCTAssertEqual(lines.dropFirst().first, "2017,2153.0,2153.0,2153.0,2153.0")
    XCTAssertEqual(lines.count, 1 + 6)
    for line in lines.dropFirst(2) {
      let cells = line.split(separator: ",").compactMap { Double($0) }
      XCTAssertEqual(cells.count, 5, line)
      XCTAssertLessThanOrEqual(cells[3], cells[2], line)
      XCTAssertLessThanOrEqual(cells[2], cells[4], line)
    }
    let again = try CommandRunner.run(arguments)
    XCTAssertEqual(again.stdout, result.stdout)
    let other = try CommandRunner.run(
      try demoArguments(["--simulations", "100", "--format", "csv", "--seed", "9"]))
    XCTAssertNotEqual(other.stdout, result.stdout)
    let bySetting = try CommandRunner.run(
      try demoArguments(["--simulations", "20", "--format", "csv", "--by", "setting"]))
    XCTAssertTrue(bySetting.stdout.hasPrefix("calendar_year,setting,mean,median,lower95,upper95\n"))
    // The table says what its interval covers, and where to see how often it held.
    let table = try CommandRunner.run(try demoArguments(["--simulations", "20"]))
    XCTAssertTrue(
      table.stdout.contains("not a change in the rates themselves"), table.stdout)
    XCTAssertTrue(table.stdout.contains("`placeplan child validate`"), table.stdout)
  }

  /// Validation: one row per cut-off and later January, the baselines beside the model,
  /// and a summary in words.
  func testValidateCSVAndSummary() throws {
    var arguments = try demoArguments(["--simulations", "50", "--format", "csv"])
    arguments[1] = "validate"
    let result = try CommandRunner.run(arguments)
    XCTAssertEqual(result.status, 0, result.stderr)
    let lines = result.stdout.split(separator: "\n").map(String.init)
    XCTAssertEqual(
      lines.first,
      "cutoff_year,calendar_year,horizon,actual,mean,lower95,upper95,naive_last,naive_growth")
    // Cut-offs 2013, 2014, 2015, each to January 2017: 3 + 2 + 1 rows.
    XCTAssertEqual(lines.count, 1 + 6)
    XCTAssertTrue(lines.contains { $0.hasPrefix("2015,2017,1,2153.0,") }, result.stdout)
    arguments.removeLast(2)
    let table = try CommandRunner.run(arguments)
    XCTAssertTrue(table.stdout.contains("Over 6 comparisons the model's mean missed"), table.stdout)
  }

  /// A setting the valid states do not know, and a child two years older in one year, are
  /// located with a fix; nothing is printed.
  func testBadTransitionsAreLocated() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "placeplan-child-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let header = "calendar-year,setting-1,need-1,academic-year-1,setting-2,need-2,academic-year-2"
    // With an id column: a child twice in a year, and a year that does not start where
    // the year before ended.
    let withID = header + ",id"
    for (text, expected) in [
      (header + "\n2016,Z,X,5,A,X,6", "t.csv:2:2: setting \"Z\" is not in the valid states"),
      (header + "\n2016,A,U,5,A,U,7", "t.csv:2:7: the child goes from NCY 5 to 7 in one year"),
      (header + "\n2016,C,U,2,C,U,3", "t.csv:2:4: NCY 2 is outside setting C's range 6 to 15"),
      (withID + "\n2016,A,U,5,A,U,6,7\n2016,A,U,5,A,U,6,7", "t.csv:3"),
      (
        withID + "\n2015,A,U,4,A,U,5,7\n2016,B,U,5,B,U,6,7",
        "t.csv:3:2: child 7 starts 2016 in B/U/NCY 5 but ended 2015 in A/U/NCY 5 (line 2)"
      ),
    ] {
      let path = folder.appendingPathComponent("t.csv")
      try (text + "\n").write(to: path, atomically: true, encoding: .utf8)
      var arguments = try demoArguments(["--simulations", "5"])
      arguments[3] = path.path
      let result = try CommandRunner.run(arguments)
      XCTAssertNotEqual(result.status, 0)
      XCTAssertEqual(result.stdout, "")
      XCTAssertTrue(result.stderr.contains(expected), result.stderr)
    }
  }

  /// `--by cost` prices each child at its setting and need's cost. Every cost in the demo's
  /// `costs.csv` is £1,000 and every state of the 2,153 children of January 2017 has one
  /// (checked with Python's csv module: 2,153 costed, 0 without), so 2017 costs £2,153,000.
  /// Later, a few children reach states the file prices nowhere (reported in the
  /// provenance): with the same seed each year's mean cost is at most £1,000 × the mean
  /// count, and short of it by £1,000 × at most the children reported without a cost.
  func testCostIsEachChildAtItsCost() throws {
    let counts = try CommandRunner.run(
      try demoArguments(["--simulations", "50", "--format", "csv"]))
    let costs = try CommandRunner.run(
      try demoArguments([
        "--simulations", "50", "--format", "csv", "--by", "cost", "--costs", demo + "/costs.csv",
      ]))
    XCTAssertEqual(costs.status, 0, costs.stderr)
    let table = try CommandRunner.run(
      try demoArguments(["--simulations", "50", "--by", "cost", "--costs", demo + "/costs.csv"]))
    let reported = try XCTUnwrap(
      table.stdout.split(separator: "\n").first { $0.contains("children_without_a_cost = ") })
    let uncosted = try XCTUnwrap(
      Double(reported.split(separator: "=")[1].split(separator: " ")[0]), String(reported))
    XCTAssertGreaterThan(uncosted, 0)
    XCTAssertLessThan(uncosted, 20)
    let countLines = counts.stdout.split(separator: "\n").dropFirst()
    let costLines = costs.stdout.split(separator: "\n").dropFirst()
    XCTAssertEqual(costLines.first, "2017,2153000.0,2153000.0,2153000.0,2153000.0")
    XCTAssertEqual(countLines.count, costLines.count)
    for (count, cost) in zip(countLines, costLines) {
      let children = try XCTUnwrap(Double(count.split(separator: ",")[1]))
      let pounds = try XCTUnwrap(Double(cost.split(separator: ",")[1]))
      XCTAssertLessThanOrEqual(pounds, 1000 * children + 1e-6, String(cost))
      XCTAssertGreaterThanOrEqual(pounds, 1000 * (children - uncosted) - 1e-6, String(cost))
    }
    let missing = try CommandRunner.run(try demoArguments(["--by", "cost"]))
    XCTAssertNotEqual(missing.status, 0)
    XCTAssertTrue(missing.stderr.contains("give --costs"), missing.stderr)
  }
}
