import PlacePlanning

/// Reads SEN2 `requests.csv` (2025 release layout): requests for an EHC needs assessment
/// received in each calendar year, from the rows whose `breakdown_topic` is
/// `All requests for EHC needs assessments`, for Local authority and National rows.
public enum RequestsReader {
  static let schema =
    "SEN2 requests.csv (time_period, geographic_level, new_la_code, breakdown_topic, requests_received_in_year)"
  static let topic = "All requests for EHC needs assessments"

  public static func read(path: String) throws(InputError) -> RequestHistory {
    try read(table: CSVTable.read(path: path))
  }

  public static func parse(text: String, file: String) throws(InputError) -> RequestHistory {
    try read(table: CSVTable.parse(text: text, file: file))
  }

  static func read(table: CSVTable) throws(InputError) -> RequestHistory {
    guard table.index(of: "requests_received_in_year") != nil else {
      throw .unknownSchema(file: table.file, header: table.header, expected: schema)
    }
    let period = try table.require("time_period", schema: schema)
    let level = try table.require("geographic_level", schema: schema)
    let code = try table.require("new_la_code", schema: schema)
    let name = try table.require("la_name", schema: schema)
    let topicColumn = try table.require("breakdown_topic", schema: schema)
    let value = try table.require("requests_received_in_year", schema: schema)
    var counts: [String: [Int: Double]] = [:]
    var firstLines: [String: Int] = [:]
    for row in table.rows.indices {
      let fields = table.rows[row]
      guard fields[topicColumn] == topic,
        let area = try CaseloadReader.area(
          fields, level: level, code: code, name: name, table: table, row: row)
      else { continue }
      let year = try CellParser.year(fields[period], table: table, row: row, column: period)
      let key = "\(area.code) \(year)"
      let line = table.line(ofRow: row)
      if let first = firstLines[key] {
        throw .duplicateRow(file: table.file, line: line, firstLine: first, key: key)
      }
      firstLines[key] = line
      if let requests = try CellParser.count(fields[value], table: table, row: row, column: value) {
        counts[area.code, default: [:]][year] = requests
      }
    }
    guard !counts.isEmpty else {
      throw .noRecords(file: table.file, expected: "no \"\(topic)\" rows")
    }
    return RequestHistory(counts: counts)
  }
}
