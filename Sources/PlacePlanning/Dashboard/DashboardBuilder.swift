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
    costsNote: String = "not estimated: no cost model given (--costs)",
    flows: [PipelineYear] = [], pupils: (censusYear: Int, entry: PupilSENPercentages.Entry)? = nil,
    phaseCapacity: [PhaseCapacityPlanner.Row] = [], needs: [NeedForecastRow] = [],
    needCapacity: [NeedCapacityPlanner.Row] = []
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
    rows += needRows(needs, censusYears: censusYears)
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
      rows += phaseRows(phaseCapacity, setting: setting, label: label, censusYears: censusYears)
      rows += designationRows(
        needCapacity, setting: setting, label: label, censusYears: censusYears)
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
    rows += pipelineRows(flows: flows, pupils: pupils, columns: censusYears.count)
    var notes = [
      "EHCPs by setting type are placed numbers where a places register is given: state special and RP capped at planned places, the overflow added to INMS"
    ]
    if capacity.isEmpty {
      notes[0] = "EHCPs by setting type are forecast demand (no places register given)"
    }
    if !flows.isEmpty || pupils != nil {
      notes.append(
        "assessment, 20-week and pupil % rows show the latest published year in the baseline "
          + "column (see each row's note); they are not forecast")
    }
    return Dashboard(
      laCode: forecast.laCode, laName: forecast.laName, years: years, rows: rows, notes: notes)
  }

  /// Shortfall/excess by phase of a setting type the register has places for:
  /// `planned places − demand` of the phase (`PhaseCapacityPlanner`), `−demand` for a phase
  /// with demand but no places, so the phases add up to the setting type's row.
  static func phaseRows(
    _ rows: [PhaseCapacityPlanner.Row], setting: SettingType, label: String, censusYears: [Int]
  ) -> [Dashboard.Row] {
    let inSetting = rows.filter { $0.setting == setting }
    guard inSetting.contains(where: { $0.plannedPlaces != nil }) else { return [] }
    return PlacesEntry.Phase.allCases.compactMap { phase in
      let inPhase = inSetting.filter { $0.phase == phase }
      guard inPhase.contains(where: { $0.plannedPlaces != nil || $0.demand > 0 }) else {
        return nil
      }
      return Dashboard.Row(
        key: "shortfall_excess_\(setting.rawValue)_\(phase.rawValue)",
        label: "Shortfall (-)/excess (+): \(label) (\(phase.rawValue))", unit: "places",
        values: censusYears.map { year in
          inPhase.first { $0.academicYear.censusYear == year }.map { row in
            row.shortfallExcess ?? (row.plannedPlaces == nil ? -row.demand : nil)
          } ?? nil
        },
        note:
          "planned \(phase.rawValue) places − demand of the ages they serve (primary 0-10, "
          + "secondary 11-15, post-16 16-25; all-through places shared by demand)")
    }
  }

  /// Rows from the flow files and the school census, each a baseline value only (the latest
  /// year published), the forecast years empty, with a note saying which year it is:
  /// assessment → plan = `assess_issued ÷ (assess_issued + assess_not_issued)` in the latest
  /// calendar year; % of new plans issued within 20 weeks (all plans, with exceptions);
  /// % of pupils with an EHC plan and with SEN support at the latest January school census.
  static func pipelineRows(
    flows: [PipelineYear], pupils: (censusYear: Int, entry: PupilSENPercentages.Entry)?,
    columns: Int
  ) -> [Dashboard.Row] {
    let empty = [Double?](repeating: nil, count: max(0, columns - 1))
    func flowRow(
      key: String, label: String, value: (PipelineYear) -> Double?, missing: String
    ) -> Dashboard.Row {
      guard let latest = flows.last(where: { value($0) != nil }) else {
        return Dashboard.Row(
          key: key, label: label, unit: "percent", values: [nil] + empty, note: missing)
      }
      return Dashboard.Row(
        key: key, label: label, unit: "percent", values: [value(latest)] + empty,
        note: "baseline: calendar year \(latest.calendarYear) (SEN2); years 1-5 not forecast")
    }
    var rows = [
      flowRow(
        key: "assessment_to_plan_pct", label: "% of EHC needs assessments that lead to a plan",
        value: { $0.assessmentToPlan.map { 100 * $0 } },
        missing: "no assessments data given (--assessments)"),
      flowRow(
        key: "new_plans_within_20_weeks_pct",
        label: "% of new EHC plans issued within 20 weeks", value: { $0.within20WeeksPercent },
        missing: "no timeliness data given (--timeliness)"),
    ]
    let pupilNote =
      pupils.map {
        "baseline: January \($0.censusYear) school census (latest published in the file); years 1-5 not forecast"
      } ?? "no school census percentages given (--pupil-sen)"
    rows.append(
      Dashboard.Row(
        key: "pupils_ehcp_pct", label: "% of pupils with an EHC plan", unit: "percent",
        values: [pupils?.entry.ehcPlanPercent] + empty, note: pupilNote))
    rows.append(
      Dashboard.Row(
        key: "pupils_sen_support_pct", label: "% of pupils with SEN support", unit: "percent",
        values: [pupils?.entry.senSupportPercent] + empty, note: pupilNote))
    return rows
  }
}
