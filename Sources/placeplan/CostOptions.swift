import ArgumentParser
import PlacePlanning
import PlacePlanningIO

/// The cost model file.
struct CostOptions: ParsableArguments {
  @Option(
    help: ArgumentHelp("Cost model YAML (unit costs with ranges and sources).", valueName: "file"))
  var costs: String = "Models/costs.yaml"

  /// Reads the cost model, reporting a located error and failing on bad input.
  func load() throws -> CostModelSet {
    do {
      return try CostModelReader.read(path: DataOptions.resolve(costs))
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
}
