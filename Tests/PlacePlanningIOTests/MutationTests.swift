import ForecastCore
import PlacePlanTestSupport
import PlacePlanning
import XCTest

@testable import PlacePlanningIO

/// Seeded mutation test: real files with random byte and field damage must give a result or
/// a located error, never a crash. A crash would end the test process, failing the run.
final class MutationTests: XCTestCase {
  func testMutatedFilesGiveResultsOrLocatedErrors() throws {
    var generator = SeededGenerator(seed: 20_251_124)
    let fixtures = [
      "derived_extract.csv", "caseload2025_extract.csv", "estab2022_extract.csv",
    ]
    let population = try PopulationReader.read(path: TestPaths.fixture("population_extract.csv"))
    var parsed = 0
    var located = 0
    var forecasts = 0
    let runsPerFile = 1200
    for name in fixtures {
      let original = Array(try Data(contentsOf: URL(fileURLWithPath: TestPaths.fixture(name))))
      for run in 0..<runsPerFile {
        let bytes = Mutator.mutate(original, using: &generator)
        guard let text = String(bytes: bytes, encoding: .utf8) else { continue }
        do {
          let records = try CaseloadReader.parse(text: text, file: name).records
          parsed += 1
          // Every few runs, push the damaged records through the forecaster too.
          if run % 4 == 0 {
            let history = CaseloadHistory(records: records)
            let forecaster = DemandForecaster(history: history, population: population)
            for series in history.series {
              for method in ForecastMethod.allCases {
                if (try? forecaster.forecast(series, options: .init(method: method))) != nil {
                  forecasts += 1
                }
              }
            }
          }
        } catch {
          XCTAssertFalse(error.description.isEmpty)
          XCTAssertFalse(error.fix.isEmpty)
          located += 1
        }
      }
    }
    var populationRuns = 0
    let populationText = Array(
      try Data(contentsOf: URL(fileURLWithPath: TestPaths.fixture("population_extract.csv"))))
    for _ in 0..<400 {
      let bytes = Mutator.mutate(populationText, using: &generator)
      guard let text = String(bytes: bytes, encoding: .utf8) else { continue }
      _ = try? PopulationReader.parse(text: text, file: "population.csv")
      populationRuns += 1
    }
    print(
      "mutation runs: \(parsed) parsed, \(located) located errors, \(forecasts) forecasts, \(populationRuns) population files"
    )
    XCTAssertGreaterThan(parsed, 100)
    XCTAssertGreaterThan(located, 100)
    XCTAssertGreaterThan(forecasts, 10)
  }
}
