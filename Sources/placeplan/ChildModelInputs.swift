import ArgumentParser
import Foundation
import PlacePlanning
import PlacePlanningIO

/// `--child-model FOLDER`: the LA's own child-level records, read and turned into an LA
/// forecast by setting type that places, dashboard, costs, scenarios and the report use in
/// place of the aggregate forecast. The model runs with `child project`'s defaults.
enum ChildModelInputs {
  static let simulations = 1000
  static let seed: UInt64 = 20_250_101
  static let files = ["transitions.csv", "population.csv", "valid-states.csv", "setting-types.csv"]

  /// The forecast for the one LA the records belong to (`--la` names it; not `all`).
  static func forecast(
    folder: String, series: CaseloadHistory.Series, horizon: Int
  ) throws -> LAForecast {
    try run(folder: folder, series: series, horizon: horizon).forecast
  }

  /// The forecast and, from the same simulations, the projection by need and by NCY.
  static func run(
    folder: String, series: CaseloadHistory.Series, horizon: Int
  ) throws -> (forecast: LAForecast, breakdown: [ChildProjection.Row]) {
    let path = { (name: String) in URL(fileURLWithPath: folder).appendingPathComponent(name).path }
    do {
      let valid = try ChildLevelReader.validStates(path: path("valid-states.csv"))
      let transitions = try ChildLevelReader.transitions(
        path: path("transitions.csv"), valid: valid)
      let population = try ChildLevelReader.population(path: path("population.csv"))
      let map = try ChildLevelReader.settingTypes(path: path("setting-types.csv"), valid: valid)
      let years = transitions.map(\.calendarYear)
      guard let first = years.min(), let last = years.max() else { throw ExitCode.failure }
      let model = TransitionModel(
        transitions: transitions, population: population, valid: valid, years: first...last)
      let result = ChildForecast.run(
        model: model, population: population, transitions: transitions, map: map,
        laCode: series.laCode, laName: series.laName, horizon: horizon,
        simulations: simulations, seed: seed)
      let forecast = result.forecast
      return (
        LAForecast(
          laCode: forecast.laCode, laName: forecast.laName, throughYear: forecast.throughYear,
          censusYearsUsed: forecast.censusYearsUsed, method: forecast.method, rows: forecast.rows,
          fits: forecast.fits,
          notes: [
            "child-level: records in \(folder) (\(files.joined(separator: ", "))), not the published aggregates"
          ] + forecast.notes),
        result.breakdown
      )
    } catch let error as InputError {
      Output.warn("\(error)")
      throw ExitCode.failure
    }
  }
}
