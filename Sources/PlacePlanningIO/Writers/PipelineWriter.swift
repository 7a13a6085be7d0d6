import Foundation
import PlacePlanning

/// Writes the EHC pipeline as a table, CSV or JSON.
public enum PipelineWriter {
  /// One row per LA, measure and year: counts whole for actuals, one decimal for forecasts
  /// and rates (JSON to 0.1).
  static let columns = OutputColumns<PipelineRow>([
    .init("la_code") { .text($0.laCode) },
    .init("la_name") { .text($0.laName) },
    .init("measure") { .text($0.measure.rawValue) },
    .init("calendar_year") { .integer($0.year) },
    .init("kind") { .text($0.kind.rawValue) },
    .init("value") { .count($0.value, decimals: decimals($0)) },
    .init("lower80", "upper80") { .interval($0.lower80, $0.upper80) },
  ])

  /// The CSV header, one row per LA, measure and year.
  public static var csvHeader: String { columns.csvHeader }

  /// CSV: counts whole for actuals, one decimal for forecasts and rates.
  public static func csv(_ reports: [PipelineReport]) -> String {
    columns.csv(reports.flatMap(\.rows))
  }

  /// A table per LA (measures down, years across; forecast years marked `f`), its summary,
  /// fit and notes; then the backtest scores and the provenance footer.
  public static func table(
    _ reports: [PipelineReport], backtest: PipelineBacktest?, provenance: Provenance
  ) -> String {
    var out = ""
    for report in reports {
      out += "\(report.laName) (\(report.laCode)): EHC pipeline by calendar year, "
      out += "flows published by the January \(report.through) census\n"
      var columns: [(year: Int, kind: PipelineRow.Kind)] = []
      for row in report.rows where !columns.contains(where: { $0 == (row.year, row.kind) }) {
        columns.append((row.year, row.kind))
      }
      columns.sort { ($0.year, $0.kind == .actual ? 0 : 1) < ($1.year, $1.kind == .actual ? 0 : 1) }
      let header =
        ["measure"] + columns.map { $0.kind == .actual ? String($0.year) : "\($0.year)f" }
      let body = PipelineMeasure.allCases.compactMap { measure -> [String]? in
        let measureRows = report.rows.filter { $0.measure == measure }
        guard !measureRows.isEmpty else { return nil }
        return [measure.label]
          + columns.map { column in
            guard
              let row = measureRows.first(where: {
                $0.year == column.year && $0.kind == column.kind
              })
            else { return "" }
            return measure.isRate
              ? CSVFormat.number(row.value, decimals: 1) : NumberFormat.count(row.value)
          }
      }
      out += TextTable.render(header: header, rows: body, rightAligned: Set(1..<header.count))
      out +=
        "Flows are calendar years; EHCPs are the January census of the column's year; "
        + "f = forecast. CSV and JSON name the measures by key (e.g. new_plans).\n"
      out += "\(report.summary)\n"
      out += "  flow: \(report.fit)\n"
      for note in report.notes { out += "  note: \(note)\n" }
      out += "\n"
    }
    if let backtest { out += scores(backtest) + "\n" }
    out += ForecastWriter.footer(provenance)
    return out
  }

  /// The one-year-ahead scores as a table.
  public static func scores(_ backtest: PipelineBacktest) -> String {
    var out =
      "Backtest, one year ahead, all LAs (origin January O: flows to calendar O-1 only):\n"
    let rows = backtest.scores.map { score in
      [
        score.measure.label, String(score.count), percent(score.medianAPE),
        percent(score.naiveMedianAPE), percent(score.trendedConversionMedianAPE),
        span(score.origins),
      ]
    }
    out += TextTable.render(
      header: [
        "measure", "n", "flow median APE", "naive median APE", "trended k median APE", "origins",
      ], rows: rows,
      rightAligned: [1, 2, 3, 4])
    out +=
      "  naive = last year's value; caseload = the January O+1 census; trended k = the flow "
      + "forecast with the request->plan rate on a damped trend instead of flat.\n"
    return out
  }

  /// JSON: provenance, backtest scores and per LA its summary, fit, notes and rows.
  public static func json(
    _ reports: [PipelineReport], backtest: PipelineBacktest?, provenance: Provenance
  ) throws(OutputError) -> String {
    struct Report: Encodable {
      let laCode: String
      let laName: String
      let throughCensus: Int
      let summary: String
      let fit: String
      let notes: [String]
      let rows: [JSONObject]
    }
    struct Score: Encodable {
      let measure: String
      let n: Int
      let medianApe: Double?
      let naiveMedianApe: Double?
      let trendedConversionMedianApe: Double?
      let origins: [Int]
    }
    struct Document: Encodable {
      let provenance: Provenance
      let backtest: [Score]
      let pipelines: [Report]
    }
    let round = { (value: Double) in NumberFormat.rounded(value) }
    let document = Document(
      provenance: provenance,
      backtest: (backtest?.scores ?? []).map {
        Score(
          measure: $0.measure.rawValue, n: $0.count, medianApe: $0.medianAPE.map(round),
          naiveMedianApe: $0.naiveMedianAPE.map(round),
          trendedConversionMedianApe: $0.trendedConversionMedianAPE.map(round),
          origins: $0.origins)
      },
      pipelines: reports.map { report in
        Report(
          laCode: report.laCode, laName: report.laName, throughCensus: report.through,
          summary: report.summary, fit: report.fit, notes: report.notes,
          rows: columns.without("la_code", "la_name").json(report.rows))
      })
    return try ForecastWriter.encode(document)
  }

  static func decimals(_ row: PipelineRow) -> Int {
    row.measure.isRate || row.kind == .forecast ? 1 : 0
  }

  static func percent(_ value: Double?) -> String {
    value.map { CSVFormat.number($0, decimals: 1) + "%" } ?? "-"
  }

  static func span(_ years: [Int]) -> String {
    guard let first = years.first, let last = years.last else { return "none" }
    return first == last ? "\(first)" : "\(first)-\(last)"
  }
}
