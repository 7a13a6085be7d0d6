import Foundation
import PlacePlanTestSupport
import XCTest

#if canImport(FoundationXML)
  import FoundationXML
#endif

/// End-to-end: the built binary, its stdout, stderr and exit code.
final class ForecastCommandTests: XCTestCase {
  private let header =
    "la_code,la_name,setting_type,census_year,kind,value,lower80,upper80,lower95,upper95,method"

  func testDefaultForecastIsWestSussexTableWithProvenance() throws {
    let result = try CommandRunner.run(["forecast"])
    XCTAssertEqual(result.status, 0, result.stderr)
    XCTAssertTrue(result.stdout.hasPrefix("West Sussex (E10000032)"))
    for setting in [
      "total", "mainstream", "rp_sen_unit", "special_state", "inms", "ap_pru", "fe_post16",
      "early_years", "other",
    ] {
      XCTAssertTrue(result.stdout.contains("\n\(setting) "), setting)
    }
    XCTAssertTrue(result.stdout.contains("placeplan 0.1.0: forecast"))
    XCTAssertTrue(result.stdout.contains("caseload: "))
    XCTAssertTrue(result.stdout.contains("method auto."), result.stdout)
    XCTAssertTrue(
      result.stdout.contains("note: total: pooled chosen: backtest median APE"), result.stdout)
    XCTAssertTrue(result.stdout.contains("intervals: empirical, from "), result.stdout)
  }

  func testCSVHasExactHeaderAndAllSettingTypes() throws {
    let result = try CommandRunner.run([
      "forecast", "--la", "West Sussex", "--format", "csv", "--horizon", "5",
    ])
    XCTAssertEqual(result.status, 0, result.stderr)
    let lines = result.stdout.split(separator: "\n").map(String.init)
    XCTAssertEqual(lines.first, header)
    let forecasts = lines.dropFirst().filter { $0.contains(",forecast,") }
    XCTAssertEqual(forecasts.count, 9 * 5)
    let actual2025 = try XCTUnwrap(
      lines.first { $0.hasPrefix("E10000032,West Sussex,total,2025,actual,") })
    XCTAssertEqual(actual2025, "E10000032,West Sussex,total,2025,actual,9301,,,,,")
    for line in forecasts {
      let cells = line.split(separator: ",", omittingEmptySubsequences: false)
      XCTAssertEqual(cells.count, 11, line)
      XCTAssertTrue(cells[6...9].allSatisfy { Double($0) != nil }, line)
    }
  }

  func testAllLAsThroughAnEarlierCensus() throws {
    let result = try CommandRunner.run([
      "forecast", "--la", "all", "--through", "2022", "--horizon", "3", "--format", "csv",
    ])
    XCTAssertEqual(result.status, 0, result.stderr)
    let lines = result.stdout.split(separator: "\n")
    let codes = Set(lines.dropFirst().map { $0.prefix(9) })
    XCTAssertGreaterThan(codes.count, 145)
    XCTAssertFalse(lines.contains { $0.contains(",2023,actual,") })
    XCTAssertTrue(lines.contains { $0.hasPrefix("E10000032,West Sussex,inms,2025,forecast,") })
    // Cumbria's series runs to 2023, so through 2022 it is forecast too; successors are skipped.
    XCTAssertTrue(codes.contains("E10000006"))
    XCTAssertTrue(result.stderr.contains("skipped E06000063"))
  }

  func testJSONIsDeterministicAndCarriesProvenance() throws {
    let first = try CommandRunner.run(["forecast", "--format", "json", "--method", "log-linear"])
    let second = try CommandRunner.run(["forecast", "--format", "json", "--method", "log-linear"])
    XCTAssertEqual(first.status, 0, first.stderr)
    XCTAssertEqual(first.stdout, second.stdout)
    let object = try XCTUnwrap(
      JSONSerialization.jsonObject(with: Data(first.stdout.utf8)) as? [String: Any])
    let provenance = try XCTUnwrap(object["provenance"] as? [String: Any])
    XCTAssertEqual(provenance["version"] as? String, "0.1.0")
    let forecasts = try XCTUnwrap(object["forecasts"] as? [[String: Any]])
    XCTAssertEqual(forecasts.first?["census_years_used"] as? [Int], Array(2019...2025))
  }

  func testOutWritesFileAndSidecarAtomically() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "placeplan-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let out = folder.appendingPathComponent("forecast.csv").path
    let result = try CommandRunner.run(["forecast", "--format", "csv", "--out", out])
    XCTAssertEqual(result.status, 0, result.stderr)
    XCTAssertTrue(try String(contentsOfFile: out, encoding: .utf8).hasPrefix(header))
    XCTAssertTrue(FileManager.default.fileExists(atPath: out + ".provenance.json"))
    let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter {
      $0.hasSuffix(".tmp")
    }
    XCTAssertEqual(leftovers, [])
  }

  func testUnknownLAExitsNonZeroWithAHint() throws {
    let result = try CommandRunner.run(["forecast", "--la", "Sussex"])
    XCTAssertNotEqual(result.status, 0)
    XCTAssertEqual(result.stdout, "")
    XCTAssertTrue(result.stderr.contains("no local authority \"Sussex\""), result.stderr)
    XCTAssertTrue(result.stderr.contains("E10000032 West Sussex"), result.stderr)
  }

  func testBadCaseloadFileIsLocatedAndWritesNothing() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "placeplan-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let bad = folder.appendingPathComponent("bad.csv")
    let text = try String(contentsOfFile: TestPaths.fixture("derived_extract.csv"), encoding: .utf8)
      .replacingOccurrences(of: ",9301,", with: ",93o1,")
    try text.write(to: bad, atomically: true, encoding: .utf8)
    let out = folder.appendingPathComponent("out.csv").path
    let result = try CommandRunner.run([
      "forecast", "--caseload", bad.path, "--format", "csv", "--out", out,
    ])
    XCTAssertNotEqual(result.status, 0)
    XCTAssertTrue(result.stderr.contains("bad.csv:"), result.stderr)
    XCTAssertTrue(result.stderr.contains("total is \"93o1\""), result.stderr)
    XCTAssertFalse(FileManager.default.fileExists(atPath: out))
  }

  /// The inputs are read at once, but a bad file is reported in the order the files are
  /// named, one error only: the caseload before the population, the population before the
  /// requests.
  func testBadInputsAreReportedInTheirOrder() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "placeplan-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let write = { (name: String) throws -> String in
      let url = folder.appendingPathComponent(name)
      try "x,y\n1,2\n".write(to: url, atomically: true, encoding: .utf8)
      return url.path
    }
    let caseload = try write("badcaseload.csv")
    let population = try write("badpopulation.csv")
    let requests = try write("badrequests.csv")
    let all = try CommandRunner.run([
      "forecast", "--caseload", caseload, "--population", population, "--requests", requests,
    ])
    XCTAssertNotEqual(all.status, 0)
    XCTAssertTrue(all.stderr.contains("badcaseload.csv:1:"), all.stderr)
    XCTAssertFalse(all.stderr.contains("badpopulation.csv"), all.stderr)
    let later = try CommandRunner.run([
      "forecast", "--population", population, "--requests", requests,
    ])
    XCTAssertNotEqual(later.status, 0)
    XCTAssertTrue(later.stderr.contains("badpopulation.csv:1:"), later.stderr)
    XCTAssertFalse(later.stderr.contains("badrequests.csv"), later.stderr)
    let last = try CommandRunner.run(["forecast", "--requests", requests])
    XCTAssertNotEqual(last.status, 0)
    XCTAssertTrue(last.stderr.contains("badrequests.csv:1:"), last.stderr)
  }

  func testHorizonOutOfRangeIsAValidationError() throws {
    let result = try CommandRunner.run(["forecast", "--horizon", "40"])
    XCTAssertNotEqual(result.status, 0)
    XCTAssertTrue(result.stderr.contains("--horizon must be 1 to 15"), result.stderr)
  }
}

/// The forecast reads every published caseload layout and a supplied projection.
final class ForecastInputsTests: XCTestCase {
  func testEachCaseloadLayoutGivesTheSameJanuary2022Actuals() throws {
    var lines: [String] = []
    for file in [
      "ehcp2025_caseload.csv", "ehcp2022_sen2_estab_caseload.csv",
      "derived_ehcp_caseload_by_la_setting_2010_2025.csv",
    ] {
      let path = TestPaths.sharedFile("data/ehcp_sen2/\(file)")
      let result = try CommandRunner.run([
        "forecast", "--caseload", path, "--through", "2022", "--horizon", "1", "--format", "csv",
      ])
      XCTAssertEqual(result.status, 0, result.stderr)
      let actuals = result.stdout.split(separator: "\n").filter {
        $0.hasPrefix("E10000032,West Sussex,") && $0.contains(",2022,actual,")
      }
      XCTAssertEqual(actuals.count, 9, file)
      lines.append(actuals.joined(separator: "\n"))
    }
    XCTAssertEqual(Set(lines).count, 1)
  }

  func testSuppliedProjectionIsUsedAndSaid() throws {
    let result = try CommandRunner.run([
      "forecast", "--la", "E08000029", "--method", "prevalence", "--projection",
      TestPaths.fixture("snpp2022_solihull_persons_age0_25.csv"),
    ])
    XCTAssertEqual(result.status, 0, result.stderr)
    XCTAssertTrue(
      result.stdout.contains("population 0-25 for mid-2025-2029 from the supplied projection"),
      result.stdout)
    XCTAssertTrue(result.stdout.contains("population projection: "))
  }
}

final class BacktestCommandTests: XCTestCase {
  func testCSVHeaderAndBaselinesInTheSameTable() throws {
    let result = try CommandRunner.run([
      "backtest", "--la", "E10000032", "--origins", "2019-2024", "--horizons", "1-3", "--format",
      "csv",
    ])
    XCTAssertEqual(result.status, 0, result.stderr)
    let lines = result.stdout.split(separator: "\n").map(String.init)
    XCTAssertEqual(
      lines.first,
      "method,setting_type,horizon,n,median_ape,mean_ape,mase,bias_pct,coverage80,coverage95,n_intervals"
    )
    for method in ["naive", "drift", "linear-5", "linear", "log-linear", "prevalence"] {
      XCTAssertTrue(lines.contains { $0.hasPrefix("\(method),total,1,6,") }, method)
    }
  }

  func testTableEndsWithThePlainEnglishSummary() throws {
    let result = try CommandRunner.run(["backtest", "--la", "West Sussex", "--horizons", "1-3"])
    XCTAssertEqual(result.status, 0, result.stderr)
    XCTAssertTrue(result.stdout.contains("For West Sussex, three years ahead the "), result.stdout)
  }

  func testBadRangesAreRejected() throws {
    let result = try CommandRunner.run(["backtest", "--horizons", "0-3"])
    XCTAssertNotEqual(result.status, 0)
    XCTAssertTrue(result.stderr.contains("--horizons must lie within 1-15"), result.stderr)
    let methods = try CommandRunner.run(["backtest", "--methods", "magic"])
    XCTAssertNotEqual(methods.status, 0)
    XCTAssertTrue(methods.stderr.contains("unknown method \"magic\""), methods.stderr)
  }
}

final class AutoMethodCommandTests: XCTestCase {
  /// The default (auto) forecast for every LA is byte-identical run to run.
  func testAutoForecastOfAllLAsIsDeterministic() throws {
    let arguments = [
      "forecast", "--la", "all", "--through", "2024", "--horizon", "2", "--format", "csv",
    ]
    let first = try CommandRunner.run(arguments)
    let second = try CommandRunner.run(arguments)
    XCTAssertEqual(first.status, 0, first.stderr)
    XCTAssertEqual(first.stdout, second.stdout)
    XCTAssertTrue(first.stdout.contains("E10000032,West Sussex,total,2026,forecast,"))
    let methods = Set(
      first.stdout.split(separator: "\n").dropFirst().compactMap {
        $0.split(separator: ",", omittingEmptySubsequences: false).last
      }.filter { !$0.isEmpty })
    XCTAssertTrue(
      methods.isSubset(of: ["pooled", "combined", "drift", "linear-5", "naive"]), "\(methods)")
  }
}

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

final class ReportCommandTests: XCTestCase {
  func testReportIsSelfContainedWithWellFormedCharts() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "placeplan-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let out = folder.appendingPathComponent("report.html").path
    let result = try CommandRunner.run([
      "report", "--scenario", "Models/scenarios/new-special-school-2027.yaml", "--out", out,
    ])
    XCTAssertEqual(result.status, 0, result.stderr)
    XCTAssertFalse(
      result.stderr.contains("\r"), "progress must stay quiet when stderr is not a terminal")
    let html = try String(contentsOfFile: out, encoding: .utf8)
    XCTAssertTrue(html.hasPrefix("<!DOCTYPE html>"))
    XCTAssertFalse(html.contains("<script"))
    // Every chart clips to its own rectangle: an id used twice on the page makes the browser
    // clip a chart to another's plot area (a setting's fan and its need chart share a title).
    let clipIDs = html.components(separatedBy: "<clipPath id=\"").dropFirst().map {
      String($0.prefix { $0 != "\"" })
    }
    XCTAssertGreaterThan(clipIDs.count, 15)
    XCTAssertEqual(Set(clipIDs).count, clipIDs.count, "clip ids repeat")
    // The business case agrees with scenario compare: same horizon, factors and draws.
    let compare = try CommandRunner.run([
      "scenario", "compare", "Models/scenarios/baseline.yaml",
      "Models/scenarios/new-special-school-2027.yaml", "--format", "csv",
    ])
    XCTAssertEqual(compare.status, 0, compare.stderr)
    var cells: [String] = []
    for measure in ["npv_total_cost", "npv_total_cost_p10", "npv_total_cost_p90"] {
      let line = try XCTUnwrap(
        compare.stdout.split(separator: "\n").first {
          $0.hasPrefix("new-special-school-2027,total,\(measure),")
        })
      // The report prints £ millions to one decimal, the sign as "−".
      let difference = try XCTUnwrap(
        Double(line.split(separator: ",", omittingEmptySubsequences: false)[4]))
      cells.append(
        (difference < 0 ? "−" : "") + "£" + String(format: "%.1fm", abs(difference) / 1e6))
    }
    let expected = "<td>\(cells[0])</td><td>\(cells[1]) to \(cells[2])</td>"
    XCTAssertTrue(html.contains(expected), expected)
    // The regional factor printed is the one the capital uses (West Sussex 1.13, not "1").
    XCTAssertTrue(html.contains("<td style=\"text-align:left\">regional_factor</td><td>1.13</td>"))
    XCTAssertFalse(
      html.replacingOccurrences(of: "http://www.w3.org/2000/svg", with: "").contains("http"))
    for section in [
      "Headline", "Demand: EHCPs by setting type", "Specialist places against demand",
      "Specialist places by phase", "Demand by primary need", "The flow behind the numbers",
      "Costs and business cases",
      "How accurate has the forecast been?", "Strategy dashboard",
      "Assumptions and their sources", "Data provenance",
    ] {
      XCTAssertTrue(html.contains(">\(section)</h2>"), section)
    }
    // The report's dashboard has the flow and pupil rows, as `dashboard` does.
    XCTAssertTrue(html.contains("% of pupils with an EHC plan</td><td>4.1%"))
    XCTAssertTrue(html.contains("% of EHC needs assessments that lead to a plan</td><td>98.6%"))
    // The need section: West Sussex's 777 ASD children in state special schools (January
    // 2025) against 560 ASD-designated places on the illustrative register.
    let left = "<td style=\"text-align:left\">"
    XCTAssertTrue(
      html.contains(left + "special_state</td>" + left + "ASD</td><td>777</td>"), "need table")
    XCTAssertTrue(
      html.contains(
        left + "special_state</td>" + left + "asd</td>" + left
          + "2024/25</td><td>560</td><td>777</td>"),
      "designation table")
    XCTAssertTrue(html.contains("EHCPs with primary need ASD</td><td>2,583"), "dashboard need row")
    // The forecast's plausibility warning stands beside the headline, not only in the notes.
    let headline = try XCTUnwrap(html.range(of: "<h2>Headline</h2>"))
    let demand = try XCTUnwrap(html.range(of: "<h2>Demand: EHCPs by setting type</h2>"))
    let top = html[headline.upperBound..<demand.lowerBound]
    XCTAssertTrue(top.contains("<b>Read with care.</b>"), String(top))
    XCTAssertTrue(
      top.contains("above the highest prevalence any LA has had"), String(top))
    var svgs: [String] = []
    var rest = Substring(html)
    while let start = rest.range(of: "<svg "),
      let end = rest.range(of: "</svg>", range: start.upperBound..<rest.endIndex)
    {
      svgs.append(String(rest[start.lowerBound..<end.upperBound]))
      rest = rest[end.upperBound...]
    }
    XCTAssertGreaterThanOrEqual(svgs.count, 17)
    for svg in svgs {
      let parser = XMLParser(data: Data(svg.utf8))
      XCTAssertTrue(parser.parse(), String(svg.prefix(200)))
    }
    for name in [
      "Census (actual)", "Forecast (median)", "Planned places", "Overflow to INMS",
      "new-special-school-2027", "auto", "drift", "post-16 places", "post-16 demand",
      "New EHC plans (forecast)", "Plans ceased", "New plans, 80% interval",
    ] {
      XCTAssertTrue(html.contains("data-name=\"\(name)\""), name)
    }
  }

  func testReportNeedsOut() throws {
    let result = try CommandRunner.run(["report"])
    XCTAssertNotEqual(result.status, 0)
    XCTAssertTrue(result.stderr.contains("give --out report.html"), result.stderr)
  }

  /// A caseload that cannot be read stops the report with its error said once, and no file.
  func testReportSaysACaseloadErrorOnce() throws {
    let folder = FileManager.default.temporaryDirectory
      .appendingPathComponent("placeplan-report-error-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let out = folder.appendingPathComponent("report.html").path
    let result = try CommandRunner.run([
      "report", "--caseload", "Tests/Fixtures/s106_bad_developments.csv", "--out", out,
    ])
    XCTAssertNotEqual(result.status, 0)
    let lines = result.stderr.split(separator: "\n").filter { $0.contains("s106_bad_developments") }
    XCTAssertEqual(lines.count, 1, result.stderr)
    XCTAssertFalse(result.stderr.contains("flow files were not read"), result.stderr)
    XCTAssertFalse(FileManager.default.fileExists(atPath: out))
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
