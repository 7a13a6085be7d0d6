import ForecastCore
import Foundation

extension DemandForecaster {
  /// The horizons whose skill decides `auto`'s choice, each counted only when scored from at
  /// least `selectionMinimumOrigins` origins (from January 2025, h = 1–4; from 2020, 1–3).
  static let selectionHorizons = 1...5
  static let selectionMinimumOrigins = 2
  /// How many of the latest backtest origins calibrate the intervals.
  static let calibrationOrigins = 3
  /// The horizon exponent of the total's intervals (estimated for setting types).
  static let totalIntervalExponent = 0.75

  /// Backtests the candidates of `method` (all of `ForecastMethod.autoCandidates` for
  /// `auto`, the method itself otherwise) on every LA at origins `through−5 … through−1`
  /// (not before 2016), scoring only outturns up to `through`, and decides per setting type.
  ///
  /// `auto` chooses, per setting type, the candidate with the lowest mean over horizons 1–5
  /// (those scored from at least two origins)
  /// of the median absolute percentage error across LAs. Skill is pooled across LAs rather
  /// than judged LA by LA because a single LA has at most five scored origins, too few to
  /// tell methods apart. Intervals come from the chosen method's one-step log errors at the
  /// last three origins (see `EmpiricalIntervals`).
  ///
  /// `cache` keeps the backtest forecasts made here for later plans at other origins (a
  /// rolling-origin backtest makes one plan per origin, and each reuses the forecasts of the
  /// origins before it); a forecast from origin o does not depend on the plan's `through`.
  /// For `auto`, `pooled` and `combined` it also keeps `auto`'s candidates' errors by origin
  /// and the gathered evidence of each plan origin (`PlanEvidence`), so the three plans at
  /// one origin, and the plans at later origins, gather no error twice.
  public func plan(
    method: ForecastMethod, through: Int, cache: BacktestForecastCache? = nil
  ) -> ForecastPlan {
    let candidates = method == .auto ? ForecastMethod.autoCandidates : [method]
    // With a cache, the errors of every candidate, gathered once per origin and read by
    // each method's plan at this origin.
    let evidence: PlanEvidence
    if let cache, candidates.allSatisfy(ForecastMethod.autoCandidates.contains) {
      if let known = cache.evidence[through] {
        evidence = known
      } else {
        evidence = PlanEvidence(
          forecaster: self, through: through, candidates: ForecastMethod.autoCandidates,
          cache: cache)
        cache.evidence[through] = evidence
      }
    } else {
      evidence = PlanEvidence(
        forecaster: self, through: through, candidates: candidates, cache: cache)
    }
    // Each setting type's choice on every core.
    let settings = SettingType.allCases
    let made = parallelMap(settings.count) { index in
      self.choice(
        for: settings[index], candidates: candidates, through: through, evidence: evidence)
    }
    var choices: [SettingType: ForecastPlan.Choice] = [:]
    for (index, setting) in settings.enumerated() { choices[setting] = made[index] }
    return ForecastPlan(through: through, origins: evidence.origins, choices: choices)
  }

  /// The choice of one setting type: the candidate with the lowest mean median APE over the
  /// horizons scored from enough origins, its intervals, and the reason in words.
  private func choice(
    for setting: SettingType, candidates: [ForecastMethod], through: Int,
    evidence: PlanEvidence
  ) -> ForecastPlan.Choice {
    let origins = evidence.origins
    let positions = candidates.compactMap(evidence.position(of:))
    let horizons = Self.selectionHorizons.filter { horizon in
      origins.filter {
        $0 + horizon <= through && Self.selects(setting, origin: $0, outturn: $0 + horizon)
      }.count >= Self.selectionMinimumOrigins
        && positions.allSatisfy {
          evidence.medianAbsolutePercentageError($0, setting, horizon) != nil
        }
    }
    let scores: [(method: ForecastMethod, score: Double)] = positions.compactMap { position in
      let medians = horizons.compactMap {
        evidence.medianAbsolutePercentageError(position, setting, $0)
      }
      return AccuracySummary.mean(medians).map { (evidence.candidates[position], $0) }
    }
    let chosen = scores.min { $0.score < $1.score }?.method ?? candidates[0]
    let recentErrors = { (horizon: Int) -> [(count: Double, error: Double)] in
      guard let position = evidence.position(of: chosen) else { return [] }
      return evidence.recentLogErrors(
        position, setting, horizon, origins: Self.calibrationOrigins)
    }
    let strata = Self.intervalStrata(
      oneStep: recentErrors(1),
      byHorizon: Dictionary(uniqueKeysWithValues: (1...5).map { ($0, recentErrors($0)) }),
      fixedExponent: setting == .total ? Self.totalIntervalExponent : nil,
      strata: setting == .total ? 1 : Self.strataCount)
    let span = origins.isEmpty ? "none" : "\(origins[0])-\(origins[origins.count - 1])"
    var reason: String
    if scores.count > 1, let best = scores.first(where: { $0.method == chosen }) {
      let others = scores.filter { $0.method != chosen }
        .map { "\($0.method.rawValue) \(Self.percent($0.score))" }.joined(separator: ", ")
      reason =
        "\(chosen.rawValue) chosen: backtest median APE \(Self.percent(best.score)) "
        + "(mean of h=\(horizons.map(String.init).joined(separator: ",")), origins \(span)) vs \(others)"
    } else if scores.isEmpty {
      reason =
        "\(chosen.rawValue): no comparable backtest cases (two origins or more) before \(through); the default"
    } else {
      reason = "\(chosen.rawValue): backtest origins \(span)"
    }
    let failed = positions.compactMap { position in
      evidence.failures[position] > 0
        ? "\(evidence.candidates[position].rawValue) \(evidence.failures[position])" : nil
    }
    if !failed.isEmpty {
      reason +=
        "; forecasts that could not be made and are not scored: "
        + failed.joined(separator: ", ")
    }
    return ForecastPlan.Choice(method: chosen, reason: reason, intervalStrata: strata)
  }

  /// The candidates' forecasts of each LA from `origin`, in the LAs' order, made on every
  /// core: taken from `cache` where made before, and kept there for later plans and the
  /// backtester. With a cache, each reaches at least `scoredHorizons` years, so that every
  /// later use (truncated with `RawForecast.through`) finds it whole.
  func candidateForecasts(
    _ eligible: [CaseloadHistory.Series], origin: Int, horizon: Int,
    candidates: [ForecastMethod], cache: BacktestForecastCache?
  ) -> [[ForecastMethod: RawForecast?]] {
    let longest = cache == nil ? horizon : max(horizon, Self.scoredHorizons)
    let known = eligible.map {
      cache?.entries[BacktestForecastCache.Key(laCode: $0.laCode, origin: origin)] ?? [:]
    }
    // Only the LAs with a candidate still to make are forecast.
    let toMake = eligible.indices.filter { index in
      candidates.contains { known[index][$0] == nil }
    }
    let made = parallelMap(toMake.count) { position in
      let index = toMake[position]
      return self.backtestForecasts(
        eligible[index], origin: origin, horizon: longest, candidates: candidates,
        known: known[index])
    }
    var complete = known
    for (position, index) in toMake.enumerated() {
      complete[index] = made[position]
    }
    for (index, series) in eligible.enumerated() {
      cache?.entries[BacktestForecastCache.Key(laCode: series.laCode, origin: origin)] =
        complete[index]
    }
    return complete
  }

  /// The candidates' forecasts of one LA from one origin for horizons 1…`horizon`, those in
  /// `known` (from a cache) kept and the rest made, each once (`combined` from its parts
  /// when they are candidates too); nil where a candidate could not forecast the LA.
  func backtestForecasts(
    _ series: CaseloadHistory.Series, origin: Int, horizon: Int, candidates: [ForecastMethod],
    known: [ForecastMethod: RawForecast?]
  ) -> [ForecastMethod: RawForecast?] {
    let made = rawForecasts(
      series, methods: candidates, through: origin, horizon: horizon, firstCensusYear: nil,
      known: known.compactMapValues { $0 })
    var full = known
    for candidate in candidates where full[candidate] == nil {
      full[candidate] = .some(try? made[candidate]?.get())
    }
    return full
  }

  /// Whether a backtest error of a setting type, forecast from `origin` for `outturn`,
  /// calibrates intervals. Setting types are recorded consistently from 2019 only (FE from
  /// 2015, the other settings from 2019), so their errors from earlier origins measure the
  /// recording filling in, not forecast error; FE and other errors across the 2023 census
  /// (the first collected child by child, which moved young people from FE into other) are
  /// left out for the same reason. Either would widen intervals beyond what later forecasts
  /// miss by. The total is recorded throughout.
  static func calibrates(_ setting: SettingType, origin: Int, outturn: Int) -> Bool {
    guard setting != .total else { return true }
    guard origin >= PooledGrowth.shareTrendStart else { return false }
    return !PooledGrowth.brokenAtRecordingBreak.contains(setting)
      || (origin >= PooledGrowth.recordingBreak) == (outturn >= PooledGrowth.recordingBreak)
  }

  /// Whether a backtest error of a setting type, forecast from `origin` for `outturn`,
  /// counts in `auto`'s choice of method. FE and other are comparable from 2019 only (FE
  /// entered the record in 2015 and grew as the reform extended plans to age 25; the other
  /// settings were first recorded in 2019) and not across the 2023 census; a method that
  /// happened to follow those recording changes is not thereby the better forecaster.
  static func selects(_ setting: SettingType, origin: Int, outturn: Int) -> Bool {
    guard PooledGrowth.brokenAtRecordingBreak.contains(setting) else { return true }
    return calibrates(setting, origin: origin, outturn: outturn)
  }

  /// How many size strata the intervals are calibrated in.
  static let strataCount = 3

  /// Intervals calibrated separately for LAs in the lower, middle and upper third of the
  /// count at the origin (relative errors of small counts are larger), for setting types;
  /// the total is calibrated in one band, its relative errors varying little with size. One
  /// band too when the errors are too few to split.
  static func intervalStrata(
    oneStep: [(count: Double, error: Double)], byHorizon: [Int: [(count: Double, error: Double)]],
    fixedExponent: Double?, strata strataWanted: Int
  ) -> [ForecastPlan.Stratum] {
    let counts = oneStep.map(\.count)
    var bounds: [Double] = []
    if strataWanted > 1, oneStep.count >= strataWanted * EmpiricalIntervals.minimumSample * 2 {
      bounds = (1..<strataWanted).compactMap {
        AccuracySummary.quantile(counts, Double($0) / Double(strataWanted))
      }
    }
    bounds.append(.infinity)
    var strata: [ForecastPlan.Stratum] = []
    var lower = -Double.infinity
    for upper in bounds {
      let inStratum = { (item: (count: Double, error: Double)) in
        item.count > lower && item.count <= upper
      }
      var quantiles: [Int: Double] = [:]
      for (horizon, errors) in byHorizon {
        if let q = AccuracySummary.quantile(errors.filter(inStratum).map { abs($0.error) }, 0.8) {
          quantiles[horizon] = q
        }
      }
      if let intervals = EmpiricalIntervals(
        oneStepErrors: oneStep.filter(inStratum).map(\.error), absoluteErrorQuantiles: quantiles,
        fixedExponent: fixedExponent)
      {
        strata.append(ForecastPlan.Stratum(upperCount: upper, intervals: intervals))
      }
      lower = upper
    }
    return strata
  }

  static func percent(_ value: Double) -> String { String(format: "%.1f%%", value) }
}
