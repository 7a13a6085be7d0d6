import ArgumentParser
import Foundation
import PlacePlanning
import PlacePlanningIO

extension PlacePlan {
  /// `placeplan backtest`: how wrong each method has been on the LA's own history.
  struct Backtest: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Score every method and the naive baselines on rolling origins.",
      discussion: """
        For each origin census, fits on data up to that January only, forecasts, and scores \
        each horizon against the census that followed: median and mean absolute percentage \
        error (APE), MASE, bias (mean signed % error) and the share of outturns inside the \
        80% and 95% intervals. Baselines: naive (last value), drift (last three years' \
        compound growth), linear-5 (straight line through the last five censuses).
        """)

    @OptionGroup var data: DataOptions

    @Option(help: "Origin censuses, e.g. 2018-2024.")
    var origins: YearRange = YearRange(2018...2024)

    @Option(help: "Horizons in census years, e.g. 1-5.")
    var horizons: YearRange = YearRange(1...5)

    @Option(
      help:
        "Methods to score, comma-separated (default all): \(ForecastMethod.allCases.map(\.rawValue).joined(separator: ", "))."
    )
    var methods: String?

    func validate() throws {
      guard horizons.range.lowerBound >= 1, horizons.range.upperBound <= 15 else {
        throw ValidationError("--horizons must lie within 1-15")
      }
      guard origins.range.lowerBound >= 2010 else {
        throw ValidationError("--origins must start at 2010 or later")
      }
      _ = try selectedMethods()
    }

    func selectedMethods() throws -> [ForecastMethod] {
      guard let methods else { return ForecastMethod.allCases }
      return try methods.split(separator: ",").map { name in
        guard let method = ForecastMethod(rawValue: name.trimmingCharacters(in: .whitespaces))
        else {
          throw ValidationError(
            "unknown method \"\(name)\"; use \(ForecastMethod.allCases.map(\.rawValue).joined(separator: ", "))"
          )
        }
        return method
      }
    }

    func run() throws {
      let methods = try selectedMethods()
      let inputs = try LoadedInputs.load(
        data, population: methods.contains { $0.needsPopulation || $0.usesPlan || $0 == .flow },
        requests: methods.contains { $0.usesPlan }, projection: nil,
        pipeline: methods.contains(.flow))
      let selected = try inputs.select(data.la)
      let backtester = Backtester(forecaster: inputs.forecaster)
      let options = Backtester.Options(
        origins: origins.range, horizons: horizons.range, methods: methods)
      let progress = Progress(label: "backtest")
      let report = backtester.run(series: selected, options: options) { done, total in
        progress.step("origins x methods", done, of: total)
      }
      progress.finish()
      guard !report.cases.isEmpty else {
        Output.warn(
          "nothing to score: no origin in \(origins.defaultValueDescription) has a later census")
        throw ExitCode.failure
      }
      let summaries =
        selected.count <= 20
        ? selected.compactMap { BacktestNarrative.summary(for: $0, report: report) } : []
      var provenance = Provenance(
        command: "backtest", inputs: inputs.provenance,
        parameters: [
          "la": data.la, "origins": origins.defaultValueDescription,
          "horizons": horizons.defaultValueDescription,
          "methods": methods.map(\.rawValue).joined(separator: ","),
          "scoring": "each origin fitted on censuses up to it only; outturn = the published census",
        ])
      if let unscored = report.unscoredSummary {
        provenance.parameters["not scored"] = unscored
        Output.warn(unscored)
      }
      try Output.deliver(
        data.format, to: data.out, provenance: provenance, sheet: "Backtest",
        csv: { BacktestWriter.csv(report) },
        json: { try BacktestWriter.json(report, summaries: summaries, provenance: provenance) },
        table: {
          BacktestWriter.table(
            report, settings: SettingType.allCases, summaries: summaries, provenance: provenance)
        })
      // The cases, the inputs and what shares them are released off the main thread,
      // which ends the process.
      releaseInBackground(
        (consume report, consume inputs, consume selected, consume backtester))
    }
  }
}
