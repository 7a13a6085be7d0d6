import ForecastCore
import XCTest

final class SplitLogNormalTests: XCTestCase {
  /// By construction P(X > m) = ½, P(X > u) = P(X < l) = 0.1 (tolerance 1e-12: the only error
  /// is in Φ and Φ⁻¹). For median 100, interval 80-150 and x = 120, hand calculation:
  /// σ_hi = ln 1.5 / 1.2815516 = 0.316386; (ln 1.2)/σ_hi = 0.576263; 1 − Φ(0.576263) = 0.282219
  /// (scipy.stats.norm.sf(0.576263) = 0.282219).
  func testProbabilities() throws {
    let distribution = try XCTUnwrap(SplitLogNormal(median: 100, lower80: 80, upper80: 150))
    XCTAssertEqual(distribution.exceedanceProbability(100), 0.5, accuracy: 1e-12)
    XCTAssertEqual(distribution.exceedanceProbability(150), 0.1, accuracy: 1e-12)
    XCTAssertEqual(distribution.exceedanceProbability(80), 0.9, accuracy: 1e-12)
    XCTAssertEqual(distribution.exceedanceProbability(120), 0.28222, accuracy: 1e-5)
    XCTAssertEqual(distribution.exceedanceProbability(0), 1)
  }

  func testPointMassAndInvalidInput() throws {
    let point = try XCTUnwrap(SplitLogNormal(median: 50, lower80: 50, upper80: 50))
    XCTAssertEqual(point.exceedanceProbability(49), 1)
    XCTAssertEqual(point.exceedanceProbability(50), 0)
    XCTAssertNil(SplitLogNormal(median: 50, lower80: 60, upper80: 70))
    XCTAssertNil(SplitLogNormal(median: 50, lower80: 0, upper80: 70))
  }
}
