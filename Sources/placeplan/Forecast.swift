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
        The default method, auto, backtests the candidates (pooled growth, drift, linear-5, \
        naive) on every LA up to --through and uses, per setting type, the one with the \
        smallest error; its intervals come from those backtest errors. Pooled growth moves \
        each LA with England's growth, a quarter of its own excess growth, a pull towards \
        England's prevalence and its requests; setting types follow their share of the \
        total. The output says what was chosen and why.
        """)

    @OptionGroup var data: DataOptions

    @OptionGroup var model: ModelOptions

    @Option(
      help: ArgumentHelp(
        "ONS population projection (long layout as --population, or the SNPP wide layout); otherwise the estimates are aged forward.",
        valueName: "file"))
    var projection: String?

    func run() throws {
      let inputs = try LoadedInputs.load(
        data, population: model.method.needsPopulation || model.method.usesPlan,
        requests: model.method.usesPlan, projection: projection)
      let forecasts = try inputs.forecasts(data.la, model: model)

      let provenance = Provenance(
        command: "forecast",
        inputs: inputs.provenance,
        parameters: model.parameters(la: data.la))
      switch data.format {
      case .csv:
        try Output.deliver(ForecastWriter.csv(forecasts), to: data.out)
        if let out = data.out {
          try Output.deliver(
            ForecastWriter.provenanceJSON(forecasts, provenance: provenance),
            to: out + ".provenance.json")
        }
      case .json:
        try Output.deliver(ForecastWriter.json(forecasts, provenance: provenance), to: data.out)
      case .table:
        try Output.deliver(ForecastWriter.table(forecasts, provenance: provenance), to: data.out)
      }
    }
  }
}
