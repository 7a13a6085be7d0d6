import Foundation
import PlacePlanning

/// The report's charts, built from the tool's results.
public enum ReportCharts {
  static let palette: [SVGChart.Colour] = [
    .blue, .vermillion, .green, .orange, .purple, .skyBlue, .black, .yellow,
  ]

  /// Fan chart of one setting type: history, forecast median, 80% and 95% bands.
  public static func fan(
    _ forecast: LAForecast, setting: SettingType, width: Double = 640, height: Double = 320
  ) -> SVGChart {
    var chart = SVGChart(
      title: width < 600
        ? String(setting.label.prefix { $0 != "(" || setting.label.count < 36 }).trimmingCharacters(
          in: .whitespaces)
        : "\(setting.label): EHCPs, history and forecast",
      xLabel: "January census",
      yLabel: width < SVGChart.compactWidth ? "EHCPs" : "EHCPs (children and young people)")
    chart.width = width
    chart.height = height
    let rows = forecast.rows.filter { $0.setting == setting }
    let actual = rows.filter { $0.kind == .actual }.map { (x: Double($0.censusYear), y: $0.value) }
    let future = rows.filter { $0.kind == .forecast }
    let anchor = actual.last.map { [(x: $0.x, lower: $0.y, upper: $0.y)] } ?? []
    chart.bands = [
      SVGChart.Band(
        name: "95% interval", colour: .skyBlue, opacity: 0.25,
        points: anchor
          + future.compactMap { row in
            guard let lower = row.lower95, let upper = row.upper95 else { return nil }
            return (x: Double(row.censusYear), lower: lower, upper: upper)
          }),
      SVGChart.Band(
        name: "80% interval", colour: .blue, opacity: 0.30,
        points: anchor
          + future.compactMap { row in
            guard let lower = row.lower80, let upper = row.upper80 else { return nil }
            return (x: Double(row.censusYear), lower: lower, upper: upper)
          }),
    ]
    // Show the 80% band whole and the 95% band as far as 1.15 × that.
    let highest = (actual.map(\.y) + future.compactMap(\.upper80)).max() ?? 1
    chart.yCap = highest * 1.15
    chart.series = [
      SVGChart.Series(name: "Census (actual)", colour: .black, style: .line, points: actual),
      SVGChart.Series(
        name: "Forecast (median)", colour: .vermillion, style: .dashed,
        points: (actual.last.map { [$0] } ?? [])
          + future.map { (x: Double($0.censusYear), y: $0.value) }),
    ]
    return chart
  }

  /// Places against demand for a setting type: places (step), demand band and median,
  /// overflow to INMS (bars).
  public static func capacity(_ rows: [CapacityRow], setting: SettingType) -> SVGChart {
    var chart = SVGChart(
      title: "\(setting.label): planned places against demand",
      xLabel: "Academic year (demand = January census)",
      yLabel: "places / children")
    let own = rows.filter { $0.setting == setting }
    chart.xFormat = { AcademicYear(startYear: Int($0.rounded())).description }
    chart.bands = [
      SVGChart.Band(
        name: "Demand, 80% interval", colour: .orange, opacity: 0.35,
        points: own.map {
          (
            x: Double($0.academicYear.startYear), lower: $0.demandLower80 ?? $0.demand,
            upper: $0.demandUpper80 ?? $0.demand
          )
        })
    ]
    chart.series = [
      SVGChart.Series(
        name: "Planned places", colour: .blue, style: .step,
        points: own.compactMap { row in
          row.plannedPlaces.map { (x: Double(row.academicYear.startYear), y: $0) }
        }),
      SVGChart.Series(
        name: "Demand (median)", colour: .vermillion, style: .line,
        points: own.map { (x: Double($0.academicYear.startYear), y: $0.demand) }),
      SVGChart.Series(
        name: "Overflow to INMS", colour: .purple, style: .bars,
        points: own.map { (x: Double($0.academicYear.startYear), y: $0.overflowToINMS) }),
    ]
    return chart
  }

  /// Utilisation (demand ÷ places) of each capacity-limited setting type, with 100%.
  public static func utilisation(_ rows: [CapacityRow]) -> SVGChart {
    var chart = SVGChart(
      title: "Utilisation of planned places", xLabel: "Academic year",
      yLabel: "demand ÷ planned places, %")
    chart.xFormat = { AcademicYear(startYear: Int($0.rounded())).description }
    // From 0, so that a swing from 96% to 106% is not drawn as a tenfold one.
    chart.includeZero = true
    chart.references = [(100, "100% (full)")]
    let settings = [SettingType.specialState, .rpSENUnit, .apPRU, .fePost16]
    chart.series = settings.enumerated().compactMap { index, setting in
      let points = rows.filter { $0.setting == setting }.compactMap { row in
        row.utilisationPercent.map { (x: Double(row.academicYear.startYear), y: $0) }
      }
      return points.isEmpty
        ? nil : SVGChart.Series(name: setting.label, colour: palette[index], points: points)
    }
    return chart
  }

  /// One cost line per scenario, £ million, cash. With more than one scenario the lines are
  /// each scenario's cost less the first's (`c_s(t) − c_1(t)`, negative = saving), marked
  /// with a shape each: at full scale the lines lie within a few per cent of each other and
  /// cannot be told apart. The first scenario's own cost is then stated in `levelNote`.
  public static func costs(_ comparison: ScenarioComparison, title: String, key: String) -> SVGChart
  {
    let values = comparison.entries.map { entry in
      entry.years.compactMap { year in
        year.measures.first { $0.key == key }?.value.map {
          (x: Double(year.academicYear.startYear), y: $0 / 1e6)
        }
      }
    }
    guard comparison.entries.count > 1, let first = values.first else {
      var chart = SVGChart(title: title, xLabel: "Academic year", yLabel: "£ million, cash")
      chart.xFormat = { AcademicYear(startYear: Int($0.rounded())).description }
      chart.series = zip(comparison.entries, values).enumerated().map { index, pair in
        SVGChart.Series(
          name: pair.0.scenario.name, colour: palette[index % palette.count], points: pair.1)
      }
      return chart
    }
    let baseline = Dictionary(first.map { ($0.x, $0.y) }, uniquingKeysWith: { a, _ in a })
    var chart = SVGChart(
      title: "\(title) against \(comparison.entries[0].scenario.name) (below 0 = saving)",
      xLabel: "Academic year",
      yLabel: "£ million, cash, against \(comparison.entries[0].scenario.name)")
    chart.xFormat = { AcademicYear(startYear: Int($0.rounded())).description }
    chart.references = [(y: 0, label: comparison.entries[0].scenario.name)]
    chart.series = zip(comparison.entries, values).enumerated().dropFirst().map { index, pair in
      SVGChart.Series(
        name: pair.0.scenario.name, colour: palette[index % palette.count], style: .markedLine,
        points: pair.1.compactMap { point in
          baseline[point.x].map { (x: point.x, y: point.y - $0) }
        })
    }
    return chart
  }

  /// The first scenario's cost in its first and last years, for the sentence above a chart
  /// drawn against it, e.g. "baseline: £73.4m in 2025/26 rising to £259.1m in 2034/35 (cash)".
  public static func levelNote(_ comparison: ScenarioComparison, key: String) -> String? {
    guard let entry = comparison.entries.first else { return nil }
    let points = entry.years.compactMap { year in
      year.measures.first { $0.key == key }?.value.map { (year.academicYear, $0 / 1e6) }
    }
    guard let start = points.first, let end = points.last else { return nil }
    let verb = end.1 >= start.1 ? "rising" : "falling"
    return String(
      format: "%@: £%.1fm in %@ %@ to £%.1fm in %@ (cash)", entry.scenario.name, start.1,
      start.0.description, verb, end.1, end.0.description)
  }

  /// Total cost of each scenario less the first's, by year, £ million (negative = saving).
  public static func costDifference(_ comparison: ScenarioComparison) -> SVGChart {
    var chart = SVGChart(
      title:
        "Total cost against \(comparison.entries.first?.scenario.name ?? "the first scenario") (below 0 = saving)",
      xLabel: "Academic year", yLabel: "£ million, cash")
    chart.xFormat = { AcademicYear(startYear: Int($0.rounded())).description }
    guard let first = comparison.entries.first else { return chart }
    chart.series = comparison.entries.dropFirst().enumerated().map { index, entry in
      SVGChart.Series(
        name: entry.scenario.name, colour: palette[(index + 1) % palette.count], style: .bars,
        points: zip(entry.years, first.years).map { year, base in
          (x: Double(year.academicYear.startYear), y: (year.totalCost - base.totalCost) / 1e6)
        })
    }
    return chart
  }

  /// Backtest median APE of the total by horizon, one bar series per method.
  public static func accuracy(_ report: BacktestReport, methods: [ForecastMethod]) -> SVGChart {
    var chart = SVGChart(
      title: "How wrong has each method been? Total EHCPs, median error", xLabel: "Years ahead",
      yLabel: "median absolute % error")
    chart.series = methods.enumerated().map { index, method in
      SVGChart.Series(
        name: method.rawValue, colour: palette[index % palette.count], style: .bars,
        points: report.summaries.filter { $0.method == method && $0.setting == .total }.compactMap {
          summary in
          summary.accuracy.medianAPE.map { (x: Double(summary.horizon), y: $0) }
        })
    }
    return chart
  }

  /// The pipeline by calendar year: requests, new plans and ceased plans, published (solid)
  /// and forecast (dashed, from the last published year), with the 80% band of new plans.
  public static func pipeline(_ report: PipelineReport) -> SVGChart {
    var chart = SVGChart(
      title: "Requests, new plans and ceased plans a year",
      xLabel: "Calendar year", yLabel: "Children and young people a year")
    let measures: [(PipelineMeasure, String, SVGChart.Colour)] = [
      (.requests, "Requests for an assessment", .blue),
      (.newPlans, "New EHC plans", .vermillion), (.ceased, "Plans ceased", .green),
    ]
    for (measure, name, colour) in measures {
      let rows = report.rows.filter { $0.measure == measure }
      let actual = rows.filter { $0.kind == .actual }.map { (x: Double($0.year), y: $0.value) }
      let future = rows.filter { $0.kind == .forecast }.map { (x: Double($0.year), y: $0.value) }
      guard !actual.isEmpty else { continue }
      chart.series.append(SVGChart.Series(name: name, colour: colour, points: actual))
      if !future.isEmpty {
        chart.series.append(
          SVGChart.Series(
            name: "\(name) (forecast)", colour: colour, style: .dashed,
            points: (actual.last.map { [$0] } ?? []) + future))
      }
    }
    let band = report.rows.filter { $0.measure == .newPlans && $0.kind == .forecast }
      .compactMap { row -> (x: Double, lower: Double, upper: Double)? in
        guard let lower = row.lower80, let upper = row.upper80 else { return nil }
        return (x: Double(row.year), lower: lower, upper: upper)
      }
    if !band.isEmpty {
      chart.bands = [
        SVGChart.Band(
          name: "New plans, 80% interval", colour: .vermillion, opacity: 0.15, points: band)
      ]
    }
    // Room for every central value and the whole new-plans band (a clipped band hides how
    // uncertain the forecast is).
    let highest =
      (report.rows.filter { measures.map(\.0).contains($0.measure) }.map(\.value)
      + band.map(\.upper)).max()
    chart.yCap = highest.map { $0 * 1.05 }
    return chart
  }

  /// Demand of one setting type by phase (median lines, census then forecast) against the
  /// register's places by phase (steps).
  public static func phases(_ rows: [PhaseCapacityPlanner.Row], setting: SettingType) -> SVGChart {
    var chart = SVGChart(
      title: "\(setting.label): places and demand by phase",
      xLabel: "Academic year (demand = January census)", yLabel: "Places / EHCPs")
    chart.xFormat = { AcademicYear(censusYear: Int($0.rounded())).description }
    let picked = rows.filter { $0.setting == setting }
    for (index, phase) in PlacesEntry.Phase.allCases.enumerated() {
      let inPhase = picked.filter { $0.phase == phase }
        .sorted { $0.academicYear.censusYear < $1.academicYear.censusYear }
      guard !inPhase.isEmpty else { continue }
      let colour = palette[index % palette.count]
      chart.series.append(
        SVGChart.Series(
          name: "\(phase.rawValue) demand", colour: colour, style: .dashed,
          points: inPhase.map { (x: Double($0.academicYear.censusYear), y: $0.demand) }))
      let places = inPhase.compactMap { row in
        row.plannedPlaces.map { (x: Double(row.academicYear.censusYear), y: $0) }
      }
      if !places.isEmpty {
        chart.series.append(
          SVGChart.Series(
            name: "\(phase.rawValue) places", colour: colour, style: .step, points: places))
      }
    }
    return chart
  }
}
