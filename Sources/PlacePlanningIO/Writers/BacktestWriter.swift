import ForecastCore
import PlacePlanning

/// Writes backtest accuracy as a table, CSV or JSON.
public enum BacktestWriter {
  /// One row per method, setting type and horizon; percentages and coverage (0–1) as
  /// numbers, unrounded in JSON.
  static let columns = OutputColumns<BacktestReport.Summary>([
    .init("method") { .text($0.method.rawValue) },
    .init("setting_type") { .text($0.setting.rawValue) },
    .init("horizon") { .integer($0.horizon) },
    .init("n") { .integer($0.accuracy.count) },
    .init("median_ape") { measured($0.accuracy.medianAPE, decimals: 2) },
    .init("mean_ape") { measured($0.accuracy.meanAPE, decimals: 2) },
    .init("mase") { measured($0.accuracy.mase, decimals: 3) },
    .init("bias_pct") { measured($0.accuracy.bias, decimals: 2) },
    .init("coverage80") { measured($0.accuracy.coverage80, decimals: 3) },
    .init("coverage95") { measured($0.accuracy.coverage95, decimals: 3) },
    .init("n_intervals") { .integer($0.accuracy.intervalCount) },
  ])

  /// A score: CSV to `decimals` places, JSON unrounded.
  static func measured(_ value: Double?, decimals: Int) -> OutputValue {
    .number(value, decimals: decimals, jsonDecimals: nil, suffix: "")
  }

  public static var csvHeader: String { columns.csvHeader }

  public static func csv(_ report: BacktestReport) -> String { columns.csv(report.summaries) }

  /// Tables by setting type: methods down, horizons across, median APE (coverage80).
  public static func table(
    _ report: BacktestReport, settings: [SettingType], summaries: [String], provenance: Provenance
  ) -> String {
    var out = ""
    let horizons = Set(report.summaries.map(\.horizon)).sorted()
    for setting in settings {
      let methods = ForecastMethod.allCases.filter { method in
        report.summaries.contains { $0.method == method && $0.setting == setting }
      }
      guard !methods.isEmpty else { continue }
      out +=
        "\(setting.rawValue): median APE % by horizon (80% interval coverage, \"of k\" when only k "
        + "cases had an interval), n = cases\n"
      let header = ["method"] + horizons.map { "h=\($0)" } + ["MASE h=1", "bias h=1"]
      var rows: [[String]] = []
      for method in methods {
        var row = [method.rawValue]
        for horizon in horizons {
          guard
            let accuracy = report.summary(method: method, setting: setting, horizon: horizon)?
              .accuracy
          else {
            row.append("")
            continue
          }
          var cell = CSVFormat.number(accuracy.medianAPE, decimals: 1)
          if let coverage = accuracy.coverage80 {
            cell += " (\(CSVFormat.number(100 * coverage, decimals: 0))%"
            if accuracy.intervalCount < accuracy.count { cell += " of \(accuracy.intervalCount)" }
            cell += ")"
          }
          cell += " n=\(accuracy.count)"
          row.append(cell)
        }
        let first = report.summary(method: method, setting: setting, horizon: horizons.first ?? 1)?
          .accuracy
        row.append(CSVFormat.number(first?.mase, decimals: 2))
        row.append(CSVFormat.number(first?.bias, decimals: 1))
        rows.append(row)
      }
      out += TextTable.render(header: header, rows: rows, rightAligned: Set(1..<header.count))
      out += "\n"
    }
    for summary in summaries { out += summary + "\n\n" }
    out += ForecastWriter.footer(provenance)
    return out
  }

  /// JSON: provenance, summaries and the per-LA plain-English summaries.
  public static func json(_ report: BacktestReport, summaries: [String], provenance: Provenance)
    throws(OutputError) -> String
  {
    struct Document: Encodable {
      let provenance: Provenance
      let accuracy: [JSONObject]
      let summaries: [String]
    }
    let rows = columns.json(report.summaries)
    return try ForecastWriter.encode(
      Document(provenance: provenance, accuracy: rows, summaries: summaries))
  }
}
