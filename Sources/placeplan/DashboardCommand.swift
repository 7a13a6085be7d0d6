import ArgumentParser
import Foundation
import PlacePlanning
import PlacePlanningIO

extension PlacePlan {
  /// `placeplan dashboard`: the strategy's data dashboard, baseline and years 1–5.
  struct DashboardCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "dashboard",
      abstract: "The SEND strategy dashboard: baseline and years 1-5.",
      discussion: """
        Rows: total EHCPs 0-25; number and % of all EHCPs by setting type (placed numbers \
        after INMS overflow); planned places (special, SSC/RP); utilisation %; \
        shortfall/excess; INMS expenditure and SEN transport cost (empty, with the reason, \
        until a cost model is given).
        """)

    @OptionGroup var data: DataOptions
    @OptionGroup var model: ModelOptions
    @OptionGroup var placesOptions: PlacesOptions

    func run() throws {
      let inputs = try LoadedInputs.load(
        data, population: model.method.needsPopulation || model.method.usesPlan,
        requests: model.method.usesPlan, projection: nil)
      let register = try PlacesRegisterInput.load(placesOptions.places)
      var options = model
      options.horizon = max(model.horizon, 5)
      let forecasts = try inputs.forecasts(data.la, model: options)
      let planner = CapacityPlanner(overflowShare: placesOptions.overflowShare)
      let dashboards = forecasts.map { forecast in
        let codes = inputs.history.find(forecast.laCode)?.codes ?? [forecast.laCode]
        return DashboardBuilder.build(
          forecast: forecast,
          capacity: planner.plan(forecast: forecast, register: register, codes: codes))
      }
      var parameters = options.parameters(la: data.la)
      parameters["overflow_share"] = String(placesOptions.overflowShare)
      let provenance = Provenance(
        command: "dashboard",
        inputs: inputs.provenance + [
          Provenance.Input(
            role: "places", file: DataOptions.resolve(placesOptions.places),
            layout: "places register")
        ], parameters: parameters)
      let text: String
      switch data.format {
      case .csv: text = DashboardWriter.csv(dashboards)
      case .json: text = DashboardWriter.json(dashboards, provenance: provenance)
      case .table: text = DashboardWriter.table(dashboards, provenance: provenance)
      }
      do {
        try Output.emit(text, to: data.out)
      } catch {
        Output.warn("\(error)")
        throw ExitCode.failure
      }
    }
  }
}
