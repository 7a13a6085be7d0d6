import ArgumentParser
import Foundation

/// How a command prints its results.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
  case table
  case csv
  case json
  /// An Excel workbook (needs --out FILE.xlsx).
  case xlsx

  /// The format asked for, or else the one the output file's extension names (`--out
  /// f.csv` writes CSV, not a text table into a .csv file), or else a table.
  static func chosen(_ asked: OutputFormat?, out: String?) -> OutputFormat {
    if let asked { return asked }
    let suffix = out.map { ($0 as NSString).pathExtension.lowercased() } ?? ""
    return OutputFormat(rawValue: suffix).flatMap { $0 == .table ? nil : $0 } ?? .table
  }
}
