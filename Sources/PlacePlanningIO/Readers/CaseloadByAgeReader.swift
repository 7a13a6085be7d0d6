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
    let columns = try PlacementMapping.releaseColumns(table)
    var result: [String: [Int: [SettingType: [Int: Double]]]] = [:]
    var suppressed: [String: [Int: Set<SettingType>]] = [:]
    let rows = AgeBreakdownRows(
      topic: topic, schema: schema, age: age, expected: "\"under 3\" or \"age 3\" to \"age 25\"")
    try rows.forEach(in: table) {
      (code: String, census: Int, age: Int, row: Int) throws(InputError) in
      var counts: [SettingType: Double] = [:]
      for setting in SettingType.allCases {
        guard let indices = columns[setting] else { continue }
        if let value = try CaseloadReader.sum(indices, table: table, row: row) {
          counts[setting] = value
        } else {
          suppressed[code, default: [:]][census, default: []].insert(setting)
        }
      }
      if let other = CaseloadReader.residualOther(PerSetting(counts)) {
        counts[.other] = other
      } else {
        suppressed[code, default: [:]][census, default: []].insert(.other)
      }
      for (setting, value) in counts.sorted(by: { $0.key < $1.key }) {
        result[code, default: [:]][census, default: [:]][setting, default: [:]][age] = value
      }
    }
    return AgeCaseload(table: result, suppressed: suppressed)
  }

  /// The age of a caseload label: "under 3" is 2, "age 3" … "age 25".
  static func age(_ label: String) -> Int? {
    if label == "under 3" { return AgeCaseload.youngestAge }
    guard label.hasPrefix("age "), let value = Int(label.dropFirst(4)),
      value > AgeCaseload.youngestAge, AgeCaseload.ages.contains(value)
    else { return nil }
    return value
  }
}
