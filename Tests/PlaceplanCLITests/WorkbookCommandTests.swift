import Foundation
import PlacePlanTestSupport
import XCTest

/// End-to-end `--format xlsx`: workbooks opened independently with Python's openpyxl.
final class WorkbookCommandTests: XCTestCase {
  private var folder: URL!

  override func setUpWithError() throws {
    folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "placeplan-xlsx-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
  }

  override func tearDownWithError() throws {
    try? FileManager.default.removeItem(at: folder)
  }

  /// Runs a Python script with openpyxl on a workbook; its standard output.
  private func inspect(_ path: String, script: String) throws -> String {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["python3", "-c", script, path]
    let out = Pipe()
    let err = Pipe()
    process.standardOutput = out
    process.standardError = err
    try process.run()
    let output = out.fileHandleForReading.readDataToEndOfFile()
    let error = err.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    let message = String(decoding: error, as: UTF8.self)
    XCTAssertEqual(
      process.terminationStatus, 0,
      message.contains("No module named 'openpyxl'")
        ? "openpyxl is missing: run make test-deps (Debian's python3-openpyxl)" : message)
    return String(decoding: output, as: UTF8.self)
  }

  /// The forecast workbook: a charts sheet first, the forecast table with numbers as
  /// numbers (years as whole numbers, counts with separators), a frozen header, native
  /// charts, the method, fits and notes (what the table footer says), the provenance; the
  /// same inputs give the same bytes.
  func testForecastWorkbookOpensWithNumbersAndCharts() throws {
    let path = folder.appendingPathComponent("f.xlsx").path
    let result = try CommandRunner.run([
      "forecast", "--la", "West Sussex", "--format", "xlsx", "--out", path,
    ])
    XCTAssertEqual(result.status, 0, result.stderr)
    XCTAssertEqual(result.stdout, "")
    let report = try inspect(
      path,
      script: """
        import sys, openpyxl
        wb = openpyxl.load_workbook(sys.argv[1])
        print("sheets", "|".join(wb.sheetnames))
        ws = wb["Forecast"]
        print("header", "|".join(str(c.value) for c in ws[3]))
        row = [c for c in ws[4]]
        print("first", row[0].value, row[3].value, type(row[3].value).__name__, row[3].number_format, row[5].value, type(row[5].value).__name__, row[5].number_format)
        print("freeze", ws.freeze_panes)
        print("charts", len(wb["Charts"]._charts))
        notes = wb["Method and notes"]
        print("notes", "|".join(sorted(set(str(r[2].value) for r in notes.iter_rows(min_row=4) if r[2].value in ("method", "fit: total", "note")))))
        prov = wb["Provenance"]
        print("provenance", "|".join(str(r[0].value) for r in prov.iter_rows(min_row=4, max_row=5)))
        """)
    let lines = report.split(separator: "\n").map(String.init)
    XCTAssertEqual(
      lines.first, "sheets Charts|Forecast|Method and notes|Chart data|Provenance", report)
    XCTAssertTrue(lines.contains("notes fit: total|method|note"), report)
    XCTAssertTrue(
      lines.contains(
        "header la_code|la_name|setting_type|census_year|kind|value|lower80|upper80|lower95|upper95|method"
      ), report)
    // West Sussex's first census row: 2010, 3,176 EHCPs, both numbers, the census count
    // whole (a forecast in the same column has one decimal).
    XCTAssertTrue(lines.contains("first E10000032 2010 int 0 3176 int #,##0"), report)
    XCTAssertTrue(lines.contains("freeze A4"), report)
    XCTAssertTrue(lines.contains("charts 2"), report)
    XCTAssertTrue(lines.contains("provenance tool|command"), report)
    let again = folder.appendingPathComponent("g.xlsx").path
    _ = try CommandRunner.run([
      "forecast", "--la", "West Sussex", "--format", "xlsx", "--out", again,
    ])
    XCTAssertEqual(
      FileManager.default.contents(atPath: path), FileManager.default.contents(atPath: again))
  }

  /// Scenario costs in £ format and a chart of total cost by scenario; the dashboard's
  /// money rows in £ and percentages as 0.0.
  func testScenarioAndDashboardWorkbooks() throws {
    let scenarios = folder.appendingPathComponent("s.xlsx").path
    let result = try CommandRunner.run([
      "scenario", "compare", "Models/scenarios/baseline.yaml",
      "Models/scenarios/new-special-school-2027.yaml", "--draws", "20", "--format", "xlsx",
      "--out", scenarios,
    ])
    XCTAssertEqual(result.status, 0, result.stderr)
    let report = try inspect(
      scenarios,
      script: """
        import sys, openpyxl
        wb = openpyxl.load_workbook(sys.argv[1])
        ws = wb["Scenarios"]
        for row in ws.iter_rows(min_row=4):
            if row[2].value == "inms_cost":
                print("inms_cost", type(row[3].value).__name__, row[3].number_format); break
        for row in ws.iter_rows(min_row=4):
            if row[2].value == "inms_placements":
                print("inms_placements", row[3].number_format); break
        print("charts", len(wb["Charts"]._charts))
        """)
    XCTAssertTrue(
      report.contains("inms_cost float £#,##0") || report.contains("inms_cost int £#,##0"), report)
    XCTAssertTrue(report.contains("inms_placements #,##0"), report)
    XCTAssertTrue(report.contains("charts 1"), report)
    let dashboard = folder.appendingPathComponent("d.xlsx").path
    let made = try CommandRunner.run(["dashboard", "--format", "xlsx", "--out", dashboard])
    XCTAssertEqual(made.status, 0, made.stderr)
    let rows = try inspect(
      dashboard,
      script: """
        import sys, openpyxl
        ws = openpyxl.load_workbook(sys.argv[1])["Dashboard"]
        for row in ws.iter_rows(min_row=4):
            if row[1].value in ("inms_expenditure", "utilisation_pct_special_state"):
                print(row[1].value, row[4].number_format)
        """)
    XCTAssertTrue(rows.contains("inms_expenditure £#,##0"), rows)
    XCTAssertTrue(rows.contains("utilisation_pct_special_state 0.0"), rows)
  }

  /// xlsx needs a file; a folder that does not exist is an error and leaves nothing.
  func testWorkbookErrors() throws {
    let noOut = try CommandRunner.run(["forecast", "--format", "xlsx"])
    XCTAssertNotEqual(noOut.status, 0)
    XCTAssertTrue(noOut.stderr.contains("give --out FILE.xlsx"), noOut.stderr)
    let missing = folder.appendingPathComponent("no/such/folder/f.xlsx").path
    let failed = try CommandRunner.run(["forecast", "--format", "xlsx", "--out", missing])
    XCTAssertNotEqual(failed.status, 0)
    XCTAssertTrue(failed.stderr.contains("could not be written"), failed.stderr)
    // The file asked for is named, with the folder that is missing, not a temporary name.
    XCTAssertTrue(
      failed.stderr.contains("f.xlsx: the workbook could not be written (the folder "),
      failed.stderr)
    XCTAssertTrue(failed.stderr.contains("no/such/folder does not exist"), failed.stderr)
    XCTAssertFalse(failed.stderr.contains(".tmp"), failed.stderr)
    XCTAssertFalse(FileManager.default.fileExists(atPath: missing))
    let csv = try CommandRunner.run([
      "forecast", "--out", folder.appendingPathComponent("no/such/folder/f.csv").path,
    ])
    XCTAssertNotEqual(csv.status, 0)
    XCTAssertTrue(csv.stderr.contains("no/such/folder does not exist"), csv.stderr)
  }
}
