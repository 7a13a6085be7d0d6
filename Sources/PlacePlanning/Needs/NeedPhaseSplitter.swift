/// Need within age phase for each setting type, by iterative proportional fitting (IPF).
///
/// SEN2 publishes, for one census, plans by need × type of placement and by need × age (all
/// placements), and separately plans by age × setting type: never the three together. The
/// census table `x_{k,p,n}` (setting type k, phase p, need n) is estimated from these
/// margins: starting from independence within each setting type, `P_{k,p} · N_{k,n} / F_k`,
/// it is scaled in turn to the setting types' phases `P_{k,p}` (the phase split), their
/// needs `N_{k,n}` (the need split) and all placements' need by phase `T_{p,n}` (the need
/// file's age rows), and finally to the setting types' own two margins exactly. Each forecast
/// year then rakes the census table of each setting type to that year's phase and need
/// splits (two-way IPF), which keeps the census's association between need and phase
/// within the setting type. RP/SEN units start from mainstream's table raked to their own
/// margins; `total` is the sum of the additive setting types.
///
/// The census cells are estimates, not published counts (rows of kind `actual` here are
/// only their margins' actuals), and intervals are the setting type's split in proportion.
public enum NeedPhaseSplitter {
  /// Cycles of three-way fitting at the census, then of two-way fitting to each year's
  /// margins (each cycle scales every margin once).
  static let threeWayCycles = 50
  static let twoWayCycles = 200
  /// Weight of the independence table mixed into a forecast year's seed, so that a phase or
  /// need with no children at the census can take the ones the margins give it.
  static let independenceWeight = 1e-6

  typealias Table = [[Double]]  // [phase][need], in AgePhase and PrimaryNeed order

  /// Rows by setting type, phase and need from the need census on; empty when the census
  /// year has no phase or need rows, or the need file has no age rows for the LA.
  public static func split(
    _ forecast: LAForecast, phases: [PhaseForecastRow], needs: [NeedForecastRow],
    census: NeedBreakdown, codes: [String]
  ) -> [NeedForecastRow] {
    let year0 = census.year
    guard let ages = census.ages(codes: codes) else { return [] }
    let phaseList = AgePhase.allCases
    let needList = PrimaryNeed.allCases
    // All placements' need by phase at the census, suppressed cells filled by England's.
    let englandAges = census.ages(codes: [CaseloadHistory.englandCode]) ?? [:]
    var allPlacements = Table(
      repeating: [Double](repeating: 0, count: needList.count), count: phaseList.count)
    for (age, cell) in ages {
      guard let p = phaseList.firstIndex(where: { $0.ages.contains(age) }) else { continue }
      let filled = cell.completed(fallback: englandAges[age]?.counts ?? [:])
      for (n, need) in needList.enumerated() { allPlacements[p][n] += filled[need] ?? 0 }
    }
    func margins(_ setting: SettingType, _ year: Int) -> (phase: [Double], need: [Double])? {
      let phaseRows = phases.filter { $0.row.setting == setting && $0.row.censusYear == year }
      let needRows = needs.filter { $0.row.setting == setting && $0.row.censusYear == year }
      guard !phaseRows.isEmpty, !needRows.isEmpty else { return nil }
      return (
        phaseList.map { phase in
          phaseRows.filter { $0.phase == phase }.reduce(0.0) { $0 + $1.row.value }
        },
        needList.map { need in
          needRows.filter { $0.need == need }.reduce(0.0) { $0 + $1.row.value }
        }
      )
    }
    // The census tables.
    var tables: [SettingType: Table] = [:]
    var census0: [SettingType: (phase: [Double], need: [Double])] = [:]
    for setting in SettingType.additiveParts {
      guard let margin = margins(setting, year0) else { return [] }
      census0[setting] = margin
      tables[setting] = independence(margin.phase, margin.need)
    }
    for _ in 0..<threeWayCycles {
      for setting in SettingType.additiveParts {
        guard let margin = census0[setting], let table = tables[setting] else { continue }
        tables[setting] = scaleNeeds(scalePhases(table, to: margin.phase), to: margin.need)
      }
      // All placements' need by phase.
      for p in phaseList.indices {
        for n in needList.indices {
          let sum = SettingType.additiveParts.reduce(0.0) { $0 + (tables[$1]?[p][n] ?? 0) }
          guard sum > 0 else { continue }
          let factor = allPlacements[p][n] / sum
          for setting in SettingType.additiveParts { tables[setting]?[p][n] *= factor }
        }
      }
    }
    for setting in SettingType.additiveParts {
      guard let margin = census0[setting], let table = tables[setting] else { continue }
      tables[setting] = rake(table, phase: margin.phase, need: margin.need)
    }
    if let mainstream = tables[.mainstream], let margin = margins(.rpSENUnit, year0) {
      tables[.rpSENUnit] = rake(
        mix(mainstream, independence(margin.phase, margin.need)), phase: margin.phase,
        need: margin.need)
    }
    // Every year: each setting type's census table raked to the year's margins.
    var result: [NeedForecastRow] = []
    let years = Set(needs.map(\.row.censusYear)).filter { $0 >= year0 }.sorted()
    for year in years {
      var yearTables: [SettingType: Table] = [:]
      for (setting, seed) in tables {
        guard let margin = margins(setting, year) else { continue }
        yearTables[setting] =
          year == year0
          ? seed
          : rake(
            mix(seed, independence(margin.phase, margin.need)), phase: margin.phase,
            need: margin.need)
      }
      if SettingType.additiveParts.allSatisfy({ yearTables[$0] != nil }) {
        var total = Table(
          repeating: [Double](repeating: 0, count: needList.count), count: phaseList.count)
        for setting in SettingType.additiveParts {
          guard let table = yearTables[setting] else { continue }
          for p in phaseList.indices { for n in needList.indices { total[p][n] += table[p][n] } }
        }
        yearTables[.total] = total
      }
      for setting in SettingType.allCases {
        guard let table = yearTables[setting],
          let row = forecast.rows.first(where: { $0.setting == setting && $0.censusYear == year })
        else { continue }
        for (p, phase) in phaseList.enumerated() {
          let inPhase = table[p].reduce(0, +)
          for (n, need) in needList.enumerated() {
            let share = inPhase > 0 ? table[p][n] / inPhase : 0
            let ofSetting = row.value > 0 ? table[p][n] / row.value : 0
            var cell = row.kind == .actual ? row : row.scaled(by: ofSetting)
            cell.value = table[p][n]
            cell = CountingNoise.floored(cell)
            result.append(NeedForecastRow(row: cell, need: need, share: share, phase: phase))
          }
        }
      }
    }
    return result.sorted {
      ($0.row.setting, $0.phase ?? .earlyYears, $0.row.censusYear, $0.need)
        < ($1.row.setting, $1.phase ?? .earlyYears, $1.row.censusYear, $1.need)
    }
  }

  /// `P_p · N_n / F`: phase and need independent.
  static func independence(_ phase: [Double], _ need: [Double]) -> Table {
    let total = phase.reduce(0, +)
    return phase.map { p in need.map { n in total > 0 ? p * n / total : 0 } }
  }

  /// `seed + ε · independence`, so that empty rows and columns can fill.
  static func mix(_ seed: Table, _ independence: Table) -> Table {
    zip(seed, independence).map { seedRow, independentRow in
      zip(seedRow, independentRow).map { $0 + independenceWeight * $1 }
    }
  }

  static func scalePhases(_ table: Table, to margin: [Double]) -> Table {
    table.enumerated().map { p, row in
      let sum = row.reduce(0, +)
      return sum > 0 ? row.map { $0 * margin[p] / sum } : row
    }
  }

  static func scaleNeeds(_ table: Table, to margin: [Double]) -> Table {
    var out = table
    for n in margin.indices {
      let sum = table.reduce(0.0) { $0 + $1[n] }
      guard sum > 0 else { continue }
      for p in out.indices { out[p][n] *= margin[n] / sum }
    }
    return out
  }

  /// Two-way IPF to phase and need margins (ending on the phases).
  static func rake(_ table: Table, phase: [Double], need: [Double]) -> Table {
    var out = table
    for _ in 0..<twoWayCycles { out = scalePhases(scaleNeeds(out, to: need), to: phase) }
    return out
  }
}
