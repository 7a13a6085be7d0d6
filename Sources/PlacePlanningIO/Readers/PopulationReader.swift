import PlacePlanning

/// Reads ONS population by single year of age, in either of two layouts:
/// - long estimates: `mid_year,area_code,area_name,geography,age,population` (an `all` age
///   row is ignored);
/// - wide projections as ONS publishes the subnational population projections (SNPP):
///   `AREA_CODE,AREA_NAME,COMPONENT,SEX,AGE_GROUP,2022,2023,…`, of which the rows with
///   `COMPONENT` = `Population` and `SEX` = `persons` are read.
/// Ages outside 0–25 are ignored.
public enum PopulationReader {
  static let schema =
    "ONS population long (mid_year, area_code, area_name, geography, age, population) or "
    + "ONS SNPP wide (AREA_CODE, AREA_NAME, COMPONENT, SEX, AGE_GROUP, then one column per year)"

  public static func read(path: String) throws(InputError) -> PopulationEstimates {
    try read(table: CSVTable.read(path: path))
  }

  public static func parse(text: String, file: String) throws(InputError) -> PopulationEstimates {
    try read(table: CSVTable.parse(text: text, file: file))
  }

  static func read(table: CSVTable) throws(InputError) -> PopulationEstimates {
    if table.index(of: "AREA_CODE") != nil && table.index(of: "AGE_GROUP") != nil {
      return try readProjection(table: table)
    }
    guard table.index(of: "mid_year") != nil, table.index(of: "population") != nil else {
      throw .unknownSchema(file: table.file, header: table.header, expected: schema)
    }
    let yearColumn = try table.require("mid_year", schema: schema)
    let codeColumn = try table.require("area_code", schema: schema)
    let nameColumn = try table.require("area_name", schema: schema)
    let ageColumn = try table.require("age", schema: schema)
    let valueColumn = try table.require("population", schema: schema)
    var values: [String: [Int: [Double?]]] = [:]
    // The line each (area, year, age) was read on, 0 when not yet read: a second row for it
    // is a duplicate.
    var lines: [String: [Int: [Int]]] = [:]
    // The last row of each area: its name is the area's, as an area renamed between
    // mid-years is known by its latest name.
    var nameRows: [String: Int] = [:]
    // Rows come grouped by area and year (a row per age, about 95,000 in all): the group
    // being read is filled here and put in the tables when the area or year changes, so a
    // row costs no lookup by text. A group met again later is taken up where it was left.
    var group = Group(code: "", year: 0, values: Self.missing, lines: Self.unread, lastRow: -1)
    var codeText = ""
    for row in table.rows.indices {
      let fields = table.rows[row]
      let ageText = fields[ageColumn].trimmedSpaces
      guard let age = Int(ageText) else {
        if ageText.lowercased() == "all" { continue }
        throw .notANumber(
          file: table.file, line: table.line(ofRow: row), column: ageColumn + 1, name: "age",
          value: String(ageText.prefix(40)))
      }
      // Ages above 25 are other people's (the file may hold every age); below 0 or above
      // 120 is not an age at all.
      guard (0...120).contains(age) else {
        throw .invalid(
          file: table.file, line: table.line(ofRow: row), column: ageColumn + 1,
          problem: "age is \(age)", fix: "give a single year of age from 0 (or \"all\")")
      }
      guard PopulationEstimates.ages.contains(age) else { continue }
      let year = try CellParser.year(fields[yearColumn], table: table, row: row, column: yearColumn)
      let rowCodeText = fields[codeColumn]
      if rowCodeText != codeText || year != group.year || group.lastRow < 0 {
        group.store(in: &values, lines: &lines, nameRows: &nameRows)
        if rowCodeText != codeText {
          codeText = rowCodeText
          group.code = codeText.trimmedSpaces.uppercased()
        }
        group.year = year
        group.values = values[group.code]?[year] ?? Self.missing
        group.lines = lines[group.code]?[year] ?? Self.unread
      }
      group.lastRow = row
      let line = table.line(ofRow: row)
      let first = group.lines[age]
      if first > 0 {
        throw .duplicateRow(
          file: table.file, line: line, firstLine: first,
          key: "\(group.code) mid-\(year) age \(age)")
      }
      group.lines[age] = line
      group.values[age] = try CellParser.count(
        fields[valueColumn], table: table, row: row, column: valueColumn,
        maximum: CellParser.maximumPopulation)
    }
    group.store(in: &values, lines: &lines, nameRows: &nameRows)
    let names = nameRows.mapValues { table.rows[$0][nameColumn] }
    guard !values.isEmpty else {
      throw .noRecords(file: table.file, expected: "no rows for ages 0-25")
    }
    return PopulationEstimates(table: values, names: names)
  }

  /// The ONS SNPP wide layout.
  static func readProjection(table: CSVTable) throws(InputError) -> PopulationEstimates {
    let codeColumn = try table.require("AREA_CODE", schema: schema)
    let nameColumn = try table.require("AREA_NAME", schema: schema)
    let ageColumn = try table.require("AGE_GROUP", schema: schema)
    let componentColumn = table.index(of: "COMPONENT")
    let sexColumn = table.index(of: "SEX")
    let yearColumns: [(column: Int, year: Int)] = table.header.indices.compactMap { column in
      guard let year = Int(table.header[column]), (2000...2100).contains(year) else { return nil }
      return (column, year)
    }
    guard !yearColumns.isEmpty else {
      throw .missingColumn(file: table.file, column: "a year such as 2025", schema: schema)
    }
    var values: [String: [Int: [Double?]]] = [:]
    var names: [String: String] = [:]
    var seen = RowKeys()
    for row in table.rows.indices {
      let fields = table.rows[row]
      if let componentColumn, fields[componentColumn].lowercased() != "population" { continue }
      if let sexColumn, fields[sexColumn].lowercased() != "persons" { continue }
      let ageText = fields[ageColumn].trimmedSpaces
      guard let age = Int(ageText), PopulationEstimates.ages.contains(age) else { continue }
      let code = fields[codeColumn].trimmedSpaces.uppercased()
      try seen.check("\(code) age \(age)", table: table, row: row)
      for (column, year) in yearColumns {
        let count = try CellParser.count(
          fields[column], table: table, row: row, column: column,
          maximum: CellParser.maximumPopulation)
        store(count, code: code, year: year, age: age, in: &values)
      }
      names[code] = fields[nameColumn]
    }
    guard !values.isEmpty else {
      throw .noRecords(file: table.file, expected: "no persons population rows for ages 0-25")
    }
    return PopulationEstimates(table: values, names: names)
  }

  /// The ages 0–25 of one area and year being read: their values, the line each was read
  /// on (0: not yet), and the last row read.
  struct Group {
    var code: String
    var year: Int
    var values: [Double?]
    var lines: [Int]
    var lastRow: Int

    /// Puts the group in the area × year tables (nothing before its first row).
    func store(
      in table: inout [String: [Int: [Double?]]], lines allLines: inout [String: [Int: [Int]]],
      nameRows: inout [String: Int]
    ) {
      guard lastRow >= 0 else { return }
      table[code, default: [:]][year] = values
      allLines[code, default: [:]][year] = lines
      nameRows[code] = lastRow
    }
  }

  /// Ages 0–25 of one area and year before any is read: all missing.
  static let missing = [Double?](repeating: nil, count: PopulationEstimates.ages.count)

  /// The lines of ages 0–25 of one area and year before any is read: none (0).
  static let unread = [Int](repeating: 0, count: PopulationEstimates.ages.count)

  /// Puts one count in the area × year table of ages 0–25 (absent ages stay nil).
  private static func store(
    _ count: Double?, code: String, year: Int, age: Int,
    in values: inout [String: [Int: [Double?]]]
  ) {
    values[code, default: [:]][year, default: missing][age] = count
  }
}
