import Foundation
import PlacePlanTestSupport
import XCTest

/// End-to-end `--by need`: forecast and places.
final class NeedCommandTests: XCTestCase {
  /// West Sussex's January 2025 rows by need are the published counts (SEN2 2025
  /// sen_needs_all_plans: ASD 2,583, SEMH 2,098, SLCN 2,467, MLD 1,041 of 9,301), and every
  /// setting type's needs add up to its own forecast within 1% in every year.
  func testForecastByNeedCSV() throws {
    let result = try CommandRunner.run([
      "forecast", "--la", "West Sussex", "--by", "need", "--format", "csv",
    ])
    XCTAssertEqual(result.status, 0, result.stderr)
    let lines = result.stdout.split(separator: "\n").map(String.init)
    XCTAssertEqual(
      lines.first,
      "la_code,la_name,setting_type,need,census_year,kind,value,lower80,upper80,lower95,upper95,method"
    )
    for (need, count) in [("asd", 2583), ("semh", 2098), ("slcn", 2467), ("mld", 1041)] {
      XCTAssertTrue(
        lines.contains("E10000032,West Sussex,total,\(need),2025,actual,\(count),,,,,"), need)
    }
    XCTAssertTrue(lines.contains("E10000032,West Sussex,special_state,asd,2025,actual,777,,,,,"))
    let plain = try CommandRunner.run([
      "forecast", "--la", "West Sussex", "--format", "csv",
    ])
    XCTAssertEqual(plain.status, 0, plain.stderr)
    var sums: [String: Double] = [:]
    for line in lines.dropFirst() {
      let cells = line.split(separator: ",", omittingEmptySubsequences: false)
      sums["\(cells[2]),\(cells[4])", default: 0] += Double(cells[6]) ?? .nan
    }
    var checked = 0
    for line in plain.stdout.split(separator: "\n").dropFirst() {
      let cells = line.split(separator: ",", omittingEmptySubsequences: false)
      guard let year = Int(cells[3]), year >= 2025, let value = Double(cells[5]) else {
        continue
      }
      let sum = try XCTUnwrap(sums["\(cells[2]),\(year)"], String(line))
      XCTAssertEqual(sum, value, accuracy: max(0.5, 0.01 * value), String(line))
      checked += 1
    }
    XCTAssertEqual(checked, 9 * 6)
  }

  /// Need within phase: the phase and need columns, and state special ASD in primary
  /// summing over phases to state special ASD.
  func testForecastByNeedWithinPhaseCSV() throws {
    let result = try CommandRunner.run([
      "forecast", "--la", "West Sussex", "--by", "need", "--by", "phase", "--format", "csv",
    ])
    XCTAssertEqual(result.status, 0, result.stderr)
    let lines = result.stdout.split(separator: "\n").map(String.init)
    XCTAssertEqual(
      lines.first,
      "la_code,la_name,setting_type,phase,need,census_year,kind,value,lower80,upper80,lower95,upper95,method"
    )
    let asd2025 = lines.filter { $0.contains(",special_state,") && $0.contains(",asd,2025,") }
    XCTAssertEqual(asd2025.count, 5)
    let sum = asd2025.compactMap { Double($0.split(separator: ",")[7]) }.reduce(0, +)
    XCTAssertEqual(sum, 777, accuracy: 1)
  }

  /// Places designated by need against demand on the illustrative register; a register
  /// without designations is told how to add them.
  func testPlacesByNeed() throws {
    let result = try CommandRunner.run([
      "places", "--la", "West Sussex", "--by", "need", "--format", "csv",
    ])
    XCTAssertEqual(result.status, 0, result.stderr)
    let lines = result.stdout.split(separator: "\n").map(String.init)
    XCTAssertEqual(
      lines.first,
      "la_code,setting_type,designation,academic_year,kind,planned_places,demand,demand_lower80,demand_upper80,utilisation_pct,shortfall_excess,p_demand_exceeds_places"
    )
    // 2024/25: ASD schools B and E (320 + 240 places) against the 777 ASD children in
    // state special schools in January 2025.
    XCTAssertTrue(
      lines.contains("E10000032,special_state,asd,2024/25,actual,560.0,777,,,138.8,-217.0,1.000"),
      result.stdout)

    let register = FileManager.default.temporaryDirectory
      .appendingPathComponent("places-\(UUID().uuidString).csv")
    defer { try? FileManager.default.removeItem(at: register) }
    try
      ("la_code,setting_name,setting_type,phase,first_year,last_year,planned_places\n"
      + "E10000032,Oak,special_state,primary,2024/25,,100\n").write(
        to: register, atomically: true, encoding: .utf8)
    let undesignated = try CommandRunner.run([
      "places", "--la", "West Sussex", "--by", "need", "--places", register.path,
    ])
    XCTAssertNotEqual(undesignated.status, 0)
    XCTAssertTrue(undesignated.stderr.contains("designation column"), undesignated.stderr)
  }
}
