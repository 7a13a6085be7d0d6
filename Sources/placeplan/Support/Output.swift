import ArgumentParser
import Foundation
import PlacePlanning
import PlacePlanningIO

/// Prints results or writes them atomically, and reports errors in one line.
enum Output {
  /// Writes `text` to `path` atomically, or to standard output when `path` is nil.
  static func emit(_ text: String, to path: String?) throws {
    if let path {
      try AtomicFile.write(text, to: path)
    } else {
      FileHandle.standardOutput.write(Data(text.utf8))
    }
  }

  /// Writes the command's result, or reports the failure and exits non-zero.
  static func deliver(_ text: String, to path: String?) throws {
    do {
      try emit(text, to: path)
    } catch {
      warn("\(error)")
      throw ExitCode.failure
    }
  }

  /// Writes a row output in the format asked for: its CSV, JSON or table text, or a workbook
  /// holding the CSV as one sheet named `sheet`. Only the text asked for is made, and for a
  /// CSV written to a file its JSON too, as the provenance beside it (`deliverCSV`).
  static func deliver(
    _ format: OutputFormat, to path: String?, provenance: Provenance, sheet: String,
    csv: () -> String, json: () throws -> String, table: () -> String
  ) throws {
    switch format {
    case .csv: try deliverCSV(csv(), to: path, json: json)
    case .json: try deliver(json(), to: path)
    case .table: try deliver(table(), to: path)
    case .xlsx:
      try workbook(XLSXOutputs.table(csv(), name: sheet), provenance: provenance, to: path)
    }
  }

  /// Writes a CSV and, when it goes to a file, the command's JSON (which carries the
  /// provenance: inputs, method, parameters, notes) beside it as `FILE.provenance.json`, so
  /// the CSV stays a plain table for Excel and still says where its numbers come from. The
  /// JSON is made first: a failure to make it leaves no CSV behind.
  static func deliverCSV(_ csv: String, to path: String?, json: () throws -> String) throws {
    guard let path else { return try deliver(csv, to: nil) }
    let provenance: String
    do {
      provenance = try json()
    } catch {
      warn("\(error)")
      throw ExitCode.failure
    }
    try deliver(csv, to: path)
    try deliver(provenance, to: path + ".provenance.json")
  }

  /// Writes an Excel workbook to `path` (required: `DataOptions.validate` checks it), or
  /// reports the failure and exits non-zero; nothing half-written is left behind.
  static func workbook(_ sheets: [XLSXSheet], provenance: Provenance, to path: String?) throws {
    guard let path, !sheets.isEmpty else {
      warn("--format xlsx needs --out FILE.xlsx and a result with rows")
      throw ExitCode.failure
    }
    do {
      try XLSXWriter.write(sheets, provenance: provenance, to: path)
    } catch {
      warn("\(error)")
      throw ExitCode.failure
    }
  }

  /// A line on standard error.
  static func warn(_ message: String) {
    FileHandle.standardError.write(Data("placeplan: \(message)\n".utf8))
  }
}

/// An error already explained to the user: the command exits non-zero without more output.
struct ReportedFailure: Error, CustomStringConvertible {
  let message: String
  var description: String { message }
}
