import Foundation
import PlacePlanTestSupport
import XCTest

#if canImport(FoundationXML)
  import FoundationXML
#endif

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
