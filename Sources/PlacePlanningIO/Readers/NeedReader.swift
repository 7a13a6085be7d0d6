import PlacePlanning

/// Reads a SEN2 2025 release breakdown by primary need: `sen_needs_all_plans.csv` (the
/// January census, `time_identifier` "Academic year") or `sen_need_newplans.csv` (plans
/// started in a calendar year).
///
/// Rows of `Local authority` and `National` level are read; the `All EHC plans` row gives
/// the total, the `Type of placement` rows are summed into setting types by
/// `PlacementMapping`, and the `Child or young persons age` rows give ages ("under 3" and
/// "age 2 and under" read as 2, "age 20 and over" as 20). Counts come from the
/// `number_*` columns (the `_pc` percentages are rounded and not read); a suppressed cell
/// is absent, not 0. Other breakdowns (sex, ethnicity, years in place) are skipped.
public enum NeedReader {
  static let schema =
    "SEN2 2025 release need breakdown (time_period, time_identifier, geographic_level, new_la_code, la_name, breakdown_topic, breakdown, ehc_plans, number_asd, …, number_need_unknown)"

  /// The column of each need's count.
  static func column(of need: PrimaryNeed) -> String {
    need == .unknown ? "number_need_unknown" : "number_" + need.rawValue
  }

  public static func read(path: String) throws(InputError) -> NeedBreakdown {
    try read(table: CSVTable.read(path: path))
  }

  public static func parse(text: String, file: String) throws(InputError) -> NeedBreakdown {
    try read(table: CSVTable.parse(text: text, file: file))
  }

  static func read(table: CSVTable) throws(InputError) -> NeedBreakdown {
    guard table.index(of: "number_asd") != nil, table.index(of: "ehc_plans") != nil else {
      throw .unknownSchema(file: table.file, header: table.header, expected: schema)
    }
    let period = try table.require("time_period", schema: schema)
    let identifier = try table.require("time_identifier", schema: schema)
    let level = try table.require("geographic_level", schema: schema)
    let code = try table.require("new_la_code", schema: schema)
    let name = try table.require("la_name", schema: schema)
    let topic = try table.require("breakdown_topic", schema: schema)
    let breakdown = try table.require("breakdown", schema: schema)
    let total = try table.require("ehc_plans", schema: schema)
    var needColumns: [(PrimaryNeed, Int)] = []
    for need in PrimaryNeed.allCases {
      needColumns.append((need, try table.require(column(of: need), schema: schema)))
    }

    var plans: NeedBreakdown.Plans?
    var year: Int?
    var seen = RowKeys()
    var placements: [String: [SettingType: NeedCell]] = [:]
    var totals: [String: NeedCell] = [:]
    var ages: [String: [Int: NeedCell]] = [:]
    for row in table.rows.indices {
      let fields = table.rows[row]
      let line = table.line(ofRow: row)
      let kind = fields[topic]
      guard
        kind == "All EHC plans" || kind == "Type of placement"
          || kind == "Child or young persons age",
        let area = try CaseloadReader.area(
          fields, level: level, code: code, name: name, table: table, row: row)
      else { continue }
      let rowPlans: NeedBreakdown.Plans
      switch fields[identifier] {
      case "Academic year": rowPlans = .caseload
      case "Calendar year": rowPlans = .newPlans
      default:
        throw .invalid(
          file: table.file, line: line, column: identifier + 1,
          problem: "time_identifier is \"\(fields[identifier].prefix(40))\"",
          fix:
            "expected \"Academic year\" (plans at the January census) or \"Calendar year\" (new plans)"
        )
      }
      let rowYear = try CellParser.year(fields[period], table: table, row: row, column: period)
      if let year, let plans, year != rowYear || plans != rowPlans {
        throw .invalid(
          file: table.file, line: line, column: period + 1,
          problem:
            "this row is \(rowPlans.rawValue) of \(rowYear), earlier rows \(plans.rawValue) of \(year); a need file holds one release's year",
          fix: "split the file by time_period, or keep the release's own file unchanged")
      }
      plans = rowPlans
      year = rowYear
      let label = fields[breakdown].trimmedSpaces
      try seen.check("\(area.code) \(kind) \(label)", table: table, row: row)
      guard
        let plansCount = try CellParser.count(
          fields[total], table: table, row: row, column: total)
      else {
        throw .invalid(
          file: table.file, line: line, column: total + 1,
          problem: "ehc_plans is blank or suppressed for \(area.name) \(label)",
          fix: "the release never suppresses ehc_plans; use the file as published")
      }
      var counts: [PrimaryNeed: Double] = [:]
      for (need, index) in needColumns {
        counts[need] = try CellParser.count(fields[index], table: table, row: row, column: index)
      }
      let cell = NeedCell(total: plansCount, counts: counts)
      switch kind {
      case "All EHC plans":
        totals[area.code] = cell
      case "Type of placement":
        guard let setting = PlacementMapping.setting(ofPlacement: label) else { continue }
        placements[area.code, default: [:]][setting] =
          placements[area.code]?[setting].map { $0 + cell } ?? cell
      default:
        guard let age = age(label.lowercased()) else {
          throw .invalid(
            file: table.file, line: line, column: breakdown + 1,
            problem: "age breakdown is \"\(label.prefix(40))\"",
            fix:
              "expected \"under 3\", \"age 2 and under\", \"age 3\" … \"age 25\" or \"age 20 and over\""
          )
        }
        ages[area.code, default: [:]][age] = cell
      }
    }
    guard let plans, let year, !totals.isEmpty else {
      throw .noRecords(
        file: table.file, expected: "no Local authority or National \"All EHC plans\" rows")
    }
    var bySetting: [String: [SettingType: NeedCell]] = [:]
    let zero = NeedCell(
      total: 0, counts: Dictionary(uniqueKeysWithValues: PrimaryNeed.allCases.map { ($0, 0.0) }))
    for (area, cell) in totals {
      var cells: [SettingType: NeedCell] = [.total: cell]
      // An LA with placement rows has none in a setting type it has no row for; an LA
      // without any has no split by setting type (not zeros).
      if let settings = placements[area] {
        for setting in SettingType.allCases where setting != .total {
          cells[setting] = settings[setting] ?? zero
        }
      }
      bySetting[area] = cells
    }
    return NeedBreakdown(
      plans: plans, year: year, source: table.file, bySetting: bySetting, byAge: ages)
  }

  /// The age of a label: "under 3" and "age 2 and under" are 2, "age 20 and over" is 20.
  static func age(_ label: String) -> Int? {
    switch label {
    case "under 3", "age 2 and under": return AgeCaseload.youngestAge
    case "age 20 and over": return 20
    default:
      guard label.hasPrefix("age "), let value = Int(label.dropFirst(4)),
        AgeCaseload.ages.contains(value)
      else { return nil }
      return value
    }
  }
}
