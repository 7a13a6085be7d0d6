import Foundation
import PlacePlanning

/// Reads the SEN2 flow files (2025 release layout) into a `PipelineHistory`: requests,
/// assessments, new plans, 20-week timeliness and ceased plans by area and calendar year.
///
/// Only each file's "All …" breakdown rows are read (never sums across breakdown topics), for
/// `Local authority` rows and `National` rows (under England's code E92000001). `time_period`
/// is a calendar year in these files. Suppressed cells (`x`, `c`, `z`, `:`, `low`) are
/// missing values; percentages must lie in 0–100.
///
/// A count that two or more LA rows of a region give, equal to the region's count that year
/// (`Regional` rows, matched by `region_code`; at least 10), is the region's figure, not the
/// LAs': it is left out of each and noted on the year. (The 2025 release gives 6,078,
/// Yorkshire and The Humber's total, as the 2022 new plans of each of its 15 LAs.) One LA
/// holding all of a region's count of a rare event is possible, so is kept.
public enum PipelineReader {
  /// One of the flow files.
  public enum File: String, CaseIterable, Sendable {
    case requests, assessments
    case newPlans = "new plans"
    case ceased = "ceased plans"
    case timeliness

    /// The `breakdown_topic` of the totals rows.
    public var topic: String {
      switch self {
      case .requests: return "All requests for EHC needs assessments"
      case .assessments: return "All EHC needs assessments"
      case .newPlans: return "New EHC plans"
      case .ceased: return "All ceased EHC plans"
      case .timeliness: return "All EHC plans issued"
      }
    }

    /// The columns read, the first of which identifies the layout.
    var columns: [String] {
      switch self {
      case .requests:
        return [
          "requests_received_in_year", "requests_decided_to_assess",
          "requests_decided_not_to_assess",
        ]
      case .assessments: return ["assess_issued", "assess_in_year", "assess_not_issued"]
      case .newPlans: return ["new_ehc_plans"]
      case .ceased: return ["total_ceased"] + CeasedReason.allCases.map(\.rawValue)
      case .timeliness:
        return ["pc_plans_issued_within_20_weeks", "PC_plans_issued_20_weeks_ex"]
      }
    }

    /// Columns holding percentages (0–100).
    var percentColumns: Set<String> {
      self == .timeliness ? Set(columns) : []
    }

    var schema: String {
      "SEN2 \(rawValue) file, 2025 release (time_period, geographic_level, new_la_code, "
        + "la_name, breakdown_topic, \(columns.joined(separator: ", ")))"
    }
  }

  /// Paths of the files to read; a nil path is skipped.
  public struct Paths: Sendable {
    public var files: [File: String]

    public init(files: [File: String]) {
      self.files = files
    }
  }

  /// Reads every file given, in the order of `File.allCases`.
  public static func read(_ paths: Paths) throws(InputError) -> PipelineHistory {
    // The files are parsed and read on every core, then put into the history in the
    // files' order, so the first bad file in that order is the one reported.
    let files = File.allCases.compactMap { file in paths.files[file].map { (file, $0) } }
    let read = parallelMap(files.count) { index in
      Result { () throws(InputError) in
        try rows(of: CSVTable.read(path: files[index].1), as: files[index].0)
      }
    }
    var history = PipelineHistory()
    for (index, rows) in read.enumerated() {
      try put(rows.get(), from: files[index].0, into: &history)
    }
    return history
  }

  /// Parses CSV texts (for tests); each `name` names its text in errors.
  public static func parse(_ texts: [(file: File, text: String, name: String)])
    throws(InputError) -> PipelineHistory
  {
    var history = PipelineHistory()
    for item in texts {
      try put(
        rows(of: CSVTable.parse(text: item.text, file: item.name), as: item.file),
        from: item.file, into: &history)
    }
    return history
  }

  /// One area's year as a file gives it: the counts read and the notes on them.
  struct AreaYear {
    let code: String
    let name: String
    let year: Int
    let values: [String: Double]
    let notes: [String]
  }

  /// Puts a file's area-years into the history, in the file's row order.
  static func put(_ rows: [AreaYear], from file: File, into history: inout PipelineHistory) {
    for row in rows {
      history.update(code: row.code, name: row.name, calendarYear: row.year) { target in
        assign(row.values, from: file, to: &target)
        target.notes += row.notes
      }
    }
  }

  /// The area-years of a file's table, checked.
  static func rows(of table: CSVTable, as file: File) throws(InputError) -> [AreaYear] {
    guard let first = file.columns.first, table.index(of: first) != nil else {
      throw .unknownSchema(file: table.file, header: table.header, expected: file.schema)
    }
    let period = try table.require("time_period", schema: file.schema)
    let level = try table.require("geographic_level", schema: file.schema)
    let code = try table.require("new_la_code", schema: file.schema)
    let name = try table.require("la_name", schema: file.schema)
    let topic = try table.require("breakdown_topic", schema: file.schema)
    var columns: [(name: String, index: Int)] = []
    for column in file.columns {
      columns.append((column, try table.require(column, schema: file.schema)))
    }
    let regions = try regionalCounts(
      table, file: file, columns: columns, level: level, period: period)
    let region = table.index(of: "region_code")
    var seen = RowKeys()
    var rows: [AreaYear] = []
    for row in table.rows.indices {
      let fields = table.rows[row]
      guard fields.field(topic, is: file.topic),
        let area = try CaseloadReader.area(
          fields, level: level, code: code, name: name, table: table, row: row)
      else { continue }
      let year = try CellParser.year(fields[period], table: table, row: row, column: period)
      try seen.check("\(area.code) \(year)", table: table, row: row)
      let line = table.line(ofRow: row)
      var values: [String: Double] = [:]
      for column in columns {
        guard
          let value = try CellParser.count(
            fields[column.index], table: table, row: row, column: column.index)
        else { continue }
        if file.percentColumns.contains(column.name), value > 100 {
          throw .invalid(
            file: table.file, line: line, column: column.index + 1,
            problem: "\(column.name) is \(fields[column.index]); a percentage lies in 0-100",
            fix: "correct the cell, or leave it blank if unknown")
        }
        values[column.name] = value
      }
      var notes: [String] = []
      if fields.field(level, is: "Local authority"), let region, !fields[region].isEmpty {
        for column in columns where !file.percentColumns.contains(column.name) {
          let key = "\(fields[region]) \(year) \(column.name)"
          guard let value = values[column.name], let regional = regions.totals[key],
            value == regional, (regions.matches[key] ?? 0) >= 2
          else { continue }
          values[column.name] = nil
          notes.append(
            "\(file.rawValue) \(year): the published \(column.name) ("
              + String(format: "%.0f", value) + ") is the region's total, given in "
              + "\(regions.matches[key] ?? 0) LA rows; left out")
        }
      }
      rows.append(
        AreaYear(code: area.code, name: area.name, year: year, values: values, notes: notes))
    }
    guard !rows.isEmpty else {
      throw .noRecords(file: table.file, expected: "no \"\(file.topic)\" rows")
    }
    return rows
  }

  /// Regional counts below this are not compared with LA counts.
  static let minimumRegionalCount = 10.0

  /// The counts of the `Regional` rows of the file's topic of at least
  /// `minimumRegionalCount`, keyed "region year column", and how many LA rows give each.
  private static func regionalCounts(
    _ table: CSVTable, file: File, columns: [(name: String, index: Int)], level: Int,
    period: Int
  ) throws(InputError) -> (totals: [String: Double], matches: [String: Int]) {
    guard let region = table.index(of: "region_code"),
      let topic = table.index(of: "breakdown_topic")
    else { return ([:], [:]) }
    let counted = columns.filter { !file.percentColumns.contains($0.name) }
    var totals: [String: Double] = [:]
    for row in table.rows.indices {
      let fields = table.rows[row]
      guard fields.field(level, is: "Regional"), fields.field(topic, is: file.topic),
        !fields[region].isEmpty
      else { continue }
      let year = try CellParser.year(fields[period], table: table, row: row, column: period)
      for column in counted {
        if let value = try CellParser.count(
          fields[column.index], table: table, row: row, column: column.index),
          value >= minimumRegionalCount
        {
          totals["\(fields[region]) \(year) \(column.name)"] = value
        }
      }
    }
    var matches: [String: Int] = [:]
    guard !totals.isEmpty else { return (totals, matches) }
    for row in table.rows.indices {
      let fields = table.rows[row]
      guard fields.field(level, is: "Local authority"), fields.field(topic, is: file.topic),
        !fields[region].isEmpty
      else { continue }
      let year = try CellParser.year(fields[period], table: table, row: row, column: period)
      for column in counted {
        let key = "\(fields[region]) \(year) \(column.name)"
        guard let total = totals[key],
          let value = try CellParser.count(
            fields[column.index], table: table, row: row, column: column.index),
          value == total
        else { continue }
        matches[key, default: 0] += 1
      }
    }
    return (totals, matches)
  }

  /// Copies one row's values into a year.
  static func assign(_ values: [String: Double], from file: File, to year: inout PipelineYear) {
    switch file {
    case .requests:
      year.requests = values["requests_received_in_year"]
      year.decidedToAssess = values["requests_decided_to_assess"]
      year.decidedNotToAssess = values["requests_decided_not_to_assess"]
    case .assessments:
      year.assessments = values["assess_in_year"]
      year.assessIssued = values["assess_issued"]
      year.assessNotIssued = values["assess_not_issued"]
    case .newPlans:
      year.newPlans = values["new_ehc_plans"]
    case .ceased:
      year.ceased = values["total_ceased"]
      for reason in CeasedReason.allCases {
        year.ceasedByReason[reason] = values[reason.rawValue]
      }
    case .timeliness:
      year.within20WeeksPercent = values["pc_plans_issued_within_20_weeks"]
      year.within20WeeksExceptionsExcludedPercent = values["PC_plans_issued_20_weeks_ex"]
    }
  }
}
