import Foundation
import PlacePlanTestSupport
import XCTest

final class CostsCommandTests: XCTestCase {
  /// A costs or scenario CSV written to a file gets its provenance beside it (price basis,
  /// inputs, parameters), as the forecast's does.
  func testCostCSVsCarryTheirProvenance() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "placeplan-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let costs = folder.appendingPathComponent("costs.csv")
    XCTAssertEqual(try CommandRunner.run(["costs", "--out", costs.path]).status, 0)
    let sidecar = try String(
      contentsOf: folder.appendingPathComponent("costs.csv.provenance.json"), encoding: .utf8)
    XCTAssertTrue(sidecar.contains("\"provenance\""), sidecar)
    XCTAssertTrue(sidecar.contains("costs.yaml"), sidecar)
    // The price basis of the CSV's pounds.
    XCTAssertTrue(
      sidecar.contains(
        "\"prices\" : \"cash of each year, each cost line uprated by its own inflation\""),
      sidecar)
    let compare = folder.appendingPathComponent("compare.csv")
    XCTAssertEqual(
      try CommandRunner.run([
        "scenario", "compare", "Models/scenarios/baseline.yaml",
        "Models/scenarios/travel-training.yaml", "--draws", "20", "--out", compare.path,
      ]).status, 0)
    let compareSidecar = try String(
      contentsOf: folder.appendingPathComponent("compare.csv.provenance.json"), encoding: .utf8)
    XCTAssertTrue(compareSidecar.contains("\"npv\" : \"cash deflated"), compareSidecar)
  }

  /// A scenario whose change starts after the years compared is warned about and has "no
  /// change" for payback, not "immediate".
  func testScenarioThatChangesNothingIsSaid() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "placeplan-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let late = folder.appendingPathComponent("late.yaml")
    try """
    name: late-school
    description: A school far in the future.
    places:
      - name: Far school
        setting_type: special_state
        from: "2055/56"
        places: 100
        capital: new_school
    """.write(to: late, atomically: true, encoding: .utf8)
    let result = try CommandRunner.run([
      "scenario", "compare", "Models/scenarios/baseline.yaml", late.path, "--format", "json",
    ])
    XCTAssertEqual(result.status, 0, result.stderr)
    XCTAssertTrue(
      result.stderr.contains("scenario late-school costs the same as baseline in every year"),
      result.stderr)
    XCTAssertTrue(result.stdout.contains("\"payback_year\" : \"no change\""), result.stdout)
    XCTAssertFalse(result.stdout.contains("\"immediate\""), result.stdout)
    // A scenario that changes no cost centrally but does in some draws (a quarter of INMS
    // demand to RP places, full in the central projection) keeps its payback range from
    // those draws, and is not warned about.
    let rp = folder.appendingPathComponent("rp.yaml")
    try """
    name: inms-to-rp
    description: A quarter of INMS demand met in RP.
    inms_to_state:
      share: 0.25
      from: "2026/27"
      to: rp_sen_unit
    """.write(to: rp, atomically: true, encoding: .utf8)
    let some = try CommandRunner.run([
      "scenario", "compare", "Models/scenarios/baseline.yaml", rp.path, "--format", "json",
      "--draws", "200",
    ])
    XCTAssertEqual(some.status, 0, some.stderr)
    XCTAssertFalse(some.stderr.contains("costs the same"), some.stderr)
    XCTAssertTrue(some.stdout.contains("\"payback_year_p10\" : \"2026/27\""), some.stdout)
  }

  /// A scenario that never costs more than the baseline pays back in the first year it
  /// differs (travel training from 2026/27), not in 2025/26 before it starts.
  func testPaybackIsNotBeforeTheScenarioStarts() throws {
    let result = try CommandRunner.run([
      "scenario", "compare", "Models/scenarios/baseline.yaml",
      "Models/scenarios/travel-training.yaml", "--format", "json",
    ])
    XCTAssertEqual(result.status, 0, result.stderr)
    XCTAssertTrue(result.stdout.contains("\"payback_year\" : \"immediate\""), result.stdout)
    XCTAssertTrue(result.stdout.contains("\"payback_year_p10\" : \"2026/27\""), result.stdout)
    XCTAssertFalse(result.stdout.contains("\"payback_year_p10\" : \"2025/26\""), result.stdout)
  }

  /// The new-school business case over the default horizon (at least 10 years): capital
  /// the year before opening, the school filling over more than one year, INMS lower than
  /// the baseline's in every year from the first intake (spare state places take INMS-bound
  /// children in both), and the NPV with its 10-90% range; the same seed, the same bytes.
  func testScenarioCompareCSV() throws {
    let arguments = [
      "scenario", "compare", "Models/scenarios/baseline.yaml",
      "Models/scenarios/new-special-school-2027.yaml", "--format", "csv", "--draws", "200",
    ]
    let result = try CommandRunner.run(arguments)
    XCTAssertEqual(result.status, 0, result.stderr)
    let lines = result.stdout.split(separator: "\n").map(String.init)
    XCTAssertEqual(lines.first, "scenario,academic_year,measure,value,difference_vs_first")
    XCTAssertTrue(lines.contains { $0.hasPrefix("baseline,total,npv_total_cost,") })
    XCTAssertTrue(lines.contains { $0.hasPrefix("new-special-school-2027,total,payback_year,") })
    // Capital in 2026/27, the year before the school opens; 100 more places from 2027/28.
    XCTAssertTrue(
      lines.contains {
        $0.hasPrefix("new-special-school-2027,2026/27,capital_cost,") && !$0.hasSuffix(",0")
      })
    XCTAssertTrue(
      lines.contains {
        $0.hasPrefix("new-special-school-2027,2027/28,places_special_state,")
          && $0.hasSuffix(",25.0")
      })
    func values(_ scenario: String, _ measure: String) -> [Double] {
      lines.filter { $0.hasPrefix("\(scenario),") && $0.contains(",\(measure),") }
        .compactMap { Double($0.split(separator: ",", omittingEmptySubsequences: false)[3]) }
    }
    let filled = values("new-special-school-2027", "new_places_filled")
    XCTAssertEqual(filled.count, 10)
    XCTAssertEqual(Array(filled.prefix(3)), [0, 0, 25])
    XCTAssertEqual(filled.last, 100)
    let base = values("baseline", "inms_placements")
    let school = values("new-special-school-2027", "inms_placements")
    for index in 2..<10 {
      XCTAssertLessThan(school[index], base[index], "year \(index + 1)")
    }
    let npv = try XCTUnwrap(values("new-special-school-2027", "npv_total_cost").first)
    let low = try XCTUnwrap(values("new-special-school-2027", "npv_total_cost_p10").first)
    let high = try XCTUnwrap(values("new-special-school-2027", "npv_total_cost_p90").first)
    XCTAssertLessThan(low, npv)
    XCTAssertLessThan(npv, high)
    XCTAssertTrue(
      lines.contains { $0.hasPrefix("new-special-school-2027,total,payback_year_p90,") })
    let again = try CommandRunner.run(arguments)
    XCTAssertEqual(again.stdout, result.stdout)
  }

  /// A scenario that cannot be applied to the LA (Rutland has no places in the register) is
  /// an error naming what is missing, not £0 and "payback immediate".
  func testScenarioThatCannotApplyIsAnError() throws {
    let result = try CommandRunner.run([
      "scenario", "compare", "Models/scenarios/baseline.yaml",
      "Models/scenarios/new-special-school-2027.yaml", "--la", "Rutland", "--draws", "0",
    ])
    XCTAssertNotEqual(result.status, 0)
    XCTAssertTrue(
      result.stderr.contains("no special_state places for E06000017"), result.stderr)
    XCTAssertEqual(result.stdout, "")
  }

  func testCostsAreByteIdenticalForOneSeed() throws {
    let arguments = ["costs", "--draws", "300", "--seed", "42", "--format", "csv"]
    let first = try CommandRunner.run(arguments)
    let second = try CommandRunner.run(arguments)
    XCTAssertEqual(first.status, 0, first.stderr)
    XCTAssertEqual(first.stdout, second.stdout)
    XCTAssertTrue(
      first.stdout.hasPrefix("la_code,scenario,academic_year,kind,measure,value,lower80,upper80\n"))
    XCTAssertTrue(first.stdout.contains("E10000032,baseline,2024/25,actual,inms_cost,58816000,"))
    let other = try CommandRunner.run([
      "costs", "--draws", "300", "--seed", "43", "--format", "csv",
    ])
    XCTAssertNotEqual(first.stdout, other.stdout)
  }

  /// The INMS fee from the LA's own High needs benchmarking figures: West Sussex's
  /// £34,235,100 top-up is money, not a count, and must not meet the count ceiling.
  func testCalibratedINMSFeeFromTheFinanceExtract() throws {
    let extract = TestPaths.sharedFile(
      "data/finance/high_needs_benchmarking_extract_2021_22_by_la.csv")
    guard FileManager.default.fileExists(atPath: extract) else {
      throw XCTSkip("the shared finance extract is not beside the package: \(extract)")
    }
    let arguments = ["costs", "--draws", "100", "--seed", "42", "--format", "csv"]
    let calibrated = try CommandRunner.run(arguments + ["--calibrate-inms", extract])
    XCTAssertEqual(calibrated.status, 0, calibrated.stderr)
    let standard = try CommandRunner.run(arguments)
    func baselineINMSCost(_ text: String) -> Double? {
      text.split(separator: "\n").first {
        $0.hasPrefix("E10000032,baseline,2024/25,actual,inms_cost,")
      }
      .flatMap { Double($0.split(separator: ",")[5]) }
    }
    let own = try XCTUnwrap(baselineINMSCost(calibrated.stdout))
    let fallback = try XCTUnwrap(baselineINMSCost(standard.stdout))
    XCTAssertNotEqual(own, fallback)
    XCTAssertEqual(own / fallback, 1, accuracy: 0.1)
  }

  func testBadScenarioIsLocated() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "placeplan-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let bad = folder.appendingPathComponent("bad.yaml")
    try "name: bad\ninms_to_state:\n  share: 0.3\n  from: \"2027/28\"\n  to: inms\n".write(
      to: bad, atomically: true, encoding: .utf8)
    let result = try CommandRunner.run([
      "scenario", "compare", "Models/scenarios/baseline.yaml", bad.path,
    ])
    XCTAssertNotEqual(result.status, 0)
    XCTAssertTrue(
      result.stderr.contains(
        "bad.yaml:5:7: inms_to_state.to is \"inms\"; fix: use one of special_state, rp_sen_unit"),
      result.stderr)
  }
}
