import ArgumentParser
import Foundation
import PlacePlanning
import PlacePlanningIO

extension PlacePlan {
  /// `placeplan scenario`: business-case scenarios.
  struct ScenarioCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "scenario", abstract: "Business-case scenarios.",
      subcommands: [Compare.self])
  }
}

extension PlacePlan.ScenarioCommand {
  /// `placeplan scenario compare A.yaml B.yaml …`.
  struct Compare: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Compare scenarios side by side: costs by year, differences, NPV and payback.",
      discussion: """
        Per year: demand, places, shortfall/excess, INMS placements, INMS cost, transport \
        cost, state special and RP costs, capital, revenue and total cost; then the \
        differences against the first scenario, the net present value of total cost \
        (Green Book 3.5% real, at 2024/25 prices) and the payback year, each with a 10-90% \
        range from seeded draws of demand and of every cost assumption's range. The horizon \
        is at least 10 years, so that a new school's payback can fall within it.
        """)

    @Argument(help: "Scenario YAML files; the first is the comparison point.")
    var files: [String]

    @OptionGroup var data: DataOptions
    @OptionGroup var model: ModelOptions
    @OptionGroup var placesOptions: PlacesOptions
    @OptionGroup var costOptions: CostOptions

    @OptionGroup var business: BusinessCaseOptions

    func validate() throws {
      guard files.count >= 2 else { throw ValidationError("give at least two scenario files") }
      if data.la.lowercased() == "all" {
        throw ValidationError("--la all is not supported for scenario compare; name one LA")
      }
    }

    func run() throws {
      let scenarios = try CostOptions.scenarios(files)
      let inputs = try LoadedInputs.load(
        data, population: model.loadsPopulation,
        requests: model.method.usesPlan, projection: nil)
      let register = try PlacesRegisterInput.load(placesOptions.places, inputs: inputs)
      let costModels = try costOptions.load()
      let model = BusinessCaseOptions.horizon(self.model)
      guard let forecast = try inputs.forecasts(data.la, model: model).first else {
        throw ExitCode.failure
      }
      let projector = try costOptions.projector(
        costModels, forecast: forecast, inputs: inputs, register: register, places: placesOptions)
      try CostOptions.requireAnchored(scenarios, register: register, codes: projector.codes)
      let demand = try ChildModelInputs.scenarioForecasts(
        scenarios, baseline: forecast, model: model, inputs: inputs, la: data.la)
      let comparison = ScenarioComparison(
        scenarios: scenarios, forecast: forecast, projector: projector, draws: business.draws,
        seed: business.seed, forecasts: demand)
      for warning in comparison.unchangedWarnings { Output.warn(warning) }
      var parameters = model.parameters(la: data.la)
      parameters["scenarios"] = scenarios.map(\.name).joined(separator: ", ")
      parameters["overflow_share"] = String(placesOptions.overflowShare)
      parameters["inms_to_spare"] = String(placesOptions.inmsToSpare)
      parameters["draws"] = String(business.draws)
      parameters["seed"] = String(business.seed)
      parameters["npv"] =
        "cash deflated by general inflation to 2024/25 prices, discounted at the Green Book real rate"
      let provenance = Provenance(
        command: "scenario compare",
        inputs: inputs.provenance + [placesOptions.provenance]
          + costOptions.provenance(scenarios: files),
        parameters: parameters)
      let text: String
      switch data.format {
      case .csv:
        try Output.deliverCSV(CostsWriter.compareCSV(comparison), to: data.out) {
          try CostsWriter.compareJSON(comparison, provenance: provenance)
        }
        return
      case .json: text = try CostsWriter.compareJSON(comparison, provenance: provenance)
      case .table:
        text = CostsWriter.compareTable(comparison, laName: forecast.laName, provenance: provenance)
      case .xlsx:
        try Output.workbook(
          XLSXOutputs.scenarios(comparison, laName: forecast.laName), provenance: provenance,
          to: data.out)
        return
      }
      try Output.deliver(text, to: data.out)
    }
  }
}
