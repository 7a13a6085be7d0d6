import Foundation
import PlacePlanTestSupport
import XCTest

final class PlacesCommandTests: XCTestCase {
  func testPlacesCSVHeaderAndShortfallClosing() throws {
    let result = try CommandRunner.run(["places", "--format", "csv"])
    XCTAssertEqual(result.status, 0, result.stderr)
    let lines = result.stdout.split(separator: "\n").map(String.init)
    XCTAssertEqual(
      lines.first,
      "la_code,setting_type,academic_year,kind,planned_places,demand,demand_lower80,demand_upper80,utilisation_pct,shortfall_excess,p_demand_exceeds_places,placed,overflow_to_inms,actual_placements,actual_utilisation_pct"
    )
    let special = lines.filter { $0.hasPrefix("E10000032,special_state,") }
    XCTAssertEqual(special.count, 6)
    XCTAssertTrue(
      special[0].hasPrefix(
        "E10000032,special_state,2024/25,actual,2160,2147,,,99.4,13.0,0.000,2147,0.0"),
      special[0])
    let shortfalls = special.compactMap {
      Double($0.split(separator: ",", omittingEmptySubsequences: false)[9])
    }
    XCTAssertLessThan(shortfalls[1], 0)  // a shortfall next year
    XCTAssertGreaterThan(shortfalls[5], 0)  // closed by year 5
    XCTAssertTrue(lines.contains { $0.hasPrefix("E10000032,inms,2025/26,forecast,,") })
  }

  func testDashboardTableAndCSV() throws {
    let table = try CommandRunner.run(["dashboard"])
    XCTAssertEqual(table.status, 0, table.stderr)
    XCTAssertTrue(table.stdout.contains("Baseline 2024/25"))
    XCTAssertTrue(table.stdout.contains("Year 5 2029/30"))
    XCTAssertTrue(table.stdout.contains("INMS expenditure      "), table.stdout)
    XCTAssertFalse(table.stdout.contains("not estimated"), table.stdout)
    let csv = try CommandRunner.run(["dashboard", "--format", "csv"])
    XCTAssertEqual(csv.status, 0, csv.stderr)
    // A UTF-8 byte-order mark first, so that Excel shows £ and − as they are.
    XCTAssertTrue(csv.stdout.unicodeScalars.first == "\u{FEFF}")
    let lines = csv.stdout.dropFirst().split(separator: "\n").map(String.init)
    XCTAssertEqual(
      lines.first, "la_code,measure,label,unit,2024/25,2025/26,2026/27,2027/28,2028/29,2029/30,note"
    )
    XCTAssertTrue(
      lines.contains { $0.hasPrefix("E10000032,ehcps_total,Total EHCPs 0-25,count,9301,") })
    XCTAssertTrue(
      lines.contains {
        $0.hasPrefix(
          "E10000032,planned_places_special_state,Planned places: special,places,2160,2160,2280,")
      })
    // Shortfall/excess by phase adds up to the setting type's, year by year.
    func values(_ key: String) throws -> [Double] {
      let line = try XCTUnwrap(lines.first { $0.hasPrefix("E10000032,\(key),") }, key)
      return line.split(separator: ",", omittingEmptySubsequences: false)[4..<10].compactMap {
        Double($0)
      }
    }
    // RP has no post-16 places in the register: its post-16 row is the unplaced demand.
    for setting in ["special_state", "rp_sen_unit"] {
      let whole = try values("shortfall_excess_\(setting)")
      let phases = try ["primary", "secondary", "post-16"].map {
        try values("shortfall_excess_\(setting)_\($0)")
      }
      XCTAssertEqual(whole.count, 6)
      for index in whole.indices {
        XCTAssertEqual(
          phases.map { $0[index] }.reduce(0, +), whole[index], accuracy: 1.5, setting)
      }
    }
  }

  /// An LA without register rows gets its state special and RP demand with places unknown,
  /// not INMS alone.
  func testLAWithoutRegisterRowsShowsSpecialistDemand() throws {
    let result = try CommandRunner.run(["places", "--la", "Kent", "--format", "csv"])
    XCTAssertEqual(result.status, 0, result.stderr)
    XCTAssertTrue(result.stderr.contains("showing demand only"), result.stderr)
    for setting in ["special_state", "rp_sen_unit", "inms"] {
      XCTAssertTrue(
        result.stdout.contains("E10000016,\(setting),2026/27,forecast,,"),
        "\(setting)\n\(result.stdout)")
    }
  }

  func testBadRegisterIsLocated() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "placeplan-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let bad = folder.appendingPathComponent("register.csv")
    try
      "la_code,setting_name,setting_type,phase,first_year,last_year,planned_places\nE10000032,Oak,special_state,primary,2025/26,,lots\n"
      .write(to: bad, atomically: true, encoding: .utf8)
    let result = try CommandRunner.run(["places", "--places", bad.path])
    XCTAssertNotEqual(result.status, 0)
    XCTAssertTrue(
      result.stderr.contains("register.csv:2:7: planned_places is \"lots\""), result.stderr)
  }

  /// Without --format, --out's extension chooses it: a .csv file gets CSV, not the text
  /// table; an explicit --format wins.
  func testOutExtensionChoosesTheFormat() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "placeplan-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let csv = folder.appendingPathComponent("forecast.csv")
    XCTAssertEqual(try CommandRunner.run(["forecast", "--out", csv.path]).status, 0)
    XCTAssertTrue(
      try String(contentsOf: csv, encoding: .utf8).hasPrefix(
        "la_code,la_name,setting_type,census_year,kind,value"))
    let table = folder.appendingPathComponent("forecast-table.csv")
    XCTAssertEqual(
      try CommandRunner.run(["forecast", "--format", "table", "--out", table.path]).status, 0)
    XCTAssertTrue(
      try String(contentsOf: table, encoding: .utf8).hasPrefix("West Sussex (E10000032)"))
  }

  /// A register row under an LA code the caseload file does not know is said, with its
  /// line, instead of its places vanishing without a word.
  func testUnknownRegisterCodeIsSaid() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "placeplan-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let register = folder.appendingPathComponent("register.csv")
    try
      "la_code,setting_name,setting_type,phase,first_year,last_year,planned_places\nE10000032,Oak,special_state,primary,2025/26,,100\nE10000099,Elm,special_state,primary,2025/26,,50\n"
      .write(to: register, atomically: true, encoding: .utf8)
    let result = try CommandRunner.run(["places", "--places", register.path])
    XCTAssertEqual(result.status, 0, result.stderr)
    XCTAssertTrue(
      result.stderr.contains(
        "places register: 1 row(s) have an LA code that is not in the caseload file (E10000099; register.csv:3)"
      ), result.stderr)
  }

  /// An LA abolished before the latest census is not forecast as if it still existed: the
  /// error names its successors and how to forecast from its last census.
  func testAbolishedLAIsPointedToItsSuccessors() throws {
    let result = try CommandRunner.run(["forecast", "--la", "Bournemouth"])
    XCTAssertNotEqual(result.status, 0)
    XCTAssertTrue(
      result.stderr.contains(
        "E06000028's series ends at the 2019 census (Bournemouth, Poole and Dorset reorganised "
          + "April 2019; successors E06000058, E06000059)"), result.stderr)
    XCTAssertTrue(result.stderr.contains("use --through 2019"), result.stderr)
    XCTAssertEqual(
      try CommandRunner.run(["forecast", "--la", "Bournemouth", "--through", "2019"]).status, 0)
  }
}

final class PhaseCommandTests: XCTestCase {
  func testForecastByPhaseAddsThePhaseColumn() throws {
    let result = try CommandRunner.run([
      "forecast", "--by", "phase", "--format", "csv", "--horizon", "2",
    ])
    XCTAssertEqual(result.status, 0, result.stderr)
    let lines = result.stdout.split(separator: "\n").map(String.init)
    XCTAssertEqual(
      lines.first,
      "la_code,la_name,setting_type,phase,census_year,kind,value,lower80,upper80,lower95,upper95,method"
    )
    XCTAssertTrue(
      lines.contains("E10000032,West Sussex,special_state,secondary,2025,actual,936,,,,,"))
    XCTAssertEqual(lines.filter { $0.contains(",2026,forecast,") }.count, 9 * 5)
    let json = try CommandRunner.run([
      "forecast", "--by", "phase", "--format", "json", "--horizon", "1",
    ])
    XCTAssertEqual(json.status, 0, json.stderr)
    let object = try XCTUnwrap(
      JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
    let rows = try XCTUnwrap(object["rows"] as? [[String: Any]])
    XCTAssertEqual(rows.count, 9 * 5 * 3)  // 2024 and 2025 censuses and one forecast year
    // Without --by the output is unchanged.
    let plain = try CommandRunner.run(["forecast", "--format", "csv", "--horizon", "2"])
    XCTAssertTrue(plain.stdout.hasPrefix("la_code,la_name,setting_type,census_year,kind,"))
  }
}

final class PlacesByPhaseCommandTests: XCTestCase {
  func testPlacesByPhaseMatchesRegisterPhases() throws {
    let result = try CommandRunner.run(["places", "--by", "phase", "--format", "csv"])
    XCTAssertEqual(result.status, 0, result.stderr)
    let lines = result.stdout.split(separator: "\n").map(String.init)
    XCTAssertEqual(
      lines.first,
      "la_code,setting_type,phase,academic_year,kind,planned_places,demand,demand_lower80,demand_upper80,utilisation_pct,shortfall_excess,p_demand_exceeds_places"
    )
    // The illustrative register's post-16 special school G has 150 places in 2024/25.
    XCTAssertTrue(
      lines.contains { $0.hasPrefix("E10000032,special_state,post-16,2024/25,actual,150.0,") },
      result.stdout)
    let special2025 = lines.filter {
      $0.hasPrefix("E10000032,special_state,") && $0.contains(",2024/25,")
    }
    let places = special2025.compactMap {
      Double($0.split(separator: ",", omittingEmptySubsequences: false)[5])
    }
    // All-through places are shared between primary and secondary, none lost.
    XCTAssertEqual(places.reduce(0, +), 2160, accuracy: 1e-6)

    // JSON carries the same rows as the CSV.
    let json = try CommandRunner.run(["places", "--by", "phase", "--format", "json"])
    XCTAssertEqual(json.status, 0, json.stderr)
    let object = try XCTUnwrap(
      JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
    XCTAssertNotNil(object["provenance"])
    let rows = try XCTUnwrap(object["places"] as? [[String: Any]])
    XCTAssertEqual(rows.count, lines.count - 1)
    let post16 = rows.first {
      $0["setting_type"] as? String == "special_state" && $0["phase"] as? String == "post-16"
        && $0["academic_year"] as? String == "2024/25"
    }
    XCTAssertEqual(post16?["planned_places"] as? Double, 150)
  }
}
