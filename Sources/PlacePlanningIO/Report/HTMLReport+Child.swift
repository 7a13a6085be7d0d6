import Foundation
import PlacePlanning

extension HTMLReport {
  /// What the report shows when the forecast comes from the LA's own child-level records:
  /// the published-aggregate forecast to set it beside, and the child-level projection by
  /// primary need and NCY.
  public struct ChildLevel {
    public var aggregate: LAForecast
    public var breakdown: [ChildProjection.Row]

    public init(aggregate: LAForecast, breakdown: [ChildProjection.Row]) {
      self.aggregate = aggregate
      self.breakdown = breakdown
    }
  }

  /// The child-level forecast beside the aggregate one: the total and state special
  /// charts, a table by setting type for the last forecast year, children by NCY and a
  /// table by primary need.
  static func childSection(forecast: LAForecast, child: ChildLevel?) -> String {
    guard let child else { return "" }
    var html = "<h2>The LA's own child-level records</h2>\n"
    html +=
      "<p class=\"note\">This report's places, costs and dashboard use the forecast from the LA's own child-level records (a transition model of each child's setting, need and national curriculum year; see <code>placeplan child</code>). Beside it, the forecast from the published SEN2 aggregates, which the rest of placeplan uses by default. Where they part, the records and the published counts tell different stories: check both before planning on either.</p>\n"
    html += ReportCharts.childBeside(child: forecast, aggregate: child.aggregate, setting: .total)
      .render()
    html += ReportCharts.childBeside(
      child: forecast, aggregate: child.aggregate, setting: .specialState
    ).render()
    let lastYear = forecast.rows.filter { $0.kind == .forecast }.map(\.censusYear).max()
    if let lastYear {
      html += "<h3>By setting type, January \(lastYear)</h3>\n"
      func cell(_ row: ForecastRow?) -> String {
        guard let row else { return "" }
        let interval = row.lower80.flatMap { lower in
          row.upper80.map { " (\(NumberFormat.count(lower))–\(NumberFormat.count($0)))" }
        }
        return NumberFormat.count(row.value) + (interval ?? "")
      }
      html += table(
        ["setting type", "child-level mean (80%)", "published aggregates (80%)", "difference"],
        SettingType.allCases.map { setting in
          let own = forecast.rows.first { $0.setting == setting && $0.censusYear == lastYear }
          let published = child.aggregate.rows.first {
            $0.setting == setting && $0.censusYear == lastYear
          }
          let difference = own.flatMap { a in
            published.map { NumberFormat.signedCount(a.value - $0.value) }
          }
          return [setting.label, cell(own), cell(published), difference ?? ""]
        })
    }
    html += ReportCharts.childByNCY(child.breakdown).render()
    let needRows = child.breakdown.filter { $0.key.hasPrefix("need:") }
    let years = Set(needRows.map(\.calendarYear)).sorted()
    if let first = years.first, let last = years.last {
      html += "<h3>By primary need (child-level)</h3>\n"
      let needs = Set(needRows.map(\.key)).sorted()
      html += table(
        ["primary need", "January \(first)", "January \(last) mean", "95% interval"],
        needs.compactMap { key in
          guard let start = needRows.first(where: { $0.key == key && $0.calendarYear == first }),
            let end = needRows.first(where: { $0.key == key && $0.calendarYear == last })
          else { return nil }
          return [
            String(key.dropFirst(5)), NumberFormat.count(start.mean),
            NumberFormat.count(end.mean),
            "\(NumberFormat.count(end.lower95))–\(NumberFormat.count(end.upper95))",
          ]
        })
    }
    return html
  }

}
