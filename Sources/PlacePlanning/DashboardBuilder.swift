/// Builds the strategy dashboard from a forecast and its capacity plan.
///
/// EHCPs by setting type are the placed numbers when a places register is given (state
/// special and RP less what overflows, mainstream less the RP overflow, INMS including it),
/// otherwise the forecast demand; percentages are of the total, so they still sum to 100. Costs rows stay empty until a cost model
/// is supplied, and say so.
public enum DashboardBuilder {
  /// The setting types the dashboard shows, in the strategy's order, with its words.
  static let settingRows: [(SettingType, String)] = [
    (.earlyYears, "Non-maintained early years"),
    (.mainstream, "Mainstream (incl. RP/SEN units)"),
    (.specialState, "Special (state-funded)"),
    (.apPRU, "AP/PRU"),
    (.fePost16, "Further education"),
    (.other, "Other (incl. awaiting provision and home educated)"),
    (.inms, "Independent/non-maintained special (INMS)"),
  ]

  public static func build(
    forecast: LAForecast, capacity: [CapacityRow], costs: [CostYear]? = nil, yearsAhead: Int = 5,
    costsNote: String = "not estimated: no cost model given (--costs)"
  ) -> Dashboard {
    let censusYears = (0...yearsAhead).map { forecast.throughYear + $0 }
    let years = censusYears.map { AcademicYear(censusYear: $0) }
    func value(_ setting: SettingType, _ year: Int) -> Double? {
      forecast.rows.first { $0.setting == setting && $0.censusYear == year }?.value
    }
    func capacityRow(_ setting: SettingType, _ year: Int) -> CapacityRow? {
      capacity.first { $0.setting == setting && $0.academicYear.censusYear == year }
    }
    func placed(_ setting: SettingType, _ year: Int) -> Double? {
      if setting == .mainstream {
        // Mainstream includes RP/SEN units: RP demand sent to INMS leaves it.
        return value(setting, year).map {
          $0 - (capacityRow(.rpSENUnit, year)?.overflowToINMS ?? 0)
        }
      }
      return capacityRow(setting, year)?.placed ?? value(setting, year)
    }
    var rows: [Dashboard.Row] = []
    let totals = censusYears.map { value(.total, $0) }
    rows.append(
      Dashboard.Row(
        key: "ehcps_total", label: "Total EHCPs 0-25", unit: "count", values: totals,
        note: "baseline: January census; years 1-5: forecast (\(forecast.method.rawValue))"))
    for (setting, label) in settingRows {
      let counts = censusYears.map { placed(setting, $0) }
      rows.append(
        Dashboard.Row(
          key: "ehcps_\(setting.rawValue)", label: label, unit: "count", values: counts, note: nil))
      rows.append(
        Dashboard.Row(
          key: "ehcps_\(setting.rawValue)_pct", label: "\(label), % of all EHCPs", unit: "percent",
          values: zip(counts, totals).map { count, total in
            guard let count, let total, total > 0 else { return nil }
            return 100 * count / total
          }, note: nil))
    }
    let placesNote = capacity.isEmpty ? "no places register given" : nil
    for (setting, label) in [(SettingType.specialState, "special"), (.rpSENUnit, "SSC/RP")] {
      let rowsByYear = censusYears.map { capacityRow(setting, $0) }
      rows.append(
        Dashboard.Row(
          key: "planned_places_\(setting.rawValue)", label: "Planned places: \(label)",
          unit: "places", values: rowsByYear.map { $0?.plannedPlaces }, note: placesNote))
      rows.append(
        Dashboard.Row(
          key: "utilisation_pct_\(setting.rawValue)", label: "Utilisation %: \(label)",
          unit: "percent", values: rowsByYear.map { $0?.utilisationPercent },
          note: placesNote ?? "demand ÷ planned places"))
      rows.append(
        Dashboard.Row(
          key: "shortfall_excess_\(setting.rawValue)", label: "Shortfall (-)/excess (+): \(label)",
          unit: "places", values: rowsByYear.map { $0?.shortfallExcess },
          note: placesNote ?? "planned places − demand"))
    }
    func cost(_ pick: (CostYear) -> Double) -> [Double?] {
      censusYears.map { year in costs?.first { $0.academicYear.censusYear == year }.map(pick) }
    }
    let costed = costs != nil
    rows.append(
      Dashboard.Row(
        key: "inms_expenditure", label: "INMS expenditure", unit: "pounds",
        values: cost(\.inmsCost),
        note: costed ? "INMS placements after overflow × average fee, £ cash" : costsNote))
    rows.append(
      Dashboard.Row(
        key: "sen_transport_cost", label: "SEN transport cost", unit: "pounds",
        values: cost(\.transportCost),
        note: costed ? "children transported × cost per transported child, £ cash" : costsNote))
    var notes = [
      "EHCPs by setting type are placed numbers where a places register is given: state special and RP capped at planned places, the overflow added to INMS"
    ]
    if capacity.isEmpty {
      notes[0] = "EHCPs by setting type are forecast demand (no places register given)"
    }
    return Dashboard(
      laCode: forecast.laCode, laName: forecast.laName, years: years, rows: rows, notes: notes)
  }
}
