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
        same output. With --by cost and --costs, each child is priced at its setting and \
        need's cost (£ a year).
        """)

    @OptionGroup var child: ChildOptions

    @Option(help: "Years to project after the last observed January.")
    var years: Int = 5

    @Option(
      help:
        "Break the counts down: total, setting, need, ncy or state; or cost (£ a year, with --costs)."
    )
    var by: String = "total"

    @Option(
      help: ArgumentHelp(
        "Cost of a year's placement by need and setting CSV (need,setting,cost), for --by cost.",
        valueName: "file"))
    var costs: String?

    func validate() throws {
      guard (1...15).contains(years) else {
        throw ValidationError("--years must be 1 to 15, got \(years)")
      }
      guard ChildProjection.Breakdown(rawValue: by) != nil || by == "cost" else {
        throw ValidationError("--by must be one of total, setting, need, ncy, state, cost")
      }
      if by == "cost" && costs == nil {
        throw ValidationError("--by cost needs the costs file: give --costs costs.csv")
      }
    }

    func run() throws {
      let (valid, transitionRows, people, years) = try child.load()
      let model = TransitionModel(
        transitions: transitionRows, population: people, valid: valid, years: years,
        priorStrength: child.priorStrength, joinerPopulation: child.chosenJoinerPopulation)
      let breakdown = ChildProjection.Breakdown(rawValue: by) ?? .total
      let last = years.upperBound
      let projector = ChildProjection(model: model, population: people)
      let start = ChildProjection.stock(transitionRows, year: last)
      var parameters = [
        "training_years": "\(years.lowerBound)-\(last)",
        "start": "January \(last + 1): the states of the \(last) transitions",
        "population": "held at the last year in the file beyond it",
      ]
      var projection: (rows: [ChildProjection.Row], agedOut: Double)
      if by == "cost", let costs {
        let prices: [String: [String: Double]]
        do {
          prices = try ChildLevelReader.costs(path: costs, valid: valid)
        } catch {
          Output.warn("\(error)")
          throw ExitCode.failure
        }
        // £ a year: each child at the cost of its setting and need; children in states
        // without a cost counted apart and reported.
        let price = { (state: ChildState) in prices[state.setting]?[state.need] }
        projection = projector.run(
          start: start, startYear: last + 1, years: self.years, simulations: child.simulations,
          seed: child.seed, keys: ["cost", "uncosted"],
          keysOf: { price($0) == nil ? ["uncosted"] : ["cost"] },
          weightOf: { price($0) ?? 1 })
        let uncosted = projection.rows.filter { $0.key == "uncosted" }.map(\.mean).max() ?? 0
        projection.rows = projection.rows.filter { $0.key == "cost" }.map {
          ChildProjection.Row(
            calendarYear: $0.calendarYear, key: "total", mean: $0.mean, median: $0.median,
            lower80: $0.lower80, upper80: $0.upper80, lower95: $0.lower95, upper95: $0.upper95)
        }
        parameters["costs"] = "\(costs): £ a year, each child at its setting and need's cost"
        parameters["children_without_a_cost"] = String(
          format: "%.1f (most in a year, mean)", uncosted)
      } else {
        projection = projector.run(
          start: start, startYear: last + 1, years: self.years, simulations: child.simulations,
          seed: child.seed, by: breakdown)
      }
      parameters["aged_out_per_simulation"] = String(format: "%.1f", projection.agedOut)
      let provenance = child.provenance(command: "child project", parameters: parameters)
      try Output.deliver(
        child.format, to: child.out, provenance: provenance, sheet: "Child-level projection",
        csv: { ChildWriter.csv(projection.rows, breakdown: breakdown) },
        json: {
          try ChildWriter.json(projection.rows, breakdown: breakdown, provenance: provenance)
        },
        table: { ChildWriter.table(projection.rows, breakdown: breakdown, provenance: provenance) })
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
      try Output.deliver(
        child.format, to: child.out, provenance: provenance, sheet: "Child-level validation",
        csv: { ChildWriter.validationCSV(rows) },
        json: { try ChildWriter.validationJSON(rows, provenance: provenance) },
        table: { ChildWriter.validationTable(rows, provenance: provenance) })
    }
  }
}
