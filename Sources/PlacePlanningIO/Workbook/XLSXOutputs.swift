import PlacePlanning

/// The workbooks of each command: the command's table as a sheet (from its CSV), with
/// native charts where a picture helps (the forecast and its 80% band, places against
/// demand, scenario costs).
public enum XLSXOutputs {
  /// Okabe & Ito colours, as in the HTML report.
  static let black: UInt32 = 0x000000
  static let vermillion: UInt32 = 0xD55E00
  static let blue: UInt32 = 0x0072B2
  static let palette: [UInt32] = [0x0072B2, 0xD55E00, 0x009E73, 0xE69F00, 0xCC79A7, 0x56B4E9]

  /// Any command's CSV as one sheet.
  public static func table(_ csv: String, name: String, title: String? = nil) -> [XLSXSheet] {
    XLSXSheet.fromCSV(csv, name: name, title: title).map { [$0] } ?? []
  }

  /// The forecast: every row, with charts of the first LA's total and state special (the
  /// census, the forecast median and its 80% interval), and a sheet of what each LA's
  /// forecast rests on (`methodAndNotes`); no sheets when the forecast has no rows.
  public static func forecast(_ forecasts: [LAForecast]) -> [XLSXSheet] {
    var charts: [XLSXChart] = []
    if let first = forecasts.first {
      charts = [SettingType.total, .specialState].compactMap { fan(first, setting: $0) }
    }
    let title =
      forecasts.count == 1
      ? "\(forecasts[0].laName) (\(forecasts[0].laCode)): EHCPs by setting type, census and forecast"
      : "EHCPs by setting type, census and forecast, \(forecasts.count) LAs"
    guard
      let sheet = XLSXSheet.fromCSV(
        ForecastWriter.csv(forecasts), name: "Forecast", title: title, charts: charts)
    else { return [] }
    return [sheet, methodAndNotes(forecasts)]
  }

  /// What each LA's forecast rests on, as the table's footer and the JSON give it: the
  /// census years used, the method, the fitted formula of each setting type and every note
  /// (auto's choice and scores, small counts, PLAUSIBILITY warnings), so a workbook handed
  /// to a board carries its caveats.
  static func methodAndNotes(_ forecasts: [LAForecast]) -> XLSXSheet {
    var rows: [[XLSXSheet.Cell]] = []
    for forecast in forecasts {
      let row = { (item: String, text: String) -> [XLSXSheet.Cell] in
        [.text(forecast.laCode), .text(forecast.laName), .text(item), .text(text)]
      }
      rows.append(
        row(
          "census years used", forecast.censusYearsUsed.map(String.init).joined(separator: ", ")))
      rows.append(row("method", forecast.method.rawValue))
      for setting in SettingType.allCases {
        if let fit = forecast.fits[setting] { rows.append(row("fit: \(setting.rawValue)", fit)) }
      }
      for note in forecast.notes {
        rows.append(row(note.hasPrefix("PLAUSIBILITY") ? "PLAUSIBILITY" : "note", note))
      }
    }
    return XLSXSheet(
      name: "Method and notes", title: "What each forecast rests on: method, fits and notes",
      header: ["la_code", "la_name", "item", "text"], rows: rows)
  }

  /// A setting type's census, forecast median and 80% interval as a line chart.
  static func fan(_ forecast: LAForecast, setting: SettingType) -> XLSXChart? {
    let rows = forecast.rows.filter { $0.setting == setting }.sorted {
      $0.censusYear < $1.censusYear
    }
    guard !rows.isEmpty else { return nil }
    let lastActual = rows.last { $0.kind == .actual }?.censusYear
    return XLSXChart(
      title: "\(forecast.laName): \(setting.label)", yTitle: "EHCPs",
      categories: rows.map { String($0.censusYear) },
      lines: [
        .init(
          name: "Census", values: rows.map { $0.kind == .actual ? $0.value : nil }, colour: black),
        .init(
          name: "Forecast (median)",
          values: rows.map { $0.kind == .forecast || $0.censusYear == lastActual ? $0.value : nil },
          colour: vermillion, dashed: true),
        .init(
          name: "80% interval, lower", values: rows.map { $0.lower80 }, colour: blue,
          dashed: true, width: 1),
        .init(
          name: "80% interval, upper", values: rows.map { $0.upper80 }, colour: blue,
          dashed: true, width: 1),
      ])
  }

  /// Places against demand, with a chart per state special and RP of the first LA.
  public static func places(_ rows: [CapacityRow], laName: String) -> [XLSXSheet] {
    let charts = [SettingType.specialState, .rpSENUnit].compactMap { setting -> XLSXChart? in
      let inSetting = rows.filter { $0.setting == setting && $0.laCode == rows.first?.laCode }
      guard inSetting.contains(where: { $0.plannedPlaces != nil }) else { return nil }
      return XLSXChart(
        title: "\(laName): \(setting.label), planned places against demand", yTitle: "Places",
        categories: inSetting.map(\.academicYear.description),
        lines: [
          .init(name: "Planned places", values: inSetting.map(\.plannedPlaces), colour: black),
          .init(name: "Demand", values: inSetting.map(\.demand), colour: vermillion, dashed: true),
          .init(
            name: "Demand, 80% upper", values: inSetting.map(\.demandUpper80), colour: blue,
            dashed: true, width: 1),
        ])
    }
    return XLSXSheet.fromCSV(
      PlacesWriter.csv(rows), name: "Places",
      title: "\(laName): planned places against EHCP demand", charts: charts
    ).map { [$0] } ?? []
  }

  /// Scenarios side by side, with total cost by scenario as a chart.
  public static func scenarios(_ comparison: ScenarioComparison, laName: String) -> [XLSXSheet] {
    let years = comparison.entries.first?.years.map(\.academicYear.description) ?? []
    let chart = XLSXChart(
      title: "\(laName): total cost by scenario", yTitle: "£ cash", yFormat: "£#,##0",
      categories: years,
      lines: comparison.entries.enumerated().map { index, entry in
        .init(
          name: entry.scenario.name, values: entry.years.map { $0.totalCost },
          colour: palette[index % palette.count], dashed: index > 0)
      })
    return XLSXSheet.fromCSV(
      CostsWriter.compareCSV(comparison), name: "Scenarios",
      title: "\(laName): scenarios compared (£ cash by year; NPV at price-base prices)",
      charts: [chart]
    ).map { [$0] } ?? []
  }
}
