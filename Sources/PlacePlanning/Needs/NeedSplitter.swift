/// Splits a forecast by setting type into primary needs.
///
/// The census need mix of each setting type (SEN2, January `T₀`) is carried forward by the
/// need mix of new plans (calendar year `T₀ − 1`, by type of placement). For setting type
/// `k` with forecast `F(t)`, need shares `s_n(t)`, new plans' need shares `a_n` and gross
/// intake rate `g = new plans / census plans` of that setting type:
/// ```
/// A(t) = min(g · F(t−1), F(t))                  new plans joining in year t
/// C(t) = A(t) − (F(t) − F(t−1))                 plans leaving (ceased or moved out)
/// N_n(t) = s_n(t−1) · (F(t−1) − C(t)) + a_n · A(t)
/// s_n(t) = N_n(t) / F(t)
/// ```
/// so the needs add up to the setting type's forecast every year. Leavers take the stock's
/// mix (SEN2 publishes ceased plans by age and reason, not need); growth beyond new plans
/// (`C < 0`: moves in from other setting types) comes with the stock's mix too.
/// Intervals are split by the same shares (`lower_n = lower · s_n`), then widened to the
/// need's own counting noise where narrower (`CountingNoise`): they carry the setting type's
/// forecast uncertainty and counting noise, not the need mix's, which is observed once.
///
/// `total` in forecast years is the sum of the additive setting types by need (so it agrees
/// with them); the census year shows the published counts. Suppressed cells are filled by
/// `NeedCell.completed` with England's mix of the same setting type.
public struct NeedSplitter: Sendable {
  /// Why a forecast cannot be split.
  public enum SplitError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The need census is after the forecast's last census: its mix would come from the future.
    case censusAfterOrigin(laCode: String, needCensus: Int, throughYear: Int)

    public var description: String {
      switch self {
      case .censusAfterOrigin(let code, let census, let through):
        return
          "\(code): the need breakdown is of January \(census), after this forecast's last "
          + "census (\(through)); splitting by it would use later data. Use --through \(census) "
          + "or later for --by need"
      }
    }
  }

  /// The split of one forecast.
  public struct Split: Sendable {
    public let rows: [NeedForecastRow]
    /// What a reader must know: suppressed cells filled, fallbacks.
    public let notes: [String]
  }

  public let caseload: NeedBreakdown
  public let newPlans: NeedBreakdown?

  public init(caseload: NeedBreakdown, newPlans: NeedBreakdown?) {
    self.caseload = caseload
    self.newPlans = newPlans
  }

  /// The method in words, for provenance.
  public var method: String {
    let flows =
      newPlans.map {
        "carried forward by the need mix of new plans of calendar \($0.year) by setting type "
          + "(N_n(t) = s_n(t-1)(F(t-1) - C) + a_n A, A = min(g F(t-1), F(t)), C = A - (F(t) - F(t-1)), "
          + "g = new plans / census plans)"
      } ?? "held at the census mix (no new plans by need supplied)"
    return
      "need: each setting type's January \(caseload.year) need mix (SEN2, \(caseload.source)) "
      + flows + "; leavers and moves in take the stock's mix; intervals split by the same "
      + "shares (no narrower than each need's counting noise) carry the setting type's uncertainty only (the need mix is observed once); "
      + "suppressed cells filled with England's mix of the setting type"
  }

  /// Rows by setting type and need from the need census on; nil when the LA has no need
  /// breakdown by setting type.
  public func split(_ forecast: LAForecast, codes: [String]) throws(SplitError) -> Split? {
    let census = caseload.year
    guard forecast.throughYear >= census else {
      throw .censusAfterOrigin(
        laCode: forecast.laCode, needCensus: census, throughYear: forecast.throughYear)
    }
    guard caseload.cell(codes: codes, setting: .mainstream) != nil else { return nil }
    var notes: [String] = []
    var rows: [NeedForecastRow] = []
    /// Carried-forward shares by setting type and year, for `total`.
    var carried: [SettingType: [Int: [PrimaryNeed: Double]]] = [:]
    let settings = SettingType.allCases.filter { setting in
      forecast.rows.contains { $0.setting == setting }
    }
    for setting in settings where setting != .total {
      let series = forecast.rows.filter { $0.setting == setting && $0.censusYear >= census }
        .sorted { $0.censusYear < $1.censusYear }
      guard let first = series.first, first.censusYear == census,
        let mix = mix(setting, codes: codes, notes: &notes)
      else { continue }
      var shares = mix.stock
      var previous = first.value
      carried[setting, default: [:]][census] = shares
      rows += PrimaryNeed.allCases.map { need in
        var row = first
        row.value = mix.published[need] ?? 0
        return NeedForecastRow(row: row, need: need, share: shares[need] ?? 0)
      }
      for row in series.dropFirst() {
        shares = Self.step(
          shares, from: previous, to: row.value, intake: mix.intake, rate: mix.rate)
        previous = row.value
        carried[setting, default: [:]][row.censusYear] = shares
        rows += Self.rows(row, shares: shares)
      }
    }
    if settings.contains(.total) {
      rows += totalRows(forecast, codes: codes, carried: carried, notes: &notes)
    }
    rows.sort {
      ($0.row.setting, $0.row.censusYear, $0.need) < ($1.row.setting, $1.row.censusYear, $1.need)
    }
    return Split(rows: rows, notes: notes)
  }

  /// One setting type's census mix and new-plan intake.
  struct Mix {
    /// Published counts with suppressed cells filled (census year rows).
    var published: [PrimaryNeed: Double]
    /// Census shares.
    var stock: [PrimaryNeed: Double]
    /// New plans' shares.
    var intake: [PrimaryNeed: Double]
    /// New plans per census plan, per year.
    var rate: Double
  }

  func mix(_ setting: SettingType, codes: [String], notes: inout [String]) -> Mix? {
    guard let cell = caseload.cell(codes: codes, setting: setting) else { return nil }
    let england = caseload.england(setting)?.counts ?? [:]
    if !cell.suppressed.isEmpty {
      notes.append(
        "\(setting.rawValue): \(cell.suppressed.map(\.rawValue).joined(separator: ", ")) "
          + "suppressed in January \(caseload.year), filled with England's mix of the setting type")
    }
    let published = cell.completed(fallback: england)
    var stock = Self.shares(published)
    if stock == nil {
      stock = Self.shares(england)
      notes.append(
        "\(setting.rawValue): no plans in January \(caseload.year); England's need mix used")
    }
    guard let stock else { return nil }
    var intake = stock
    var rate = 0.0
    if let newPlans, let newCell = newPlans.cell(codes: codes, setting: setting) {
      let completedNew = newCell.completed(
        fallback: newPlans.england(setting)?.counts ?? england)
      if let shares = Self.shares(completedNew), cell.total > 0 {
        intake = shares
        rate = newCell.total / cell.total
      }
    }
    return Mix(published: published, stock: stock, intake: intake, rate: rate)
  }

  /// Total rows: the published census counts, then the sum of the additive setting types
  /// by need (the total's own mix carried forward where a part is missing).
  func totalRows(
    _ forecast: LAForecast, codes: [String], carried: [SettingType: [Int: [PrimaryNeed: Double]]],
    notes: inout [String]
  ) -> [NeedForecastRow] {
    let census = caseload.year
    let series = forecast.rows.filter { $0.setting == .total && $0.censusYear >= census }
      .sorted { $0.censusYear < $1.censusYear }
    guard let first = series.first, first.censusYear == census,
      let own = mix(.total, codes: codes, notes: &notes)
    else { return [] }
    var rows = PrimaryNeed.allCases.map { need in
      var row = first
      row.value = own.published[need] ?? 0
      return NeedForecastRow(row: row, need: need, share: own.stock[need] ?? 0)
    }
    var shares = own.stock
    var previous = first.value
    for row in series.dropFirst() {
      shares = Self.step(shares, from: previous, to: row.value, intake: own.intake, rate: own.rate)
      previous = row.value
      var sums: [PrimaryNeed: Double] = [:]
      var complete = true
      for part in SettingType.additiveParts {
        guard let partShares = carried[part]?[row.censusYear],
          let partRow = forecast.rows.first(where: {
            $0.setting == part && $0.censusYear == row.censusYear
          })
        else {
          complete = false
          break
        }
        for need in PrimaryNeed.allCases {
          sums[need, default: 0] += partRow.value * (partShares[need] ?? 0)
        }
      }
      if complete, let partShares = Self.shares(sums) { shares = partShares }
      rows += Self.rows(row, shares: shares)
    }
    return rows
  }

  /// One year of the need mix: see the type's formula.
  static func step(
    _ shares: [PrimaryNeed: Double], from before: Double, to after: Double,
    intake: [PrimaryNeed: Double], rate: Double
  ) -> [PrimaryNeed: Double] {
    guard before > 0, after > 0 else { return before > 0 ? shares : intake }
    let joining = min(rate * before, after)
    let leaving = joining - (after - before)
    var next: [PrimaryNeed: Double] = [:]
    for need in PrimaryNeed.allCases {
      let count =
        (shares[need] ?? 0) * (before - leaving) + (intake[need] ?? 0) * joining
      next[need] = max(0, count) / after
    }
    return next
  }

  /// Shares of counts, in DfE order; nil when they sum to 0 or less.
  static func shares(_ counts: [PrimaryNeed: Double]) -> [PrimaryNeed: Double]? {
    let total = PrimaryNeed.allCases.reduce(0.0) { $0 + max(0, counts[$1] ?? 0) }
    guard total > 0, total.isFinite else { return nil }
    var shares: [PrimaryNeed: Double] = [:]
    for need in PrimaryNeed.allCases { shares[need] = max(0, counts[need] ?? 0) / total }
    return shares
  }

  /// A forecast row split by shares, value and intervals alike.
  static func rows(_ row: ForecastRow, shares: [PrimaryNeed: Double]) -> [NeedForecastRow] {
    PrimaryNeed.allCases.map { need in
      let share = shares[need] ?? 0
      return NeedForecastRow(row: row.part(share), need: need, share: share)
    }
  }
}
