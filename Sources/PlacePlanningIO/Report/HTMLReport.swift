import Foundation
import PlacePlanning

/// A self-contained HTML report for a planning board: inline CSS and SVG, no scripts, no
/// external assets, laid out for A4.
public enum HTMLReport {
  /// Everything the report shows.
  public struct Content {
    public var forecast: LAForecast
    public var capacity: [CapacityRow]
    public var comparison: ScenarioComparison
    public var backtest: BacktestReport
    public var backtestMethods: [ForecastMethod]
    public var narrative: String?
    public var dashboard: Dashboard
    public var costModel: CostModel
    public var provenance: Provenance
    /// Places against demand by phase, and how the phases were made; empty without ages.
    public var phaseCapacity: [PhaseCapacityPlanner.Row]
    public var phaseNote: String?
    /// The EHC pipeline; nil without the flow files.
    public var pipeline: PipelineReport?
    /// Demand by setting type and primary need, designated places against it, and how the
    /// need split was made; empty without the need files.
    public var needs: [NeedForecastRow]
    public var needCapacity: [NeedCapacityPlanner.Row]
    public var needNote: String?
    /// The aggregate forecast and the need and NCY projection when the forecast is the
    /// LA's own child-level one; nil otherwise.
    public var childLevel: ChildLevel?

    public init(
      forecast: LAForecast, capacity: [CapacityRow], comparison: ScenarioComparison,
      backtest: BacktestReport, backtestMethods: [ForecastMethod], narrative: String?,
      dashboard: Dashboard, costModel: CostModel, provenance: Provenance,
      phaseCapacity: [PhaseCapacityPlanner.Row] = [], phaseNote: String? = nil,
      pipeline: PipelineReport? = nil, needs: [NeedForecastRow] = [],
      needCapacity: [NeedCapacityPlanner.Row] = [], needNote: String? = nil,
      childLevel: ChildLevel? = nil
    ) {
      self.forecast = forecast
      self.capacity = capacity
      self.comparison = comparison
      self.backtest = backtest
      self.backtestMethods = backtestMethods
      self.narrative = narrative
      self.dashboard = dashboard
      self.costModel = costModel
      self.provenance = provenance
      self.phaseCapacity = phaseCapacity
      self.phaseNote = phaseNote
      self.pipeline = pipeline
      self.needs = needs
      self.needCapacity = needCapacity
      self.needNote = needNote
      self.childLevel = childLevel
    }
  }

  static let style = """
    body { font-family: Helvetica, Arial, sans-serif; color: #1a1a1a; max-width: 190mm; margin: 0 auto; padding: 8mm; line-height: 1.4; }
    h1 { font-size: 22pt; margin-bottom: 0; } h2 { font-size: 15pt; border-bottom: 2px solid #0072B2; padding-bottom: 2px; margin-top: 1.6em; page-break-after: avoid; }
    h3 { font-size: 12pt; } .sub { color: #555; margin-top: 2px; }
    .headline { display: flex; gap: 6mm; flex-wrap: wrap; margin: 4mm 0; }
    .figure { flex: 1 1 40mm; border: 1px solid #ccc; border-radius: 4px; padding: 3mm; }
    .figure .value { font-size: 20pt; font-weight: bold; } .figure .label { color: #444; font-size: 9.5pt; }
    svg { width: 100%; height: auto; page-break-inside: avoid; } .grid { display: grid; grid-template-columns: 1fr 1fr; gap: 4mm; }
    table { border-collapse: collapse; width: 100%; font-size: 9pt; margin: 2mm 0 4mm; page-break-inside: auto; }
    th, td { border-bottom: 1px solid #ddd; padding: 2px 4px; text-align: right; } th:first-child, td:first-child { text-align: left; }
    th { background: #f0f4f8; } .note { color: #444; font-size: 9pt; } .small { font-size: 8.5pt; color: #444; }
    .warn { border-left: 4px solid #D55E00; background: #fdf3ec; padding: 2mm 3mm; margin: 3mm 0; font-size: 10pt; }
    @media print { body { padding: 0; } h2 { page-break-before: auto; } }
    """

  static func escape(_ text: String) -> String { SVGChart.escape(text) }

  /// Pounds, millions to one decimal, the typographic minus: "−£14.3m".
  static func pounds(_ value: Double) -> String {
    NumberFormat.pounds(value, short: true, minus: "−")
  }

  /// A table; columns in `text` are left-aligned, the rest (numbers) right-aligned.
  static func table(_ header: [String], _ rows: [[String]], text: Set<Int> = [0]) -> String {
    func cell(_ tag: String, _ value: String, _ index: Int) -> String {
      let align = text.contains(index) ? " style=\"text-align:left\"" : ""
      return "<\(tag)\(align)>\(escape(value))</\(tag)>"
    }
    var html =
      "<table><thead><tr>" + header.enumerated().map { cell("th", $1, $0) }.joined()
      + "</tr></thead><tbody>\n"
    for row in rows {
      html += "<tr>" + row.enumerated().map { cell("td", $1, $0) }.joined() + "</tr>\n"
    }
    return html + "</tbody></table>\n"
  }

  /// The report as one HTML document.
  public static func render(_ content: Content) -> String {
    let forecast = content.forecast
    let totals = forecast.rows.filter { $0.setting == .total }
    let baseline = totals.last { $0.kind == .actual }
    let futures = totals.filter { $0.kind == .forecast }
    let year5 = futures.count >= 5 ? futures[4] : futures.last
    var html = """
      <!DOCTYPE html>
      <html lang="en-GB"><head><meta charset="utf-8">
      <title>\(escape(forecast.laName)): SEND place planning report</title>
      <style>\(style)</style></head><body>
      <h1>\(escape(forecast.laName)): SEND place planning</h1>
      <p class="sub">EHCP demand, specialist places and their costs. Census data to January \(forecast.throughYear); \
      \(escape(content.provenance.tool)) \(escape(content.provenance.version)).</p>

      """

    // Headline.
    html += "<h2>Headline</h2>\n<div class=\"headline\">\n"
    if let baseline {
      html += figure(
        NumberFormat.count(baseline.value), "EHCPs 0–25 in January \(baseline.censusYear)")
    }
    if let year5, let baseline {
      let growth = 100 * (year5.value / baseline.value - 1)
      html += figure(
        NumberFormat.count(year5.value),
        "forecast for January \(year5.censusYear) (80%: \(NumberFormat.interval(year5.lower80, year5.upper80)))"
      )
      html += figure(
        String(format: "%+.0f%%", growth),
        "growth over \(year5.censusYear - baseline.censusYear) years")
    }
    if let worst = content.capacity.filter({ $0.setting == .specialState && $0.kind == .forecast })
      .min(by: { ($0.shortfallExcess ?? 0) < ($1.shortfallExcess ?? 0) }),
      let gap = worst.shortfallExcess
    {
      // Say where the places come from, in the figure itself: an illustrative register's
      // shortfall is not the LA's.
      let illustrative = content.provenance.inputs.contains {
        $0.role == "places" && $0.file.uppercased().contains("ILLUSTRATIVE")
      }
      html += figure(
        NumberFormat.count(gap),
        "state special places short (−) or spare (+) at worst, \(worst.academicYear)"
          + (illustrative
            ? ", against the illustrative register in SampleData, not the LA's own"
            : ", against the places register given"))
    }
    html += "</div>\n"
    // The plausibility warnings beside the headline, where a board reads, not only in the
    // method notes at the end.
    let warnings = forecast.notes.filter { $0.hasPrefix("PLAUSIBILITY: ") }
    if !warnings.isEmpty {
      html += "<div class=\"warn\"><b>Read with care.</b><ul>\n"
      for warning in warnings {
        html += "<li>\(escape(String(warning.dropFirst("PLAUSIBILITY: ".count))))</li>\n"
      }
      html += "</ul></div>\n"
    }
    if let narrative = content.narrative { html += "<p>\(escape(narrative))</p>\n" }

    // Demand.
    html += "<h2>Demand: EHCPs by setting type</h2>\n"
    html +=
      "<p class=\"note\">Lines are census counts; the dashed line is the forecast median, the bands its 80% and 95% prediction intervals, calibrated on how far forecasts have missed in the past.</p>\n"
    html += ReportCharts.fan(forecast, setting: .total).render()
    html += "<div class=\"grid\">\n"
    for setting in SettingType.allCases where setting != .total {
      html += ReportCharts.fan(forecast, setting: setting, width: 350, height: 270).render()
    }
    html += "</div>\n"
    html += childSection(forecast: forecast, child: content.childLevel)

    // Capacity.
    html += "<h2>Specialist places against demand</h2>\n"
    html +=
      "<p class=\"note\">Demand for state special and RP places above the planned places is placed in independent and non-maintained special schools (overflow bars).</p>\n"
    for setting in [SettingType.specialState, .rpSENUnit]
    where content.capacity.contains(where: { $0.setting == setting }) {
      html += ReportCharts.capacity(content.capacity, setting: setting).render()
    }
    let utilisation = ReportCharts.utilisation(content.capacity)
    if utilisation.series.isEmpty {
      html +=
        "<p class=\"note\">No utilisation chart: the places register has no places for \(escape(forecast.laName)) (give its register with --places).</p>\n"
    } else {
      html += utilisation.render()
    }
    html += phaseSection(content)
    html += needSection(content)
    html += pipelineSection(content)

    // Costs and scenarios.
    html += "<h2>Costs and business cases</h2>\n"
    for (title, key) in [
      ("INMS expenditure", "inms_cost"), ("SEN transport cost", "transport_cost"),
    ] {
      if content.comparison.entries.count > 1,
        let note = ReportCharts.levelNote(content.comparison, key: key)
      {
        html += "<p class=\"note\">\(escape(title)), \(escape(note)).</p>\n"
      }
      html += ReportCharts.costs(content.comparison, title: title, key: key).render()
    }
    if content.comparison.entries.count > 1 {
      html += ReportCharts.costDifference(content.comparison).render()
    }
    if let first = content.comparison.entries.first {
      html += "<h3>Scenarios compared</h3>\n"
      let ranged = content.comparison.draws > 0
      html += table(
        ["scenario", "what changes", "NPV of total cost", "vs \(first.scenario.name)"]
          + (ranged ? ["10–90% range"] : []) + ["payback"] + (ranged ? ["10–90%"] : []),
        content.comparison.entries.map { entry in
          let isFirst = entry.scenario.name == first.scenario.name
          var row = [
            entry.scenario.name, entry.scenario.description, pounds(entry.presentValueOfTotalCost),
            isFirst ? "" : pounds(entry.presentValueOfTotalCost - first.presentValueOfTotalCost),
          ]
          if ranged {
            row.append(
              entry.differenceRange.map { pounds($0.p10) + " to " + pounds($0.p90) } ?? "")
          }
          row.append(CostsWriter.payback(entry, isFirst: isFirst))
          if ranged { row.append(CostsWriter.paybackRange(entry, isFirst: isFirst)) }
          return row
        }, text: [0, 1])
      if ranged, let years = first.years.first.map(\.academicYear),
        let last = first.years.last.map(\.academicYear)
      {
        html +=
          "<p class=\"note\">Over \(years)–\(last). Ranges: 10th–90th percentiles over \(content.comparison.draws) seeded draws of demand and of every cost assumption's range, each scenario costed on the same draws (the difference's range, not the difference of ranges); “beyond”: payback not within the horizon.</p>\n"
      }
      html +=
        "<p class=\"note\">NPV: cash deflated by \(String(format: "%.1f", content.costModel.generalInflation * 100))% a year to \(content.costModel.priceBase) prices and discounted at \(String(format: "%.1f", content.costModel.discountRate * 100))% (HM Treasury Green Book). Payback: the first year by which the discounted saving against \(escape(first.scenario.name)) repays what the scenario cost more.</p>\n"
      for entry in content.comparison.entries where !entry.scenario.rationale.isEmpty {
        html +=
          "<p class=\"small\"><b>\(escape(entry.scenario.name))</b>: \(escape(entry.scenario.rationale))</p>\n"
      }
    }

    // Accuracy.
    html += "<h2>How accurate has the forecast been?</h2>\n"
    html += ReportCharts.accuracy(content.backtest, methods: content.backtestMethods).render()
    let horizons = Set(content.backtest.summaries.map(\.horizon)).sorted()
    html += table(
      ["method"] + horizons.map { "\($0) year\($0 == 1 ? "" : "s") ahead" } + [
        "80% interval coverage"
      ],
      content.backtestMethods.map { method in
        let row = horizons.map { horizon in
          content.backtest.summary(method: method, setting: .total, horizon: horizon)?.accuracy
            .medianAPE
            .map { String(format: "%.1f%%", $0) } ?? ""
        }
        let coverage = content.backtest.accuracy { $0.method == method && $0.setting == .total }
          .coverage80
        return [method.rawValue] + row + [
          coverage.map { String(format: "%.0f%%", 100 * $0) } ?? "none"
        ]
      })
    html +=
      "<p class=\"note\">Each origin census was forecast from data up to it only and scored against the census that followed (median absolute percentage error over origins; auto is the method used above; naive, drift and linear-5 are the simple baselines).</p>\n"

    // Dashboard.
    html += "<h2>Strategy dashboard</h2>\n"
    html += table(
      ["measure"] + content.dashboard.headings,
      content.dashboard.rows.map { row in
        [row.label]
          + row.values.map { value in
            guard let value else { return "" }
            switch row.unit {
            case "percent": return String(format: "%.1f%%", value)
            case "pounds": return pounds(value)
            default: return NumberFormat.count(value)
            }
          }
      })
    for note in content.dashboard.notes { html += "<p class=\"small\">\(escape(note))</p>\n" }

    // Assumptions and provenance.
    html += "<h2>Assumptions and their sources</h2>\n"
    html += table(
      ["assumption", "value", "range", "price year", "inflation", "source"],
      content.costModel.assumptions.map { name, assumption in
        // Pounds grouped with £, shares as percentages, factors as they are (a regional
        // factor of 1.13 is not "1").
        let show = { (value: Double) -> String in
          switch CostModel.unit(ofAssumption: name) {
          case .pounds: return NumberFormat.pounds(value)
          case .share: return NumberFormat.percent(100 * value)
          case .factor: return String(value)
          }
        }
        return [
          name, show(assumption.value),
          assumption.low == assumption.high
            ? "" : "\(show(assumption.low))–\(show(assumption.high))",
          assumption.priceYear.description,
          String(format: "%.1f%%", 100 * assumption.annualInflation),
          assumption.source,
        ]
      }, text: [0, 5])
    html += "<h3>Forecast method</h3>\n<ul class=\"small\">\n"
    for setting in SettingType.allCases {
      if let fit = forecast.fits[setting] {
        html += "<li><b>\(setting.rawValue)</b>: \(escape(fit))</li>\n"
      }
    }
    for note in forecast.notes { html += "<li>\(escape(note))</li>\n" }
    html += "</ul>\n"
    html += "<h2>Data provenance</h2>\n<ul class=\"small\">\n"
    html +=
      "<li>\(escape(content.provenance.tool)) \(escape(content.provenance.version)): \(escape(content.provenance.command))</li>\n"
    for input in content.provenance.inputs {
      html += "<li>\(escape(input.role)): \(escape(input.file)) (\(escape(input.layout)))</li>\n"
    }
    html +=
      "<li>census years fitted: \(forecast.censusYearsUsed.map(String.init).joined(separator: ", ")); forecast through January \(forecast.throughYear)</li>\n"
    for key in content.provenance.parameters.keys.sorted() {
      html += "<li>\(escape(key)) = \(escape(content.provenance.parameters[key] ?? ""))</li>\n"
    }
    html += "</ul>\n</body></html>\n"
    return html
  }

  /// Places against demand by phase: a chart per specialist setting type in the register and
  /// a table of the first and fifth forecast years.
  static func phaseSection(_ content: Content) -> String {
    let rows = content.phaseCapacity
    guard !rows.isEmpty else { return "" }
    var html = "<h2>Specialist places by phase</h2>\n"
    html +=
      "<p class=\"note\">Primary places also take children aged 0–4, post-16 places ages 16–25; all-through places are shared between primary and secondary by their demand. Dashed lines are demand (census, then forecast median), steps the planned places.</p>\n"
    for setting in [SettingType.specialState, .rpSENUnit]
    where rows.contains(where: { $0.setting == setting && $0.plannedPlaces != nil }) {
      html += ReportCharts.phases(rows, setting: setting).render()
    }
    let forecastYears = Set(rows.filter { $0.kind == .forecast }.map(\.academicYear.censusYear))
      .sorted()
    let shown = [
      forecastYears.first, forecastYears.count >= 5 ? forecastYears[4] : forecastYears.last,
    ]
    .compactMap { $0 }
    let tableRows = rows.filter {
      [SettingType.specialState, .rpSENUnit].contains($0.setting)
        && shown.contains($0.academicYear.censusYear) && $0.plannedPlaces != nil
    }
    if !tableRows.isEmpty {
      html += table(
        ["setting type", "phase", "year", "places", "demand", "80% interval", "short (−) / spare"],
        tableRows.map { row in
          [
            row.setting.rawValue, row.phase.rawValue, row.academicYear.description,
            row.plannedPlaces.map(NumberFormat.count) ?? "", NumberFormat.count(row.demand),
            NumberFormat.interval(row.demandLower80, row.demandUpper80),
            row.shortfallExcess.map(NumberFormat.count) ?? "",
          ]
        }, text: [0, 1, 2])
    }
    if let note = content.phaseNote { html += "<p class=\"small\">\(escape(note))</p>\n" }
    return html
  }

  static func figure(_ value: String, _ label: String) -> String {
    "<div class=\"figure\"><div class=\"value\">\(escape(value))</div><div class=\"label\">\(escape(label))</div></div>\n"
  }
}
