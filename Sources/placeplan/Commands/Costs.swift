import ArgumentParser
import Foundation
import PlacePlanning
import PlacePlanningIO

extension PlacePlan {
  /// `placeplan costs`: INMS, transport and state specialist costs with Monte Carlo bands.
  struct Costs: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Project INMS, SEN transport and state specialist place costs, with 80% bands.",
      discussion: """
        Per academic year: INMS placements after overflow and their fees, transported \
        children and transport cost by setting type, state special and RP place costs, \
        capital. Bands come from a seeded Monte Carlo over the demand forecast and every \
        cost assumption's range in the cost model; the same seed gives the same output.
        """)

    @OptionGroup var data: DataOptions
    @OptionGroup var model: ModelOptions
    @OptionGroup var placesOptions: PlacesOptions
    @OptionGroup var costOptions: CostOptions

    @Option(
      help: ArgumentHelp("Scenario YAML to apply (default: the baseline).", valueName: "file"))
    var scenario: String?

    @Option(help: "Monte Carlo draws.")
    var draws: Int = 1000

    @Option(help: "Random seed.")
    var seed: UInt64 = 20_250_101

    func validate() throws {
      guard (1...100_000).contains(draws) else {
        throw ValidationError("--draws must be 1 to 100000, got \(draws)")
      }
      if data.la.lowercased() == "all" {
        throw ValidationError("--la all is not supported for costs; name one LA")
      }
    }

    func run() throws {
      let inputs = try LoadedInputs.load(
        data, population: model.loadsPopulation,
        requests: model.method.usesPlan, projection: nil)
      let register = try PlacesRegisterInput.load(placesOptions.places, inputs: inputs)
      let costModels = try costOptions.load()
      let chosen = try scenario.map { try CostOptions.scenarios([$0])[0] } ?? .baseline
      guard let baseline = try inputs.forecasts(data.la, model: model).first else {
        throw ExitCode.failure
      }
      // A scenario's child section changes the child-level forecast itself.
      let forecast =
        try ChildModelInputs.scenarioForecasts(
          [chosen], baseline: baseline, model: model, inputs: inputs, la: data.la)?.first
        ?? baseline
      let projector = try costOptions.projector(
        costModels, forecast: forecast, inputs: inputs, register: register, places: placesOptions)
      try CostOptions.requireAnchored([chosen], register: register, codes: projector.codes)
      let years = projector.project(forecast, scenario: chosen)
      let bands = CostSimulation(projector: projector).run(
        forecast, scenario: chosen, draws: draws, seed: seed)
      var parameters = model.parameters(la: data.la)
      parameters["scenario"] = chosen.name
      parameters["draws"] = String(draws)
      parameters["seed"] = String(seed)
      parameters["overflow_share"] = String(placesOptions.overflowShare)
      parameters["inms_to_spare"] = String(placesOptions.inmsToSpare)
      parameters["prices"] = "cash of each year, each cost line uprated by its own inflation"
      let provenance = Provenance(
        command: "costs",
        inputs: inputs.provenance + [placesOptions.provenance]
          + costOptions.provenance(scenarios: scenario.map { [$0] } ?? []),
        parameters: parameters)
      let text: String
      switch data.format {
      case .csv:
        try Output.deliverCSV(
          CostsWriter.costsCSV(
            laCode: forecast.laCode, scenario: chosen.name, years: years, bands: bands),
          to: data.out
        ) {
          try CostsWriter.costsJSON(
            laCode: forecast.laCode, scenario: chosen.name, years: years, bands: bands,
            provenance: provenance)
        }
        return
      case .json:
        text = try CostsWriter.costsJSON(
          laCode: forecast.laCode, scenario: chosen.name, years: years, bands: bands,
          provenance: provenance)
      case .table:
        text = CostsWriter.costsTable(
          laName: forecast.laName, scenario: chosen, years: years, bands: bands, draws: draws,
          seed: seed, provenance: provenance)
      case .xlsx:
        try Output.workbook(
          XLSXOutputs.table(
            CostsWriter.costsCSV(
              laCode: forecast.laCode, scenario: chosen.name, years: years, bands: bands),
            name: "Costs", title: "\(forecast.laName): costs, scenario \(chosen.name) (£ cash)"),
          provenance: provenance, to: data.out)
        return
      }
      try Output.deliver(text, to: data.out)
    }
  }
}
