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
      let setting = fields[name].trimmingCharacters(in: .whitespaces)
      guard valid.settings[setting] != nil else {
        throw .invalid(
          file: table.file, line: table.line(ofRow: row), column: name + 1,
          problem: "setting \"\(setting.prefix(40))\" is not in the valid states",
          fix: "use one of \(valid.order.joined(separator: ", "))")
      }
      try seen.check(setting, table: table, row: row)
      let text = fields[typeColumn].trimmingCharacters(in: .whitespaces)
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
