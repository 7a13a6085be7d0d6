import ArgumentParser
import PlacePlanning
import PlacePlanningIO

/// The inputs of `--by need`: the SEN2 census and new plans by primary need.
enum NeedInputs {
  /// The splitter and the provenance entries of the files read; a bad file is a located
  /// error and a failure.
  static func load(_ options: NeedOptions) throws -> (
    splitter: NeedSplitter, inputs: [Provenance.Input]
  ) {
    let censusPath = DataOptions.resolve(options.needs)
    let caseload: NeedBreakdown
    var newPlans: NeedBreakdown?
    var inputs: [Provenance.Input] = []
    do {
      caseload = try NeedReader.read(path: censusPath)
      guard caseload.plans == .caseload else {
        Output.warn(
          "\(censusPath) counts new plans of \(caseload.year), not plans at a January census; give sen_needs_all_plans.csv to --needs and sen_need_newplans.csv to --need-new-plans"
        )
        throw ExitCode.failure
      }
      inputs.append(
        Provenance.Input(
          role: "plans by primary need", file: censusPath,
          layout: "SEN2 2025 release sen_needs_all_plans, January \(caseload.year)"))
      if options.needNewPlans.lowercased() != "none" {
        let newPath = DataOptions.resolve(options.needNewPlans)
        let loaded = try NeedReader.read(path: newPath)
        guard loaded.plans == .newPlans else {
          Output.warn(
            "\(newPath) counts plans at the January \(loaded.year) census, not new plans; give sen_need_newplans.csv to --need-new-plans (or 'none')"
          )
          throw ExitCode.failure
        }
        guard loaded.year == caseload.year - 1 else {
          Output.warn(
            "\(newPath) counts new plans of calendar \(loaded.year); the census by need is January \(caseload.year), whose new plans are calendar \(caseload.year - 1): give the same release's files"
          )
          throw ExitCode.failure
        }
        newPlans = loaded
        inputs.append(
          Provenance.Input(
            role: "new plans by primary need", file: newPath,
            layout: "SEN2 2025 release sen_need_newplans, calendar \(loaded.year)"))
      }
    } catch let error as InputError {
      Output.warn("\(error)")
      throw ExitCode.failure
    }
    return (NeedSplitter(caseload: caseload, newPlans: newPlans), inputs)
  }

  /// Every forecast split by need: an LA without a need breakdown is skipped with a
  /// warning, and it fails when none can be split. The provenance gains the files read,
  /// the method and the notes. The splitter is returned too, so that its breakdowns are read
  /// once.
  static func splitAll(
    _ forecasts: [LAForecast], inputs: LoadedInputs, options: NeedOptions,
    provenance: inout Provenance
  ) throws -> (
    splitter: NeedSplitter,
    items: [(forecast: LAForecast, codes: [String], split: NeedSplitter.Split)]
  ) {
    let (splitter, files) = try load(options)
    var splits: [(forecast: LAForecast, codes: [String], split: NeedSplitter.Split)] = []
    var notes: [String] = []
    for forecast in forecasts {
      let codes = inputs.codes(of: forecast)
      let split: NeedSplitter.Split?
      do {
        split = try splitter.split(forecast, codes: codes)
      } catch {
        Output.warn("\(error)")
        throw ExitCode.failure
      }
      guard let split else {
        Output.warn(
          "\(forecast.laCode) \(forecast.laName): no plans by need and type of placement in \(options.needs); not split by need"
        )
        continue
      }
      splits.append((forecast, codes, split))
      notes += split.notes.map { "\(forecast.laName): \($0)" }
    }
    guard !splits.isEmpty else { throw ExitCode.failure }
    provenance.inputs += files
    provenance.parameters["need"] = splitter.method
    if !notes.isEmpty { provenance.parameters["need_notes"] = notes.joined(separator: "; ") }
    return (splitter, splits)
  }

  /// The splitter for an optional part of an output (dashboard, report): a bad or missing
  /// need file is a warning and no split.
  static func loadOptional(_ options: NeedOptions) -> (
    splitter: NeedSplitter?, inputs: [Provenance.Input]
  ) {
    do {
      let (splitter, inputs) = try load(options)
      return (splitter, inputs)
    } catch {
      Output.warn("primary need rows left out")
      return (nil, [])
    }
  }

  /// One forecast's need rows for an optional part; a forecast that cannot be split is a
  /// warning and no rows.
  static func splitOptional(_ splitter: NeedSplitter?, forecast: LAForecast, codes: [String])
    -> [NeedForecastRow]
  {
    guard let splitter else { return [] }
    do {
      return try splitter.split(forecast, codes: codes)?.rows ?? []
    } catch {
      Output.warn("\(error); primary need rows left out")
      return []
    }
  }

  /// Need within age phase (`--by need --by phase`): each need split combined with the
  /// phase split of the same forecast by IPF (`NeedPhaseSplitter`). An LA that cannot be
  /// split by phase, or whose need file has no age rows, is skipped with a warning; it
  /// fails when none is left.
  static func withinPhase(
    _ needSplits: [(forecast: LAForecast, codes: [String], split: NeedSplitter.Split)],
    census: NeedBreakdown, inputs: LoadedInputs, ages: String, data: DataOptions,
    options: NeedOptions, provenance: inout Provenance
  ) throws -> [NeedForecastRow] {
    let phaseSplits = try PhaseInputs.splitAll(
      needSplits.map(\.forecast), inputs: inputs, ages: ages, data: data,
      provenance: &provenance)
    var rows: [NeedForecastRow] = []
    for item in needSplits {
      guard let phases = phaseSplits.first(where: { $0.forecast.laCode == item.forecast.laCode })
      else { continue }
      let combined = NeedPhaseSplitter.split(
        item.forecast, phases: phases.split.rows, needs: item.split.rows,
        census: census, codes: item.codes)
      if combined.isEmpty {
        Output.warn(
          "\(item.forecast.laCode) \(item.forecast.laName): no need by age in \(options.needs), or no phase split at its need census; not split by need within phase"
        )
      }
      rows += combined
    }
    guard !rows.isEmpty else { throw ExitCode.failure }
    provenance.parameters["need_within_phase"] =
      "need within phase: the census table (setting type x phase x need) estimated by IPF "
      + "from the phase split, the need split and the need file's need by age (all "
      + "placements), then raked each year to the setting type's phase and need splits; "
      + "census cells are estimates, not published counts"
    return rows
  }
}
