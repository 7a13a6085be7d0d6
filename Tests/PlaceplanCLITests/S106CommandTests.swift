import Foundation
import PlacePlanTestSupport
import XCTest

/// End-to-end: `placeplan s106` on the illustrative West Sussex trajectory.
final class S106CommandTests: XCTestCase {
  private let header =
    "development,phase,dwellings,pupils,specialist_places,spare_places_offset,places_claimed,cost_per_place,contribution"

  func testCSVHeaderRowsAndTotals() throws {
    let result = try CommandRunner.run(["s106", "--format", "csv"])
    XCTAssertEqual(result.status, 0, result.stderr)
    let lines = result.stdout.split(separator: "\n").map(String.init)
    XCTAssertEqual(lines.first, header)
    // Seven developments × (four phases + total), then the all-developments row.
    XCTAssertEqual(lines.count, 1 + 7 * 5 + 1)
    let cells = lines.dropFirst().map { $0.split(separator: ",", omittingEmptySubsequences: false) }
    XCTAssertTrue(cells.allSatisfy { $0.count == 9 })
    let totals = cells.filter { $0[1] == "total" && $0[0] != "all developments" }
    XCTAssertEqual(totals.count, 7)
    let all = try XCTUnwrap(cells.last)
    XCTAssertEqual(all[0], "all developments")
    XCTAssertEqual(all[2], "1342")
    // The all-developments contribution is the sum of the developments' (whole pounds, each
    // rounded: within 4).
    let sum = totals.compactMap { Double($0[8]) }.reduce(0, +)
    XCTAssertEqual(Double(all[8]) ?? .nan, sum, accuracy: 4)
    // Places claimed = specialist places − spare offset on every row (two decimals each).
    for row in cells {
      let needed = Double(row[4]) ?? .nan
      let offset = Double(row[5]) ?? .nan
      let claimed = Double(row[6]) ?? .nan
      XCTAssertEqual(claimed, needed - offset, accuracy: 0.011, row.joined(separator: ","))
    }
    // Early years: pupils but no specialist places.
    let early = try XCTUnwrap(cells.first { $0[1] == "early-years" })
    XCTAssertGreaterThan(Double(early[3]) ?? 0, 0)
    XCTAssertEqual(early[4], "0.00")
  }

  func testTableSaysWhatSparePlacesDidForEachDevelopment() throws {
    let result = try CommandRunner.run(["s106"])
    XCTAssertEqual(result.status, 0, result.stderr)
    XCTAssertTrue(
      result.stdout.hasPrefix(
        "West Sussex (E10000032): Section 106 specialist-place contributions, 7 developments"))
    XCTAssertTrue(result.stdout.contains("Housing trajectory by academic year of completion"))
    XCTAssertTrue(result.stdout.contains("Spare state special and RP places (rule at-arrival):"))
    for district in ["Horsham", "Mid Sussex", "Arun", "Chichester", "Crawley", "Worthing", "Adur"] {
      XCTAssertTrue(
        result.stdout.contains("  \(district) site "), "no spare-capacity line for \(district)")
    }
    XCTAssertTrue(result.stdout.contains("placeplan 0.1.0: s106"))
    XCTAssertTrue(result.stdout.contains("pupil yield: "))
  }

  func testStatementListsEveryFactorAndSource() throws {
    let result = try CommandRunner.run(["s106", "--statement"])
    XCTAssertEqual(result.status, 0, result.stderr)
    let statements = result.stdout.components(separatedBy: "SECTION 106: SPECIALIST (SEND)")
    XCTAssertEqual(statements.count, 1 + 7)
    let first = statements[1]
    for expected in [
      "Development: Horsham site A (illustrative)", "Specialist places needed:",
      "Spare capacity:", "Places claimed:", "Contribution sought: £",
      "Factors and sources:", "- Pupils per dwelling, house, 3 bedrooms, market:",
      "- One-bedroom dwellings: no pupils. Source: Decision of this model",
      "DfE pupil yield dashboard 2021/22: 93 of 3,203",
      "SEN2 January 2025: 3,456 of 9,301", "Regional factor: 1.13",
      "4 times a mainstream primary place",
      "CAUTION: the pupil-yield factors of 5 of the dwelling types here are labelled assumptions",
    ] {
      XCTAssertTrue(first.contains(expected), expected)
    }
  }

  func testBadDevelopmentsFileFailsWithLocatedError() throws {
    let result = try CommandRunner.run([
      "s106", "--developments", TestPaths.fixture("s106_bad_developments.csv"),
    ])
    XCTAssertNotEqual(result.status, 0)
    XCTAssertEqual(result.stdout, "")
    XCTAssertEqual(
      result.stderr,
      "placeplan: s106_bad_developments.csv:3:7: completions is -30; a count cannot be negative; fix: correct the cell\n"
    )
  }

  func testJSONHasFactorsDevelopmentsAndTrajectory() throws {
    let result = try CommandRunner.run([
      "s106", "--format", "json", "--spare-rule", "lasting", "--spare-by", "setting",
    ])
    XCTAssertEqual(result.status, 0, result.stderr)
    let object = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8))
    let document = try XCTUnwrap(object as? [String: Any])
    let factors = try XCTUnwrap(document["factors"] as? [String: Any])
    XCTAssertEqual((factors["yields"] as? [Any])?.count, 12)
    XCTAssertEqual(factors["spare_rule"] as? String, "lasting")
    XCTAssertEqual((document["developments"] as? [Any])?.count, 7)
    let trajectory = try XCTUnwrap(document["trajectory"] as? [[String: Any]])
    XCTAssertEqual(
      trajectory.compactMap { $0["academic_year"] as? String },
      ["2026/27", "2027/28", "2028/29", "2029/30", "2030/31"])
    // Under the lasting rule a place offsets need only if it stays spare to the end of the
    // plan, so it never offsets more than the at-arrival rule does.
    let totals = try XCTUnwrap(document["totals"] as? [String: Any])
    let lasting = try XCTUnwrap(totals["spare_offset"] as? Double)
    let atArrival = try CommandRunner.run([
      "s106", "--format", "json", "--spare-rule", "at-arrival", "--spare-by", "setting",
    ])
    let arrivalTotals = try XCTUnwrap(
      (JSONSerialization.jsonObject(with: Data(atArrival.stdout.utf8)) as? [String: Any])?[
        "totals"] as? [String: Any])
    XCTAssertLessThanOrEqual(lasting, try XCTUnwrap(arrivalTotals["spare_offset"] as? Double))
    XCTAssertGreaterThanOrEqual(lasting, 0)
    // With the January 2025 forecast, special places are spare from 2027/28 to the end of the
    // plan, so both rules offset the same 6.39 of the 7.56 places needed.
    XCTAssertEqual(lasting, 6.39, accuracy: 0.005)
    XCTAssertEqual(totals["specialist_places"] as? Double ?? 0, 7.56, accuracy: 0.005)
    XCTAssertEqual(factors["spare_by"] as? String, "setting")
  }

  /// By phase (the default), secondary-age children take the register's spare secondary
  /// places, which the whole-setting shortfall hides; primary-age children find none.
  func testSparePlacesMatchedByPhase() throws {
    let result = try CommandRunner.run(["s106", "--format", "json"])
    XCTAssertEqual(result.status, 0, result.stderr)
    let document = try XCTUnwrap(
      JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
    let factors = try XCTUnwrap(document["factors"] as? [String: Any])
    XCTAssertEqual(factors["spare_by"] as? String, "phase")
    let byPhase = try XCTUnwrap(factors["spare_places_by_phase"] as? [String: [String: Double]])
    XCTAssertEqual(Set(byPhase.keys), ["primary", "secondary", "post-16"])
    // 2026/27: no spare primary or post-16 places; the secondary ones are spare.
    XCTAssertEqual(byPhase["primary"]?["2026/27"], 0)
    XCTAssertEqual(byPhase["post-16"]?["2026/27"], 0)
    XCTAssertGreaterThan(byPhase["secondary"]?["2026/27"] ?? 0, 100)
    let developments = try XCTUnwrap(document["developments"] as? [[String: Any]])
    let horsham = try XCTUnwrap(developments.first)
    let phases = try XCTUnwrap(horsham["phases"] as? [[String: Any]])
    func offset(_ phase: String) -> Double? {
      phases.first { $0["phase"] as? String == phase }?["spare_offset"] as? Double
    }
    // Secondary need is fully met from spare secondary places; post-16 need is not met.
    let secondary = try XCTUnwrap(
      phases.first { $0["phase"] as? String == "secondary" }?["specialist_places"] as? Double)
    XCTAssertEqual(offset("secondary") ?? -1, secondary, accuracy: 0.011)
    XCTAssertEqual(offset("post-16"), 0)
    // The statement says so, phase by phase.
    let statement = try CommandRunner.run(["s106", "--statement"])
    // "2026/27: no spare primary places, S of S spare secondary places free": all of 2026/27's
    // spare secondary places are free before the first development takes any.
    let lead = "2026/27: no spare primary places, "
    let after = try XCTUnwrap(statement.stdout.components(separatedBy: lead).dropFirst().first)
    let numbers = after.components(separatedBy: " spare secondary")[0]
      .components(separatedBy: " of ").compactMap { Double($0) }
    XCTAssertEqual(numbers.count, 2, after)
    XCTAssertEqual(numbers.first, numbers.last)
    // 2026/27's register secondary places less the January 2027 forecast of secondary-age
    // special demand.
    XCTAssertEqual(numbers.first ?? 0, 333.38, accuracy: 0.005)
    XCTAssertTrue(statement.stdout.contains("primary-age children take only spare primary places"))
  }
}
