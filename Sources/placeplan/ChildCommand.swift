import ArgumentParser
import Foundation
import PlacePlanning
import PlacePlanningIO

extension PlacePlan {
  /// `placeplan child`: the LA's own child-level case data.
  struct ChildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "child", abstract: "The LA's own child-level EHCP data: a transition model.",
      subcommands: [Project.self])
  }
}

extension PlacePlan.ChildCommand {
  /// `placeplan child project`.
  struct Project: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract:
        "Project the caseload child by child: setting, need and NCY, by seeded Monte Carlo.",
      discussion: """
        Each year every child ages one national curriculum year and leaves, moves setting or \
        stays, at rates estimated from the LA's transitions with pooling across each NCY \
        (Beta and Dirichlet posteriors, drawn once per simulation so that their uncertainty \
        carries through), and new children join at a rate per resident of each NCY. The \
        first row is the January after the last transition year. The same seed gives the \
        same output.
        """)

    @Option(help: ArgumentHelp("Transitions CSV (witan.send or native layout).", valueName: "file"))
    var transitions: String

    @Option(help: ArgumentHelp("Population by calendar year and NCY CSV.", valueName: "file"))
    var population: String

    @Option(
      help: ArgumentHelp("Valid states CSV: settings, NCY ranges, needs, moves.", valueName: "file")
    )
    var validStates: String

    @Option(help: "Monte Carlo simulations.")
    var simulations: Int = 1000

    @Option(help: "Random seed; the same seed gives the same output.")
    var seed: UInt64 = 20_250_101

    @Option(help: "Years to project after the last observed January.")
    var years: Int = 5

    @Option(help: "Break the counts down: total, setting, need, ncy or state.")
    var by: String = "total"

    @Option(help: "Prior strength (pseudo-children) pulling sparse states to their NCY's rates.")
    var priorStrength: Double = 2

    @Option(help: ArgumentHelp("Output format: table, csv or json.", valueName: "format"))
    var format: OutputFormat = .table

    @Option(help: ArgumentHelp("Write to this file (atomically).", valueName: "file"))
    var out: String?

    func validate() throws {
      guard (1...100_000).contains(simulations) else {
        throw ValidationError("--simulations must be 1 to 100000, got \(simulations)")
      }
      guard (1...15).contains(years) else {
        throw ValidationError("--years must be 1 to 15, got \(years)")
      }
      guard ChildProjection.Breakdown(rawValue: by) != nil else {
        throw ValidationError("--by must be one of total, setting, need, ncy, state")
      }
      guard priorStrength.isFinite, priorStrength >= 0 else {
        throw ValidationError("--prior-strength must be 0 or more")
      }
      if format == .xlsx && out == nil {
        throw ValidationError("--format xlsx writes a workbook: give --out FILE.xlsx")
      }
    }

    func run() throws {
      let valid: ValidStates
      let transitionRows: [ChildTransition]
      let people: ChildPopulation
      do {
        valid = try ChildLevelReader.validStates(path: validStates)
        transitionRows = try ChildLevelReader.transitions(path: transitions, valid: valid)
        people = try ChildLevelReader.population(path: population)
      } catch {
        Output.warn("\(error)")
        throw ExitCode.failure
      }
      let calendarYears = transitionRows.map(\.calendarYear)
      guard let first = calendarYears.min(), let last = calendarYears.max() else {
        throw ExitCode.failure
      }
      let model = TransitionModel(
        transitions: transitionRows, population: people, valid: valid, years: first...last,
        priorStrength: priorStrength)
      let breakdown = ChildProjection.Breakdown(rawValue: by) ?? .total
      let projection = ChildProjection(model: model, population: people).run(
        start: ChildProjection.stock(transitionRows, year: last), startYear: last + 1,
        years: years, simulations: simulations, seed: seed, by: breakdown)
      let provenance = Provenance(
        command: "child project",
        inputs: [
          .init(role: "transitions", file: transitions, layout: "child-level transitions"),
          .init(role: "population", file: population, layout: "population by NCY"),
          .init(role: "valid states", file: validStates, layout: "valid states"),
        ],
        parameters: [
          "simulations": String(simulations), "seed": String(seed),
          "training_years": "\(first)-\(last)", "prior_strength": String(priorStrength),
          "start": "January \(last + 1): the states of the \(last) transitions",
          "aged_out_per_simulation": String(format: "%.1f", projection.agedOut),
          "population": "held at the last year in the file beyond it",
        ])
      let csv = ChildWriter.csv(projection.rows, breakdown: breakdown)
      switch format {
      case .csv: try Output.deliver(csv, to: out)
      case .json:
        try Output.deliver(ChildWriter.json(projection.rows, provenance: provenance), to: out)
      case .table:
        try Output.deliver(
          ChildWriter.table(projection.rows, breakdown: breakdown, provenance: provenance),
          to: out)
      case .xlsx:
        try Output.workbook(
          XLSXOutputs.table(csv, name: "Child-level projection"), provenance: provenance, to: out)
      }
    }
  }
}
