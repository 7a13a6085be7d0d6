import ForecastCore
import PlacePlanning

/// Writes backtest accuracy as a table, CSV or JSON.
public enum BacktestWriter {
  public static let csvHeader =
    "method,setting_type,horizon,n,median_ape,mean_ape,mase,bias_pct,coverage80,coverage95"

  /// One row per method, setting type and horizon; percentages and coverage (0–1) as numbers.
  public static func csv(_ report: BacktestReport) -> String {
    var lines = [csvHeader]
    for summary in report.summaries {
      let accuracy = summary.accuracy
      lines.append(
        CSVFormat.line([
          summary.method.rawValue, summary.setting.rawValue, String(summary.horizon),
          String(accuracy.count), CSVFormat.number(accuracy.medianAPE, decimals: 2),
          CSVFormat.number(accuracy.meanAPE, decimals: 2),
          CSVFormat.number(accuracy.mase, decimals: 3),
          CSVFormat.number(accuracy.bias, decimals: 2),
          CSVFormat.number(accuracy.coverage80, decimals: 3),
          CSVFormat.number(accuracy.coverage95, decimals: 3),
        ]))
    }
    return lines.joined(separator: "\n") + "\n"
  }

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
      out += "\(setting.rawValue): median APE % by horizon (80% interval coverage), n = cases\n"
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
            cell += " (\(CSVFormat.number(100 * coverage, decimals: 0))%)"
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
    struct Row: Encodable {
      let method: String
      let settingType: String
      let horizon: Int
      let n: Int
      let medianApe: Double?
      let meanApe: Double?
      let mase: Double?
      let biasPct: Double?
      let coverage80: Double?
      let coverage95: Double?
    }
    struct Document: Encodable {
      let provenance: Provenance
      let accuracy: [Row]
      let summaries: [String]
    }
    let rows = report.summaries.map {
      Row(
        method: $0.method.rawValue, settingType: $0.setting.rawValue, horizon: $0.horizon,
        n: $0.accuracy.count, medianApe: $0.accuracy.medianAPE, meanApe: $0.accuracy.meanAPE,
        mase: $0.accuracy.mase, biasPct: $0.accuracy.bias, coverage80: $0.accuracy.coverage80,
        coverage95: $0.accuracy.coverage95)
    }
    return try ForecastWriter.encode(
      Document(provenance: provenance, accuracy: rows, summaries: summaries))
  }
}
