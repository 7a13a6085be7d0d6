import ArgumentParser
import PlacePlanning
import PlacePlanningIO

/// The cost model file.
struct CostOptions: ParsableArguments {
  @Option(
    help: ArgumentHelp("Cost model YAML (unit costs with ranges and sources).", valueName: "file"))
  var costs: String = "Models/costs.yaml"

  @Option(
    help: ArgumentHelp(
      "Calibrate the INMS fee to the LA from the DfE High needs benchmarking extract (2021-22), uprated to the price base.",
      valueName: "file"))
  var calibrateInms: String?

  /// Reads the cost model, reporting a located error and failing on bad input.
  func load() throws -> CostModelSet {
    do {
      return try CostModelReader.read(path: DataOptions.resolve(costs))
    } catch {
      Output.warn("\(error)")
      throw ExitCode.failure
    }
  }

  /// The cost model for an LA, with its regional factor and, when asked, its own INMS fee.
  func model(_ models: CostModelSet, codes: [String], laName: String) throws -> CostModel {
    let model = models.model(for: codes)
    guard let calibrateInms else { return model }
    do {
      let perPlacement = try FinanceReader.inmsCostPerPlacement(
        path: DataOptions.resolve(calibrateInms), laName: laName)
      return model.calibratingINMSFee(
        perPlacement, priceYear: AcademicYear(startYear: 2021),
        source:
          "\(laName): NMSS/independent top-up ÷ INMS placements, DfE High needs benchmarking 2021-22 (\(calibrateInms))"
      )
    } catch {
      Output.warn("\(error)")
      throw ExitCode.failure
    }
  }

  /// Reads scenario files, reporting a located error and failing on bad input.
  static func scenarios(_ paths: [String]) throws -> [Scenario] {
    var scenarios: [Scenario] = []
    for path in paths {
      do {
        scenarios.append(try ScenarioReader.read(path: DataOptions.resolve(path)))
      } catch {
        Output.warn("\(error)")
        throw ExitCode.failure
      }
    }
    return scenarios
  }

  /// The cost model (and scenario files) as inputs of the provenance.
  func provenance(scenarios: [String] = []) -> [Provenance.Input] {
    [Provenance.Input(role: "costs", file: DataOptions.resolve(costs), layout: "cost model YAML")]
      + (calibrateInms.map {
        [
          Provenance.Input(
            role: "INMS fee calibration", file: $0, layout: "High needs benchmarking extract")
        ]
      } ?? [])
      + scenarios.map { Provenance.Input(role: "scenario", file: $0, layout: "scenario YAML") }
  }

  /// A cost projector for a forecast LA.
  func projector(
    _ models: CostModelSet, forecast: LAForecast, inputs: LoadedInputs, register: PlacesRegister,
    places: PlacesOptions
  ) throws -> CostProjector {
    let codes = inputs.codes(of: forecast)
    return CostProjector(
      model: try model(models, codes: codes, laName: forecast.laName), register: register,
      codes: codes, overflowShare: places.overflowShare,
      inmsToSpare: places.inmsToSpare)
  }

  /// Fails, naming what is missing, when a scenario's places change cannot be applied for
  /// the LA: costing it without its places would print £0 and "payback immediate".
  static func requireAnchored(_ scenarios: [Scenario], register: PlacesRegister, codes: [String])
    throws
  {
    var missing = false
    for scenario in scenarios {
      for change in ScenarioDemand.unanchoredChanges(scenario, register: register, codes: codes) {
        missing = true
        Output.warn(
          "scenario \(scenario.name) cannot be applied: \(change.name) adds \(change.setting.rawValue) places, but the places register has no \(change.setting.rawValue) places for \(codes.first ?? "this LA"), so its demand is not capacity-limited and the scenario would cost nothing; add the LA's places to the register (--places), or leave this scenario out"
        )
      }
    }
    if missing { throw ExitCode.failure }
  }

  /// The horizon of a business case: at least `businessCaseYears`, so that a new school's
  /// payback, years after it opens, falls within it.
  static let businessCaseYears = 10
}
