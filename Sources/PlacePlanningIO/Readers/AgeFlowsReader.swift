import PlacePlanning

/// Reads new plans by age when the plan started, by setting type, from the SEN2 2025 release
/// `newplans.csv` (rows whose `breakdown_topic` is `Age when plan started`, columns mapped to
/// setting types as `CaseloadReader` maps the caseload's), and ceased plans by age when the
/// plan ceased from `ceased_plans.csv` (`Age plan ceased`, column `total_ceased`).
///
/// Labels: `age 2 and under` is age 2, `age 3` … `age 19`, `age 20 and over` is age 20;
/// `Age unknown` rows are left out. `Local authority` and `National` rows are read;
/// suppressed cells are left out (counted as 0 by `AgeFlows`).
public enum AgeFlowsReader {
  static let newPlansTopic = "Age when plan started"
  static let ceasedTopic = "Age plan ceased"

  public static func read(newPlans: String, ceased: String) throws(InputError) -> AgeFlows {
    try read(newPlans: CSVTable.read(path: newPlans), ceased: CSVTable.read(path: ceased))
  }

  public static func parse(
    newPlans: (text: String, name: String), ceased: (text: String, name: String)
  ) throws(InputError) -> AgeFlows {
    try read(
      newPlans: CSVTable.parse(text: newPlans.text, file: newPlans.name),
      ceased: CSVTable.parse(text: ceased.text, file: ceased.name))
  }

  static func read(newPlans: CSVTable, ceased: CSVTable) throws(InputError) -> AgeFlows {
    AgeFlows(newPlans: try readNewPlans(newPlans), ceased: try readCeased(ceased))
  }

  private static func readNewPlans(_ table: CSVTable) throws(InputError) -> [String: [Int:
    [SettingType: [Int: Double]]]]
  {
    let schema = "SEN2 new plans file, 2025 release (\(newPlansTopic) rows by setting)"
    let columns = try PlacementMapping.releaseColumns(table, totalColumn: "new_ehc_plans")
    var result: [String: [Int: [SettingType: [Int: Double]]]] = [:]
    try rows(of: table, topic: newPlansTopic, schema: schema) {
      (area: String, year: Int, age: Int, row: Int) throws(InputError) in
      var counts: [SettingType: Double] = [:]
      for setting in SettingType.allCases {
        guard let indices = columns[setting] else { continue }
        counts[setting] = try CaseloadReader.sum(indices, table: table, row: row)
      }
      counts[.other] = CaseloadReader.residualOther(PerSetting(counts))
      for (setting, value) in counts.sorted(by: { $0.key < $1.key }) {
        result[area, default: [:]][year, default: [:]][setting, default: [:]][age] = value
      }
    }
    return result
  }

  private static func readCeased(_ table: CSVTable) throws(InputError) -> [String: [Int: [Int:
    Double]]]
  {
    let schema = "SEN2 ceased plans file, 2025 release (\(ceasedTopic) rows, total_ceased)"
    let total = try table.require("total_ceased", schema: schema)
    var result: [String: [Int: [Int: Double]]] = [:]
    try rows(of: table, topic: ceasedTopic, schema: schema) {
      (area: String, year: Int, age: Int, row: Int) throws(InputError) in
      let value = try CellParser.count(
        table.rows[row][total], table: table, row: row, column: total)
      result[area, default: [:]][year, default: [:]][age] = value
    }
    return result
  }

  /// The rows of an age topic of these files ("Age unknown" skipped).
  private static func rows(
    of table: CSVTable, topic: String, schema: String,
    _ body: (String, Int, Int, Int) throws(InputError) -> Void
  ) throws(InputError) {
    try AgeBreakdownRows(
      topic: topic, schema: schema, skipped: ["age unknown"], age: age,
      expected:
        "\"age 2 and under\", \"age 3\" to \"age 19\", \"age 20 and over\" or \"Age unknown\""
    ).forEach(in: table, body)
  }

  /// The age of a breakdown label, or nil.
  static func age(_ label: String) -> Int? {
    switch label {
    case "age 2 and under": return AgeFlows.youngestAge
    case "age 20 and over": return AgeFlows.oldestBand
    default:
      guard label.hasPrefix("age "), let value = Int(label.dropFirst(4)),
        value > AgeFlows.youngestAge, value < AgeFlows.oldestBand
      else { return nil }
      return value
    }
  }
}
