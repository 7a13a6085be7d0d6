import PlacePlanning

/// Reads an LA's child-level EHCP case data for the transition model, in witan.send's
/// published layout (hyphenated names) or the native one (underscores):
/// ```
/// transitions:  calendar-year,setting-1,need-1,academic-year-1,setting-2,need-2,academic-year-2
///     native:   calendar_year,from_setting,from_need,from_ncy,to_setting,to_need,to_ncy
/// valid states: setting,setting-group,min-academic-year,max-academic-year,needs,setting->setting
/// population:   calendar-year,academic-year,population
/// ```
/// One transition row per child per calendar year Y: the January Y state, then January
/// Y+1's; `NONSEND` is outside the caseload (a joiner on the left, a leaver on the right).
/// An optional `id` (or `child-id`, `child_id`) column lets the reader check each child
/// appears once a year and starts each year where the year before ended.
/// Needs and moves are comma-separated lists inside quotes.
public enum ChildLevelReader {
  static let outside = "NONSEND"

  /// The column names of each layout.
  static let witan = [
    "calendar-year", "setting-1", "need-1", "academic-year-1", "setting-2", "need-2",
    "academic-year-2",
  ]
  static let native = [
    "calendar_year", "from_setting", "from_need", "from_ncy", "to_setting", "to_need", "to_ncy",
  ]

  public static func validStates(path: String) throws(InputError) -> ValidStates {
    let table = try CSVTable.read(path: path)
    let schema =
      "valid states (setting, setting-group, min-academic-year, max-academic-year, needs, setting->setting)"
    let name = try table.require("setting", schema: schema)
    let group = try table.require("setting-group", schema: schema)
    let low = try table.require("min-academic-year", schema: schema)
    let high = try table.require("max-academic-year", schema: schema)
    let needs = try table.require("needs", schema: schema)
    let moves = try table.require("setting->setting", schema: schema)
    var settings: [ValidStates.Setting] = []
    var seen = RowKeys()
    for row in table.rows.indices {
      let fields = table.rows[row]
      let setting = fields[name].trimmedSpaces
      guard !setting.isEmpty, setting != outside else {
        throw .invalid(
          file: table.file, line: table.line(ofRow: row), column: name + 1,
          problem: "setting is \"\(setting.prefix(40))\"", fix: "name the setting (not NONSEND)")
      }
      try seen.check(setting, table: table, row: row)
      let from = try ncy(fields[low], table: table, row: row, column: low)
      let to = try ncy(fields[high], table: table, row: row, column: high)
      guard from <= to else {
        throw .invalid(
          file: table.file, line: table.line(ofRow: row), column: high + 1,
          problem: "max-academic-year \(to) is below min-academic-year \(from)",
          fix: "swap them, or correct the year")
      }
      settings.append(
        ValidStates.Setting(
          name: setting, group: fields[group], ncys: from...to, needs: list(fields[needs]),
          moves: list(fields[moves])))
    }
    guard !settings.isEmpty else { throw .noRecords(file: table.file, expected: "no settings") }
    return ValidStates(settings: settings)
  }

  public static func population(path: String) throws(InputError) -> ChildPopulation {
    let table = try CSVTable.read(path: path)
    let schema = "population (calendar-year, academic-year, population)"
    let year = try table.require("calendar-year", schema: schema)
    let academic = try table.require("academic-year", schema: schema)
    let value = try table.require("population", schema: schema)
    var counts: [Int: [Int: Double]] = [:]
    var seen = RowKeys()
    for row in table.rows.indices {
      let fields = table.rows[row]
      let calendar = try CellParser.year(fields[year], table: table, row: row, column: year)
      let grade = try ncy(fields[academic], table: table, row: row, column: academic)
      try seen.check("\(calendar) NCY \(grade)", table: table, row: row)
      guard
        let count = try CellParser.count(
          fields[value], table: table, row: row, column: value,
          maximum: CellParser.maximumPopulation)
      else {
        throw .invalid(
          file: table.file, line: table.line(ofRow: row), column: value + 1,
          problem: "population is blank or suppressed", fix: "give the population of that NCY")
      }
      counts[calendar, default: [:]][grade] = count
    }
    guard !counts.isEmpty else {
      throw .noRecords(file: table.file, expected: "no population rows")
    }
    return ChildPopulation(counts: counts)
  }

  /// Transitions checked against the valid states: every setting known, every NCY within
  /// its setting's range, every need allowed, a year older on each side.
  public static func transitions(path: String, valid: ValidStates) throws(InputError)
    -> [ChildTransition]
  {
    let table = try CSVTable.read(path: path)
    let names = table.header.contains(witan[0]) ? witan : native
    let schema = "transitions (" + names.joined(separator: ", ") + ")"
    var columns: [Int] = []
    for name in names { columns.append(try table.require(name, schema: schema)) }
    // An optional child identifier: each child once a year, and a year starting where the
    // year before ended.
    let idColumn = ["id", "child-id", "child_id"].lazy.compactMap {
      table.header.firstIndex(of: $0)
    }
    .first
    var seen = RowKeys()
    var ends: [String: (year: Int, line: Int, state: ChildState?)] = [:]
    var starts: [(id: String, year: Int, line: Int, state: ChildState?)] = []
    var result: [ChildTransition] = []
    for row in table.rows.indices {
      let fields = table.rows[row]
      let line = table.line(ofRow: row)
      let calendar = try CellParser.year(
        fields[columns[0]], table: table, row: row, column: columns[0])
      let from = try state(
        fields, columns: Array(columns[1...3]), table: table, row: row, valid: valid)
      let to = try state(
        fields, columns: Array(columns[4...6]), table: table, row: row, valid: valid)
      if from == nil && to == nil {
        throw .invalid(
          file: table.file, line: line, column: columns[1] + 1,
          problem: "both states are NONSEND", fix: "leave out children outside the caseload")
      }
      if let from, let to, to.ncy != from.ncy + 1 {
        throw .invalid(
          file: table.file, line: line, column: columns[6] + 1,
          problem: "the child goes from NCY \(from.ncy) to \(to.ncy) in one year",
          fix: "a transition covers one year: the second NCY is the first plus one")
      }
      result.append(ChildTransition(calendarYear: calendar, from: from, to: to))
      if let idColumn {
        let id = fields[idColumn].trimmedSpaces
        guard !id.isEmpty else {
          throw .invalid(
            file: table.file, line: line, column: idColumn + 1, problem: "the child's id is blank",
            fix: "give every row its child's id, or leave out the id column")
        }
        try seen.check("child \(id) in \(calendar)", table: table, row: row)
        ends["\(id)\u{1F}\(calendar)"] = (calendar, line, to)
        starts.append((id, calendar, line, from))
      }
    }
    for start in starts {
      guard let before = ends["\(start.id)\u{1F}\(start.year - 1)"], before.state != start.state
      else { continue }
      throw .invalid(
        file: table.file, line: start.line, column: columns[1] + 1,
        problem:
          "child \(start.id.prefix(40)) starts \(start.year) in \(start.state?.description ?? "NONSEND") but ended \(start.year - 1) in \(before.state?.description ?? "NONSEND") (line \(before.line))",
        fix: "a child's year starts where the year before ended: correct one of the two rows")
    }
    guard !result.isEmpty else { throw .noRecords(file: table.file, expected: "no transitions") }
    return result
  }

  /// A state from its three columns; nil for NONSEND.
  static func state(
    _ fields: CSVTable.Row, columns: [Int], table: CSVTable, row: Int, valid: ValidStates
  ) throws(InputError) -> ChildState? {
    let setting = fields[columns[0]].trimmedSpaces
    if setting == outside { return nil }
    let line = table.line(ofRow: row)
    guard let spec = valid.settings[setting] else {
      throw .invalid(
        file: table.file, line: line, column: columns[0] + 1,
        problem: "setting \"\(setting.prefix(40))\" is not in the valid states",
        fix: "use one of \(valid.order.joined(separator: ", ")), or add it to the valid states")
    }
    let need = fields[columns[1]].trimmedSpaces
    guard spec.needs.contains(need) else {
      throw .invalid(
        file: table.file, line: line, column: columns[1] + 1,
        problem: "need \"\(need.prefix(40))\" is not allowed in setting \(setting)",
        fix: "use one of \(spec.needs.joined(separator: ", "))")
    }
    let grade = try ncy(fields[columns[2]], table: table, row: row, column: columns[2])
    guard spec.ncys.contains(grade) else {
      throw .invalid(
        file: table.file, line: line, column: columns[2] + 1,
        problem:
          "NCY \(grade) is outside setting \(setting)'s range \(spec.ncys.lowerBound) to \(spec.ncys.upperBound)",
        fix: "correct the year, or widen the setting's range in the valid states")
    }
    return ChildState(setting: setting, need: need, ncy: grade)
  }

  /// A national curriculum year, −5 … 25.
  static func ncy(_ raw: String, table: CSVTable, row: Int, column: Int) throws(InputError) -> Int {
    let text = raw.trimmedSpaces
    guard let value = Int(text), (-5...25).contains(value) else {
      throw .invalid(
        file: table.file, line: table.line(ofRow: row), column: column + 1,
        problem: "\(table.header[column]) is \"\(text.prefix(40))\"",
        fix: "give a national curriculum year from -5 to 25")
    }
    return value
  }

  /// A comma-separated list.
  static func list(_ text: String) -> [String] {
    text.split(separator: ",").map { String($0).trimmedSpaces }.filter {
      !$0.isEmpty
    }
  }
}
