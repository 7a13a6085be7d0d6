import ForecastCore
import PlacePlanTestSupport
import PlacePlanningIO
import XCTest

@testable import PlacePlanning

final class BacktesterTests: XCTestCase {
  private func westSussexReport(methods: [ForecastMethod]) throws -> BacktestReport {
    let records = try CaseloadReader.read(path: TestPaths.fixture("derived_extract.csv")).records
    let population = try PopulationReader.read(path: TestPaths.fixture("population_extract.csv"))
    let history = CaseloadHistory(records: records)
    let series = try XCTUnwrap(history.find("E10000032"))
    return Backtester(forecaster: DemandForecaster(history: history, population: population))
      .run(
        series: [series], options: .init(origins: 2018...2024, horizons: 1...3, methods: methods))
  }

  /// Hand calculation from the published West Sussex totals: 2019 5297, 2022 6346,
  /// 2024 7684, 2025 9301.
  func testBaselineErrorsByHand() throws {
    let report = try westSussexReport(methods: [.naive, .drift])
    let naive = try XCTUnwrap(
      report.cases.first {
        $0.method == .naive && $0.setting == .total && $0.origin == 2024 && $0.horizon == 1
      })
    XCTAssertEqual(naive.outcome.forecast, 7684)
    XCTAssertEqual(naive.outcome.actual, 9301)
    // APE = 100 × (9301 − 7684) / 9301 = 17.385…%
    XCTAssertEqual(naive.outcome.absolutePercentageError ?? .nan, 100 * 1617 / 9301, accuracy: 1e-9)
    let drift = try XCTUnwrap(
      report.cases.first {
        $0.method == .drift && $0.setting == .total && $0.origin == 2022 && $0.horizon == 3
      })
    // Three years of the 2019–2022 compound growth: 6346 × (6346/5297)^(3/3).
    XCTAssertEqual(drift.outcome.forecast, 6346 * 6346 / 5297, accuracy: 1e-9)
    // Every origin 2018–2024 has an outturn one year on: 7 cases per method at h = 1.
    XCTAssertEqual(report.summary(method: .naive, setting: .total, horizon: 1)?.accuracy.count, 7)
    XCTAssertEqual(report.summary(method: .naive, setting: .total, horizon: 3)?.accuracy.count, 5)
  }

  /// Forecasting many LAs on both cores gives, in the LAs' order, what forecasting each
  /// alone gives: the same rows, fits and notes, and the same failures in the same places
  /// (the five LAs whose series end at a reorganisation).
  func testForecastsOnBothCoresEqualForecastsMadeOneByOne() throws {
    let forecaster = try sampleForecaster()
    let series = forecaster.history.series
    let options = DemandForecaster.Options(throughYear: 2025, method: .auto)
    let plan = forecaster.plan(method: .auto, through: 2025)
    let together = forecaster.forecasts(series, options: options, plan: plan)
    XCTAssertEqual(together.count, series.count)
    var failures = 0
    for (one, result) in zip(series, together) {
      switch (
        Result { () throws(ForecastError) in
          try forecaster.forecast(one, options: options, plan: plan)
        }, result
      ) {
      case (.success(let alone), .success(let made)):
        XCTAssertEqual(made.laCode, one.laCode)
        XCTAssertEqual(made.rows, alone.rows, one.laCode)
        XCTAssertEqual(made.fits, alone.fits, one.laCode)
        XCTAssertEqual(made.notes, alone.notes, one.laCode)
      case (.failure(let alone), .failure(let made)):
        failures += 1
        XCTAssertEqual("\(made)", "\(alone)", one.laCode)
      default:
        XCTFail("\(one.laCode): made alone and together, one failed and one did not")
      }
    }
    XCTAssertEqual(failures, 5)
  }

  /// The plans of a rolling-origin backtest share their backtest forecasts (the cache),
  /// made once to the longest horizon: a plan for 2024 made after one for 2023 on the same
  /// cache chooses the same methods with the same scores and intervals as a plan made alone
  /// (which forecasts each origin only as far as 2024), so a cached forecast never lets a
  /// plan see outturns after its `through`.
  func testSharedBacktestForecastsChangeNoPlan() throws {
    let forecaster = try sampleForecaster()
    let cache = BacktestForecastCache()
    _ = forecaster.plan(method: .auto, through: 2023, cache: cache)
    let shared = forecaster.plan(method: .auto, through: 2024, cache: cache)
    let alone = forecaster.plan(method: .auto, through: 2024)
    XCTAssertFalse(cache.entries.isEmpty)
    for setting in SettingType.allCases {
      let a = try XCTUnwrap(shared.choices[setting])
      let b = try XCTUnwrap(alone.choices[setting])
      XCTAssertEqual(a.method, b.method, setting.rawValue)
      XCTAssertEqual(a.reason, b.reason)
      XCTAssertEqual(a.intervalStrata.map(\.intervals), b.intervalStrata.map(\.intervals))
      XCTAssertEqual(a.intervalStrata.map(\.upperCount), b.intervalStrata.map(\.upperCount))
    }
  }

  /// A plan for a method outside `auto`'s candidates may share a cache with `auto`'s plans
  /// (the cache keeps only the candidates' errors) and is the same as one made alone.
  func testPlanOfAnotherMethodWithASharedCacheEqualsOneMadeAlone() throws {
    let forecaster = try sampleForecaster()
    let cache = BacktestForecastCache()
    _ = forecaster.plan(method: .auto, through: 2023, cache: cache)
    for method in [ForecastMethod.linear, .auto] {
      let shared = forecaster.plan(method: method, through: 2024, cache: cache)
      let alone = forecaster.plan(method: method, through: 2024)
      for setting in SettingType.allCases {
        let a = try XCTUnwrap(shared.choices[setting])
        let b = try XCTUnwrap(alone.choices[setting])
        XCTAssertEqual(a.method, b.method, "\(method) \(setting)")
        XCTAssertEqual(a.reason, b.reason)
        XCTAssertEqual(a.intervalStrata.map(\.intervals), b.intervalStrata.map(\.intervals))
      }
    }
  }

  /// The backtester makes each candidate's forecast once per LA and origin (kept in the
  /// cache) and builds every method on it: each scored case equals the forecast made alone,
  /// from scratch, with the same plan.
  func testSharedCandidateForecastsEqualForecastsMadeAlone() throws {
    let forecaster = try sampleForecaster()
    let series = try ["E10000032", "E06000016", "E09000033"].map {
      try XCTUnwrap(forecaster.history.find($0))
    }
    let methods: [ForecastMethod] = [.auto, .combined, .drift, .linearRecent]
    let report = Backtester(forecaster: forecaster).run(
      series: series, options: .init(origins: 2022...2023, horizons: 1...2, methods: methods))
    var compared = 0
    for origin in 2022...2023 {
      for method in methods {
        let plan = method.usesPlan ? forecaster.plan(method: method, through: origin) : nil
        for la in series {
          let alone = try forecaster.forecast(
            la, options: .init(throughYear: origin, horizon: 2, method: method), plan: plan)
          for item in report.cases
          where report.laCode(of: item) == la.laCode && item.method == method
            && item.origin == origin
          {
            let row = try XCTUnwrap(
              alone.rows.first {
                $0.setting == item.setting && $0.censusYear == origin + item.horizon
                  && $0.kind == .forecast
              })
            XCTAssertEqual(item.outcome.forecast, row.value, "\(method) \(la.laCode) \(origin)")
            XCTAssertEqual(item.outcome.interval80?.lowerBound, row.lower80)
            XCTAssertEqual(item.outcome.interval95?.upperBound, row.upper95)
            compared += 1
          }
        }
      }
    }
    XCTAssertGreaterThan(compared, 150)
  }

  /// A forecast not for a reader (as the backtester makes them) has the same forecast rows,
  /// value for value, and skips only the census rows, the fits' descriptions and the notes.
  func testForecastNotForAReaderHasTheSameForecastRows() throws {
    let forecaster = try sampleForecaster()
    let la = try XCTUnwrap(forecaster.history.find("E10000032"))
    for method in [ForecastMethod.prevalence, .linear, .drift] {
      let read = try forecaster.forecast(la, options: .init(throughYear: 2023, method: method))
      let lean = try forecaster.forecast(
        la, options: .init(throughYear: 2023, method: method, forReader: false))
      XCTAssertEqual(lean.rows, read.rows.filter { $0.kind == .forecast }, method.rawValue)
      XCTAssertGreaterThan(read.rows.count, lean.rows.count)
      XCTAssertTrue(lean.fits.isEmpty)
      XCTAssertFalse(read.fits.isEmpty)
      XCTAssertLessThan(lean.notes.count, read.notes.count)
    }
  }

  /// Horizons beyond the five the plans score: the shared forecasts are made long enough
  /// (or made again), so every method is scored at every horizon asked for.
  func testSharedForecastsServeHorizonsBeyondFive() throws {
    let forecaster = try sampleForecaster()
    let series = try ["E10000032", "E06000016"].map { try XCTUnwrap(forecaster.history.find($0)) }
    let methods: [ForecastMethod] = [.drift, .pooled, .linear]
    let report = Backtester(forecaster: forecaster).run(
      series: series, options: .init(origins: 2018...2018, horizons: 1...7, methods: methods))
    let plan = forecaster.plan(method: .pooled, through: 2018)
    for method in methods {
      for la in series {
        let cases = report.cases.filter {
          report.laCode(of: $0) == la.laCode && $0.method == method && $0.setting == .total
        }
        XCTAssertEqual(cases.map(\.horizon).sorted(), Array(1...7), "\(method) \(la.laCode)")
        let alone = try forecaster.forecast(
          la, options: .init(throughYear: 2018, horizon: 7, method: method),
          plan: method.usesPlan ? plan : nil)
        for item in cases {
          let row = alone.rows.first {
            $0.setting == .total && $0.censusYear == 2018 + item.horizon && $0.kind == .forecast
          }
          XCTAssertEqual(item.outcome.forecast, row?.value, "\(method) h=\(item.horizon)")
        }
      }
    }
  }

  /// A forecast scored at origin T never sees censuses after T.
  func testOriginsUseOnlyEarlierData() throws {
    let report = try westSussexReport(methods: [.linear])
    for item in report.cases {
      XCTAssertGreaterThan(item.horizon, 0)
      XCTAssertLessThanOrEqual(item.origin + item.horizon, 2025)
    }
  }

  func testNarrativeNamesTheLAAndBaselines() throws {
    let records = try CaseloadReader.read(path: TestPaths.fixture("derived_extract.csv")).records
    let series = try XCTUnwrap(CaseloadHistory(records: records).find("E10000032"))
    let report = try westSussexReport(methods: [.linear, .linearRecent, .drift])
    let text = try XCTUnwrap(BacktestNarrative.summary(for: series, report: report))
    // The sentence gives the mean absolute % error of the LA's own origins, and says so.
    let linear = report.cases.filter {
      $0.method == .linear && $0.horizon == 3 && $0.setting == .total
    }
    let mean =
      linear.map { 100 * abs($0.outcome.forecast - $0.outcome.actual) / $0.outcome.actual }
      .reduce(0, +) / Double(linear.count)
    XCTAssertTrue(
      text.hasPrefix(
        "For West Sussex, three years ahead the linear method has missed the outturn by "
          + String(
            format: "%.1f%% on average (mean absolute %% error over %d origins; ", mean,
            linear.count)
          + "the table gives medians)"), text)
    XCTAssertTrue(text.contains("the simple trend (linear-5) by "), text)
  }

  /// The report groups cases by method, setting type and horizon whatever lists they come
  /// in: a list that mixes methods, and horizons far apart (summarised by lookup rather than
  /// by offset). Hand calculation: APEs of 10% and 30% give a median of 20%.
  func testReportGroupsMixedListsAndDistantHorizons() {
    func item(_ method: ForecastMethod, _ horizon: Int, _ forecast: Double) -> Backtester.Case {
      Backtester.Case(
        la: 0, method: method, setting: .total, origin: 2020, horizon: horizon,
        outcome: ForecastOutcome(forecast: forecast, actual: 100))
    }
    let lists = [
      [item(.naive, 1, 110), item(.drift, 1, 95)],
      [item(.naive, 1, 70), item(.naive, 100_000, 150)],
      [],
    ]
    for chunks in [lists, lists.map { $0.filter { $0.horizon == 1 } }] {
      let report = BacktestReport(laCodes: ["E10000032"], chunks: chunks)
      XCTAssertEqual(
        report.summary(method: .naive, setting: .total, horizon: 1)?.accuracy.medianAPE ?? .nan,
        20, accuracy: 1e-12)
      XCTAssertEqual(
        report.summary(method: .drift, setting: .total, horizon: 1)?.accuracy.medianAPE ?? .nan,
        5, accuracy: 1e-12)
      XCTAssertEqual(report.cases.count, chunks.joined().count)
    }
    let far = BacktestReport(laCodes: ["E10000032"], chunks: lists)
    XCTAssertEqual(
      far.summaries.map { "\($0.method.rawValue) \($0.horizon)" },
      ["naive 1", "naive 100000", "drift 1"])
    XCTAssertEqual(
      far.summary(method: .naive, setting: .total, horizon: 100_000)?.accuracy.medianAPE ?? .nan,
      50, accuracy: 1e-12)
  }
}
