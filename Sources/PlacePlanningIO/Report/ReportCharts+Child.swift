import PlacePlanning

extension ReportCharts {
  /// The child-level forecast of a setting type beside the aggregate one: the census, each
  /// forecast's central line and 80% band.
  public static func childBeside(
    child: LAForecast, aggregate: LAForecast, setting: SettingType
  ) -> SVGChart {
    var chart = SVGChart(
      title: "\(setting.label): the LA's own records beside the published aggregates",
      xLabel: "January census", yLabel: "EHCPs (children and young people)")
    func band(_ forecast: LAForecast) -> [(x: Double, lower: Double, upper: Double)] {
      let rows = forecast.rows.filter { $0.setting == setting }
      let anchor = rows.last { $0.kind == .actual }.map {
        [(x: Double($0.censusYear), lower: $0.value, upper: $0.value)]
      }
      return (anchor ?? [])
        + rows.filter { $0.kind == .forecast }.compactMap { row in
          guard let lower = row.lower80, let upper = row.upper80 else { return nil }
          return (x: Double(row.censusYear), lower: lower, upper: upper)
        }
    }
    func line(_ forecast: LAForecast) -> [(x: Double, y: Double)] {
      let rows = forecast.rows.filter { $0.setting == setting }
      let anchor = rows.last { $0.kind == .actual }.map {
        [(x: Double($0.censusYear), y: $0.value)]
      }
      return (anchor ?? [])
        + rows.filter { $0.kind == .forecast }.map { (x: Double($0.censusYear), y: $0.value) }
    }
    chart.bands = [
      SVGChart.Band(
        name: "Published aggregates, 80% interval", colour: .blue, opacity: 0.2,
        points: band(aggregate)),
      SVGChart.Band(
        name: "Child-level, 80% interval", colour: .orange, opacity: 0.35, points: band(child)),
    ]
    let history = aggregate.rows.filter { $0.setting == setting && $0.kind == .actual }
    chart.series = [
      SVGChart.Series(
        name: "Census (actual)", colour: .black,
        points: history.map { (x: Double($0.censusYear), y: $0.value) }),
      SVGChart.Series(
        name: "Published aggregates (median)", colour: .blue, style: .dashed,
        points: line(aggregate)),
      SVGChart.Series(
        name: "Child-level (mean)", colour: .vermillion, style: .markedLine, points: line(child)),
    ]
    return chart
  }

  /// Children by national curriculum year in the first January and the last forecast one
  /// (the simulations' mean), from rows keyed `ncy:N`.
  public static func childByNCY(_ rows: [ChildProjection.Row]) -> SVGChart {
    var chart = SVGChart(
      title: "Children by national curriculum year (child-level)",
      xLabel: "National curriculum year (0 = Reception; 12-20 = post-16)",
      yLabel: "EHCPs (children and young people)")
    let ncyRows = rows.filter { $0.key.hasPrefix("ncy:") }
    let years = Set(ncyRows.map(\.calendarYear)).sorted()
    guard let first = years.first, let last = years.last else { return chart }
    chart.series = [(first, SVGChart.Colour.black), (last, .vermillion)].map { year, colour in
      SVGChart.Series(
        name: year == first ? "January \(year) (records)" : "January \(year) (forecast mean)",
        colour: colour, style: year == first ? .line : .markedLine,
        points: ncyRows.filter { $0.calendarYear == year }.compactMap { row in
          Int(row.key.dropFirst(4)).map { (x: Double($0), y: row.mean) }
        }.sorted { $0.x < $1.x })
    }
    return chart
  }
}
