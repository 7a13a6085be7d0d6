import ArgumentParser
import Foundation

/// Input files and the LA to work on, shared by the forecasting commands.
struct DataOptions: ParsableArguments {
  @Option(help: "LA code (E10000032), name (\"West Sussex\") or all.")
  var la: String = "E10000032"

  @Option(
    help: ArgumentHelp(
      "SEN2 caseload CSV: the derived by-setting file, the 2025 release caseload.csv or the 2022 sen2_estab_caseload.csv.",
      valueName: "file"))
  var caseload: String = "SampleData/ehcp_caseload_by_la_setting_2010_2025.csv"

  @Option(
    help: ArgumentHelp(
      "ONS population by single year of age 0-25 (long: mid_year,area_code,area_name,geography,age,population).",
      valueName: "file"))
  var population: String = "SampleData/ons_mye_persons_age0_25_england_2015_2024.csv"

  @Option(
    help: ArgumentHelp(
      "SEN2 requests.csv: requests for an EHC needs assessment by calendar year (used by the pooled and auto methods).",
      valueName: "file"))
  var requests: String = "SampleData/ehcp_requests_2019_2024.csv"

  @Option(help: ArgumentHelp("Output format.", valueName: "format"))
  var format: OutputFormat = .table

  @Option(
    help: ArgumentHelp(
      "Write to this file (atomically) instead of standard output; CSV gets a .provenance.json sidecar.",
      valueName: "file"))
  var out: String?

  /// A path as given, or, for a default under SampleData/ that is not in the current folder,
  /// the same path beside the package the executable was built in.
  static func resolve(_ path: String) -> String {
    let manager = FileManager.default
    if manager.fileExists(atPath: path)
      || !(path.hasPrefix("SampleData/") || path.hasPrefix("Models/"))
    {
      return path
    }
    var folder = URL(fileURLWithPath: CommandLine.arguments.first ?? "").deletingLastPathComponent()
    for _ in 0..<6 {
      let candidate = folder.appendingPathComponent(path).path
      if manager.fileExists(atPath: candidate) { return candidate }
      folder = folder.deletingLastPathComponent()
    }
    return path
  }
}
