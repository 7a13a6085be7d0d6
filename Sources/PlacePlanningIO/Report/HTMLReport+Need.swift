import PlacePlanning

extension HTMLReport {
  /// The specialist setting types the need section shows.
  static let needSettings: [SettingType] = [.specialState, .rpSENUnit, .inms]

  /// Demand by primary need: a stacked chart per specialist setting type, the census and
  /// fifth-year mix, and designated places against demand where the register designates.
  static func needSection(_ content: Content) -> String {
    let rows = content.needs
    guard !rows.isEmpty else { return "" }
    var html = "<h2>Demand by primary need</h2>\n"
    html +=
      "<p class=\"note\">Each specialist setting type's January census by primary need, carried forward by the need mix of new plans (SEN2 publishes need once, so the mix is not backtested). Bands are stacked counts of the forecast median; they carry no interval of their own.</p>\n"
    html += "<div class=\"grid\">\n"
    for setting in needSettings where rows.contains(where: { $0.row.setting == setting }) {
      html += ReportCharts.needs(rows, setting: setting).render()
    }
    html += "</div>\n"
    let years = Set(rows.map(\.row.censusYear)).sorted()
    if let first = years.first {
      let last = years.count > 5 ? years[5] : years[years.count - 1]
      var tableRows: [[String]] = []
      for setting in needSettings {
        let inSetting = rows.filter { $0.row.setting == setting }
        guard !inSetting.isEmpty else { continue }
        func count(_ needs: [PrimaryNeed], _ year: Int) -> Double {
          inSetting.filter { $0.row.censusYear == year && needs.contains($0.need) }
            .reduce(0.0) { $0 + $1.row.value }
        }
        let totals = [first, last].map { year in count(PrimaryNeed.allCases, year) }
        for group in ReportCharts.needGroups {
          let counts = [first, last].map { count(group.needs, $0) }
          let shares = zip(counts, totals).map { count, total in
            total > 0 ? CSVFormat.number(100 * count / total, decimals: 1) + "%" : ""
          }
          tableRows.append(
            [setting.rawValue, group.label]
              + counts.map(NumberFormat.count) + shares)
        }
      }
      html += table(
        ["setting type", "need", "Jan \(first)", "\(last)", "share \(first)", "share \(last)"],
        tableRows, text: [0, 1])
    }
    let designated = content.needCapacity.filter {
      years.count > 5 ? [years[0], years[5]].contains($0.academicYear.censusYear) : true
    }
    if !designated.isEmpty {
      html +=
        "<h3>Designated places against demand</h3>\n<p class=\"note\">Designations that share a need are one group; generic places meet the needs no designation names. From the places register (the sample register's designations are illustrative).</p>\n"
      html += table(
        ["setting type", "designation", "year", "places", "demand", "short (−) / spare"],
        designated.map { row in
          [
            row.setting.rawValue, row.designation.code, row.academicYear.description,
            row.plannedPlaces.map(NumberFormat.count) ?? "", NumberFormat.count(row.demand),
            (row.shortfallExcess ?? -row.demand).rounded() == 0
              ? "0" : NumberFormat.count(row.shortfallExcess ?? -row.demand),
          ]
        }, text: [0, 1, 2])
    }
    if let note = content.needNote { html += "<p class=\"small\">\(escape(note))</p>\n" }
    return html
  }
}
