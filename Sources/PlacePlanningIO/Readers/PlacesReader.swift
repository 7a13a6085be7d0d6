import PlacePlanning

/// Reads a planned-places register (CSV):
/// ```
/// la_code,setting_name,setting_type,phase,first_year,last_year,planned_places[,actual_placements][,designation]
/// ```
/// `designation`, optional, says what the places are for: `generic`, or DfE need codes
/// joined by `/` (`asd`, `sld/pmld`); blank is generic. `places --by need` compares it with
/// demand by need.
/// `setting_type` is one of `special_state`, `rp_sen_unit`, `ap_pru`, `fe_post16`; `phase`
/// one of `primary`, `secondary`, `all-through`, `post-16`; years are academic years such as
/// `2026/27` (`last_year` blank = open-ended). An expansion or closure is a new row for the
/// same setting that starts after the previous one ends: rows of one setting must not
/// overlap. `actual_placements`, when given, needs a row covering one academic year.
public enum PlacesReader {
  static let schema =
    "places register (la_code, setting_name, setting_type, phase, first_year, last_year, planned_places, actual_placements)"
  /// Academic years a register may name.
  public static let yearRange = 2000...2060

  public static func read(path: String) throws(InputError) -> PlacesRegister {
    try read(table: CSVTable.read(path: path))
  }

  public static func parse(text: String, file: String) throws(InputError) -> PlacesRegister {
    try read(table: CSVTable.parse(text: text, file: file))
  }

  static func read(table: CSVTable) throws(InputError) -> PlacesRegister {
    guard table.index(of: "setting_name") != nil, table.index(of: "planned_places") != nil else {
      throw .unknownSchema(file: table.file, header: table.header, expected: schema)
    }
    let code = try table.require("la_code", schema: schema)
    let name = try table.require("setting_name", schema: schema)
    let type = try table.require("setting_type", schema: schema)
    let phase = try table.require("phase", schema: schema)
    let first = try table.require("first_year", schema: schema)
    let last = try table.require("last_year", schema: schema)
    let places = try table.require("planned_places", schema: schema)
    let actual = table.index(of: "actual_placements")
    let designationColumn = table.index(of: "designation")

    var entries: [PlacesEntry] = []
    for row in table.rows.indices {
      let fields = table.rows[row]
      let line = table.line(ofRow: row)
      let la = try CellParser.laCode(fields[code], table: table, row: row, column: code)
      let settingName = fields[name].trimmedSpaces
      guard !settingName.isEmpty else {
        throw .invalid(
          file: table.file, line: line, column: name + 1, problem: "setting_name is blank",
          fix: "name the school or unit")
      }
      let typeText = fields[type].trimmedSpaces
      guard let setting = SettingType(rawValue: typeText),
        PlacesEntry.plannableSettings.contains(setting)
      else {
        throw .invalid(
          file: table.file, line: line, column: type + 1,
          problem: "setting_type is \"\(typeText.prefix(40))\"",
          fix: "use one of \(PlacesEntry.plannableSettings.map(\.rawValue).joined(separator: ", "))"
        )
      }
      let phaseText = fields[phase].trimmedSpaces
      guard let settingPhase = PlacesEntry.Phase(rawValue: phaseText) else {
        throw .invalid(
          file: table.file, line: line, column: phase + 1,
          problem: "phase is \"\(phaseText.prefix(40))\"",
          fix: "use one of \(PlacesEntry.Phase.allCases.map(\.rawValue).joined(separator: ", "))")
      }
      let firstYear = try year(fields[first], table: table, row: row, column: first)
      let lastText = fields[last].trimmedSpaces
      let lastYear =
        lastText.isEmpty ? nil : try year(fields[last], table: table, row: row, column: last)
      if let lastYear, lastYear < firstYear {
        throw .invalid(
          file: table.file, line: line, column: last + 1,
          problem: "last_year \(lastYear) is before first_year \(firstYear)",
          fix: "swap them, or correct the year")
      }
      guard
        let planned = try CellParser.count(
          fields[places], table: table, row: row, column: places)
      else {
        throw .invalid(
          file: table.file, line: line, column: places + 1, problem: "planned_places is blank",
          fix: "give the number of places commissioned (0 for a closure)")
      }
      var placements: Double?
      if let actual {
        placements = try CellParser.count(fields[actual], table: table, row: row, column: actual)
        if placements != nil, lastYear != firstYear {
          throw .invalid(
            file: table.file, line: line, column: actual + 1,
            problem: "actual_placements is given on a row covering more than one academic year",
            fix: "split the row so that one row covers the year the placements are for")
        }
      }
      var designation: Designation?
      if let designationColumn {
        let text = fields[designationColumn].trimmedSpaces
        if !text.isEmpty {
          guard let parsed = Designation(parsing: text) else {
            throw .invalid(
              file: table.file, line: line, column: designationColumn + 1,
              problem: "designation is \"\(text.prefix(40))\"",
              fix: "use \(Designation.validCodes) (e.g. asd, sld/pmld)")
          }
          designation = parsed
        }
      }
      let entry = PlacesEntry(
        laCode: la, settingName: settingName, setting: setting, phase: settingPhase,
        firstYear: firstYear, lastYear: lastYear, plannedPlaces: planned,
        actualPlacements: placements, designation: designation, source: "\(table.file):\(line)")
      if let clash = entries.first(where: {
        $0.laCode == la && $0.settingName == settingName && $0.overlaps(entry)
      }) {
        throw .invalid(
          file: table.file, line: line, column: first + 1,
          problem:
            "\(settingName) already has places for \(clash.firstYear)-\(clash.lastYear.map(String.init(describing:)) ?? "open") (\(clash.source)); rows of one setting must not overlap",
          fix: "end the earlier row the year before this one starts")
      }
      entries.append(entry)
    }
    return PlacesRegister(entries: entries)
  }

  static func year(_ raw: String, table: CSVTable, row: Int, column: Int) throws(InputError)
    -> AcademicYear
  {
    let text = raw.trimmedSpaces
    guard let year = AcademicYear(parsing: text), yearRange.contains(year.startYear) else {
      throw .invalid(
        file: table.file, line: table.line(ofRow: row), column: column + 1,
        problem: "\(table.header[column]) is \"\(text.prefix(40))\"",
        fix:
          "write an academic year such as 2026/27, from \(yearRange.lowerBound)/\(String(yearRange.lowerBound + 1).suffix(2)) to \(yearRange.upperBound)/\(String(yearRange.upperBound + 1).suffix(2))"
      )
    }
    return year
  }
}
