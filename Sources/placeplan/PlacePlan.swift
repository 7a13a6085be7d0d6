import ArgumentParser
import ForecastCore
import PlacePlanning

/// The `placeplan` command: SEND place-planning forecasts for English local authorities.
@main
struct PlacePlan: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "placeplan",
    abstract: "Forecast EHCP caseload by setting type and plan specialist places.",
    version: PlacePlanVersion.current,
    subcommands: [
      Forecast.self, Backtest.self, Places.self, DashboardCommand.self, Costs.self, Report.self,
      ScenarioCommand.self, S106.self, Pipeline.self, ChildCommand.self, SelfTest.self,
      Bench.self,
    ])

  /// Runs the command, with OpenBLAS kept to the calling threads (`BLASThreads`).
  static func main() {
    BLASThreads.stopWorkers()
    main(nil)
  }
}
