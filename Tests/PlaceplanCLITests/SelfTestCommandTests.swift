import Foundation
import PlacePlanTestSupport
import XCTest

final class SelfTestCommandTests: XCTestCase {
  func testSelfTestCSVMeetsTheBars() throws {
    let nist = TestPaths.shared.appendingPathComponent("reference/nist-strd-lls").path
    let result = try CommandRunner.run(["selftest", "--nist", nist, "--format", "csv"])
    XCTAssertEqual(result.status, 0, result.stderr)
    let lines = result.stdout.split(separator: "\n").map(String.init)
    XCTAssertEqual(lines.first, "dataset,min_lre_coef,min_lre_se,lre_resid_sd,lre_r2")
    XCTAssertEqual(lines.count, 12)
    for line in lines.dropFirst() {
      let cells = line.split(separator: ",")
      XCTAssertGreaterThanOrEqual(Double(cells[1]) ?? 0, 7.0, line)
      XCTAssertGreaterThanOrEqual(Double(cells[2]) ?? 0, 6.0, line)
      XCTAssertGreaterThanOrEqual(Double(cells[3]) ?? 0, 6.0, line)
    }
  }

  func testSelfTestOnAMissingFolderFails() throws {
    let result = try CommandRunner.run(["selftest", "--nist", "/nonexistent-nist"])
    XCTAssertNotEqual(result.status, 0)
    XCTAssertTrue(result.stderr.contains("/nonexistent-nist"), result.stderr)
  }
}
