import ArgumentParser
import Foundation
import PlacePlanning
import PlacePlanningIO

/// `--child-model FOLDER`: the LA's own child-level records, read and turned into an LA
/// forecast by setting type that places, dashboard, costs, scenarios and the report use in
/// place of the aggregate forecast. The model runs with `child project`'s defaults.
enum ChildModelInputs {
  static let seed: UInt64 = 20_250_101
  static let files = ["transitions.csv", "population.csv", "valid-states.csv", "setting-types.csv"]

  /// The forecast for the one LA the records belong to (`--la` names it; not `all`).
  static func forecast(
    folder: String, series: CaseloadHistory.Series, model: ModelOptions
  ) throws -> LAForecast {
    try run(folder: folder, series: series, model: model).forecast
  }

  /// The forecast and, from the same simulations, the projection by need and by NCY.
  static func run(
    folder: String, series: CaseloadHistory.Series, model options: ModelOptions,
    scenario: Scenario? = nil
  ) throws -> (forecast: LAForecast, breakdown: [ChildProjection.Row]) {
    let path = { (name: String) in URL(fileURLWithPath: folder).appendingPathComponent(name).path }
    do {
      let valid = try ChildLevelReader.validStates(path: path("valid-states.csv"))
      let transitions = try ChildLevelReader.transitions(
        path: path("transitions.csv"), valid: valid)
      let population = try ChildLevelReader.population(path: path("population.csv"))
      let map = try ChildLevelReader.settingTypes(path: path("setting-types.csv"), valid: valid)
      if let scenario { try check(scenario, valid: valid) }
      let years = transitions.map(\.calendarYear)
      guard let first = years.min(), let last = years.max() else { throw ExitCode.failure }
      // A scenario's history cuts leave transitions out of the fit, not out of the start.
      let model = TransitionModel(
        transitions: scenario?.child?.training(transitions) ?? transitions,
        population: population, valid: valid, years: first...last)
      let result = ChildForecast.run(
        model: model, population: population, transitions: transitions, map: map,
        laCode: series.laCode, laName: series.laName, horizon: options.horizon,
        simulations: options.childSimulations, seed: seed, scenario: scenario?.child)
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

  /// Each scenario's demand when the forecast is child-level: the model run under the
  /// scenario's `child` changes, or `baseline` (the same simulations unchanged) where it
  /// has none. Nil without `--child-model`, where a `child` section is an error.
  static func scenarioForecasts(
    _ scenarios: [Scenario], baseline: LAForecast, model: ModelOptions, inputs: LoadedInputs,
    la: String
  ) throws -> [LAForecast]? {
    guard let folder = model.childModel else {
      if let scenario = scenarios.first(where: { $0.child != nil }) {
        Output.warn(
          "\(scenario.source): its child section changes the child-level model; give --child-model FOLDER (the LA's own records), or leave the section out"
        )
        throw ExitCode.failure
      }
      return nil
    }
    guard let series = try inputs.select(la).first else { throw ExitCode.failure }
    return try scenarios.map { scenario in
      guard scenario.child != nil else { return baseline }
      return try run(folder: folder, series: series, model: model, scenario: scenario).forecast
    }
  }

  /// A scenario's child changes name only settings and needs of the valid states; the
  /// first that does not is located in the scenario file.
  static func check(_ scenario: Scenario, valid: ValidStates) throws {
    guard let child = scenario.child else { return }
    let needs = Set(valid.settings.values.flatMap(\.needs))
    // (path in the YAML, what is unknown, the valid choices)
    var unknown: [(path: String, name: String, choices: [String])] = []
    let settings = valid.order
    for (index, rate) in child.rates.enumerated() {
      let path = "child.rates[\(index + 1)]"
      unknown += rate.settings.filter { valid.settings[$0] == nil }.map {
        ("\(path).settings", "setting \($0)", settings)
      }
      unknown += rate.needs.filter { !needs.contains($0) }.map {
        ("\(path).needs", "need \($0)", needs.sorted())
      }
    }
    for (index, redirect) in child.redirects.enumerated() {
      let path = "child.redirects[\(index + 1)]"
      if valid.settings[redirect.setting] == nil {
        unknown.append(("\(path).setting", "setting \(redirect.setting)", settings))
      }
      if valid.settings[redirect.to] == nil {
        unknown.append(("\(path).to", "setting \(redirect.to)", settings))
      }
    }
    for (index, closure) in child.closures.enumerated()
    where valid.settings[closure.setting] == nil {
      unknown.append(
        ("child.closures[\(index + 1)].setting", "setting \(closure.setting)", settings))
    }
    guard let first = unknown.first else { return }
    let line = child.lines[first.path].map { ":\($0)" } ?? ""
    Output.warn(
      "\(scenario.source)\(line): \(first.path): \(first.name) is not in the valid states; fix: use one of \(first.choices.joined(separator: ", "))"
    )
    throw ExitCode.failure
  }
}
