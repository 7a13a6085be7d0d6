import ArgumentParser
import PlacePlanning
import PlacePlanningIO

/// The caseload and population read for a command, with their provenance.
struct LoadedInputs {
  let history: CaseloadHistory
  let population: PopulationEstimates?
  let projection: PopulationEstimates?
  let requests: RequestHistory?
  let provenance: [Provenance.Input]

  /// The latest census in the caseload file.
  var latestCensus: Int? { history.series.compactMap { $0.records.last?.censusYear }.max() }

  /// Reads the files named by the options; prints a located error and fails on bad input.
  static func load(
    _ data: DataOptions, population needed: Bool, requests wanted: Bool, projection: String?
  ) throws -> LoadedInputs {
    let caseloadPath = DataOptions.resolve(data.caseload)
    let populationPath = DataOptions.resolve(data.population)
    do {
      let caseload = try CaseloadReader.read(path: caseloadPath)
      var inputs = [
        Provenance.Input(role: "caseload", file: caseloadPath, layout: caseload.layout.rawValue)
      ]
      var population: PopulationEstimates?
      var projected: PopulationEstimates?
      if needed {
        population = try PopulationReader.read(path: populationPath)
        inputs.append(
          Provenance.Input(
            role: "population", file: populationPath,
            layout: "ONS mid-year estimates, single year of age 0-25"))
        if let projection {
          projected = try PopulationReader.read(path: projection)
          inputs.append(
            Provenance.Input(
              role: "population projection", file: projection,
              layout: "ONS projection, single year of age 0-25"))
        }
      }
      var requests: RequestHistory?
      if wanted {
        let requestsPath = DataOptions.resolve(data.requests)
        requests = try RequestsReader.read(path: requestsPath)
        inputs.append(
          Provenance.Input(
            role: "requests", file: requestsPath,
            layout: "SEN2 requests for EHC needs assessments, calendar years"))
      }
      return LoadedInputs(
        history: CaseloadHistory(records: caseload.records), population: population,
        projection: projected, requests: requests, provenance: inputs)
    } catch {
      Output.warn("\(error)")
      throw ExitCode.failure
    }
  }

  /// A forecaster over these inputs.
  var forecaster: DemandForecaster {
    DemandForecaster(
      history: history, population: population, populationProjection: projection,
      requests: requests)
  }

  /// The series selected by `--la`: all of them, or the one named; fails with a hint.
  func select(_ query: String) throws -> [CaseloadHistory.Series] {
    if query.lowercased() == "all" { return history.series }
    guard let series = history.find(query) else {
      Output.warn(
        "\(ForecastError.unknownLocalAuthority(query: query, suggestions: history.suggestions(for: query)))"
      )
      throw ExitCode.failure
    }
    return [series]
  }
}
