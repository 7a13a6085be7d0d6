import Foundation
import PlacePlanTestSupport
import PlacePlanning
import XCTest

@testable import PlacePlanningIO

#if canImport(FoundationXML)
  import FoundationXML
#endif

/// Collects the `data-name` of each series and band group while parsing.
final class SVGInspector: NSObject, XMLParserDelegate {
  var series: [String] = []
  var bands: [String] = []

  func parser(
    _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
    qualifiedName qName: String?, attributes: [String: String] = [:]
  ) {
    guard elementName == "g", let name = attributes["data-name"] else { return }
    if attributes["class"] == "series" { series.append(name) }
    if attributes["class"] == "band" { bands.append(name) }
  }

  /// Parses an SVG; nil when it is not well-formed XML.
  static func inspect(_ svg: String) -> SVGInspector? {
    let parser = XMLParser(data: Data(svg.utf8))
    let inspector = SVGInspector()
    parser.delegate = inspector
    return parser.parse() ? inspector : nil
  }
}

final class ReportTests: XCTestCase {
  private func forecast() -> LAForecast {
    var rows: [ForecastRow] = []
    for year in 2019...2025 {
      rows.append(
        ForecastRow(
          laCode: "E1", laName: "Test & <LA>", setting: .inms, censusYear: year, kind: .actual,
          value: Double(500 + 40 * (year - 2019))))
    }
    for year in 2026...2030 {
      let value = Double(760 + 50 * (year - 2025))
      rows.append(
        ForecastRow(
          laCode: "E1", laName: "Test & <LA>", setting: .inms, censusYear: year, kind: .forecast,
          value: value,
          lower80: value * 0.9, upper80: value * 1.1, lower95: value * 0.8, upper95: value * 1.25,
          method: "pooled"))
    }
    return LAForecast(
      laCode: "E1", laName: "Test & <LA>", throughYear: 2025, censusYearsUsed: [], method: .auto,
      rows: rows, fits: [:], notes: [])
  }

  func testFanChartIsWellFormedWithItsSeries() throws {
    let svg = ReportCharts.fan(forecast(), setting: .inms).render()
    let inspector = try XCTUnwrap(SVGInspector.inspect(svg), "not well-formed XML")
    XCTAssertEqual(inspector.series, ["Census (actual)", "Forecast (median)"])
    XCTAssertEqual(inspector.bands, ["95% interval", "80% interval"])
    XCTAssertTrue(svg.contains("EHCPs (children and young people)"))
    // The same input draws the same bytes.
    XCTAssertEqual(svg, ReportCharts.fan(forecast(), setting: .inms).render())
  }

  /// A small multiple is drawn at the width it is shown (half the page, about 350 px), so
  /// its text is 12 px like the full-width charts', its y label is short and its year
  /// ticks are thinned until they cannot touch: 12 years in 278 px of plot, labels 42 px
  /// wide (4 characters at 7 px plus 14 px of gap), so every second year, 50.5 px apart.
  func testSmallMultiplesKeepTheirTextFullSize() throws {
    let svg = ReportCharts.fan(forecast(), setting: .inms, width: 350, height: 270).render()
    XCTAssertNotNil(SVGInspector.inspect(svg))
    XCTAssertTrue(svg.contains("viewBox=\"0 0 350.0 "), String(svg.prefix(120)))
    XCTAssertTrue(svg.contains("font-size=\"12\""))
    XCTAssertTrue(svg.contains(">EHCPs</text>"))
    XCTAssertFalse(svg.contains("children and young people"))
    let axis = try XCTUnwrap(svg.range(of: "<g class=\"axis x\">")).upperBound
    // The tick texts come before the axis lines.
    let end = try XCTUnwrap(svg.range(of: "<line", range: axis..<svg.endIndex)).lowerBound
    let xTicks = svg[axis..<end]
    let positions = xTicks.split(separator: "\n").compactMap { line -> Double? in
      guard let start = line.range(of: "x=\"")?.upperBound else { return nil }
      return Double(line[start...].prefix { $0 != "\"" })
    }
    XCTAssertEqual(positions.count, 6, String(xTicks))
    for (left, right) in zip(positions, positions.dropFirst()) {
      XCTAssertEqual(right - left, 278.0 / 11 * 2, accuracy: 0.11)
    }
  }

  /// Scenario lines that run together stay apart: each has its own marker shape (circle,
  /// square, diamond), in the legend too, and a line on the top gridline gets a step of
  /// room so its markers are not cut in half.
  func testMarkedLinesHaveAShapeEach() throws {
    var chart = SVGChart(title: "t", xLabel: "x", yLabel: "y")
    chart.series = (0..<3).map { index in
      SVGChart.Series(
        name: "scenario \(index)", colour: .blue, style: .markedLine,
        points: [(x: 2025, y: 0), (x: 2026, y: index == 0 ? -4 : 0)])
    }
    let svg = chart.render()
    let inspector = try XCTUnwrap(SVGInspector.inspect(svg))
    XCTAssertEqual(inspector.series, ["scenario 0", "scenario 1", "scenario 2"])
    let markers = try XCTUnwrap(svg.range(of: "<g class=\"markers\">"))
    let drawn = svg[markers.upperBound...].prefix { $0 != "\n" }
    // Two points each: 2 circles, 2 squares, 2 diamonds (polygons).
    XCTAssertEqual(drawn.components(separatedBy: "<circle").count - 1, 2)
    XCTAssertEqual(drawn.components(separatedBy: "<rect").count - 1, 2)
    XCTAssertEqual(drawn.components(separatedBy: "<polygon").count - 1, 2)
    let legend = try XCTUnwrap(svg.range(of: "<g class=\"legend\">"))
    XCTAssertTrue(svg[legend.upperBound...].contains("<rect"), "the square is in the key")
    // From -4 to 0 the ticks step by 1; the top tick is 1, not 0.
    XCTAssertTrue(svg.contains("text-anchor=\"end\">1</text>"), svg)
  }

  /// With a child-level forecast the report sets it beside the aggregate one: both
  /// charts, the table of the last forecast year with the difference, children by NCY and
  /// the need table, from rows keyed `ncy:N` and `need:X`.
  func testChildLevelSectionSetsTheTwoForecastsSideBySide() throws {
    let own = forecast()
    var rows = forecast().rows
    for index in rows.indices where rows[index].kind == .forecast { rows[index].value += 100 }
    let published = LAForecast(
      laCode: own.laCode, laName: own.laName, throughYear: own.throughYear, censusYearsUsed: [],
      method: .auto, rows: rows, fits: [:], notes: [])
    var breakdown: [ChildProjection.Row] = []
    let keys: [(String, Double)] = [("ncy:7", 40), ("ncy:8", 50), ("need:ASD", 90)]
    for year in [2025, 2030] {
      for (key, mean) in keys {
        let shift = Double(year - 2025)
        breakdown.append(
          ChildProjection.Row(
            calendarYear: year, key: key, mean: mean + shift, median: mean,
            lower80: mean - 1, upper80: mean + 1, lower95: mean - 2, upper95: mean + 2))
      }
    }
    let html = HTMLReport.childSection(
      forecast: own, child: HTMLReport.ChildLevel(aggregate: published, breakdown: breakdown))
    XCTAssertTrue(html.contains(">The LA's own child-level records</h2>"))
    // INMS, 2030: child-level 1,010, published 1,110: 100 fewer.
    // (The published rows here carry the same intervals, only their values moved.)
    XCTAssertTrue(
      html.contains(
        "Independent/non-maintained special</td><td>1,010 (909–1,111)</td><td>1,110 (909–1,111)</td><td>-100</td>"
      ), html)
    XCTAssertTrue(html.contains("data-name=\"January 2030 (forecast mean)\""))
    XCTAssertTrue(html.contains(">ASD</td><td>90</td><td>95</td><td>88–92</td>"), html)
    XCTAssertEqual(HTMLReport.childSection(forecast: own, child: nil), "")
  }

  /// A legend longer than two rows makes the picture taller instead of running off it.
  func testLongLegendGrowsThePicture() throws {
    var chart = SVGChart(title: "t", xLabel: "x", yLabel: "y")
    chart.series = (0..<12).map { index in
      SVGChart.Series(
        name: "a series with a long name \(index)", colour: .blue,
        style: index % 2 == 0 ? .line : .dashed, points: [(x: 0, y: 1), (x: 1, y: 2)])
    }
    let svg = chart.render()
    XCTAssertNotNil(SVGInspector.inspect(svg))
    // 12 entries of about 190 px in 528 px: 2 a row, 6 rows, 4 more than the margin holds.
    XCTAssertTrue(svg.contains("viewBox=\"0 0 640.0 404.0\""), String(svg.prefix(200)))
    XCTAssertTrue(svg.contains("stroke-dasharray=\"5 3\""), "dashed series have dashed keys")
  }

  func testTitlesAreEscaped() throws {
    var chart = SVGChart(title: "A & B <C>", xLabel: "x", yLabel: "y \"units\"")
    chart.series = [
      SVGChart.Series(name: "s&t", colour: .blue, points: [(x: 1, y: 2), (x: 2, y: 3)])
    ]
    let inspector = try XCTUnwrap(SVGInspector.inspect(chart.render()))
    XCTAssertEqual(inspector.series, ["s&t"])
  }

  /// Hand-checked: a span of 0-9,300 in about 5 ticks steps by 2,000; 0.3 by 0.05.
  func testNiceTicks() {
    XCTAssertEqual(SVGChart.tickStep(span: 9300, count: 5), 2000)
    XCTAssertEqual(SVGChart.tickStep(span: 0.3, count: 5), 0.1, accuracy: 1e-12)
    XCTAssertEqual(SVGChart.label(12000, step: 2000), "12,000")
    XCTAssertEqual(SVGChart.label(0.15, step: 0.05), "0.15")
  }
}

/// CSV outputs open cleanly in Excel: one header row, plain numbers, no formula injection.
final class ExcelSafetyTests: XCTestCase {
  func testFormulaInjectionIsEscapedAndNumbersAreNot() {
    XCTAssertEqual(CSVFormat.text("=HYPERLINK(\"http://x\")"), "\"'=HYPERLINK(\"\"http://x\"\")\"")
    XCTAssertEqual(CSVFormat.text("+44 1234"), "'+44 1234")
    XCTAssertEqual(CSVFormat.text("-cmd"), "'-cmd")
    XCTAssertEqual(CSVFormat.text("@SUM(A1)"), "'@SUM(A1)")
    // A leading tab or carriage return is escaped too (the return also forces quoting).
    XCTAssertEqual(CSVFormat.text("\t=1+1"), "'\t=1+1")
    XCTAssertEqual(CSVFormat.text("\r=1+1"), "\"'\r=1+1\"")
    XCTAssertEqual(CSVFormat.text("\r\n=1+1"), "\"'\r\n=1+1\"")
    XCTAssertEqual(CSVFormat.text("West Sussex"), "West Sussex")
    XCTAssertEqual(CSVFormat.number(-118.0, decimals: 1), "-118.0")
    XCTAssertEqual(CSVFormat.number(-0.04, decimals: 1), "0.0")
  }

  func testAForecastCSVWithAHostileLANameStaysData() throws {
    let row = ForecastRow(
      laCode: "E10000032", laName: "=1+1", setting: .total, censusYear: 2025, kind: .actual,
      value: 9301)
    let forecast = LAForecast(
      laCode: "E10000032", laName: "=1+1", throughYear: 2025, censusYearsUsed: [], method: .auto,
      rows: [row], fits: [:], notes: [])
    let csv = ForecastWriter.csv([forecast])
    let lines = csv.split(separator: "\n")
    XCTAssertEqual(lines.count, 2)
    XCTAssertEqual(lines[1], "E10000032,'=1+1,total,2025,actual,9301,,,,,")
    XCTAssertTrue(csv.hasSuffix("\n"))
    XCTAssertNotNil(String(data: Data(csv.utf8), encoding: .utf8))
  }
}

final class AtomicFileTests: XCTestCase {
  func testReplacesAtomicallyAndLeavesNothingOnFailure() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "atomic-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let path = folder.appendingPathComponent("out.csv").path
    try AtomicFile.write("first\n", to: path)
    try AtomicFile.write("second\n", to: path)
    XCTAssertEqual(try String(contentsOfFile: path, encoding: .utf8), "second\n")
    // A destination that is a folder cannot be replaced: an error, the folder untouched,
    // no temporary file left.
    let blocked = folder.appendingPathComponent("blocked")
    try FileManager.default.createDirectory(
      at: blocked.appendingPathComponent("inside"), withIntermediateDirectories: true)
    XCTAssertThrowsError(try AtomicFile.write("data", to: blocked.path)) { error in
      guard case .cannotWrite = error as? InputError else { return XCTFail("\(error)") }
    }
    XCTAssertTrue(
      FileManager.default.fileExists(atPath: blocked.appendingPathComponent("inside").path))
    let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter {
      $0.hasSuffix(".tmp")
    }
    XCTAssertEqual(leftovers, [])
    // A missing folder: an error naming the file.
    XCTAssertThrowsError(
      try AtomicFile.write("x", to: folder.appendingPathComponent("no/such/out.csv").path))
  }
}
