import Foundation
import PlacePlanTestSupport
import XCTest

/// `--child-model`: places, costs and the rest run on the LA's own child-level records
/// (here the synthetic West Sussex extract in SampleData) instead of the aggregates.
final class ChildModelCommandTests: XCTestCase {
  private let folder = "SampleData/child_level_west_sussex_SYNTHETIC"

  /// The synthetic records reproduce the published January 2025 counts, so places start
  /// from West Sussex's 2,147 children in state special schools and 390 in RP/SEN units
  /// (SEN2 2025), then follow the child-level forecast, labelled as such.
  func testPlacesRunOnTheChildLevelForecast() throws {
    let csv = try CommandRunner.run([
      "places", "--la", "E10000032", "--child-model", folder, "--horizon", "2", "--format", "csv",
      "--child-simulations", "100",
    ])
    XCTAssertEqual(csv.status, 0, csv.stderr)
    let lines = csv.stdout.split(separator: "\n").map(String.init)
    XCTAssertTrue(
      lines.contains { $0.hasPrefix("E10000032,special_state,2024/25,actual,2160,2147,") })
    XCTAssertTrue(lines.contains { $0.hasPrefix("E10000032,rp_sen_unit,2024/25,actual,400,390,") })
    let forecastRows = lines.filter { $0.contains(",2026/27,") }
    XCTAssertEqual(forecastRows.count, 3, csv.stdout)  // RP, state special and INMS
    let json = try CommandRunner.run([
      "places", "--la", "E10000032", "--child-model", folder, "--horizon", "1", "--format", "json",
      "--child-simulations", "100",
    ])
    XCTAssertEqual(json.status, 0, json.stderr)
    XCTAssertTrue(json.stdout.contains("\"method\" : \"child-level\""))
    XCTAssertTrue(json.stdout.contains("\"child_model\" : \"\(folder)\""))
  }

  /// One LA's records cannot stand for all LAs, and --through does not apply.
  func testChildModelNeedsOneLA() throws {
    let all = try CommandRunner.run(["places", "--la", "all", "--child-model", folder])
    XCTAssertNotEqual(all.status, 0)
    XCTAssertTrue(all.stderr.contains("name that LA with --la"), all.stderr)
    let through = try CommandRunner.run([
      "places", "--child-model", folder, "--through", "2024",
    ])
    XCTAssertNotEqual(through.status, 0)
    XCTAssertTrue(through.stderr.contains("leave out --through"), through.stderr)
  }

  /// A setting type placeplan does not know is located in the mapping file, with the
  /// choices; a setting left out of the mapping is named.
  func testABadSettingTypeIsLocated() throws {
    let copy = FileManager.default.temporaryDirectory.appendingPathComponent(
      "placeplan-child-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: copy, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: copy) }
    let source = TestPaths.packageRoot.appendingPathComponent(folder)
    for name in ["transitions.csv", "population.csv", "valid-states.csv"] {
      try FileManager.default.copyItem(
        at: source.appendingPathComponent(name), to: copy.appendingPathComponent(name))
    }
    let mapping = copy.appendingPathComponent("setting-types.csv")
    try "setting,setting_type\nMS,mainstream\nRP,rp_sen_unit\nSS,special\n".write(
      to: mapping, atomically: true, encoding: .utf8)
    let bad = try CommandRunner.run(["costs", "--child-model", copy.path])
    XCTAssertNotEqual(bad.status, 0)
    XCTAssertTrue(bad.stderr.contains("setting-types.csv:4:"), bad.stderr)
    XCTAssertTrue(bad.stderr.contains("special_state"), bad.stderr)
    try "setting,setting_type\nMS,mainstream\n".write(
      to: mapping, atomically: true, encoding: .utf8)
    let missing = try CommandRunner.run(["costs", "--child-model", copy.path])
    XCTAssertNotEqual(missing.status, 0)
    XCTAssertTrue(missing.stderr.contains("no setting type for RP, SS"), missing.stderr)
  }

  /// A scenario's `child` section runs the model under its changes: half of the joiners
  /// and movers bound for INMS go to state special schools from 2026/27. Each simulation
  /// has its own random stream, so 2025/26 is the baseline's to the digit; from 2026/27
  /// state special demand is higher and INMS placements lower. Without --child-model the
  /// section is an error, as is a setting the valid states do not have.
  func testAChildScenarioChangesDemandFromItsYear() throws {
    let scenario = folder + "/scenario-inms-to-special.yaml"
    let result = try CommandRunner.run([
      "scenario", "compare", "Models/scenarios/baseline.yaml", scenario, "--la", "E10000032",
      "--child-model", folder, "--child-simulations", "100", "--draws", "0", "--format", "csv",
    ])
    XCTAssertEqual(result.status, 0, result.stderr)
    func difference(_ year: String, _ measure: String) throws -> Double {
      let line = try XCTUnwrap(
        result.stdout.split(separator: "\n").first {
          $0.hasPrefix("inms-to-special,\(year),\(measure),")
        }, "\(year) \(measure)")
      return try XCTUnwrap(Double(line.split(separator: ",").last ?? ""))
    }
    XCTAssertEqual(try difference("2025/26", "demand_special_state"), 0)
    XCTAssertEqual(try difference("2025/26", "inms_placements"), 0)
    for year in ["2026/27", "2029/30"] {
      XCTAssertGreaterThan(try difference(year, "demand_special_state"), 50, year)
      XCTAssertLessThan(try difference(year, "inms_placements"), -20, year)
    }
    let without = try CommandRunner.run([
      "scenario", "compare", "Models/scenarios/baseline.yaml", scenario,
    ])
    XCTAssertNotEqual(without.status, 0)
    XCTAssertTrue(without.stderr.contains("give --child-model FOLDER"), without.stderr)

    let copy = FileManager.default.temporaryDirectory.appendingPathComponent(
      "placeplan-child-scenario-\(UUID().uuidString).yaml")
    defer { try? FileManager.default.removeItem(at: copy) }
    let text = try String(
      contentsOfFile: TestPaths.packageRoot.appendingPathComponent(scenario).path, encoding: .utf8)
    // The first redirect's target, on its line of the file.
    let redirectLine =
      try XCTUnwrap(
        text.components(separatedBy: "\n").firstIndex { $0.contains("to: SS") }) + 1
    try text.replacingOccurrences(of: "to: SS", with: "to: SSS").write(
      to: copy, atomically: true, encoding: .utf8)
    let unknown = try CommandRunner.run([
      "scenario", "compare", "Models/scenarios/baseline.yaml", copy.path, "--child-model", folder,
      "--child-simulations", "10",
    ])
    XCTAssertNotEqual(unknown.status, 0)
    XCTAssertTrue(
      unknown.stderr.contains(
        ".yaml:\(redirectLine): child.redirects[1].to: setting SSS is not in the valid states"),
      unknown.stderr)
  }

  /// The report on the child-level forecast sets it beside the aggregate one, and the
  /// flow section says which forecast the places and costs use.
  func testReportSetsTheChildLevelForecastBesideTheAggregate() throws {
    let out = FileManager.default.temporaryDirectory.appendingPathComponent(
      "placeplan-child-report-\(UUID().uuidString).html")
    defer { try? FileManager.default.removeItem(at: out) }
    let result = try CommandRunner.run([
      "report", "--la", "E10000032", "--child-model", folder, "--child-simulations", "50",
      "--out", out.path,
    ])
    XCTAssertEqual(result.status, 0, result.stderr)
    let html = try String(contentsOf: out, encoding: .utf8)
    XCTAssertTrue(html.contains(">The LA's own child-level records</h2>"))
    for series in ["Census (actual)", "Published aggregates (median)", "Child-level (mean)"] {
      XCTAssertTrue(html.contains("data-name=\"\(series)\""), series)
    }
    XCTAssertTrue(
      html.contains("this report's places, dashboard and costs use the child-level forecast"))
    XCTAssertTrue(
      html.contains("<td>2,147</td>") || html.contains(">2,147<"), "state special, January 2025")
  }
}
