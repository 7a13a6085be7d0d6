import ForecastCore
import PlacePlanTestSupport
import PlacePlanningIO
import XCTest

@testable import PlacePlanning

/// Forecasts that cannot be made are counted, not silently dropped from the scores.
final class UnscoredForecastTests: XCTestCase {
  /// From January 2021, North and West Northamptonshire (first census 2022) and Cumberland
  /// and Westmorland and Furness (2024) cannot be forecast: all four are listed with the
  /// reason, and nothing else is.
  func testSeriesThatStartLaterAreCounted() throws {
    let records = try CaseloadReader.read(
      path: TestPaths.sample("ehcp_caseload_by_la_setting_2010_2025.csv")
    ).records
    let forecaster = DemandForecaster(
      history: CaseloadHistory(records: records), population: nil)
    let report = Backtester(forecaster: forecaster).run(
      series: forecaster.history.series,
      options: .init(origins: 2021...2021, horizons: 1...1, methods: [.naive]))
    XCTAssertEqual(
      Set(report.unscored.map(\.laCode)), ["E06000061", "E06000062", "E06000063", "E06000064"])
    XCTAssertTrue(report.unscored.allSatisfy { $0.reason.contains("no census by the origin") })
    XCTAssertTrue(report.unscoredSummary?.hasPrefix("4 LA-method-origin forecast(s)") ?? false)
    XCTAssertFalse(report.cases.isEmpty)
  }
}

/// The ceased-plan reason columns mean what the release's data guidance says they mean.
final class CeasedReasonGuidanceTests: XCTestCase {
  func testReasonColumnsFollowTheDataGuidance() throws {
    let path = TestPaths.sharedFile("data/ehcp_sen2/ehcp2025_data-guidance.txt")
    guard FileManager.default.fileExists(atPath: path) else {
      throw XCTSkip("the shared data guidance is not beside the package: \(path)")
    }
    let text = try String(contentsOfFile: path, encoding: .utf8)
    func meaning(_ column: String) -> String? {
      text.split(whereSeparator: \.isNewline).first {
        $0.hasPrefix(column + " ") && $0.contains("|")
      }.map {
        String($0.split(separator: "|", maxSplits: 1)[1]).trimmingCharacters(in: .whitespaces)
      }
    }
    XCTAssertEqual(meaning(CeasedReason.otherReason.rawValue), "Number ceased for other reasons")
    XCTAssertEqual(
      meaning(CeasedReason.notRecorded.rawValue), "Number where reason is not recorded")
  }
}

/// A misspelt LA name gets a suggestion.
final class LANameSuggestionTests: XCTestCase {
  func testMisspeltNameIsSuggested() throws {
    let records = try CaseloadReader.read(
      path: TestPaths.sample("ehcp_caseload_by_la_setting_2010_2025.csv")
    ).records
    let history = CaseloadHistory(records: records)
    XCTAssertEqual(history.suggestions(for: "West Sussx").first, "E10000032 West Sussex")
    XCTAssertEqual(CaseloadHistory.editDistance("kitten", "sitting"), 3)
    XCTAssertTrue(history.suggestions(for: "Atlantis").isEmpty)
  }
}
