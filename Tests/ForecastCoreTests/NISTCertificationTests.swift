import Foundation
import XCTest

@testable import ForecastCore

/// NIST StRD linear least-squares certification.
///
/// Expected values are the NIST certified values in each `.dat` file (computed by NIST in
/// 500-digit arithmetic). Bars: LRE ≥ 7 for every coefficient, ≥ 6 for every standard
/// error and for the residual standard deviation — the precision a double-precision QR
/// solver with extended-precision refinement can reach on the hardest sets (Filip's
/// powers x¹…x¹⁰ are themselves rounded to double, which alone caps it near 7.6 digits).
final class NISTCertificationTests: XCTestCase {
  static let datasetNames = [
    "Filip", "Longley", "NoInt1", "NoInt2", "Norris", "Pontius",
    "Wampler1", "Wampler2", "Wampler3", "Wampler4", "Wampler5",
  ]

  private func load(_ name: String) throws -> StRDDataset {
    let url = SharedData.nistLinearLeastSquares.appendingPathComponent("\(name).dat")
    let text = try String(contentsOf: url, encoding: .utf8)
    return try StRDDataset(name: name, text: text)
  }

  func testAllDatasetsMeetTheLREBars() throws {
    var table = ["dataset     LRE coef  LRE se  LRE s   LRE R2"]
    for name in Self.datasetNames {
      let result = try Certification.certify(load(name))
      table.append(
        name.padding(toLength: 12, withPad: " ", startingAt: 0)
          + String(
            format: "%6.2f   %6.2f  %6.2f  %6.2f", result.minimumLRECoefficients,
            result.minimumLREStandardErrors, result.lreResidualStandardDeviation, result.lreRSquared
          ))
      XCTAssertGreaterThanOrEqual(result.minimumLRECoefficients, 7.0, "\(name) coefficients")
      XCTAssertGreaterThanOrEqual(result.minimumLREStandardErrors, 6.0, "\(name) standard errors")
      XCTAssertGreaterThanOrEqual(result.lreResidualStandardDeviation, 6.0, "\(name) residual SD")
      XCTAssertTrue(result.passes, name)
    }
    print(table.joined(separator: "\n"))
  }

  func testFilipIsFullRankButIllConditioned() throws {
    let dataset = try load("Filip")
    let fit = try LeastSquares.fit(
      design: dataset.designMatrix(), response: dataset.y, hasIntercept: true)
    XCTAssertEqual(fit.rank, 11)
    // The scaled R of Filip has condition ~5e9 (numpy.linalg.cond of the scaled R factor);
    // dtrcon's 1-norm estimate must land within two orders of magnitude of that.
    XCTAssertLessThan(fit.conditionEstimate, 1e-8)
    XCTAssertGreaterThan(fit.conditionEstimate, 1e-13)
  }

  func testParsedStructure() throws {
    let filip = try load("Filip")
    XCTAssertEqual(filip.y.count, 82)
    XCTAssertEqual(filip.x.first?.count, 1)
    XCTAssertEqual(filip.certifiedCoefficients.count, 11)
    XCTAssertTrue(filip.hasIntercept)
    XCTAssertEqual(filip.designMatrix().columns, 11)

    let longley = try load("Longley")
    XCTAssertEqual(longley.y.count, 16)
    XCTAssertEqual(longley.x.first?.count, 6)
    XCTAssertEqual(longley.designMatrix().columns, 7)

    let noInt = try load("NoInt1")
    XCTAssertFalse(noInt.hasIntercept)
    XCTAssertEqual(noInt.designMatrix().columns, 1)
    XCTAssertEqual(noInt.y.count, 11)
    // Certified value copied from the file header: B1 = 2.07438016528926.
    XCTAssertEqual(noInt.certifiedCoefficients, [2.07438016528926])
  }

  func testParseErrorReportsLine() {
    let text = """
      Data   (lines 5 to 6)
      y = B0 + B1*x + e
        B0   1.0   0.5
        Standard Deviation   1.0
      1.0 2.0
      oops
      """
    XCTAssertThrowsError(try StRDDataset(name: "bad", text: text)) { error in
      guard let parseError = error as? StRDParseError else {
        return XCTFail("unexpected error \(error)")
      }
      XCTAssertEqual(parseError.line, 0)  // R-Squared is missing before the data is read
    }
    let text2 = text.replacingOccurrences(
      of: "  Standard Deviation   1.0", with: "  Standard Deviation   1.0\nR-Squared 0.9"
    )
    .replacingOccurrences(of: "(lines 5 to 6)", with: "(lines 6 to 7)")
    XCTAssertThrowsError(try StRDDataset(name: "bad", text: text2)) { error in
      XCTAssertEqual((error as? StRDParseError)?.line, 7)
    }
  }

  func testLogRelativeError() {
    // Definition: −log10(|est − cert|/|cert|); 1.0001 vs 1 → −log10(1e-4) = 4.
    XCTAssertEqual(
      Certification.logRelativeError(estimate: 1.0001, certified: 1), 4, accuracy: 1e-9)
    XCTAssertEqual(Certification.logRelativeError(estimate: 2, certified: 2), 15)
    // cert = 0 → −log10|est|.
    XCTAssertEqual(Certification.logRelativeError(estimate: 1e-9, certified: 0), 9, accuracy: 1e-9)
    XCTAssertEqual(Certification.logRelativeError(estimate: 1 + 1e-17, certified: 1), 15)
  }
}
