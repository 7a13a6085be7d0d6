import XCTest

@testable import ForecastCore

/// Quantiles and CDF against SciPy 1.17.1 (`scipy.stats.t.ppf`, `scipy.stats.norm.ppf`,
/// `scipy.stats.norm.cdf`), values printed with `repr` and pasted here (one value from
/// mpmath where SciPy is itself less accurate than the tolerance).
final class DistributionTests: XCTestCase {
  /// Relative agreement required: 1e-10. SciPy (Boost) is accurate to a few ulp, so any
  /// larger difference is an error on our side.
  private func assertRelative(
    _ actual: Double, _ expected: Double, _ tolerance: Double = 1e-10, _ message: String,
    file: StaticString = #filePath, line: UInt = #line
  ) {
    let error = abs(actual - expected) / abs(expected)
    XCTAssertLessThanOrEqual(
      error, tolerance, "\(message): got \(actual), expected \(expected)", file: file, line: line)
  }

  /// The tabled central quantiles are the computed ones, bit for bit (same call), for every
  /// whole ν in the table, and other levels and ν are computed.
  func testCentralQuantileTableMatchesTheSolver() {
    for nu in 1...StudentT.tableSize {
      for level in [0.80, 0.95] {
        XCTAssertEqual(
          StudentT.centralQuantile(level: level, degreesOfFreedom: Double(nu)),
          StudentT.quantile((1 + level) / 2, degreesOfFreedom: Double(nu)))
      }
    }
    XCTAssertEqual(
      StudentT.centralQuantile(level: 0.90, degreesOfFreedom: 4),
      StudentT.quantile(0.95, degreesOfFreedom: 4))
    // scipy.stats.t.ppf(0.9, 5) = 1.4758840488244815 (run independently); tolerance 1e-12.
    XCTAssertEqual(
      StudentT.centralQuantile(level: 0.80, degreesOfFreedom: 5), 1.4758840488244815,
      accuracy: 1e-12)
  }

  func testStudentTQuantilesMatchSciPy() {
    let cases: [(p: Double, df: Double, expected: Double)] = [
      (0.975, 1, 12.706204736174694),
      (0.975, 2, 4.302652729749462),
      (0.9, 3, 1.637744353696209),
      (0.975, 5, 2.5705818356363146),
      (0.995, 10, 3.16927267261695),
      (0.9, 30, 1.3104150253913955),
      (0.975, 2.5, 3.5746548420036817),
      (1e-10, 1, -3183098861.8379064),
      (1e-10, 4, -416.1751403296041),
      (1e-8, 50, -6.6659129257368654),
      (0.6, 7, 0.2631668613520229),
      // SciPy gives 2.720699044672105e-07 here, 9e-11 off the true quantile of this
      // (already rounded) p; value from mpmath at 40 digits (root of the CDF written with
      // hyp2f1), which SciPy does not reach near the median.
      (0.5000001, 3, 2.720699044919316e-07),
      (0.999999, 1000, 4.781608620452439),
      (0.975, 1e6, 1.959966356814107),
      (0.025, 0.5, -164.55767348048846),
      (0.3, 0.3, -1.6126582577896116),
      (0.975, 200000, 1.959975845966768),
    ]
    for c in cases {
      assertRelative(
        StudentT.quantile(c.p, degreesOfFreedom: c.df), c.expected, 1e-10,
        "t quantile p=\(c.p) df=\(c.df)")
    }
  }

  func testStudentTQuantileIsAntisymmetric() {
    for df in [1.0, 3, 17.5] {
      XCTAssertEqual(
        StudentT.quantile(0.2, degreesOfFreedom: df), -StudentT.quantile(0.8, degreesOfFreedom: df),
        accuracy: 1e-14 * abs(StudentT.quantile(0.8, degreesOfFreedom: df)))
    }
    XCTAssertEqual(StudentT.quantile(0.5, degreesOfFreedom: 4), 0)
  }

  func testNormalQuantilesMatchSciPy() {
    let cases: [(p: Double, expected: Double)] = [
      (0.975, 1.959963984540054),
      (0.9, 1.2815515655446004),
      (0.5 + 1e-9, 2.5066282037387115e-09),
      (1e-10, -6.361340902404056),
      (1e-300, -37.0470962993612),
      (0.999, 3.090232306167813),
      (0.3, -0.5244005127080409),
    ]
    for c in cases {
      // p = 0.5 + 1e-9 is itself rounded, which limits attainable relative accuracy to
      // about 1e-7 there (ulp(0.5)/1e-9); elsewhere 1e-12.
      let tolerance = c.p == 0.5 + 1e-9 ? 1e-7 : 1e-12
      assertRelative(Normal.quantile(c.p), c.expected, tolerance, "normal quantile p=\(c.p)")
    }
  }

  func testNormalCDFMatchesSciPy() {
    let cases: [(x: Double, expected: Double)] = [
      (-1.96, 0.024997895148220435),
      (1, 0.8413447460685429),
      (-10, 7.61985302416047e-24),
      (-37.5, 4.605353009581954e-308),
    ]
    for c in cases {
      assertRelative(Normal.cdf(c.x), c.expected, 1e-12, "normal cdf x=\(c.x)")
    }
    XCTAssertEqual(Normal.cdf(0), 0.5)
  }
}
