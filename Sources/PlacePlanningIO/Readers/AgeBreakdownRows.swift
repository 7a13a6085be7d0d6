import Foundation

/// Walks the rows of one age `breakdown_topic` of a SEN2 2025 release file: `Local
/// authority` and `National` rows, the age read from the `breakdown` label, each area, year
/// and age once.
struct AgeBreakdownRows {
  let topic: String
  let schema: String
  /// Labels (lower case) that are skipped, such as "age unknown".
  var skipped: Set<String> = []
  /// The age of a lower-case label, or nil when the label is not an age of the file.
  let age: (String) -> Int?
  /// The labels expected, for the error's fix.
  let expected: String

  /// Calls `body(area code, year, age, row index)` for each row; a label that is not an
  /// age, or a repeated area, year and age, is a located error.
  func forEach(
    in table: CSVTable, _ body: (String, Int, Int, Int) throws(InputError) -> Void
  ) throws(InputError) {
    let level = try table.require("geographic_level", schema: schema)
    let period = try table.require("time_period", schema: schema)
    let code = try table.require("new_la_code", schema: schema)
    let name = try table.require("la_name", schema: schema)
    let topicColumn = try table.require("breakdown_topic", schema: schema)
    let breakdown = try table.require("breakdown", schema: schema)
    var seen = RowKeys()
    for row in table.rows.indices {
      let fields = table.rows[row]
      guard fields[topicColumn] == topic,
        let area = try CaseloadReader.area(
          fields, level: level, code: code, name: name, table: table, row: row)
      else { continue }
      let label = fields[breakdown].trimmedSpaces.lowercased()
      guard !skipped.contains(label) else { continue }
      guard let age = age(label) else {
        throw .invalid(
          file: table.file, line: table.line(ofRow: row), column: breakdown + 1,
          problem: "age breakdown is \"\(label.prefix(40))\"", fix: "expected \(expected)")
      }
      let year = try CellParser.year(fields[period], table: table, row: row, column: period)
      try seen.check("\(area.code) \(year) age \(age)", table: table, row: row)
      try body(area.code, year, age, row)
    }
  }
}
