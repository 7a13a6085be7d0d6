import PlacePlanning

/// Reads the EHCP table of the DfE pupil yield dashboard (`EHCPJuly.csv`):
/// ```
/// AcademicYear,LTLA22NM,SENprovision_Name,geographic_level,SEN_Type_Count,TotalPupils,Percentage
/// 202122,Horsham,EHCP,District,93,3203,3
/// ```
/// `AcademicYear` is DfE's six-digit form (202122 = 2021/22); `geographic_level` is
/// `District`, `County/Unitary` or `England`; `SENprovision_Name` is `EHCP` or
/// `SEN support`, and only `EHCP` rows are kept. Shares are computed from the counts
/// (`SEN_Type_Count ÷ TotalPupils`); the rounded `Percentage` is not used.
public enum PupilYieldDashboardReader {
  static let schema =
    "pupil yield dashboard EHCP table (AcademicYear, LTLA22NM, SENprovision_Name, geographic_level, SEN_Type_Count, TotalPupils)"
  static let levels: [String: NewBuildEHCPShares.Level] = [
    "district": .district, "county/unitary": .countyUnitary, "england": .england,
  ]

  public static func read(path: String) throws(InputError) -> NewBuildEHCPShares {
    try read(table: CSVTable.read(path: path))
  }

  public static func parse(text: String, file: String) throws(InputError) -> NewBuildEHCPShares {
    try read(table: CSVTable.parse(text: text, file: file))
  }

  static func read(table: CSVTable) throws(InputError) -> NewBuildEHCPShares {
    guard table.index(of: "SENprovision_Name") != nil, table.index(of: "TotalPupils") != nil
    else {
      throw .unknownSchema(file: table.file, header: table.header, expected: schema)
    }
    let year = try table.require("AcademicYear", schema: schema)
    let name = try table.require("LTLA22NM", schema: schema)
    let provision = try table.require("SENprovision_Name", schema: schema)
    let level = try table.require("geographic_level", schema: schema)
    let count = try table.require("SEN_Type_Count", schema: schema)
    let total = try table.require("TotalPupils", schema: schema)

    var areas: [NewBuildEHCPShares.Area] = []
    var seen: [String: Int] = [:]
    for row in table.rows.indices {
      let fields = table.rows[row]
      let line = table.line(ofRow: row)
      let kind = fields[provision].trimmedSpaces
      guard kind == "EHCP" || kind == "SEN support" else {
        throw .invalid(
          file: table.file, line: line, column: provision + 1,
          problem: "SENprovision_Name is \"\(kind.prefix(40))\"", fix: "use EHCP or SEN support")
      }
      let levelText = fields[level].trimmedSpaces
      guard let geography = levels[levelText.lowercased()] else {
        throw .invalid(
          file: table.file, line: line, column: level + 1,
          problem: "geographic_level is \"\(levelText.prefix(40))\"",
          fix: "use District, County/Unitary or England")
      }
      let yearText = fields[year].trimmedSpaces
      guard yearText.count == 6, let number = Int(yearText),
        (number / 100 + 1) % 100 == number % 100, (2000...2060).contains(number / 100)
      else {
        throw .invalid(
          file: table.file, line: line, column: year + 1,
          problem: "AcademicYear is \"\(yearText.prefix(40))\"",
          fix: "write the academic year as DfE does, e.g. 202122 for 2021/22")
      }
      let areaName = fields[name].trimmedSpaces
      guard !areaName.isEmpty else {
        throw .invalid(
          file: table.file, line: line, column: name + 1, problem: "LTLA22NM is blank",
          fix: "name the district or LA")
      }
      guard let pupils = try CellParser.count(fields[count], table: table, row: row, column: count),
        let all = try CellParser.count(fields[total], table: table, row: row, column: total)
      else {
        // A suppressed count gives no share; the area is used only if another year has one.
        continue
      }
      guard pupils <= all else {
        throw .invalid(
          file: table.file, line: line, column: count + 1,
          problem:
            "SEN_Type_Count \(CSVFormat.number(pupils, decimals: 0)) is more than TotalPupils "
            + CSVFormat.number(all, decimals: 0),
          fix: "check the row against the published dashboard")
      }
      guard kind == "EHCP" else { continue }
      let key = "\(number) | \(areaName.lowercased()) | \(geography.rawValue)"
      if let first = seen[key] {
        throw .duplicateRow(
          file: table.file, line: line, firstLine: first,
          key: "\(areaName) \(geography.rawValue) EHCP row for \(yearText)")
      }
      seen[key] = line
      areas.append(
        NewBuildEHCPShares.Area(
          name: areaName, level: geography, academicYear: AcademicYear(startYear: number / 100),
          ehcpPupils: pupils, totalPupils: all, source: "\(table.file):\(line)"))
    }
    guard !areas.isEmpty else {
      throw .noRecords(file: table.file, expected: "EHCP rows with pupil counts")
    }
    return NewBuildEHCPShares(areas: areas)
  }
}
