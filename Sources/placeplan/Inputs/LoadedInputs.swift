import ArgumentParser
import PlacePlanning
import PlacePlanningIO

/// The caseload and population read for a command, with their provenance.
struct LoadedInputs {
  let history: CaseloadHistory
  let population: PopulationEstimates?
  let projection: PopulationEstimates?
  let requests: RequestHistory?
  /// The SEN2 flow files (requests, assessments, new plans, ceased, timeliness), when read.
  let pipeline: PipelineHistory?
  let provenance: [Provenance.Input]
  /// The flow files' paths, read on demand by the `flow` method.
  let pipelinePaths: [PipelineReader.File: String]

  /// The latest census in the caseload file.
  var latestCensus: Int? { history.series.compactMap { $0.records.last?.censusYear }.max() }

  /// Reads the files named by the options; prints a located error and fails on bad input.
  static func load(
    _ data: DataOptions, population needed: Bool, requests wanted: Bool, projection: String?,
    pipeline pipelineWanted: Bool = false
  ) throws -> LoadedInputs {
    let caseloadPath = DataOptions.resolve(data.caseload)
    let populationPath = DataOptions.resolve(data.population)
    let requestsPath = DataOptions.resolve(data.requests)
    // The population, flow and requests files (the largest inputs) are read on other threads
    // while the caseload is read here; their errors, if any, are still reported in the order
    // the files are named: caseload, population, flows, requests.
    let populationRead =
      needed
      ? Background {
        Result { () throws(InputError) in try PopulationReader.read(path: populationPath) }
      }
      : nil
    // The pipeline holds the requests file already when it is read.
    let requestsFromPipeline = pipelineWanted && data.pipelinePaths[.requests] != nil
    let requestsRead =
      wanted && !requestsFromPipeline
      ? Background {
        Result { () throws(InputError) in try RequestsReader.read(path: requestsPath) }
      }
      : nil
    let pipelinePaths = PipelineReader.Paths(files: data.pipelinePaths)
    let pipelineRead =
      pipelineWanted
      ? Background { Result { () throws(InputError) in try PipelineReader.read(pipelinePaths) } }
      : nil
    do {
      let caseload = try CaseloadReader.read(path: caseloadPath)
      var inputs = [
        Provenance.Input(role: "caseload", file: caseloadPath, layout: caseload.layout.rawValue)
      ]
      var population: PopulationEstimates?
      var projected: PopulationEstimates?
      if let populationRead {
        population = try populationRead.value.get()
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
      var pipeline: PipelineHistory?
      if let pipelineRead {
        pipeline = try pipelineRead.value.get()
        inputs += pipelineProvenance(data.pipelinePaths)
      }
      var requests: RequestHistory?
      if wanted {
        if let pipeline, requestsFromPipeline {
          requests = pipeline.requestHistory
        } else if let requestsRead {
          requests = try requestsRead.value.get()
          inputs.append(
            Provenance.Input(
              role: "requests", file: requestsPath,
              layout: "SEN2 requests for EHC needs assessments, calendar years"))
        }
      }
      return LoadedInputs(
        history: CaseloadHistory(records: caseload.records), population: population,
        projection: projected, requests: requests, pipeline: pipeline, provenance: inputs,
        pipelinePaths: data.pipelinePaths)
    } catch {
      Output.warn("\(error)")
      throw ExitCode.failure
    }
  }

  /// Provenance entries of the SEN2 flow files.
  static func pipelineProvenance(_ paths: [PipelineReader.File: String]) -> [Provenance.Input] {
    PipelineReader.File.allCases.compactMap { file in
      paths[file].map {
        Provenance.Input(
          role: "flow: \(file.rawValue)", file: $0,
          layout: "SEN2 2025 release, \"\(file.topic)\" rows, calendar years")
      }
    }
  }

  /// These inputs with the SEN2 flow files read (for the `flow` method), or as they are.
  func withPipeline() throws -> LoadedInputs {
    guard pipeline == nil else { return self }
    do {
      let read = try PipelineReader.read(PipelineReader.Paths(files: pipelinePaths))
      return LoadedInputs(
        history: history, population: population, projection: projection, requests: requests,
        pipeline: read, provenance: provenance + Self.pipelineProvenance(pipelinePaths),
        pipelinePaths: pipelinePaths)
    } catch {
      Output.warn("\(error)")
      throw ExitCode.failure
    }
  }

  /// Every code of a forecast LA's series.
  func codes(of forecast: LAForecast) -> [String] {
    history.find(forecast.laCode)?.codes ?? [forecast.laCode]
  }

  /// A forecaster over these inputs.
  var forecaster: DemandForecaster {
    DemandForecaster(
      history: history, population: population, populationProjection: projection,
      requests: requests, pipeline: pipeline)
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

  /// Forecasts the LAs selected by `--la`, making the plan of `auto`/`pooled` once. With
  /// `--la all`, LAs that cannot be forecast are reported on stderr and skipped.
  func forecasts(_ query: String, model: ModelOptions) throws -> [LAForecast] {
    if let folder = model.childModel {
      guard query.lowercased() != "all" else {
        Output.warn(
          "--child-model holds one LA's own records: name that LA with --la (not all)")
        throw ExitCode.failure
      }
      let series = try select(query)
      return try series.prefix(1).map {
        try ChildModelInputs.forecast(folder: folder, series: $0, model: model)
      }
    }
    let forecaster = model.method == .flow ? try withPipeline().forecaster : self.forecaster
    let isAll = query.lowercased() == "all"
    let selected = try select(query)
    // The file's latest census, for one LA as for all: an LA whose series ends before it
    // (Bournemouth, abolished in 2019) is told so and pointed to its successors, rather than
    // forecast from its own last census as if it still existed.
    let origin = model.through ?? latestCensus
    let options = DemandForecaster.Options(
      throughYear: origin, horizon: model.horizon, method: model.method,
      firstCensusYear: model.from)
    let plan =
      model.method.usesPlan
      ? origin.map { forecaster.plan(method: model.method, through: $0) } : nil
    var forecasts: [LAForecast] = []
    var skipped = 0
    for (series, result) in zip(
      selected, forecaster.forecasts(selected, options: options, plan: plan))
    {
      switch result {
      case .success(let forecast): forecasts.append(forecast)
      case .failure(let error):
        skipped += 1
        let message = describe(error)
        Output.warn(isAll ? "skipped \(series.laCode) \(series.laName): \(message)" : message)
      }
    }
    if forecasts.isEmpty {
      if isAll { Output.warn("no LA could be forecast") }
      throw ExitCode.failure
    }
    if skipped > 0 && isAll { Output.warn("forecast \(forecasts.count) LAs, skipped \(skipped)") }
    return forecasts
  }

  /// A forecast error, with the population file named when it lacks a year.
  func describe(_ error: any Error) -> String {
    if let forecastError = error as? ForecastError, case .populationMissing = forecastError,
      let file = provenance.first(where: { $0.role == "population" })?.file
    {
      return "\(file): \(forecastError)"
    }
    return "\(error)"
  }
}
