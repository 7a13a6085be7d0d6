import PlacePlanning
import XCTest

@testable import PlacePlanningIO

/// One column spec makes an output's CSV, JSON and table; the writers' specs keep the CSV
/// and JSON to the same fields.
final class OutputColumnsTests: XCTestCase {
  struct Item {
    let name: String
    let year: Int
    let count: Double
    let lower: Double?
    let upper: Double?
    let probability: Double?
    let note: String?
  }

  let columns = OutputColumns<Item>([
    .init("name") { .text($0.name) },
    .init("census_year", heading: "census") { .integer($0.year) },
    .init("value", heading: "EHCPs") { .count($0.count, decimals: 1) },
    .init("lower80", "upper80", heading: "80% interval") { .interval($0.lower, $0.upper) },
    .init("p_exceeds", heading: "P") { .probability($0.probability) },
    .init("note", in: [.csv, .json]) { .optionalText($0.note) },
  ])

  let items = [
    Item(
      name: "=Kent, east", year: 2030, count: 12_345.67, lower: 11_000.04, upper: 13_999.96,
      probability: 0.85349, note: nil),
    Item(
      name: "Rutland", year: 2031, count: 48, lower: nil, upper: nil, probability: nil,
      note: "small"),
  ]

  /// Written by hand from each value kind's rule: text escaped (a leading `=` guarded, a
  /// comma quoted), counts to the given decimals, intervals one decimal, probabilities three.
  func testCSV() {
    XCTAssertEqual(
      columns.csv(items),
      """
      name,census_year,value,lower80,upper80,p_exceeds,note
      "'=Kent, east",2030,12345.7,11000.0,14000.0,0.853,
      Rutland,2031,48.0,,,,small

      """)
  }

  /// JSON: counts to 0.1, probabilities to 0.001, missing values left out, keys sorted.
  func testJSON() throws {
    struct Document: Encodable { let rows: [JSONObject] }
    let text = try ForecastWriter.encode(Document(rows: columns.json(items)))
    let object = try XCTUnwrap(
      JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    let rows = try XCTUnwrap(object["rows"] as? [[String: Any]])
    XCTAssertEqual(rows[0]["name"] as? String, "=Kent, east")
    XCTAssertEqual(rows[0]["census_year"] as? Int, 2030)
    XCTAssertEqual(rows[0]["value"] as? Double, 12_345.7)
    XCTAssertEqual(rows[0]["upper80"] as? Double, 14_000)
    XCTAssertEqual(rows[0]["p_exceeds"] as? Double, 0.853)
    XCTAssertNil(rows[0]["note"])
    XCTAssertEqual(Set(rows[1].keys), ["name", "census_year", "value", "note"])
  }

  /// A row object encodes exactly as the struct with the same fields did.
  func testJSONObjectEncodesAsAStruct() throws {
    struct Row: Encodable {
      let laCode: String
      let censusYear: Int
      let value: Double
      let lower80: Double?
    }
    let object = JSONObject(fields: [
      (key: "la_code", value: .text("E10000032")), (key: "census_year", value: .integer(2025)),
      (key: "value", value: .number(15_791.3)), (key: "lower80", value: nil),
    ])
    XCTAssertEqual(
      try ForecastWriter.encode([object]),
      try ForecastWriter.encode([
        Row(laCode: "E10000032", censusYear: 2025, value: 15_791.3, lower80: nil)
      ]))
  }

  /// The table: headings, counts grouped and whole, the interval as one cell, the
  /// probability as a percentage, the CSV-only column left out; numbers right-aligned.
  func testTable() {
    let table = columns.table(items)
    XCTAssertEqual(table.header, ["name", "census", "EHCPs", "80% interval", "P"])
    XCTAssertEqual(table.rows[0], ["=Kent, east", "2030", "12,346", "11,000-14,000", "85%"])
    XCTAssertEqual(table.rows[1], ["Rutland", "2031", "48", "", ""])
    XCTAssertEqual(table.rightAligned, [2, 3, 4])
  }

  /// Every writer's CSV columns are in its JSON: the two cannot drift apart.
  func testEveryCSVColumnIsInTheJSON() {
    func check<Row>(_ columns: OutputColumns<Row>, _ what: String) {
      let json = Set(columns.columns.filter { $0.outputs.contains(.json) }.flatMap(\.names))
      for name in columns.csvColumns.flatMap(\.names) {
        XCTAssertTrue(json.contains(name), "\(what): \(name) is in the CSV, not the JSON")
      }
    }
    check(PlacesWriter.columns, "places")
    check(KeyedCapacity.byPhase, "places by phase")
    check(KeyedCapacity.byNeed, "places by need")
    check(ForecastColumns.columns(), "forecast")
    check(ForecastColumns.columns(phase: true, need: true), "forecast by phase and need")
    check(ChildWriter.columns(.setting), "child project")
    check(ChildWriter.validationColumns, "child validate")
    check(BacktestWriter.columns, "backtest")
    check(PipelineWriter.columns, "pipeline")
  }
}
