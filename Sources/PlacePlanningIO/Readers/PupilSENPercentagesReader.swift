import PlacePlanning

/// Reads the DfE SEND and AP Inclusion dashboard table of % of pupils with an EHC plan and
/// with SEN support by LA (`time_period, geographic_level, region_name, la_name, new_la_code,
/// SEN provision, % of pupils, academic_year`).
///
/// `time_period` is the academic year as DfE writes it, here with a trailing `.0`
/// (`202223.0` → the January 2023 census). `SEN provision` is `EHC plan` or `SEN support`;
/// Local authority rows and National rows (England, E92000001) are read.
public enum PupilSENPercentagesReader {
  static let schema =
    "SEND dashboard % of pupils (time_period, geographic_level, new_la_code, SEN provision, % of pupils)"

  public static func read(path: String) throws(InputError) -> PupilSENPercentages {
    try read(table: CSVTable.read(path: path))
  }

  public static func parse(text: String, file: String) throws(InputError) -> PupilSENPercentages {
    try read(table: CSVTable.parse(text: text, file: file))
  }

  static func read(table: CSVTable) throws(InputError) -> PupilSENPercentages {
    guard table.index(of: "% of pupils") != nil else {
      throw .unknownSchema(file: table.file, header: table.header, expected: schema)
    }
    let period = try table.require("time_period", schema: schema)
    let level = try table.require("geographic_level", schema: schema)
    let code = try table.require("new_la_code", schema: schema)
    let name = try table.require("la_name", schema: schema)
    let provision = try table.require("SEN provision", schema: schema)
    let percent = try table.require("% of pupils", schema: schema)
    var entries: [String: [Int: PupilSENPercentages.Entry]] = [:]
    for row in table.rows.indices {
      let fields = table.rows[row]
      guard
        let area = try CaseloadReader.area(
          fields, level: level, code: code, name: name, table: table, row: row)
      else { continue }
      var periodText = fields[period]
      if periodText.hasSuffix(".0") { periodText.removeLast(2) }
      let year = try CellParser.year(periodText, table: table, row: row, column: period)
      let value = try CellParser.count(fields[percent], table: table, row: row, column: percent)
      if let value, value > 100 {
        throw .invalid(
          file: table.file, line: table.line(ofRow: row), column: percent + 1,
          problem: "% of pupils is \(fields[percent]); a percentage lies in 0-100",
          fix: "correct the cell, or leave it blank if unknown")
      }
      var entry = entries[area.code]?[year] ?? PupilSENPercentages.Entry()
      switch fields[provision] {
      case "EHC plan": entry.ehcPlanPercent = value
      case "SEN support": entry.senSupportPercent = value
      default:
        throw .invalid(
          file: table.file, line: table.line(ofRow: row), column: provision + 1,
          problem: "SEN provision is \"\(fields[provision])\"; expected EHC plan or SEN support",
          fix: "use the table as published")
      }
      entries[area.code, default: [:]][year] = entry
    }
    guard !entries.isEmpty else {
      throw .noRecords(file: table.file, expected: "no Local authority or National rows")
    }
    return PupilSENPercentages(table: entries)
  }
}
