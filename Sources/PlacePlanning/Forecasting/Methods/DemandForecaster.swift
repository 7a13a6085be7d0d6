import ForecastCore
import Foundation

/// Forecasts an LA's EHCP caseload by setting type from its census history.
///
/// Each setting type, and the total, is forecast on its own, then the additive setting types
/// are reconciled to the total in each forecast year by their forecast variances
/// (`SettingReconciliation`; `rp_sen_unit` takes `mainstream`'s factor) and checked
/// (`settle`). The
/// January census of year Y is paired with the ONS mid-(Y−1) population estimate, the latest
/// one made before it. A forecast through census T uses only censuses ≤ T and population
/// estimates ≤ mid-(T−1); later population comes from a supplied projection or by ageing.
public struct DemandForecaster: Sendable {
  /// What to forecast.
  public struct Options: Sendable {
    /// The last census to use; nil means the LA's latest.
    public var throughYear: Int?
    /// Census years ahead, 1…15.
    public var horizon: Int
    public var method: ForecastMethod
    /// The first census of the fitting window; nil means `defaultFirstCensus(through:)`.
    public var firstCensusYear: Int?
    /// Whether the forecast is for a reader: with the census rows it starts from, each fit's
    /// description and the notes. A backtest, which scores only the forecast rows, sets it
    /// false; the forecast rows are the same either way.
    public var forReader: Bool

    public init(
      throughYear: Int? = nil, horizon: Int = 5, method: ForecastMethod = .prevalence,
      firstCensusYear: Int? = nil, forReader: Bool = true
    ) {
      self.throughYear = throughYear
      self.horizon = horizon
      self.method = method
      self.firstCensusYear = firstCensusYear
      self.forReader = forReader
    }
  }

  /// The horizons the backtests can score; later years are projections.
  public static let scoredHorizons = 5

  /// The first census after the 2014 reform's statement-to-EHCP conversion ended (2018).
  public static let firstPostConversionCensus = 2019

  /// The default window start: 2019 when that leaves at least three censuses, since the
  /// 2015–2018 series mixes statements converting to plans with demand; otherwise the last
  /// five censuses.
  public static func defaultFirstCensus(through: Int) -> Int {
    through - firstPostConversionCensus >= 2 ? firstPostConversionCensus : through - 4
  }

  public let history: CaseloadHistory
  public let population: PopulationEstimates?
  public let populationProjection: PopulationEstimates?
  public let requests: RequestHistory?
  public let ageing: PopulationProjection
  /// Requests, new plans and ceased plans by calendar year, for the `flow` method.
  public let pipeline: PipelineHistory?
  /// The pooled-growth model, when England's series is known (from national rows, or the
  /// sum of the LAs).
  let pooledGrowth: PooledGrowth?
  /// The observed prevalences that forecasts are checked against.
  let plausibility: Plausibility

  public init(
    history: CaseloadHistory, population: PopulationEstimates?,
    populationProjection: PopulationEstimates? = nil, requests: RequestHistory? = nil,
    ageing: PopulationProjection = PopulationProjection(), pipeline: PipelineHistory? = nil
  ) {
    self.history = history
    self.pipeline = pipeline
    self.population = population
    self.populationProjection = populationProjection
    self.requests = requests
    self.ageing = ageing
    self.plausibility = Plausibility(history: history, population: population)
    self.pooledGrowth = history.englandSeries.map {
      PooledGrowth(national: $0, population: population, requests: requests)
    }
  }

  /// Forecasts one LA's series.
  ///
  /// `plan` carries what the `auto` method chose per setting type and the intervals
  /// calibrated on backtest errors; when nil for `auto`, `pooled` or `combined` it is made here (which
  /// backtests every LA, so callers forecasting many LAs should make it once with `plan`).
  public func forecast(
    _ series: CaseloadHistory.Series, options: Options, plan: ForecastPlan? = nil
  ) throws(ForecastError) -> LAForecast {
    try forecast(series, options: options, plan: plan, known: [:])
  }

  /// Forecasts of many LAs' series with one plan, made on every core and returned in the
  /// series' order (a failure in its LA's place).
  public func forecasts(
    _ series: [CaseloadHistory.Series], options: Options, plan: ForecastPlan?
  ) -> [Result<LAForecast, ForecastError>] {
    parallelMap(series.count) { index in
      Result { () throws(ForecastError) in
        try forecast(series[index], options: options, plan: plan)
      }
    }
  }

  /// The forecast, taking the methods' raw forecasts from `known` where given (made before
  /// from the same data up to the origin, to this horizon or further).
  func forecast(
    _ series: CaseloadHistory.Series, options: Options, plan: ForecastPlan?,
    known: [ForecastMethod: RawForecast]
  ) throws(ForecastError) -> LAForecast {
    let made = try settledForecast(series, options: options, plan: plan, known: known)
    var rows: [ForecastRow] = []
    for setting in SettingType.allCases {
      for record in series.records where options.forReader && record.censusYear <= made.through {
        guard let value = record[setting] else { continue }
        rows.append(
          ForecastRow(
            laCode: series.laCode, laName: series.laName, setting: setting,
            censusYear: record.censusYear, kind: .actual, value: value))
      }
      rows.append(contentsOf: made.rows[setting] ?? [])
    }
    return LAForecast(
      laCode: series.laCode, laName: series.laName, throughYear: made.through,
      censusYearsUsed: made.windowYears.sorted(), method: options.method, rows: rows,
      fits: made.fits, notes: made.notes)
  }

  /// An LA's forecast rows by setting type, settled (reconciled, capped, checked), with what
  /// a reader is told of them; what `forecast` returns without the census rows, and what a
  /// backtest scores.
  struct SettledForecast {
    let rows: PerSetting<[ForecastRow]>
    /// The last census used.
    let through: Int
    let windowYears: Set<Int>
    let fits: [SettingType: String]
    let notes: [String]
  }

  /// The forecast rows by setting type (see `forecast`).
  func settledForecast(
    _ series: CaseloadHistory.Series, options: Options, plan: ForecastPlan?,
    known: [ForecastMethod: RawForecast]
  ) throws(ForecastError) -> SettledForecast {
    guard (1...15).contains(options.horizon) else {
      throw .horizonOutOfRange(options.horizon)
    }
    guard let first = series.records.first, let last = series.records.last else {
      throw .unknownLocalAuthority(query: series.laCode, suggestions: [])
    }
    let through = options.throughYear ?? last.censusYear
    guard through >= first.censusYear else {
      throw .noCensusThrough(
        laCode: series.laCode, throughYear: through, firstCensus: first.censusYear)
    }
    if last.censusYear < through {
      guard let change = LocalAuthorityCodes.boundaryChange(involving: series.laCode) else {
        throw .throughAfterData(
          laCode: series.laCode, throughYear: through, lastCensus: last.censusYear)
      }
      throw .seriesEnded(
        laCode: series.laCode, lastCensus: last.censusYear,
        reason: change.summary + "; successors " + change.successors.joined(separator: ", "))
    }
    var notes: [String] = []
    if series.codes.count > 1 {
      notes.append(
        "series joined across LA codes \(series.codes.joined(separator: ", ")) (same area, recoded)"
      )
    }
    if let change = LocalAuthorityCodes.boundaryChange(involving: series.laCode),
      change.successors.contains(series.laCode)
    {
      notes.append(
        "series starts at the \(change.firstCensusOfSuccessors) census (\(change.summary)); "
          + "not joined with \(change.predecessors.joined(separator: ", "))")
    }

    let missing = series.settingsMissing(at: through) {
      PooledGrowth.carryStart($0, through: through)
    }
    if !missing.isEmpty {
      notes.append(
        "January \(through) publishes no count for \(missing.map(\.rawValue).joined(separator: ", ")) "
          + "in this LA (suppressed or not returned; the total is published): those setting "
          + "types start from the LA's latest census that has them, not from England's mix")
    }
    let usedPlan: ForecastPlan?
    if options.method.usesPlan {
      usedPlan = plan ?? self.plan(method: options.method, through: through)
    } else {
      usedPlan = nil
    }
    var methods = [options.method]
    if options.method == .auto {
      methods = ForecastMethod.autoCandidates.filter { candidate in
        usedPlan?.choices.values.contains { $0.method == candidate } ?? (candidate == .pooled)
      }
    }
    var raw: [ForecastMethod: RawForecast] = [:]
    // Forecasts made before, of the methods used here (and combined's parts), cut to this
    // horizon.
    let used = Set(methods + (methods.contains(.combined) ? ForecastMethod.combinedParts : []))
    var reusable: [ForecastMethod: RawForecast] = [:]
    for method in used {
      if let forecast = known[method], forecast.reaches(through + options.horizon) {
        reusable[method] = forecast.through(through + options.horizon)
      }
    }
    let made = rawForecasts(
      series, methods: methods, through: through, horizon: options.horizon,
      firstCensusYear: options.firstCensusYear, known: reusable)
    for method in methods {
      switch made[method] {
      case .success(let forecast): raw[method] = forecast
      case .failure(let error): throw error
      case nil: continue
      }
    }

    var forecasts: PerSetting<[ForecastRow]> = [:]
    var fits: [SettingType: String] = [:]
    var windowYears: Set<Int> = []
    for method in methods {
      guard let result = raw[method] else { continue }
      windowYears.formUnion(result.windowYears)
      notes.append(contentsOf: result.notes.filter { !notes.contains($0) })
    }
    for setting in SettingType.allCases {
      let choice = usedPlan?.choices[setting]
      let method = options.method == .auto ? (choice?.method ?? .pooled) : options.method
      guard var outcome = raw[method]?.outcomes[setting] else { continue }
      // The size band of the count at the origin, or of the latest census before it that
      // published one (a breakdown suppressed at T is not a count of 0).
      let countAtOrigin =
        series.count(of: setting, at: through)
        ?? series.latestCount(
          of: setting, through: through,
          earliest: PooledGrowth.carryStart(setting, through: through))?.count ?? 0
      if options.method.usesPlan, let intervals = choice?.intervals(forCount: countAtOrigin) {
        outcome.points = outcome.points.enumerated().map { index, point in
          let band = intervals.interval(around: point.mean, horizon: index + 1)
          return ForecastPoint(
            time: point.time, mean: point.mean, lower80: band.lower80, upper80: band.upper80,
            lower95: band.lower95, upper95: band.upper95)
        }
        outcome.hasIntervals = true
      }
      if options.forReader {
        fits[setting] =
          options.method == .auto
          ? "\(method.rawValue): \(outcome.description)" : outcome.description
      }
      if let note = outcome.note { notes.append("\(setting.rawValue): \(note)") }
      forecasts[setting] = rows(from: outcome, series: series, setting: setting)
    }
    if let usedPlan, options.forReader {
      notes.append(contentsOf: usedPlan.notes(for: options.method))
    }
    if options.method.reconcilesSettings {
      LongRunBend.bend(&forecasts, scored: Self.scoredHorizons)
    }
    notes += try settle(
      &forecasts, series: series, through: through, horizon: options.horizon,
      reconcile: options.method.reconcilesSettings, forReader: options.forReader)
    return SettledForecast(
      rows: forecasts, through: through, windowYears: windowYears, fits: fits, notes: notes)
  }
}
