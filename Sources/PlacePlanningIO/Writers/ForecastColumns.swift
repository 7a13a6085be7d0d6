import PlacePlanning

/// A forecast row with what it is broken down by: the age phase, the primary need, and its
/// share of the setting type (of the setting type's phase, for need within phase).
struct BreakdownRow: Sendable {
  let row: ForecastRow
  var phase: AgePhase?
  var need: PrimaryNeed?
  var share: Double?

  init(row: ForecastRow) { self.row = row }

  init(phase item: PhaseForecastRow) {
    row = item.row
    phase = item.phase
    share = item.share
  }

  init(need item: NeedForecastRow) {
    row = item.row
    phase = item.phase
    need = item.need
    share = item.share
  }
}

/// The columns of every forecast output, by setting type alone or by phase, need or both.
enum ForecastColumns {
  /// The columns: the LA, the setting type, the breakdown keys asked for, the census year,
  /// kind, EHCPs (census rows whole, or to `wholeCensus`'s rule; forecasts one decimal), the
  /// 80% and 95% intervals, the share (JSON to 0.0001, table as %) and the method.
  static func columns(
    phase: Bool = false, need: Bool = false,
    wholeCensus: @escaping @Sendable (ForecastRow) -> Bool = { _ in true }
  ) -> OutputColumns<BreakdownRow> {
    typealias Column = OutputColumn<BreakdownRow>
    var columns: [Column] = [
      Column("la_code", in: [.csv, .json]) { .text($0.row.laCode) },
      Column("la_name", in: [.csv, .json]) { .text($0.row.laName) },
      Column("setting_type", heading: "setting type") { .text($0.row.setting.rawValue) },
    ]
    if phase { columns.append(Column("phase") { .text($0.phase?.rawValue ?? "") }) }
    if need { columns.append(Column("need") { .text($0.need?.rawValue ?? "") }) }
    columns += [
      Column("census_year", heading: "census", alignsRight: true) { .integer($0.row.censusYear) },
      Column("kind") { .text($0.row.kind.rawValue) },
      Column("value", heading: "EHCPs") {
        .count(
          $0.row.value, decimals: $0.row.kind == .actual && wholeCensus($0.row) ? 0 : 1)
      },
      Column("lower80", "upper80", heading: "80% interval") {
        .interval($0.row.lower80, $0.row.upper80)
      },
      Column("lower95", "upper95", heading: "95% interval") {
        .interval($0.row.lower95, $0.row.upper95)
      },
      Column("share", in: [.json, .table]) {
        .fraction($0.share, places: 4, percentDecimals: 1)
      },
      Column("method") { .optionalText($0.row.method.isEmpty ? nil : $0.row.method) },
    ]
    return OutputColumns(columns)
  }
}
