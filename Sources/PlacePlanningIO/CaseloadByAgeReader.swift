import PlacePlanning

/// Reads the caseload by single year of age from the SEN2 2025 release `caseload.csv`: the
/// rows whose `breakdown_topic` is `Child or young persons age` (`under 3`, `age 3` …
/// `age 25`), by setting type, as `CaseloadReader` maps the columns. Ages with no row count
/// as 0; a setting type with a suppressed cell at any age that census has no counts then.
public enum CaseloadByAgeReader {
  static let topic = "Child or young persons age"

  public static func read(path: String) throws(InputError) -> AgeCaseload {
    try read(table: CSVTable.read(path: path))
  }

  public static func parse(text: String, file: String) throws(InputError) -> AgeCaseload {
    try read(table: CSVTable.parse(text: text, file: file))
  }

  static func read(table: CSVTable) throws(InputError) -> AgeCaseload {
    let schema = CaseloadReader.Layout.release2025.rawValue
    guard table.index(of: "breakdown") != nil, table.index(of: "ehcplans") != nil else {
      throw .unknownSchema(
        file: table.file, header: table.header,
        expected:
          "the SEN2 2025 release caseload.csv, whose age breakdown gives ages by setting type")
    }
    let level = try table.require("geographic_level", schema: schema)
    let period = try table.require("time_period", schema: schema)
    let code = try table.require("new_la_code", schema: schema)
    let name = try table.require("la_name", schema: schema)
    let topicColumn = try table.require("breakdown_topic", schema: schema)
    let breakdown = try table.require("breakdown", schema: schema)
    let columns = try CaseloadReader.releaseColumns(table)
    var result: [String: [Int: [SettingType: [Int: Double]]]] = [:]
    var suppressed: [String: [Int: Set<SettingType>]] = [:]
    var firstLines: [String: Int] = [:]
    for row in table.rows.indices {
      let fields = table.rows[row]
      guard fields[topicColumn] == topic,
        let area = try CaseloadReader.area(
          fields, level: level, code: code, name: name, table: table, row: row)
      else { continue }
      let label = fields[breakdown].trimmingCharacters(in: .whitespaces).lowercased()
      let age: Int
      if label == "under 3" {
        age = AgeCaseload.youngestAge
      } else if label.hasPrefix("age "), let value = Int(label.dropFirst(4)),
        AgeCaseload.ages.contains(value)
      {
        age = value
      } else {
        throw .invalid(
          file: table.file, line: table.line(ofRow: row), column: breakdown + 1,
          problem: "age breakdown is \"\(label.prefix(40))\"",
          fix: "expected \"under 3\" or \"age 3\" to \"age 25\"")
      }
      let census = try CellParser.year(fields[period], table: table, row: row, column: period)
      let key = "\(area.code) \(census) \(label)"
      let line = table.line(ofRow: row)
      if let first = firstLines[key] {
        throw .duplicateRow(file: table.file, line: line, firstLine: first, key: key)
      }
      firstLines[key] = line
      var counts: [SettingType: Double] = [:]
      for setting in SettingType.allCases {
        guard let indices = columns[setting] else { continue }
        if let value = try CaseloadReader.sum(indices, table: table, row: row) {
          counts[setting] = value
        } else {
          suppressed[area.code, default: [:]][census, default: []].insert(setting)
        }
      }
      if let other = CaseloadReader.residualOther(counts) {
        counts[.other] = other
      } else {
        suppressed[area.code, default: [:]][census, default: []].insert(.other)
      }
      for (setting, value) in counts.sorted(by: { $0.key < $1.key }) {
        result[area.code, default: [:]][census, default: [:]][setting, default: [:]][age] = value
      }
    }
    return AgeCaseload(table: result, suppressed: suppressed)
  }
}
