/// A problem with an input file, located to file, line and column, with how to fix it.
///
/// Lines count from 1 with the header on line 1; columns count from 1.
public enum InputError: Error, Equatable, Sendable, CustomStringConvertible {
  case cannotRead(file: String, reason: String)
  case cannotWrite(file: String, reason: String)
  case notUTF8(file: String)
  case empty(file: String)
  case headerOnly(file: String)
  case malformedCSV(file: String, line: Int, reason: String)
  case wrongDelimiter(file: String, found: String)
  case unknownSchema(file: String, header: [String], expected: String)
  case missingColumn(file: String, column: String, schema: String)
  case wrongFieldCount(file: String, line: Int, expected: Int, found: Int)
  case notANumber(file: String, line: Int, column: Int, name: String, value: String)
  case negativeCount(file: String, line: Int, column: Int, name: String, value: String)
  case yearOutOfRange(file: String, line: Int, column: Int, name: String, value: String)
  case unknownLACode(file: String, line: Int, column: Int, value: String)
  case duplicateRow(file: String, line: Int, firstLine: Int, key: String)
  case noRecords(file: String, expected: String)
  /// Any other located problem, with its own wording and fix.
  case invalid(file: String, line: Int, column: Int?, problem: String, fix: String)

  /// The file the problem is in.
  public var file: String {
    switch self {
    case .cannotRead(let file, _), .cannotWrite(let file, _), .notUTF8(let file), .empty(let file),
      .headerOnly(let file),
      .malformedCSV(let file, _, _), .wrongDelimiter(let file, _),
      .unknownSchema(let file, _, _), .missingColumn(let file, _, _),
      .wrongFieldCount(let file, _, _, _), .notANumber(let file, _, _, _, _),
      .negativeCount(let file, _, _, _, _), .yearOutOfRange(let file, _, _, _, _),
      .unknownLACode(let file, _, _, _), .duplicateRow(let file, _, _, _),
      .noRecords(let file, _), .invalid(let file, _, _, _, _):
      return file
    }
  }

  /// Line (1 = header) and column, where known.
  public var location: (line: Int?, column: Int?) {
    switch self {
    case .cannotRead, .cannotWrite, .notUTF8, .empty, .noRecords: return (nil, nil)
    case .headerOnly, .wrongDelimiter, .unknownSchema, .missingColumn: return (1, nil)
    case .malformedCSV(_, let line, _), .wrongFieldCount(_, let line, _, _),
      .duplicateRow(_, let line, _, _):
      return (line, nil)
    case .invalid(_, let line, let column, _, _): return (line, column)
    case .notANumber(_, let line, let column, _, _), .negativeCount(_, let line, let column, _, _),
      .yearOutOfRange(_, let line, let column, _, _), .unknownLACode(_, let line, let column, _):
      return (line, column)
    }
  }

  /// What was wrong and what was expected.
  public var problem: String {
    switch self {
    case .cannotRead(_, let reason): return "cannot read the file: \(reason)"
    case .cannotWrite(_, let reason): return "cannot write the file: \(reason)"
    case .notUTF8: return "the file is not UTF-8 text"
    case .empty:
      return "the file is empty (nothing but a byte-order mark, blank lines or comments)"
    case .headerOnly: return "the file has a header but no data rows"
    case .malformedCSV(_, _, let reason): return "malformed CSV: \(reason)"
    case .wrongDelimiter(_, let found):
      return "the header has one column and contains \(found); expected comma-separated values"
    case .unknownSchema(_, let header, let expected):
      let shown = header.prefix(8).joined(separator: ",")
      return "unknown column layout (header starts \(shown)); expected \(expected)"
    case .missingColumn(_, let column, let schema):
      return "required column \"\(column)\" is missing from the \(schema) layout"
    case .wrongFieldCount(_, _, let expected, let found):
      return "expected \(expected) fields as in the header, found \(found)"
    case .notANumber(_, _, _, let name, let value):
      return
        "\(name) is \"\(value)\"; expected a number, blank, or a suppression marker (x c z : low)"
    case .negativeCount(_, _, _, let name, let value):
      return "\(name) is \(value); a count cannot be negative"
    case .yearOutOfRange(_, _, _, let name, let value):
      return
        "\(name) is \"\(value)\"; expected a year between 2000 and 2100 (or 200001-210099 as DfE writes academic years)"
    case .unknownLACode(_, _, _, let value):
      return
        "\"\(value)\" is not a local authority code; expected E06, E07, E08, E09 or E10 then six digits"
    case .duplicateRow(_, _, let firstLine, let key):
      return "\(key) appears again (first on line \(firstLine))"
    case .noRecords(_, let expected): return "no usable rows: \(expected)"
    case .invalid(_, _, _, let problem, _): return problem
    }
  }

  /// How to fix it.
  public var fix: String {
    switch self {
    case .cannotRead: return "check the path and permissions"
    case .cannotWrite: return "check the folder exists and is writable"
    case .notUTF8: return "save the file as CSV UTF-8"
    case .empty, .headerOnly: return "export or write the whole file again"
    case .malformedCSV: return "check quotes on that line are balanced"
    case .wrongDelimiter: return "save as CSV with commas (not semicolons or tabs)"
    case .unknownSchema:
      return "check this is the file meant for this option, with its header row as described"
    case .missingColumn: return "export the table with all its columns"
    case .wrongFieldCount:
      return "the line is truncated or has stray commas; re-export or quote fields with commas"
    case .notANumber: return "correct the cell or leave it blank if unknown"
    case .negativeCount: return "correct the cell"
    case .yearOutOfRange: return "correct the year"
    case .unknownLACode: return "use the LA's ONS code as published in the DfE file"
    case .duplicateRow: return "remove the repeated row"
    case .noRecords: return "check the file is the one intended"
    case .invalid(_, _, _, _, let fix): return fix
    }
  }

  public var description: String {
    var place = file
    if let line = location.line { place += ":\(line)" }
    if let column = location.column { place += ":\(column)" }
    return "\(place): \(problem); fix: \(fix)"
  }
}
