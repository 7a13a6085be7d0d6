import Foundation
import PlacePlanning

/// Writes the EHC pipeline as a table, CSV or JSON.
public enum PipelineWriter {
  /// The CSV header, one row per LA, measure and year.
  public static let csvHeader = "la_code,la_name,measure,calendar_year,kind,value,lower80,upper80"

  /// CSV: counts whole for actuals, one decimal for forecasts and rates.
  public static func csv(_ reports: [PipelineReport]) -> String {
    var lines = [csvHeader]
    for report in reports {
      for row in report.rows {
        lines.append(
          CSVFormat.line([
            CSVFormat.text(row.laCode), CSVFormat.text(row.laName), row.measure.rawValue,
            String(row.year), row.kind.rawValue,
            CSVFormat.number(row.value, decimals: decimals(row)),
            CSVFormat.number(row.lower80), CSVFormat.number(row.upper80),
          ]))
      }
    }
    return lines.joined(separator: "\n") + "\n"
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
        return [measure.rawValue]
          + columns.map { column in
            guard
              let row = measureRows.first(where: {
                $0.year == column.year && $0.kind == column.kind
              })
            else { return "" }
            return measure.isRate
              ? CSVFormat.number(row.value, decimals: 1) : ForecastWriter.grouped(row.value)
          }
      }
      out += TextTable.render(header: header, rows: body, rightAligned: Set(1..<header.count))
      out += "caseload is the January census of the column's year; f = forecast.\n"
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
        score.measure.rawValue, String(score.count), percent(score.medianAPE),
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
    struct Row: Encodable {
      let measure: String
      let calendarYear: Int
      let kind: String
      let value: Double
      let lower80: Double?
      let upper80: Double?
    }
    struct Report: Encodable {
      let laCode: String
      let laName: String
      let throughCensus: Int
      let summary: String
      let fit: String
      let notes: [String]
      let rows: [Row]
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
    let round = { (value: Double) in (value * 10).rounded() / 10 }
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
          rows: report.rows.map {
            Row(
              measure: $0.measure.rawValue, calendarYear: $0.year, kind: $0.kind.rawValue,
              value: round($0.value), lower80: $0.lower80.map(round),
              upper80: $0.upper80.map(round))
          })
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
