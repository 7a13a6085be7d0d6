import Foundation
import PlacePlanTestSupport
import XCTest

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
