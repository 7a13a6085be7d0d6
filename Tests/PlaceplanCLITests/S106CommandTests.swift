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
    // The all-developments row is the sum of the development rows above it, exactly.
    let sum = totals.compactMap { Double($0[8]) }.reduce(0, +)
    XCTAssertEqual(Double(all[8]), sum)
    let claimedSum = totals.compactMap { Double($0[6]) }.reduce(0, +)
    XCTAssertEqual(Double(all[6]) ?? .nan, claimedSum, accuracy: 1e-9)
    // A consultant can redo every row as printed: places claimed = specialist places −
    // spare offset, and contribution = places claimed × cost per place to the pound.
    for row in cells {
      let line = row.joined(separator: ",")
      let needed = try XCTUnwrap(Double(row[4]), line)
      let offset = try XCTUnwrap(Double(row[5]), line)
      let claimed = try XCTUnwrap(Double(row[6]), line)
      XCTAssertEqual(claimed, needed - offset, accuracy: 1e-9, line)
      guard let cost = Double(row[7]) else { continue }
      XCTAssertEqual(Double(row[8]), (claimed * cost).rounded(), line)
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
    // DfE's factors cited, with what the special yield covers, and no caution about
    // assumed yields.
    for expected in [
      "Development: Horsham site A (illustrative)",
      "Pupil yields: DfE pupil yield dashboard, England, 2021/22 (default factors).",
      "Specialist places needed:",
      "special/AP pupils per dwelling (DfE pupil yield dashboard, England, 2021/22: pupils of any age in special schools, AP or PRUs and post-16 students with an EHCP up to 25)",
      "93 of 3,203, against 4.00% in England",
      "Spare capacity:", "Places claimed:", "Contribution sought: £",
      "Factors and sources:", "- Pupils per dwelling, house, 3 bedrooms, market:",
      "derived from DfE primary yields", "Regional factor: 1.13",
      "4 times a mainstream primary place",
    ] {
      XCTAssertTrue(first.contains(expected), expected)
    }
    XCTAssertFalse(result.stdout.contains("CAUTION"))
    XCTAssertFalse(result.stdout.lowercased().contains("assumed yield"))
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
    // --inms-to-spare 0: the places plan leaves spare state special places free, so the
    // spare-place ledger has places to offset.
    let result = try CommandRunner.run([
      "s106", "--format", "json", "--spare-rule", "lasting", "--spare-by", "setting",
      "--inms-to-spare", "0",
    ])
    XCTAssertEqual(result.status, 0, result.stderr)
    let object = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8))
    let document = try XCTUnwrap(object as? [String: Any])
    let factors = try XCTUnwrap(document["factors"] as? [String: Any])
    XCTAssertEqual((factors["yields"] as? [Any])?.count, 16)
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
      "--inms-to-spare", "0",
    ])
    let arrivalTotals = try XCTUnwrap(
      (JSONSerialization.jsonObject(with: Data(atArrival.stdout.utf8)) as? [String: Any])?[
        "totals"] as? [String: Any])
    XCTAssertLessThanOrEqual(lasting, try XCTUnwrap(arrivalTotals["spare_offset"] as? Double))
    XCTAssertGreaterThanOrEqual(lasting, 0)
    // With the January 2025 forecast, special places are spare from 2027/28 to the end of the
    // plan, so both rules offset the same 8.22 of the 12.77 places needed when any spare
    // place may offset any need.
    XCTAssertEqual(lasting, 8.22, accuracy: 0.005)
    XCTAssertEqual(totals["specialist_places"] as? Double ?? 0, 12.77, accuracy: 0.005)
    XCTAssertEqual(factors["spare_by"] as? String, "setting")
  }

  /// By phase only (--spare-by phase), secondary-age children take the register's spare
  /// secondary places, even in 2026/27 when the sector as a whole is short; primary-age
  /// children find none.
  func testSparePlacesMatchedByPhase() throws {
    let result = try CommandRunner.run(["s106", "--format", "json", "--spare-by", "phase"])
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
    XCTAssertEqual(byPhase["secondary"]?["2026/27"] ?? 0, 308.06, accuracy: 0.005)
    let developments = try XCTUnwrap(document["developments"] as? [[String: Any]])
    let phases = try XCTUnwrap(developments.first?["phases"] as? [[String: Any]])
    func value(_ phase: String, _ key: String) -> Double? {
      phases.first { $0["phase"] as? String == phase }?[key] as? Double
    }
    // Horsham's secondary need is fully met from spare secondary places; post-16 is not.
    XCTAssertEqual(value("secondary", "spare_offset"), value("secondary", "specialist_places"))
    XCTAssertEqual(value("post-16", "spare_offset"), 0)
  }

  /// By phase alone the statement says spare places are places less demand in the phase
  /// (it does not claim the plan's INMS-bound placements are taken into account); and a
  /// statement written to a .json file is still the plain-text statement.
  func testStatementSaysWhatSpareMeansUnderEachRule() throws {
    let phase = try CommandRunner.run(["s106", "--statement", "--spare-by", "phase"])
    XCTAssertEqual(phase.status, 0, phase.stderr)
    XCTAssertTrue(
      phase.stdout.contains("state special and RP places less demand in each phase"),
      phase.stdout)
    XCTAssertFalse(phase.stdout.contains("INMS-bound children it moves"), phase.stdout)
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "placeplan-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let out = folder.appendingPathComponent("statement.json")
    let written = try CommandRunner.run(["s106", "--statement", "--out", out.path])
    XCTAssertEqual(written.status, 0, written.stderr)
    XCTAssertTrue(
      try String(contentsOf: out, encoding: .utf8).hasPrefix("SECTION 106"), written.stderr)
  }

  /// By default the places plan moves INMS-bound children into spare state special places
  /// (`--inms-to-spare 0.25`): in 2028/29 its 2,630 state special places are all placed,
  /// though demand is 2,558, so no place is free as a whole and none offsets a development's
  /// need; a place is not counted for the LA's plan and a developer's children both.
  func testPlacesThePlanFillsAreNotSpare() throws {
    let places = try CommandRunner.run(["places", "--format", "csv"])
    XCTAssertEqual(places.status, 0, places.stderr)
    XCTAssertTrue(
      places.stdout.contains("E10000032,special_state,2028/29,forecast,2630,"), places.stdout)
    let special2028 = try XCTUnwrap(
      places.stdout.split(separator: "\n").first {
        $0.hasPrefix("E10000032,special_state,2028/29,forecast,")
      })
    // placed is the 12th column.
    XCTAssertEqual(
      Double(special2028.split(separator: ",", omittingEmptySubsequences: false)[11]), 2630)
    let result = try CommandRunner.run(["s106", "--format", "json"])
    XCTAssertEqual(result.status, 0, result.stderr)
    let document = try XCTUnwrap(
      JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
    let totals = try XCTUnwrap(document["totals"] as? [String: Any])
    XCTAssertEqual(totals["spare_offset"] as? Double, 0)
    XCTAssertEqual(totals["specialist_places"] as? Double ?? 0, 12.77, accuracy: 0.005)
  }

  /// The default offsets a need only by places spare in its phase and in the setting types
  /// as a whole: in 2026/27 state special and RP places are short as a whole (the places
  /// plan: special −73, RP −13), so Horsham's 2026/27 secondary children, who would take
  /// spare secondary places by phase alone, take none; the statement says which rule and
  /// why.
  func testDefaultNeedsSparePlacesInThePhaseAndTheWhole() throws {
    let result = try CommandRunner.run(["s106", "--format", "json"])
    XCTAssertEqual(result.status, 0, result.stderr)
    let document = try XCTUnwrap(
      JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
    let factors = try XCTUnwrap(document["factors"] as? [String: Any])
    XCTAssertEqual(factors["spare_by"] as? String, "phase-and-setting")
    let developments = try XCTUnwrap(document["developments"] as? [[String: Any]])
    let years = try XCTUnwrap(developments.first?["years"] as? [[String: Any]])
    let first = try XCTUnwrap(years.first { $0["academic_year"] as? String == "2026/27" })
    XCTAssertEqual(first["spare_offset"] as? Double, 0)
    let phaseOnly = try CommandRunner.run(["s106", "--format", "json", "--spare-by", "phase"])
    let phaseYears = try XCTUnwrap(
      ((JSONSerialization.jsonObject(with: Data(phaseOnly.stdout.utf8)) as? [String: Any])?[
        "developments"] as? [[String: Any]])?.first?["years"] as? [[String: Any]])
    let phaseFirst = try XCTUnwrap(
      phaseYears.first { $0["academic_year"] as? String == "2026/27" })
    XCTAssertGreaterThan(phaseFirst["spare_offset"] as? Double ?? 0, 0)
    let statement = try CommandRunner.run(["s106", "--statement"])
    XCTAssertTrue(
      statement.stdout.contains(
        "2026/27 (state special and RP as a whole: 0.00 free after the places plan's placements): no spare primary places, 308.06 spare secondary places, but none count"
      ), statement.stdout)
    XCTAssertTrue(
      statement.stdout.contains(
        "and the state special and RP places as a whole have places free that year once the places plan has placed its children"
      ), statement.stdout)
  }
}
