import Foundation
import PlacePlanning

extension HTMLReport {
  /// The flow behind the numbers: the pipeline's summary, chart and latest rates.
  static func pipelineSection(_ content: Content) -> String {
    guard let report = content.pipeline else { return "" }
    var html = "<h2>The flow behind the numbers</h2>\n"
    html += "<p>\(escape(report.summary))</p>\n"
    html += ReportCharts.pipeline(report).render()
    // The measures in the same words as the pipeline table (`PipelineMeasure.label`).
    let measures: [PipelineMeasure] = [
      .requestsPer10k, .requestToPlanPercent, .assessmentToPlanPercent, .within20WeeksPercent,
      .ceasedRatePercent, .ceasedRatePost16Percent, .ceasedRatePost19Percent,
    ]
    let years = Set(
      report.rows.filter { $0.kind == .actual && $0.measure != .caseload }.map(\.year)
    )
    .sorted().suffix(4)
    let rows = measures.compactMap { measure -> [String]? in
      let values = years.map { year in
        report.rows.first { $0.measure == measure && $0.year == year && $0.kind == .actual }
      }
      guard values.contains(where: { $0 != nil }) else { return nil }
      return [measure.label] + values.map { $0.map { String(format: "%.1f", $0.value) } ?? "" }
    }
    html += table(["rate"] + years.map(String.init), rows)
    html += "<p class=\"small\">\(escape(report.fit))</p>\n"
    for note in report.notes { html += "<p class=\"small\">\(escape(note))</p>\n" }
    if content.childLevel != nil,
      let last = content.forecast.rows.last(where: { $0.setting == .total && $0.kind == .forecast })
    {
      html +=
        "<p class=\"small\">With the LA's own child-level records, this report's places, dashboard and costs use the child-level forecast (\(NumberFormat.count(last.value)) in January \(last.censusYear)), not the pooled total named above.</p>\n"
    }
    return html
  }
}
