import Foundation
import PlacePlanning

extension ChildWriter {
  /// The validation's columns: each cut-off and later year, the actual, the model's mean and
  /// 95% interval, and the two naive forecasts.
  static let validationColumns = OutputColumns<ChildValidation.Row>([
    .init("cutoff_year", heading: "cut-off") { .integer($0.cutoffYear) },
    .init("calendar_year", heading: "January") { .integer($0.calendarYear) },
    .init("horizon", heading: "years ahead", alignsRight: true) { .integer($0.horizon) },
    .init("actual") { .count($0.actual, decimals: 1) },
    .init("mean", heading: "model mean") { .count($0.mean, decimals: 1) },
    .init("lower95", "upper95", heading: "95% interval") { .interval($0.lower95, $0.upper95) },
    .init("naive_last", heading: "naive") { .count($0.naiveLast, decimals: 1) },
    .init("naive_growth", heading: "growth") { .count($0.naiveGrowth, decimals: 1) },
  ])

  /// `cutoff_year,calendar_year,horizon,actual,mean,lower95,upper95,naive_last,naive_growth`.
  public static func validationCSV(_ rows: [ChildValidation.Row]) -> String {
    validationColumns.csv(rows)
  }

  public static func validationJSON(_ rows: [ChildValidation.Row], provenance: Provenance)
    throws(OutputError) -> String
  {
    try ForecastWriter.encode(
      RowsDocument(provenance: provenance, rows: validationColumns.json(rows)))
  }

  /// The comparisons, then a plain-English summary.
  public static func validationTable(_ rows: [ChildValidation.Row], provenance: Provenance)
    -> String
  {
    let summary = ChildValidation.summary(rows)
    var out = "Child-level model against the LA's own history (total caseload)\n"
    out += validationColumns.renderTable(rows)
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
