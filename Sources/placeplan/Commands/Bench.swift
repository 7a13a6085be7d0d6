import ArgumentParser
import ForecastCore
import Foundation
import PlacePlanning
import PlacePlanningIO

extension PlacePlan {
  /// `placeplan bench`: reading speed, fits per second and forecast time (for `make bench`).
  struct Bench: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Measure reading speed, model fits per second and the all-LA forecast time.",
      shouldDisplay: false)

    @Option(
      name: .customLong("caseload-2025"),
      help: ArgumentHelp("The SEN2 2025 release caseload.csv.", valueName: "file"))
    var caseload2025: String

    @Option(
      name: .customLong("caseload-2022"),
      help: ArgumentHelp("The SEN2 2022 release sen2_estab_caseload.csv.", valueName: "file"))
    var caseload2022: String

    @OptionGroup var data: DataOptions

    @Option(help: "Repetitions of each measurement; the best is reported.")
    var repeats: Int = 3

    func run() throws {
      for path in [caseload2025, caseload2022] {
        try timeRead(path, unit: "LA-year records") {
          try CaseloadReader.read(path: $0).records.count
        }
      }
      try timeRead(DataOptions.resolve(data.population), unit: "areas") {
        try PopulationReader.read(path: $0).names.count
      }
      try timeRead(DataOptions.resolve(data.requests), unit: "areas") {
        try RequestsReader.read(path: $0).areaCount
      }

      let history = CaseloadHistory(
        records: try CaseloadReader.read(path: DataOptions.resolve(data.caseload)).records)
      let population = try PopulationReader.read(path: DataOptions.resolve(data.population))
      guard let series = history.find("E10000032") else { throw ExitCode.failure }
      let window = series.records.filter { $0.censusYear >= 2019 }
      let times = window.map(\.censusYear)
      let values = window.compactMap { $0[.total] }
      let exposure = times.map {
        population.total0to25(for: LocalAuthorityCodes.aliases(of: "E10000032"), midYear: $0 - 1)
          ?? 0
      }
      for kind in TrendKind.allCases {
        let model = TrendModel(kind: kind)
        let fits = 2000
        let start = DispatchTime.now().uptimeNanoseconds
        for _ in 0..<fits {
          _ = try model.fit(times: times, values: values, exposure: exposure)
        }
        let elapsed = seconds(since: start)
        print(
          String(format: "fit %@ (7 censuses): %.0f fits/s", kind.rawValue, Double(fits) / elapsed))
      }

      let requests = try RequestsReader.read(path: DataOptions.resolve(data.requests))
      let forecaster = DemandForecaster(
        history: history, population: population, requests: requests)
      // The flow method needs the flow files; `placeplan backtest --methods flow` times it.
      let through = history.series.compactMap { $0.records.last?.censusYear }.max() ?? 2025
      for method in ForecastMethod.allCases where method != .flow {
        let start = DispatchTime.now().uptimeNanoseconds
        let plan = method.usesPlan ? forecaster.plan(method: method, through: through) : nil
        var done = 0
        for series in history.series {
          let options = DemandForecaster.Options(throughYear: through, method: method)
          if (try? forecaster.forecast(series, options: options, plan: plan)) != nil { done += 1 }
        }
        print(
          String(
            format:
              "forecast all LAs in-process, %@: %d LAs x 9 setting types in %.3f s (plan included)",
            method.rawValue, done, seconds(since: start)))
      }
    }

    /// Reads `path` `repeats` times with `read` (which returns how many `unit` it found) and
    /// prints the best time and MB/s.
    private func timeRead(
      _ path: String, unit: String, _ read: (String) throws -> Int
    ) throws {
      let bytes = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
      var best = Double.infinity
      var count = 0
      for _ in 0..<max(1, repeats) {
        let start = DispatchTime.now().uptimeNanoseconds
        count = try read(path)
        best = min(best, seconds(since: start))
      }
      print(
        String(
          format: "read %@: %.1f MB in %.3f s = %.1f MB/s (%d %@)",
          (path as NSString).lastPathComponent, Double(bytes) / 1e6, best,
          Double(bytes) / 1e6 / best, count, unit))
    }

    private func seconds(since start: UInt64) -> Double {
      Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    }
  }
}
