import ArgumentParser
import Foundation
import PlacePlanning
import PlacePlanningIO

extension PlacePlan {
  /// `placeplan forecast`: EHCP caseload by setting type with prediction intervals.
  struct Forecast: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Forecast EHCPs 0-25 by setting type, with 80% and 95% intervals.",
      discussion: """
        Fits each setting type's census series over the window (default: censuses from 2019, \
        after the 2014 reform's statement-to-EHCP conversion), forecasts the total and the \
        setting types and scales the setting types to sum to the total. The prevalence \
        method fits EHCPs per resident aged 0-25 by Poisson GLM and multiplies by the \
        projected population.
        """)

    @OptionGroup var data: DataOptions

    @Option(help: "Use only censuses up to this January (for honest backtests).")
    var through: Int?

    @Option(help: "Census years to forecast ahead (1-15).")
    var horizon: Int = 5

    @Option(
      help: "Forecast method: \(ForecastMethod.allCases.map(\.rawValue).joined(separator: ", ")).")
    var method: ForecastMethod = .auto

    @Option(
      help:
        "First census of the fitting window (default 2019, or the last five censuses before 2021).")
    var from: Int?

    @Option(
      help: ArgumentHelp(
        "ONS population projection (same long layout as --population); otherwise the estimates are aged forward.",
        valueName: "file"))
    var projection: String?

    func validate() throws {
      guard (1...15).contains(horizon) else {
        throw ValidationError("--horizon must be 1 to 15 census years, got \(horizon)")
      }
      if let through, !(2010...2100).contains(through) {
        throw ValidationError("--through must be a census year such as 2025, got \(through)")
      }
      if let from, let through, from > through - 2 {
        throw ValidationError(
          "--from \(from) leaves fewer than three censuses before --through \(through)")
      }
    }

    func run() throws {
      let inputs = try LoadedInputs.load(
        data, population: method.needsPopulation || method.usesPlan, requests: method.usesPlan,
        projection: projection)
      let forecaster = inputs.forecaster
      let isAll = data.la.lowercased() == "all"
      let selected = try inputs.select(data.la)
      let origin =
        through ?? (isAll ? inputs.latestCensus : selected.first?.records.last?.censusYear)
      let options = DemandForecaster.Options(
        throughYear: origin, horizon: horizon, method: method, firstCensusYear: from)
      let plan = method.usesPlan ? origin.map { forecaster.plan(method: method, through: $0) } : nil

      var forecasts: [LAForecast] = []
      var skipped = 0
      for series in selected {
        do {
          forecasts.append(try forecaster.forecast(series, options: options, plan: plan))
        } catch {
          skipped += 1
          Output.warn(isAll ? "skipped \(series.laCode) \(series.laName): \(error)" : "\(error)")
        }
      }
      if forecasts.isEmpty {
        if isAll { Output.warn("no LA could be forecast") }
        throw ExitCode.failure
      }
      if skipped > 0 { Output.warn("forecast \(forecasts.count) LAs, skipped \(skipped)") }

      let provenance = Provenance(
        command: "forecast",
        inputs: inputs.provenance,
        parameters: [
          "la": data.la, "method": method.rawValue, "horizon": String(horizon),
          "through": through.map(String.init) ?? "latest census",
          "window": from.map { "censuses from \($0)" }
            ?? "censuses from 2019 (or the last five before 2021)",
          "intervals": method.usesPlan
            ? "80% and 95%, empirical from backtest errors before the origin"
            : "80% and 95% prediction intervals (t quantiles)",
        ])
      do {
        switch data.format {
        case .csv:
          try Output.emit(ForecastWriter.csv(forecasts), to: data.out)
          let sidecar = ForecastWriter.provenanceJSON(forecasts, provenance: provenance)
          if let out = data.out {
            try Output.emit(sidecar, to: out + ".provenance.json")
          }
        case .json:
          try Output.emit(ForecastWriter.json(forecasts, provenance: provenance), to: data.out)
        case .table:
          try Output.emit(ForecastWriter.table(forecasts, provenance: provenance), to: data.out)
        }
      } catch {
        Output.warn("\(error)")
        throw ExitCode.failure
      }
    }
  }
}

extension ForecastMethod: ExpressibleByArgument {}
