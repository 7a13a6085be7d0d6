import PlacePlanning

/// Reads DfE SEN2 caseload files into per-LA census records by setting type.
///
/// Three layouts are recognised by their headers:
/// - the 2025 release `caseload.csv` (wide, one row per LA × year × breakdown; totals are the
///   rows whose `breakdown_topic` is `All EHC plans`; `special_academy_free`, or
///   `special_academy` + `special_free_school` in other releases; `AP_PRU_total_pc` spelling
///   tolerated since percentage columns are not read);
/// - the 2022 release `sen2_estab_caseload.csv` (long, one row per establishment type;
///   `Total_all` = statements + EHC plans);
/// - the derived 2010–2025 by-setting file (`census_year`, `total`, `mainstream_total`, …).
///
/// `Local authority` rows are read, and `National` rows under England's code E92000001. In every layout `other` is the residual
/// `total − mainstream − special (state + INMS) − AP/PRU − FE − early years`, so the
/// setting types always add up to the published total; blank FE and early-years cells
/// (not collected before 2015) count as zero in that residual.
public enum CaseloadReader {
  /// The layouts this reader knows.
  public enum Layout: String, Sendable {
    case release2025 = "SEN2 2025 release caseload.csv"
    case establishment2022 = "SEN2 2022 release sen2_estab_caseload.csv"
    case derivedBySetting = "derived by-setting 2010-2025"
  }

  static let expectedLayouts =
    "the 2025 release caseload.csv (time_period, breakdown_topic, ehcplans, mainstream_total, "
    + "special_independent, …), the 2022 release sen2_estab_caseload.csv (time_period, "
    + "establishment_type, establishment_group, Total_all) or the derived by-setting file "
    + "(census_year, new_la_code, total, mainstream_total, special_state, …)"

  /// Reads a caseload file of any known layout.
  public static func read(path: String) throws(InputError) -> (
    records: [CaseloadRecord], layout: Layout
  ) {
    let table = try CSVTable.read(path: path)
    return try read(table: table)
  }

  /// Parses caseload CSV text (for tests); `file` names it in errors.
  public static func parse(text: String, file: String) throws(InputError) -> (
    records: [CaseloadRecord], layout: Layout
  ) {
    try read(table: CSVTable.parse(text: text, file: file))
  }

  static func read(table: CSVTable) throws(InputError) -> (
    records: [CaseloadRecord], layout: Layout
  ) {
    let names = Set(table.header)
    let records: [CaseloadRecord]
    let layout: Layout
    // The derived and 2022 layouts are recognised by columns only they have, so such a file
    // missing a further column is told which one (the reader's `require`), not "unknown
    // layout". Every SEN2 2025 table has time_period and breakdown_topic, so the caseload is
    // known by its ehcplans column; without it the error lists the layouts expected.
    if names.contains("census_year") && (names.contains("total") || names.contains("new_la_code")) {
      layout = .derivedBySetting
      records = try readDerived(table)
    } else if names.contains("establishment_type") && names.contains("establishment_group") {
      layout = .establishment2022
      records = try readEstablishment(table)
    } else if names.contains("time_period") && names.contains("ehcplans") {
      layout = .release2025
      records = try readRelease(table)
    } else {
      throw .unknownSchema(file: table.file, header: table.header, expected: expectedLayouts)
    }
    guard !records.isEmpty else {
      throw .noRecords(file: table.file, expected: "no Local authority rows with EHCP totals")
    }
    return (records, layout)
  }

  // MARK: - Shared

  /// The code and name of a Local authority or National row; nil for other levels.
  /// National rows get England's code, E92000001.
  static func area(
    _ fields: CSVTable.Row, level: Int, code: Int, name: Int, table: CSVTable, row: Int
  ) throws(InputError) -> (code: String, name: String)? {
    switch fields[level] {
    case "Local authority":
      return (
        try CellParser.laCode(fields[code], table: table, row: row, column: code), fields[name]
      )
    case "National":
      return (CaseloadHistory.englandCode, "England")
    default:
      return nil
    }
  }

  /// The residual `other` count, or nil when a needed part is missing.
  static func residualOther(_ counts: PerSetting<Double>) -> Double? {
    guard let total = counts[.total], let mainstream = counts[.mainstream],
      let special = counts[.specialState], let inms = counts[.inms]
    else { return nil }
    let rest = [SettingType.apPRU, .fePost16, .earlyYears].reduce(0.0) { $0 + (counts[$1] ?? 0) }
    let other = total - mainstream - special - inms - rest
    return other >= 0 ? other : nil
  }

  /// Sum of the named columns' counts; nil if any is missing.
  static func sum(
    _ columns: [Int], table: CSVTable, row: Int
  ) throws(InputError) -> Double? {
    var total = 0.0
    for column in columns {
      guard
        let value = try CellParser.count(
          table.rows[row][column], table: table, row: row, column: column)
      else { return nil }
      total += value
    }
    return total
  }

  /// Records from a wide layout: one row per area and census, each setting type the sum of
  /// its columns, `other` the residual; rows failing `include` are skipped.
  private static func wideRecords(
    _ table: CSVTable, level: Int, year: Int, code: Int, name: Int, columns: [SettingType: [Int]],
    include: (CSVTable.Row) -> Bool
  ) throws(InputError) -> [CaseloadRecord] {
    var seen = RowKeys()
    var records: [CaseloadRecord] = []
    for row in table.rows.indices {
      let fields = table.rows[row]
      guard include(fields),
        let area = try area(fields, level: level, code: code, name: name, table: table, row: row)
      else { continue }
      let census = try CellParser.year(fields[year], table: table, row: row, column: year)
      try seen.check("\(area.code) census \(census)", table: table, row: row)
      var counts = PerSetting<Double>()
      for setting in SettingType.allCases {
        guard let indices = columns[setting] else { continue }
        counts[setting] = try sum(indices, table: table, row: row)
      }
      counts[.other] = residualOther(counts)
      records.append(
        CaseloadRecord(
          laCode: area.code, laName: area.name, censusYear: census, counts: counts,
          source: "\(table.file):\(table.line(ofRow: row))"))
    }
    return records
  }

  // MARK: - Derived by-setting file

  private static func readDerived(_ table: CSVTable) throws(InputError) -> [CaseloadRecord] {
    let schema = Layout.derivedBySetting.rawValue
    let level = try table.require("geographic_level", schema: schema)
    let year = try table.require("census_year", schema: schema)
    let code = try table.require("new_la_code", schema: schema)
    let name = try table.require("la_name", schema: schema)
    var columns: [SettingType: [Int]] = [:]
    columns[.total] = [try table.require("total", schema: schema)]
    columns[.mainstream] = [try table.require("mainstream_total", schema: schema)]
    columns[.rpSENUnit] = [try table.require("mainstream_rp_or_senunit", schema: schema)]
    columns[.specialState] = [try table.require("special_state", schema: schema)]
    columns[.inms] = [
      try table.require("special_independent", schema: schema),
      try table.require("special_non_maintained", schema: schema),
    ]
    columns[.apPRU] = [try table.require("ap_pru_total", schema: schema)]
    columns[.fePost16] = [try table.require("fe_total", schema: schema)]
    columns[.earlyYears] = [try table.require("early_years_nonmaintained", schema: schema)]
    return try wideRecords(
      table, level: level, year: year, code: code, name: name, columns: columns
    ) { _ in true }
  }

  // MARK: - 2025 release (wide)

  private static func readRelease(_ table: CSVTable) throws(InputError) -> [CaseloadRecord] {
    let schema = Layout.release2025.rawValue
    let level = try table.require("geographic_level", schema: schema)
    let period = try table.require("time_period", schema: schema)
    let code = try table.require("new_la_code", schema: schema)
    let name = try table.require("la_name", schema: schema)
    let topic = try table.require("breakdown_topic", schema: schema)
    let columns = try PlacementMapping.releaseColumns(table)
    return try wideRecords(
      table, level: level, year: period, code: code, name: name, columns: columns
    ) { $0[topic] == "All EHC plans" }
  }

  // MARK: - 2022 release by establishment type (long)

  private static func readEstablishment(_ table: CSVTable) throws(InputError) -> [CaseloadRecord] {
    let schema = Layout.establishment2022.rawValue
    let level = try table.require("geographic_level", schema: schema)
    let period = try table.require("time_period", schema: schema)
    let code = try table.require("new_la_code", schema: schema)
    let name = try table.require("la_name", schema: schema)
    let type = try table.require("establishment_type", schema: schema)
    let group = try table.require("establishment_group", schema: schema)
    let value = try table.require("Total_all", schema: schema)

    struct Partial {
      let key: AreaYear
      var name: String
      var firstLine: Int
      var counts = PerSetting<Double>()
      var missing: Set<SettingType> = []
      /// The line each establishment type and group was read on: a second is a duplicate.
      var lines: [Entry: Int] = [:]

      mutating func add(_ setting: SettingType, _ count: Double?) {
        guard let count else {
          missing.insert(setting)
          return
        }
        counts[setting, default: 0] += count
      }
    }
    struct AreaYear: Hashable {
      let code: String
      let census: Int
    }
    struct Entry: Hashable {
      let establishment: String
      let group: String
    }
    // One partial record per LA and census, in the order first met; rows come grouped by
    // them, so the last one found is tried first.
    var partials: [Partial] = []
    var positions: [AreaYear: Int] = [:]
    var last: (key: AreaYear, position: Int)?
    for row in table.rows.indices {
      let fields = table.rows[row]
      guard
        let area = try area(fields, level: level, code: code, name: name, table: table, row: row)
      else { continue }
      let census = try CellParser.year(fields[period], table: table, row: row, column: period)
      let key = AreaYear(code: area.code, census: census)
      let position: Int
      if let last, last.key == key {
        position = last.position
      } else if let found = positions[key] {
        position = found
      } else {
        position = partials.count
        positions[key] = position
        partials.append(Partial(key: key, name: area.name, firstLine: table.line(ofRow: row)))
      }
      last = (key, position)
      let establishment = fields[type]
      let groupName = fields[group]
      let entry = Entry(establishment: establishment, group: groupName)
      let line = table.line(ofRow: row)
      if let first = partials[position].lines[entry] {
        throw .duplicateRow(
          file: table.file, line: line, firstLine: first,
          key: "\(area.code) \(census) \(establishment) / \(groupName)")
      }
      partials[position].lines[entry] = line
      let count = try CellParser.count(fields[value], table: table, row: row, column: value)
      if establishment == "Total",
        let setting = PlacementMapping.establishmentGroupTotals[groupName]
      {
        partials[position].add(setting, count)
      } else if PlacementMapping.establishmentSpecialState.contains(establishment) {
        partials[position].add(.specialState, count)
      } else if PlacementMapping.establishmentINMS.contains(establishment) {
        partials[position].add(.inms, count)
      } else if PlacementMapping.isEstablishmentRP(establishment) {
        partials[position].add(.rpSENUnit, count)
      }
    }
    var records: [CaseloadRecord] = []
    for partial in partials {
      var counts = partial.counts
      for setting in partial.missing { counts[setting] = nil }
      counts[.other] = residualOther(counts)
      records.append(
        CaseloadRecord(
          laCode: partial.key.code, laName: partial.name, censusYear: partial.key.census,
          counts: counts, source: "\(table.file):\(partial.firstLine)"))
    }
    return records
  }
}
