import ForecastCore
import PlacePlanTestSupport
import PlacePlanningIO
import XCTest

@testable import PlacePlanning

/// One story across commands: places and scenarios start from the reconciled forecast.
final class ReconciledForecastConsistencyTests: XCTestCase {
  private static func westSussex() throws -> LAForecast {
    let forecaster = try sampleForecaster()
    let series = try XCTUnwrap(forecaster.history.find("E10000032"))
    return try forecaster.forecast(
      series, options: .init(throughYear: 2025, horizon: 5, method: .auto))
  }

  private static func sumsToTotal(_ forecast: LAForecast, _ label: String) {
    for year in Set(forecast.rows.filter { $0.kind == .forecast }.map(\.censusYear)) {
      let inYear = forecast.rows.filter { $0.censusYear == year && $0.kind == .forecast }
      let total = inYear.first { $0.setting == .total }?.value ?? .nan
      let parts = inYear.filter { SettingType.additiveParts.contains($0.setting) }
        .map(\.value).reduce(0, +)
      XCTAssertEqual(parts, total, accuracy: 1e-6 * total, "\(label) \(year)")
    }
  }

  /// The places table's demand for each register setting type is the reconciled forecast's
  /// value for that census year, exactly.
  func testPlacesDemandIsTheReconciledForecast() throws {
    let forecast = try Self.westSussex()
    let register = try PlacesReader.read(
      path: TestPaths.sample("west_sussex_places_register_ILLUSTRATIVE.csv"))
    let rows = CapacityPlanner().plan(forecast: forecast, register: register, codes: ["E10000032"])
    let checked = rows.filter {
      $0.kind == .forecast && ($0.setting == .specialState || $0.setting == .rpSENUnit)
    }
    XCTAssertFalse(checked.isEmpty)
    for row in checked {
      let value = try XCTUnwrap(
        forecast.rows.first {
          $0.setting == row.setting && $0.censusYear == row.academicYear.censusYear
            && $0.kind == .forecast
        }
      ).value
      XCTAssertEqual(row.demand, value, accuracy: 1e-9, "\(row.setting) \(row.academicYear)")
    }
  }

  /// Every shipped scenario, applied to the reconciled forecast, keeps the setting types
  /// summing to the total; the baseline scenario changes nothing.
  func testScenariosKeepTheIdentity() throws {
    let forecast = try Self.westSussex()
    Self.sumsToTotal(forecast, "forecast")
    for name in ["baseline", "new-special-school-2027", "rp-expansion", "travel-training"] {
      let scenario = try ScenarioReader.read(
        path: TestPaths.packageRoot.appendingPathComponent("Models/scenarios/\(name).yaml").path)
      let applied = ScenarioDemand.apply(scenario, to: forecast)
      Self.sumsToTotal(applied, name)
      if name == "baseline" { XCTAssertEqual(applied.rows, forecast.rows) }
    }
  }
}
