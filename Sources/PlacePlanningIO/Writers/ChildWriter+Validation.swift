import Foundation
import PlacePlanning

extension ChildWriter {
  /// `cutoff_year,calendar_year,horizon,actual,mean,lower95,upper95,naive_last,naive_growth`.
  public static func validationCSV(_ rows: [ChildValidation.Row]) -> String {
    var lines = [
      "cutoff_year,calendar_year,horizon,actual,mean,lower95,upper95,naive_last,naive_growth"
    ]
    for row in rows {
      lines.append(
        CSVFormat.line(
          [String(row.cutoffYear), String(row.calendarYear), String(row.horizon)]
            + [
              row.actual, row.mean, row.lower95, row.upper95, row.naiveLast, row.naiveGrowth,
            ].map { CSVFormat.number($0, decimals: 1) }))
    }
    return lines.joined(separator: "\n") + "\n"
  }

  public static func validationJSON(_ rows: [ChildValidation.Row], provenance: Provenance)
    throws(OutputError) -> String
  {
    struct Row: Encodable {
      let cutoffYear: Int
      let calendarYear: Int
      let horizon: Int
      let actual: Double
      let mean: Double
      let lower95: Double
      let upper95: Double
      let naiveLast: Double
      let naiveGrowth: Double
    }
    struct Document: Encodable {
      let provenance: Provenance
      let rows: [Row]
    }
    return try ForecastWriter.encode(
      Document(
        provenance: provenance,
        rows: rows.map {
          Row(
            cutoffYear: $0.cutoffYear, calendarYear: $0.calendarYear, horizon: $0.horizon,
            actual: $0.actual, mean: rounded($0.mean), lower95: rounded($0.lower95),
            upper95: rounded($0.upper95), naiveLast: $0.naiveLast,
            naiveGrowth: rounded($0.naiveGrowth))
        }))
  }

  /// The comparisons, then a plain-English summary.
  public static func validationTable(_ rows: [ChildValidation.Row], provenance: Provenance)
    -> String
  {
    let header = [
      "cut-off", "January", "years ahead", "actual", "model mean", "95% interval", "naive",
      "growth",
    ]
    let body = rows.map { row in
      [
        String(row.cutoffYear), String(row.calendarYear), String(row.horizon),
        ForecastWriter.grouped(row.actual), ForecastWriter.grouped(row.mean),
        ForecastWriter.interval(row.lower95, row.upper95), ForecastWriter.grouped(row.naiveLast),
        ForecastWriter.grouped(row.naiveGrowth),
      ]
    }
    let summary = ChildValidation.summary(rows)
    var out = "Child-level model against the LA's own history (total caseload)\n"
    out += TextTable.render(header: header, rows: body, rightAligned: Set(2..<header.count))
    out +=
      "\nOver \(summary.count) comparisons the model's mean missed the actual by "
      + String(format: "%.1f%%", summary.model) + " on average (naive, last count held: "
      + String(format: "%.1f%%", summary.naiveLast) + "; last year's growth carried on: "
      + String(format: "%.1f%%", summary.naiveGrowth) + "); its 95% interval held the actual "
      + "\(summary.covered) times of \(summary.count).\n\n"
    out += ForecastWriter.footer(provenance)
    return out
  }
}
