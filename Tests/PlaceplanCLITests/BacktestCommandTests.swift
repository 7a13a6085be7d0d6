import Foundation
import PlacePlanTestSupport
import XCTest

final class BacktestCommandTests: XCTestCase {
  func testCSVHeaderAndBaselinesInTheSameTable() throws {
    let result = try CommandRunner.run([
      "backtest", "--la", "E10000032", "--origins", "2019-2024", "--horizons", "1-3", "--format",
      "csv",
    ])
    XCTAssertEqual(result.status, 0, result.stderr)
    let lines = result.stdout.split(separator: "\n").map(String.init)
    XCTAssertEqual(
      lines.first,
      "method,setting_type,horizon,n,median_ape,mean_ape,mase,bias_pct,coverage80,coverage95,n_intervals"
    )
    for method in ["naive", "drift", "linear-5", "linear", "log-linear", "prevalence"] {
      XCTAssertTrue(lines.contains { $0.hasPrefix("\(method),total,1,6,") }, method)
    }
  }

  func testTableEndsWithThePlainEnglishSummary() throws {
    let result = try CommandRunner.run(["backtest", "--la", "West Sussex", "--horizons", "1-3"])
    XCTAssertEqual(result.status, 0, result.stderr)
    XCTAssertTrue(result.stdout.contains("For West Sussex, three years ahead the "), result.stdout)
  }

  func testBadRangesAreRejected() throws {
    let result = try CommandRunner.run(["backtest", "--horizons", "0-3"])
    XCTAssertNotEqual(result.status, 0)
    XCTAssertTrue(result.stderr.contains("--horizons must lie within 1-15"), result.stderr)
    let methods = try CommandRunner.run(["backtest", "--methods", "magic"])
    XCTAssertNotEqual(methods.status, 0)
    XCTAssertTrue(methods.stderr.contains("unknown method \"magic\""), methods.stderr)
  }
}
