import ArgumentParser
import Foundation
import PlacePlanning
import PlacePlanningIO

extension PlacePlan {
  /// `placeplan child`: the LA's own child-level case data.
  struct ChildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "child", abstract: "The LA's own child-level EHCP data: a transition model.",
      subcommands: [Project.self, Validate.self])
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

    @OptionGroup var child: ChildOptions

    @Option(help: "Years to project after the last observed January.")
    var years: Int = 5

    @Option(help: "Break the counts down: total, setting, need, ncy or state.")
    var by: String = "total"

    func validate() throws {
      guard (1...15).contains(years) else {
        throw ValidationError("--years must be 1 to 15, got \(years)")
      }
      guard ChildProjection.Breakdown(rawValue: by) != nil else {
        throw ValidationError("--by must be one of total, setting, need, ncy, state")
      }
    }

    func run() throws {
      let (valid, transitionRows, people, years) = try child.load()
      let model = TransitionModel(
        transitions: transitionRows, population: people, valid: valid, years: years,
        priorStrength: child.priorStrength, joinerPopulation: child.chosenJoinerPopulation)
      let breakdown = ChildProjection.Breakdown(rawValue: by) ?? .total
      let last = years.upperBound
      let projection = ChildProjection(model: model, population: people).run(
        start: ChildProjection.stock(transitionRows, year: last), startYear: last + 1,
        years: self.years, simulations: child.simulations, seed: child.seed, by: breakdown)
      let provenance = child.provenance(
        command: "child project",
        parameters: [
          "training_years": "\(years.lowerBound)-\(last)",
          "start": "January \(last + 1): the states of the \(last) transitions",
          "aged_out_per_simulation": String(format: "%.1f", projection.agedOut),
          "population": "held at the last year in the file beyond it",
        ])
      let csv = ChildWriter.csv(projection.rows, breakdown: breakdown)
      switch child.format {
      case .csv: try Output.deliver(csv, to: child.out)
      case .json:
        try Output.deliver(
          ChildWriter.json(projection.rows, provenance: provenance), to: child.out)
      case .table:
        try Output.deliver(
          ChildWriter.table(projection.rows, breakdown: breakdown, provenance: provenance),
          to: child.out)
      case .xlsx:
        try Output.workbook(
          XLSXOutputs.table(csv, name: "Child-level projection"), provenance: provenance,
          to: child.out)
      }
    }
  }

  /// `placeplan child validate`.
  struct Validate: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Backtest the child-level model on the LA's own history, beside naive baselines.",
      discussion: """
        For each cut-off year Y (every transition year but the last): fit on the transitions \
        up to Y, start from January Y+1, project to the last observed January and compare \
        the total with what was observed: the simulations' mean and 95% interval, the last \
        count held (naive) and the last year's growth carried on.
        """)

    @OptionGroup var child: ChildOptions

    func run() throws {
      let (valid, transitionRows, people, years) = try child.load()
      let rows = ChildValidation.run(
        transitions: transitionRows, population: people, valid: valid,
        simulations: child.simulations, seed: child.seed, priorStrength: child.priorStrength,
        joinerPopulation: child.chosenJoinerPopulation)
      let provenance = child.provenance(
        command: "child validate",
        parameters: ["training_years": "\(years.lowerBound) to each cut-off year"])
      let csv = ChildWriter.validationCSV(rows)
      switch child.format {
      case .csv: try Output.deliver(csv, to: child.out)
      case .json:
        try Output.deliver(ChildWriter.validationJSON(rows, provenance: provenance), to: child.out)
      case .table:
        try Output.deliver(ChildWriter.validationTable(rows, provenance: provenance), to: child.out)
      case .xlsx:
        try Output.workbook(
          XLSXOutputs.table(csv, name: "Child-level validation"), provenance: provenance,
          to: child.out)
      }
    }
  }
}
