/// Reads numeric cells of published statistics.
///
/// Blank cells and the EES suppression markers `x` (not available), `c` (confidential),
/// `z` (not applicable), `:`, `low`, `u` and spreadsheet `#N/A` are missing values, never
/// zeros; markers are matched whatever their case.
enum CellParser {
  /// The markers, lower-cased: a cell is compared after lower-casing.
  static let suppressionMarkers: Set<String> = ["x", "c", "z", ":", "low", "u", "#n/a"]

  /// The largest count of children, plans, places or pupils accepted (England's whole
  /// EHCP caseload was 638,745 in January 2025): a larger value is a stray digit or a
  /// pasted total, not data.
  static let maximumCount = 10_000_000.0
  /// The largest population accepted (England's residents of all ages, about 57 million
  /// at mid-2021).
  static let maximumPopulation = 100_000_000.0
  /// The largest sum of money accepted, £ (an LA's whole high-needs block is under £1bn).
  static let maximumPounds = 10_000_000_000.0

  /// A non-negative count no larger than `maximum`, or nil when blank or suppressed.
  static func count(
    _ raw: String, table: CSVTable, row: Int, column: Int, maximum: Double = maximumCount
  ) throws(InputError) -> Double? {
    let cell = raw.trimmedSpaces
    guard let first = cell.utf8.first else { return nil }
    // A cell starting with a digit is no marker (every marker starts otherwise).
    if !(UInt8(ascii: "0")...UInt8(ascii: "9")).contains(first)
      && suppressionMarkers.contains(cell.lowercased())
    {
      return nil
    }
    guard let value = Double(cell), value.isFinite else {
      throw .notANumber(
        file: table.file, line: table.line(ofRow: row), column: column + 1,
        name: table.header[column], value: String(cell.prefix(40)))
    }
    guard value >= 0 else {
      throw .negativeCount(
        file: table.file, line: table.line(ofRow: row), column: column + 1,
        name: table.header[column], value: cell)
    }
    guard value <= maximum else {
      throw .invalid(
        file: table.file, line: table.line(ofRow: row), column: column + 1,
        problem:
          "\(table.header[column]) is \(cell.prefix(40)); expected at most "
          + String(format: "%.0f", maximum) + " (no LA or national count comes near it)",
        fix: "correct the cell: a stray digit, a pasted total or a wrong column")
    }
    return value
  }

  /// A census or mid-year: `2025`, or DfE's academic-year form `202425` (→ 2025, the January
  /// census of academic year 2024/25).
  static func year(_ raw: String, table: CSVTable, row: Int, column: Int) throws(InputError)
    -> Int
  {
    let cell = raw.trimmedSpaces
    if let number = Int(cell) {
      if (2000...2100).contains(number) { return number }
      if (200_001...210_099).contains(number) && number % 100 == (number / 100 + 1) % 100 {
        return number / 100 + 1
      }
    }
    throw .yearOutOfRange(
      file: table.file, line: table.line(ofRow: row), column: column + 1,
      name: table.header[column], value: String(cell.prefix(40)))
  }

  /// Whether `code` has the form of an ONS local-authority code: E06, E07, E08, E09 or E10
  /// then six digits.
  static func isLACode(_ code: String) -> Bool {
    ["E06", "E07", "E08", "E09", "E10"].contains(String(code.prefix(3))) && code.count == 9
      && code.dropFirst(3).allSatisfy { $0.isASCII && $0.isNumber }
  }

  /// An ONS local-authority code (E06, E07, E08, E09, E10 then six digits), checked.
  static func laCode(_ raw: String, table: CSVTable, row: Int, column: Int) throws(InputError)
    -> String
  {
    let cell = raw.trimmedSpaces.uppercased()
    guard isLACode(cell) else {
      throw .unknownLACode(
        file: table.file, line: table.line(ofRow: row), column: column + 1,
        value: String(cell.prefix(40)))
    }
    return cell
  }
}
