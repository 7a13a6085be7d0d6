import PlacePlanning

extension ChildLevelReader {
  /// Reads which placeplan setting type each of the LA's settings is:
  /// ```
  /// setting,setting_type          (setting-type is accepted too)
  /// SS,special_state
  /// ```
  /// Every setting must be one of the valid states', once; every valid-states setting must
  /// be mapped, so no child is left out unseen.
  public static func settingTypes(path: String, valid: ValidStates) throws(InputError)
    -> ChildSettingMap
  {
    let table = try CSVTable.read(path: path)
    let schema = "setting types (setting, setting_type)"
    let name = try table.require("setting", schema: schema)
    var typeColumn = table.header.firstIndex(of: "setting-type") ?? -1
    if typeColumn < 0 { typeColumn = try table.require("setting_type", schema: schema) }
    let choices = SettingType.allCases.filter { $0 != .total }.map(\.rawValue)
    var types: [String: SettingType] = [:]
    var seen = RowKeys()
    for row in table.rows.indices {
      let fields = table.rows[row]
      let setting = fields[name].trimmedSpaces
      guard valid.settings[setting] != nil else {
        throw .invalid(
          file: table.file, line: table.line(ofRow: row), column: name + 1,
          problem: "setting \"\(setting.prefix(40))\" is not in the valid states",
          fix: "use one of \(valid.order.joined(separator: ", "))")
      }
      try seen.check(setting, table: table, row: row)
      let text = fields[typeColumn].trimmedSpaces
      guard let type = SettingType(rawValue: text), type != .total else {
        throw .invalid(
          file: table.file, line: table.line(ofRow: row), column: typeColumn + 1,
          problem: "setting type \"\(text.prefix(40))\" is not one of placeplan's",
          fix: "use one of \(choices.joined(separator: ", "))")
      }
      types[setting] = type
    }
    let missing = valid.order.filter { types[$0] == nil }
    guard missing.isEmpty else {
      throw .invalid(
        file: table.file,
        line: table.rows.indices.last.map { table.line(ofRow: $0) + 1 } ?? 2, column: 1,
        problem: "no setting type for \(missing.joined(separator: ", "))",
        fix: "add a row for each setting of the valid states")
    }
    return ChildSettingMap(types: types)
  }
}

extension ChildLevelReader {
  /// Reads the cost of a year's placement by need and setting (`need,setting,cost`, £ a
  /// child a year, as witan.send's demo `costs.csv`): every setting and need must be one the
  /// valid states allow; a cost is non-negative and at most £10 million.
  /// Returns setting → need → £.
  public static func costs(path: String, valid: ValidStates) throws(InputError) -> [String: [String:
    Double]]
  {
    let table = try CSVTable.read(path: path)
    let schema = "costs (need, setting, cost)"
    let needColumn = try table.require("need", schema: schema)
    let settingColumn = try table.require("setting", schema: schema)
    let costColumn = try table.require("cost", schema: schema)
    var costs: [String: [String: Double]] = [:]
    var seen = RowKeys()
    for row in table.rows.indices {
      let fields = table.rows[row]
      let line = table.line(ofRow: row)
      let setting = fields[settingColumn].trimmedSpaces
      guard let spec = valid.settings[setting] else {
        throw .invalid(
          file: table.file, line: line, column: settingColumn + 1,
          problem: "setting \"\(setting.prefix(40))\" is not in the valid states",
          fix: "use one of \(valid.order.joined(separator: ", "))")
      }
      let need = fields[needColumn].trimmedSpaces
      guard spec.needs.contains(need) else {
        throw .invalid(
          file: table.file, line: line, column: needColumn + 1,
          problem: "need \"\(need.prefix(40))\" is not allowed in setting \(setting)",
          fix: "use one of \(spec.needs.joined(separator: ", "))")
      }
      try seen.check("\(need) in \(setting)", table: table, row: row)
      guard
        let cost = try CellParser.count(
          fields[costColumn], table: table, row: row, column: costColumn, maximum: 10_000_000)
      else {
        throw .invalid(
          file: table.file, line: line, column: costColumn + 1,
          problem: "cost is blank or suppressed", fix: "give the cost of a year's placement in £")
      }
      costs[setting, default: [:]][need] = cost
    }
    guard !costs.isEmpty else { throw .noRecords(file: table.file, expected: "no costs") }
    return costs
  }
}
