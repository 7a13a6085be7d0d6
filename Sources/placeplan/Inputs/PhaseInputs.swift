import ArgumentParser
import PlacePlanning
import PlacePlanningIO

/// The inputs of `--by phase`: the caseload by single year of age, and the new plans and
/// ceased plans by age from the SEN2 flow files.
enum PhaseInputs {
  /// The splitter and the provenance entries of the files read. A bad ages file is a
  /// located error and a failure when `agesRequired`, otherwise a warning and no splitter;
  /// bad flow files likewise when `flowsRequired`, otherwise a warning, and the splitter
  /// then uses cohort-change ratios. Commands built on the phases require both; the report,
  /// dashboard and s106, where phases are one section of many, carry on without them.
  static func load(
    ages: String, data: DataOptions, agesRequired: Bool = true, flowsRequired: Bool = true
  ) throws -> (splitter: PhaseSplitter?, inputs: [Provenance.Input]) {
    let agesPath = DataOptions.resolve(ages)
    let caseload: AgeCaseload
    do {
      caseload = try CaseloadByAgeReader.read(path: agesPath)
    } catch {
      Output.warn("\(error)")
      if agesRequired { throw ExitCode.failure }
      return (nil, [])
    }
    var inputs = [
      Provenance.Input(
        role: "caseload by age", file: agesPath,
        layout: "SEN2 2025 release, Child or young persons age")
    ]
    let newPlansPath = DataOptions.resolve(data.newPlans)
    let ceasedPath = DataOptions.resolve(data.ceasedPlans)
    do {
      let flows = try AgeFlowsReader.read(newPlans: newPlansPath, ceased: ceasedPath)
      inputs += [
        Provenance.Input(
          role: "new plans by age", file: newPlansPath,
          layout: "SEN2 2025 release, Age when plan started"),
        Provenance.Input(
          role: "ceased plans by age", file: ceasedPath,
          layout: "SEN2 2025 release, Age plan ceased"),
      ]
      return (PhaseSplitter(ages: caseload, flows: flows), inputs)
    } catch {
      Output.warn("\(error)")
      if flowsRequired { throw ExitCode.failure }
      Output.warn("new and ceased plans by age not read; ages are carried by cohort-change ratios")
      return (PhaseSplitter(ages: caseload), inputs)
    }
  }

  /// Every forecast split by phase, for `--by phase`: LAs without two censuses by age are
  /// skipped with a warning, and it fails when none can be split. The provenance gains the
  /// files read and how the phases were made.
  static func splitAll(
    _ forecasts: [LAForecast], inputs: LoadedInputs, ages: String, data: DataOptions,
    provenance: inout Provenance
  ) throws -> [(forecast: LAForecast, codes: [String], split: PhaseSplitter.Split)] {
    let (loaded, files) = try load(ages: ages, data: data)
    guard let splitter = loaded else { throw ExitCode.failure }
    var splits: [(forecast: LAForecast, codes: [String], split: PhaseSplitter.Split)] = []
    var notes: [String] = []
    for forecast in forecasts {
      let codes = inputs.codes(of: forecast)
      guard let split = splitter.split(forecast, codes: codes) else {
        Output.warn(
          "\(forecast.laCode) \(forecast.laName): no age breakdown for two censuses up to \(forecast.throughYear) in \(ages); phases need the 2024 and 2025 censuses"
        )
        continue
      }
      splits.append((forecast, codes, split))
      if !notes.contains(split.note) { notes.append(split.note) }
    }
    guard !splits.isEmpty else { throw ExitCode.failure }
    provenance.inputs += files
    provenance.parameters["phases"] = notes.joined(separator: "; ")
    return splits
  }
}
