import ForecastCore
import XCTest

final class EmpiricalIntervalsTests: XCTestCase {
  /// Errors −0.20, −0.19, …, 0.19 (40 values). numpy.quantile gives 10th −0.161, 90th 0.151,
  /// 2.5th −0.190 25, 97.5th 0.180 25 (type 7, computed independently). At horizon 4 with
  /// α = 0.5 the log bounds double.
  func testQuantilesAndHorizonScaling() throws {
    let errors = (0..<40).map { Double($0 - 20) / 100 }
    let intervals = try XCTUnwrap(EmpiricalIntervals(oneStepErrors: errors, fixedExponent: 0.5))
    XCTAssertEqual(intervals.lower80, -0.161, accuracy: 1e-12)
    XCTAssertEqual(intervals.upper80, 0.151, accuracy: 1e-12)
    XCTAssertEqual(intervals.lower95, -0.19025, accuracy: 1e-12)
    XCTAssertEqual(intervals.upper95, 0.18025, accuracy: 1e-12)
    let band = intervals.interval(around: 1000, horizon: 4)
    XCTAssertEqual(band.lower80, 1000 * exp(-0.322), accuracy: 1e-9)
    XCTAssertEqual(band.upper80, 1000 * exp(0.302), accuracy: 1e-9)
  }

  /// Q_h = Q_1 · h^0.6 exactly gives α = 0.6; growth faster than h is clamped to 1.
  func testExponentEstimate() {
    let quantiles = Dictionary(
      uniqueKeysWithValues: (1...5).map { ($0, 0.05 * pow(Double($0), 0.6)) })
    XCTAssertEqual(EmpiricalIntervals.estimateExponent(quantiles) ?? .nan, 0.6, accuracy: 1e-12)
    XCTAssertEqual(EmpiricalIntervals.estimateExponent([1: 0.01, 2: 0.1]) ?? .nan, 1)
    XCTAssertNil(EmpiricalIntervals.estimateExponent([1: 0.01]))
    // Q_h = Q_1 · h^0.3 is slower than a random walk: held at α = 0.5.
    XCTAssertEqual(
      EmpiricalIntervals.estimateExponent([1: 0.1, 4: 0.1 * pow(4, 0.3)]) ?? .nan, 0.5)
  }

  func testTooFewErrorsGiveNoCalibration() {
    XCTAssertNil(EmpiricalIntervals(oneStepErrors: [0.1, -0.1, .nan]))
  }
}
