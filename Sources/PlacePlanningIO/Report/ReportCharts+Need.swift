import PlacePlanning

extension ReportCharts {
  /// The needs a chart shows on their own, with their colours; the rest are "other needs".
  static let needGroups: [(label: String, needs: [PrimaryNeed], colour: SVGChart.Colour)] = [
    ("ASD", [.asd], .blue),
    ("SLCN", [.slcn], .orange),
    ("SEMH", [.semh], .vermillion),
    ("MLD", [.mld], .green),
    ("SLD/PMLD", [.sld, .pmld], .purple),
    ("PD", [.pd], .skyBlue),
    (
      "Other (HI, VI, MSI, SpLD, OTH, unknown)", [.hi, .vi, .msi, .spld, .oth, .unknown],
      .grey
    ),
  ]

  /// A setting type's EHCPs by primary need, stacked: the census, then the forecast median
  /// split by need (`NeedSplitter`).
  public static func needs(
    _ rows: [NeedForecastRow], setting: SettingType, width: Double = 350, height: Double = 300
  ) -> SVGChart {
    // A half-width chart has room for the setting's name only; its axis names the split.
    let compact = width < SVGChart.compactWidth
    var chart = SVGChart(
      title: compact ? setting.label : "\(setting.label) by primary need",
      xLabel: "January census",
      yLabel: compact ? "EHCPs by primary need" : "EHCPs (stacked by need)")
    chart.width = width
    chart.height = height
    let inSetting = rows.filter { $0.row.setting == setting }
    let years = Set(inSetting.map(\.row.censusYear)).sorted()
    var below = [Double](repeating: 0, count: years.count)
    for group in needGroups {
      var points: [(x: Double, lower: Double, upper: Double)] = []
      for (index, year) in years.enumerated() {
        let count = inSetting.filter {
          $0.row.censusYear == year && group.needs.contains($0.need)
        }.reduce(0.0) { $0 + $1.row.value }
        points.append((x: Double(year), lower: below[index], upper: below[index] + count))
        below[index] += count
      }
      chart.bands.append(
        SVGChart.Band(name: group.label, colour: group.colour, opacity: 0.8, points: points))
    }
    chart.series = [
      SVGChart.Series(
        name: "All needs", colour: .black, style: .line,
        points: zip(years, below).map { (x: Double($0), y: $1) })
    ]
    return chart
  }
}
