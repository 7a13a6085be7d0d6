import ArgumentParser
import Foundation
import PlacePlanningIO

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

  @Option(
    help: ArgumentHelp(
      "SEN2 assessments.csv: EHC needs assessments by calendar year (pipeline, dashboard).",
      valueName: "file"))
  var assessments: String = "SampleData/ehcp_assessments_2019_2024.csv"

  @Option(
    help: ArgumentHelp(
      "SEN2 newplans.csv: new EHC plans by calendar year (pipeline, flow method).",
      valueName: "file"))
  var newPlans: String = "SampleData/ehcp_newplans_2019_2024.csv"

  @Option(
    help: ArgumentHelp(
      "SEN2 ceased_plans.csv: EHC plans ceased by calendar year and reason (pipeline, flow method).",
      valueName: "file"))
  var ceasedPlans: String = "SampleData/ehcp_ceased_plans_2022_2024.csv"

  @Option(
    help: ArgumentHelp(
      "SEN2 timeliness_20_week.csv: % of plans issued within 20 weeks (pipeline, dashboard).",
      valueName: "file"))
  var timeliness: String = "SampleData/ehcp_timeliness_20_week_2019_2024.csv"

  @OptionGroup var output: OutputOptions

  /// The output format and file (`OutputOptions`).
  var format: OutputFormat { output.format }
  var formatAsked: OutputFormat? { output.formatAsked }
  var out: String? { output.out }

  @Flag(
    help:
      "Print tables whole, however wide (by default a table wider than 100 columns is printed in parts, each with its first column)."
  )
  var wide = false

  func validate() throws {
    TextTable.maximumWidth = wide ? Int.max : 100
    if format == .xlsx && out == nil {
      throw ValidationError(
        "--format xlsx writes a workbook: give --out FILE.xlsx (a workbook cannot go to the terminal)"
      )
    }
  }

  /// The SEN2 flow files, resolved.
  var pipelinePaths: [PipelineReader.File: String] {
    [
      .requests: Self.resolve(requests), .assessments: Self.resolve(assessments),
      .newPlans: Self.resolve(newPlans), .ceased: Self.resolve(ceasedPlans),
      .timeliness: Self.resolve(timeliness),
    ]
  }

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
