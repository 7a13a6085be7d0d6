import ForecastCore

/// Rolling-origin backtest: for each origin census, forecast from data up to it only, then
/// score each horizon against the census that followed.
///
/// The MASE scale of a case is the mean absolute one-year change over the last five censuses
/// up to the origin (four changes), the in-sample error of a naive forecast.
public struct Backtester: Sendable {
  /// What to score.
  public struct Options: Sendable {
    public var origins: ClosedRange<Int>
    public var horizons: ClosedRange<Int>
    public var methods: [ForecastMethod]
    public var settings: [SettingType]

    public init(
      origins: ClosedRange<Int> = 2018...2024, horizons: ClosedRange<Int> = 1...5,
      methods: [ForecastMethod] = ForecastMethod.models + ForecastMethod.baselines,
      settings: [SettingType] = SettingType.allCases
    ) {
      self.origins = origins
      self.horizons = horizons
      self.methods = methods
      self.settings = settings
    }
  }

  /// One forecast set against its outturn.
  ///
  /// Plain values only (the LA by its position, not its code), so that the hundreds of
  /// thousands of cases of a national backtest are gathered, grouped and released as plain
  /// memory, without reference counting.
  public struct Case: Sendable, Equatable {
    /// The LA's position in the series backtested (`BacktestReport.laCodes`).
    public let la: Int
    public let method: ForecastMethod
    public let setting: SettingType
    public let origin: Int
    public let horizon: Int
    public let outcome: ForecastOutcome
  }

  public let forecaster: DemandForecaster

  public init(forecaster: DemandForecaster) {
    self.forecaster = forecaster
  }

  /// The scored cases of one LA; origins the LA cannot be forecast from are skipped (every
  /// case's `la` is 0).
  public func cases(for series: CaseloadHistory.Series, options: Options) -> [Case] {
    Array(run(series: [series], options: options).cases)
  }

  /// Scores every series and summarises by method, setting type and horizon. Methods that
  /// need a plan (`auto`, `pooled`, `combined`) make it once per origin, from data up to that
  /// origin, sharing their backtest forecasts through one `BacktestForecastCache`.
  ///
  /// In three steps: the `auto` candidates' forecasts from every origin (each LA's on every
  /// core), the plans of every origin, then every method's forecasts of each LA from each
  /// origin (the LAs on every core). Cases are kept in the order origin, method, LA.
  /// `progress` is told (done, total) after each origin and method, as its cases are kept.
  public func run(
    series: [CaseloadHistory.Series], options: Options,
    progress: ((_ done: Int, _ total: Int) -> Void)? = nil
  ) -> BacktestReport {
    let origins = Array(options.origins)
    let methods = options.methods
    let cache = BacktestForecastCache()
    // The candidates' forecasts from each origin, made once: every method built on them
    // (auto, pooled, combined and the baselines) and the plans of later origins take them
    // from the cache. A plan adds only earlier origins' forecasts, so each origin's are
    // complete once made here.
    let candidates = ForecastMethod.autoCandidates.filter { candidate in
      methods.contains { $0 == candidate || $0.usesPlan }
    }
    var known: [[[ForecastMethod: DemandForecaster.RawForecast]]] = []
    for origin in origins {
      if !candidates.isEmpty {
        _ = forecaster.candidateForecasts(
          series.filter { $0.position(of: origin) != nil }, origin: origin,
          horizon: max(DemandForecaster.scoredHorizons, options.horizons.upperBound),
          candidates: candidates, cache: cache)
      }
      known.append(
        series.map {
          cache.entries[BacktestForecastCache.Key(laCode: $0.laCode, origin: origin)]?
            .compactMapValues { $0 } ?? [:]
        })
    }
    let plans = origins.map { origin in
      methods.map { method in
        method.usesPlan ? forecaster.plan(method: method, through: origin, cache: cache) : nil
      }
    }

    // Each forecast's cases stay in the list they were made in (in the order origin,
    // method, LA), not copied into one.
    var chunks: [[Case]] = []
    chunks.reserveCapacity(origins.count * methods.count * series.count)
    var unscored: [Unscored] = []
    for (originIndex, origin) in origins.enumerated() {
      let (plansHere, knownHere) = (plans[originIndex], known[originIndex])
      // The LAs on every core, each with every method, gathered in the LAs' order.
      let scored = parallelMap(series.count) { index in
        var scales = PerSetting<Double>()
        for setting in options.settings {
          scales[setting] = Self.scale(series: series[index], setting: setting, origin: origin)
        }
        return methods.indices.map { position in
          self.score(
            series[index], la: index, method: methods[position], origin: origin,
            plan: plansHere[position], options: options, known: knownHere[index], scales: scales)
        }
      }
      for position in methods.indices {
        for results in scored {
          switch results[position] {
          case .success(let cases): if !cases.isEmpty { chunks.append(cases) }
          case .failure(let failure): unscored.append(failure)
          }
        }
        progress?(originIndex * methods.count + position + 1, origins.count * methods.count)
      }
    }
    // The forecasts and plans kept for scoring are not needed by the report.
    releaseInBackground((consume cache, consume known, consume plans))
    return BacktestReport(laCodes: series.map(\.laCode), chunks: chunks, unscored: unscored)
  }

  private func score(
    _ series: CaseloadHistory.Series, la: Int, method: ForecastMethod, origin: Int,
    plan: ForecastPlan?,
    options: Options, known: [ForecastMethod: DemandForecaster.RawForecast],
    scales: PerSetting<Double>
  ) -> Result<[Case], Unscored> {
    guard let lastCensus = series.records.last?.censusYear, origin < lastCensus else {
      return .success([])
    }
    let horizon = min(options.horizons.upperBound, lastCensus - origin)
    guard horizon >= options.horizons.lowerBound else { return .success([]) }
    let request = DemandForecaster.Options(
      throughYear: origin, horizon: horizon, method: method, forReader: false)
    let forecast: DemandForecaster.SettledForecast
    do {
      forecast = try forecaster.settledForecast(
        series, options: request, plan: plan, known: known)
    } catch {
      return .failure(
        Unscored(
          laCode: series.laCode, method: method, origin: origin, reason: error.kind))
    }
    var cases: [Case] = []
    for setting in options.settings {
      let scale = scales[setting]
      for row in forecast.rows[setting] ?? [] where row.kind == .forecast {
        let h = row.censusYear - origin
        guard options.horizons.contains(h),
          let actual = series.count(of: setting, at: row.censusYear)
        else { continue }
        cases.append(
          Case(
            la: la, method: method, setting: setting, origin: origin, horizon: h,
            outcome: ForecastOutcome(
              forecast: row.value, actual: actual,
              interval80: Self.interval(row.lower80, row.upper80),
              interval95: Self.interval(row.lower95, row.upper95), scale: scale)))
      }
    }
    return .success(cases)
  }

  /// A forecast that could not be made, so is not scored.
  public struct Unscored: Sendable, Equatable, Error {
    public let laCode: String
    public let method: ForecastMethod
    public let origin: Int
    /// The kind of error, without LA-specific detail, so that reasons can be counted.
    public let reason: String
  }

  static func interval(_ lower: Double?, _ upper: Double?) -> ClosedRange<Double>? {
    guard let lower, let upper, lower <= upper else { return nil }
    return lower...upper
  }

  /// Mean absolute one-year change over the last five censuses up to `origin`.
  static func scale(series: CaseloadHistory.Series, setting: SettingType, origin: Int) -> Double? {
    let records = series.records
    let values = records.indices.filter {
      records[$0].censusYear <= origin && records[$0].censusYear > origin - 5
    }.compactMap { records[$0].counts[setting] }
    guard values.count >= 2 else { return nil }
    let changes = zip(values.dropFirst(), values).map { abs($0 - $1) }
    return changes.reduce(0, +) / Double(changes.count)
  }
}
