extension DashboardBuilder {
  /// EHCPs by primary need (all settings): the published census counts in the baseline
  /// column, then the need split of the total forecast (`NeedSplitter`). Empty without a
  /// need split.
  static func needRows(_ rows: [NeedForecastRow], censusYears: [Int]) -> [Dashboard.Row] {
    let total = rows.filter { $0.row.setting == .total }
    guard !total.isEmpty else { return [] }
    return PrimaryNeed.allCases.map { need in
      let inNeed = total.filter { $0.need == need }
      return Dashboard.Row(
        key: "ehcps_need_\(need.rawValue)", label: "EHCPs with primary need \(need.abbreviation)",
        unit: "count",
        values: censusYears.map { year in inNeed.first { $0.row.censusYear == year }?.row.value },
        note: need == PrimaryNeed.allCases.first
          ? "baseline: SEN2 January census by primary need; years 1-5: each setting type's need mix carried forward by new plans' mix"
          : nil)
    }
  }

  /// Shortfall/excess by designation of a setting type whose register rows are designated:
  /// `designated places − demand of the needs they serve` (`NeedCapacityPlanner`), `−demand`
  /// for a group with demand but no places that year, so the groups add up to the setting
  /// type's row.
  static func designationRows(
    _ rows: [NeedCapacityPlanner.Row], setting: SettingType, label: String, censusYears: [Int]
  ) -> [Dashboard.Row] {
    let inSetting = rows.filter { $0.setting == setting }
    var designations: [Designation] = []
    for row in inSetting where !designations.contains(row.designation) {
      designations.append(row.designation)
    }
    return designations.map { designation in
      let inGroup = inSetting.filter { $0.designation == designation }
      return Dashboard.Row(
        key: "shortfall_excess_\(setting.rawValue)_need_\(designation.code)",
        label: "Shortfall (-)/excess (+): \(label) designated \(designation.code)",
        unit: "places",
        values: censusYears.map { year in
          inGroup.first { $0.academicYear.censusYear == year }.map { row in
            row.shortfallExcess ?? -row.demand
          }
        },
        note: designation == .generic
          ? "generic places − demand of the needs no designation names"
          : "places designated \(designation.code) − demand of those needs")
    }
  }
}
