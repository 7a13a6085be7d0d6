import ArgumentParser
import Foundation
import PlacePlanning
import PlacePlanningIO

/// The inputs and Monte Carlo settings of `child project` and `child validate`.
struct ChildOptions: ParsableArguments {
  @Option(help: ArgumentHelp("Transitions CSV (witan.send or native layout).", valueName: "file"))
  var transitions: String

  @Option(help: ArgumentHelp("Population by calendar year and NCY CSV.", valueName: "file"))
  var population: String

  @Option(
    help: ArgumentHelp("Valid states CSV: settings, NCY ranges, needs, moves.", valueName: "file"))
  var validStates: String

  @Option(help: "Monte Carlo simulations.")
  var simulations: Int = 1000

  @Option(help: "Random seed; the same seed gives the same output.")
  var seed: UInt64 = 20_250_101

  @Option(help: "Prior strength (pseudo-children) pulling sparse states to their NCY's rates.")
  var priorStrength: Double = 2

  @Option(
    help:
      "Population joiners are divided by: year-before (the year before they join, as witan.send; chosen on the validation evidence) or year-joined."
  )
  var joinerPopulation: String = "year-before"

  @OptionGroup var output: OutputOptions

  /// The output format and file (`OutputOptions`).
  var format: OutputFormat { output.format }
  var out: String? { output.out }

  /// The joiner population asked for.
  var chosenJoinerPopulation: TransitionModel.JoinerPopulation {
    TransitionModel.JoinerPopulation(rawValue: joinerPopulation) ?? .yearBefore
  }

  func validate() throws {
    guard TransitionModel.JoinerPopulation(rawValue: joinerPopulation) != nil else {
      throw ValidationError(
        "--joiner-population must be year-before or year-joined, got \(joinerPopulation)")
    }
    guard (1...100_000).contains(simulations) else {
      throw ValidationError("--simulations must be 1 to 100000, got \(simulations)")
    }
    guard priorStrength.isFinite, priorStrength >= 0 else {
      throw ValidationError("--prior-strength must be 0 or more")
    }
    if format == .xlsx && out == nil {
      throw ValidationError("--format xlsx writes a workbook: give --out FILE.xlsx")
    }
  }

  /// The three files, read and checked; a located error and a failure on bad input.
  func load() throws -> (
    valid: ValidStates, transitions: [ChildTransition], population: ChildPopulation,
    years: ClosedRange<Int>
  ) {
    do {
      let valid = try ChildLevelReader.validStates(path: validStates)
      let rows = try ChildLevelReader.transitions(path: transitions, valid: valid)
      let people = try ChildLevelReader.population(path: population)
      let years = rows.map(\.calendarYear)
      guard let first = years.min(), let last = years.max() else { throw ExitCode.failure }
      return (valid, rows, people, first...last)
    } catch let error as InputError {
      Output.warn("\(error)")
      throw ExitCode.failure
    }
  }

  /// The inputs and settings for the provenance.
  func provenance(command: String, parameters: [String: String]) -> Provenance {
    Provenance(
      command: command,
      inputs: [
        .init(role: "transitions", file: transitions, layout: "child-level transitions"),
        .init(role: "population", file: population, layout: "population by NCY"),
        .init(role: "valid states", file: validStates, layout: "valid states"),
      ],
      parameters: parameters.merging([
        "simulations": String(simulations), "seed": String(seed),
        "prior_strength": String(priorStrength),
        "joiner_population": chosenJoinerPopulation.rawValue,
      ]) { own, _ in own })
  }
}
