import ArgumentParser

/// How a command prints its results.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
  case table
  case csv
  case json
  /// An Excel workbook (needs --out FILE.xlsx).
  case xlsx
}
