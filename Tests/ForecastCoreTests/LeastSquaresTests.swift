import XCTest

@testable import ForecastCore

final class LeastSquaresTests: XCTestCase {
  /// y = (2, 4, 5, 4, 5) on x = (1…5).
  ///
  /// Hand calculation: x̄ = 3, ȳ = 4, Sxx = 10, Sxy = 6 → b = 0.6, a = 4 − 0.6·3 = 2.2;
  /// residuals (−0.8, 0.6, 1.0, −0.6, −0.2), RSS = 2.4, s² = 2.4/3 = 0.8;
  /// se(b) = √(0.8/10) = √0.08, se(a) = √(0.8 (1/5 + 9/10)) = √0.88; SST = 6, R² = 0.6.
  /// Tolerance 1e-13 absolute: a well-conditioned 5×2 problem, errors are a few ulp.
  private let design = Matrix(rowMajor: [[1, 1], [1, 2], [1, 3], [1, 4], [1, 5]])
  private let response: [Double] = [2, 4, 5, 4, 5]

  func testOrdinaryLeastSquaresMatchesHandCalculation() throws {
    let fit = try LeastSquares.fit(design: design, response: response, hasIntercept: true)
    XCTAssertEqual(fit.coefficients[0], 2.2, accuracy: 1e-13)
    XCTAssertEqual(fit.coefficients[1], 0.6, accuracy: 1e-13)
    XCTAssertEqual(fit.standardErrors[0], 0.88.squareRoot(), accuracy: 1e-13)
    XCTAssertEqual(fit.standardErrors[1], 0.08.squareRoot(), accuracy: 1e-13)
    XCTAssertEqual(fit.residualStandardDeviation, 0.8.squareRoot(), accuracy: 1e-13)
    XCTAssertEqual(fit.rSquared, 0.6, accuracy: 1e-13)
    XCTAssertEqual(fit.residualDegreesOfFreedom, 3)
    XCTAssertEqual(fit.observations, 5)
    XCTAssertEqual(fit.rank, 2)
    for (actual, expected) in zip(fit.residuals, [-0.8, 0.6, 1.0, -0.6, -0.2]) {
      XCTAssertEqual(actual, expected, accuracy: 1e-13)
    }
    for (actual, expected) in zip(fit.fittedValues, [2.8, 3.4, 4.0, 4.6, 5.2]) {
      XCTAssertEqual(actual, expected, accuracy: 1e-13)
    }
    // Cov(a, b) = −s² x̄ / Sxx = −0.8·3/10 = −0.24.
    XCTAssertEqual(fit.covariance[0, 1], -0.24, accuracy: 1e-13)
    XCTAssertEqual(fit.covariance[1, 0], -0.24, accuracy: 1e-13)
  }

  /// Intervals at x = 6 against statsmodels 0.15.0:
  /// `sm.OLS(y, sm.add_constant(x)).fit().get_prediction([[1, 6]]).summary_frame(alpha)`
  /// and `.conf_int(0.05)`. Tolerance 1e-10 absolute: both sides use exact t quantiles
  /// (ours accurate to ~1e-13 relative), the rest is a few ulp.
  func testIntervalsMatchStatsmodels() throws {
    let fit = try LeastSquares.fit(design: design, response: response, hasIntercept: true)
    let x: [Double] = [1, 6]
    XCTAssertEqual(fit.mean(at: x), 5.799999999999999, accuracy: 1e-12)
    XCTAssertEqual(fit.standardErrorOfMean(at: x), 0.9380831519646861, accuracy: 1e-12)
    let ci95 = fit.confidenceInterval(at: x, level: 0.95)
    XCTAssertEqual(ci95.lower, 2.8146007389810888, accuracy: 1e-10)
    XCTAssertEqual(ci95.upper, 8.78539926101891, accuracy: 1e-10)
    let pi95 = fit.predictionInterval(at: x, level: 0.95)
    XCTAssertEqual(pi95.lower, 1.6750781417700296, accuracy: 1e-10)
    XCTAssertEqual(pi95.upper, 9.924921858229968, accuracy: 1e-10)
    let ci90 = fit.confidenceInterval(at: x, level: 0.90)
    XCTAssertEqual(ci90.lower, 3.5923494113626644, accuracy: 1e-10)
    XCTAssertEqual(ci90.upper, 8.007650588637333, accuracy: 1e-10)
    let pi90 = fit.predictionInterval(at: x, level: 0.90)
    XCTAssertEqual(pi90.lower, 2.7496923619869813, accuracy: 1e-10)
    XCTAssertEqual(pi90.upper, 8.850307638013017, accuracy: 1e-10)
    let coefficientIntervals = fit.coefficientIntervals(level: 0.95)
    XCTAssertEqual(coefficientIntervals[0].lower, -0.7853992610189073, accuracy: 1e-10)
    XCTAssertEqual(coefficientIntervals[0].upper, 5.185399261018908, accuracy: 1e-10)
    XCTAssertEqual(coefficientIntervals[1].lower, -0.3001317452912733, accuracy: 1e-10)
    XCTAssertEqual(coefficientIntervals[1].upper, 1.500131745291273, accuracy: 1e-10)
  }

  /// WLS against statsmodels 0.15.0 `sm.WLS(y, X, weights=w).fit()`, with the prediction
  /// interval from `get_prediction([[1, 7]], weights=[2])` / default weight 1.
  /// Tolerance 1e-10 (relative scale of the values ~1–16; differences are rounding).
  func testWeightedLeastSquaresMatchesStatsmodels() throws {
    let x: [Double] = [0, 1, 2, 3, 4, 5]
    let y: [Double] = [1.1, 2.9, 5.2, 6.8, 9.3, 10.9]
    let w: [Double] = [1, 2, 1, 4, 2, 1]
    let fit = try LeastSquares.fit(
      design: Matrix(rowMajor: x.map { [1, $0] }), response: y, weights: w, hasIntercept: true)
    XCTAssertEqual(fit.coefficients[0], 0.9552419354838677, accuracy: 1e-10)
    XCTAssertEqual(fit.coefficients[1], 2.0100806451612923, accuracy: 1e-10)
    XCTAssertEqual(fit.standardErrors[0], 0.20328250217218913, accuracy: 1e-10)
    XCTAssertEqual(fit.standardErrors[1], 0.0677608340573964, accuracy: 1e-10)
    XCTAssertEqual(fit.residualStandardDeviation, 0.32174235835725823, accuracy: 1e-10)
    XCTAssertEqual(fit.rSquared, 0.9954749762690529, accuracy: 1e-10)
    let at7: [Double] = [1, 7]
    XCTAssertEqual(fit.standardErrorOfMean(at: at7), 0.31119054476459374, accuracy: 1e-10)
    let ci = fit.confidenceInterval(at: at7, level: 0.95)
    XCTAssertEqual(ci.lower, 14.161802986817422, accuracy: 1e-10)
    XCTAssertEqual(ci.upper, 15.889809916408405, accuracy: 1e-10)
    let weighted = fit.predictionInterval(at: at7, level: 0.95, weight: 2)
    XCTAssertEqual(weighted.lower, 13.95552871728333, accuracy: 1e-10)
    XCTAssertEqual(weighted.upper, 16.096084185942495, accuracy: 1e-10)
    let unweighted = fit.predictionInterval(at: at7, level: 0.95)
    XCTAssertEqual(unweighted.lower, 13.783032590435942, accuracy: 1e-10)
    XCTAssertEqual(unweighted.upper, 16.268580312789883, accuracy: 1e-10)
  }

  /// Integer weights give the same coefficients as repeating rows (a property of WLS).
  func testIntegerWeightsEqualRepeatedRows() throws {
    let weighted = try LeastSquares.fit(
      design: Matrix(rowMajor: [[1, 0], [1, 1], [1, 2], [1, 3]]), response: [1, 3, 2, 5],
      weights: [1, 3, 1, 2], hasIntercept: true)
    let repeated = try LeastSquares.fit(
      design: Matrix(rowMajor: [[1, 0], [1, 1], [1, 1], [1, 1], [1, 2], [1, 3], [1, 3]]),
      response: [1, 3, 3, 3, 2, 5, 5], hasIntercept: true)
    for (a, b) in zip(weighted.coefficients, repeated.coefficients) {
      XCTAssertEqual(a, b, accuracy: 1e-13)
    }
  }

  /// No-intercept fit against the closed form b = Σxy/Σx² and the uncentred
  /// R² = 1 − RSS/Σy² evaluated in the test itself. Tolerance 1e-14: a 4×1 problem.
  func testNoInterceptUsesUncentredRSquared() throws {
    let x: [Double] = [1, 2, 3, 4]
    let y: [Double] = [2, 4, 6.5, 8]
    let fit = try LeastSquares.fit(
      design: Matrix(rowMajor: x.map { [$0] }), response: y, hasIntercept: false)
    let b = zip(x, y).reduce(0) { $0 + $1.0 * $1.1 } / x.reduce(0) { $0 + $1 * $1 }
    let rss = zip(x, y).reduce(0) { $0 + ($1.1 - b * $1.0) * ($1.1 - b * $1.0) }
    let uncentred = 1 - rss / y.reduce(0) { $0 + $1 * $1 }
    XCTAssertEqual(fit.coefficients[0], b, accuracy: 1e-14)
    XCTAssertEqual(fit.rSquared, uncentred, accuracy: 1e-14)
  }

  func testDuplicateColumnIsReportedAsRankDeficient() {
    let design = Matrix(rowMajor: [[1, 2, 2], [1, 3, 3], [1, 5, 5], [1, 7, 7], [1, 8, 8]])
    XCTAssertThrowsError(
      try LeastSquares.fit(design: design, response: [1, 2, 3, 4, 6], hasIntercept: true)
    ) { error in
      guard case .rankDeficient(let rank, let columns, let dependent) = error as? LeastSquaresError
      else {
        return XCTFail("expected rankDeficient, got \(error)")
      }
      XCTAssertEqual(rank, 2)
      XCTAssertEqual(columns, 3)
      XCTAssertEqual(dependent.count, 1)
      // Either copy of the duplicated column may be the one named; not the intercept.
      XCTAssertTrue(dependent == [1] || dependent == [2], "dependent columns \(dependent)")
    }
  }

  func testLinearCombinationColumnIsRankDeficient() {
    // Column 2 = 3·column 0 − column 1.
    let rows: [[Double]] = [[1, 0.5], [1, 1.5], [1, 2.25], [1, 4], [1, 7]].map {
      [$0[0], $0[1], 3 * $0[0] - $0[1]]
    }
    XCTAssertThrowsError(
      try LeastSquares.fit(
        design: Matrix(rowMajor: rows), response: [1, 2, 3, 4, 5], hasIntercept: true)
    ) { error in
      guard case .rankDeficient(let rank, _, let dependent) = error as? LeastSquaresError else {
        return XCTFail("expected rankDeficient, got \(error)")
      }
      XCTAssertEqual(rank, 2)
      XCTAssertEqual(dependent.count, 1)
    }
  }

  func testNonFiniteInputIsRejected() {
    let design = Matrix(rowMajor: [[1, 1], [1, .nan], [1, 3], [1, 4]])
    XCTAssertThrowsError(
      try LeastSquares.fit(design: design, response: [1, 2, 3, 4], hasIntercept: true)
    ) {
      XCTAssertEqual($0 as? LeastSquaresError, .nonFiniteInput(row: 1, column: 1))
    }
    let good = Matrix(rowMajor: [[1, 1], [1, 2], [1, 3], [1, 4]])
    XCTAssertThrowsError(
      try LeastSquares.fit(design: good, response: [1, 2, .infinity, 4], hasIntercept: true)
    ) {
      XCTAssertEqual($0 as? LeastSquaresError, .nonFiniteInput(row: 2, column: nil))
    }
    XCTAssertThrowsError(
      try LeastSquares.fit(
        design: good, response: [1, 2, 3, 4], weights: [1, 1, 0, 1], hasIntercept: true)
    ) {
      XCTAssertEqual($0 as? LeastSquaresError, .nonPositiveWeight(row: 2))
    }
  }

  func testDimensionChecks() {
    let design = Matrix(rowMajor: [[1, 1], [1, 2], [1, 3]])
    XCTAssertThrowsError(
      try LeastSquares.fit(design: design, response: [1, 2], hasIntercept: true)
    ) {
      guard case .dimensionMismatch = $0 as? LeastSquaresError else { return XCTFail("\($0)") }
    }
    XCTAssertThrowsError(
      try LeastSquares.fit(
        design: design, response: [1, 2, 3], weights: [1, 1], hasIntercept: true)
    ) {
      guard case .dimensionMismatch = $0 as? LeastSquaresError else { return XCTFail("\($0)") }
    }
    let square = Matrix(rowMajor: [[1, 1], [1, 2]])
    XCTAssertThrowsError(
      try LeastSquares.fit(design: square, response: [1, 2], hasIntercept: true)
    ) {
      XCTAssertEqual($0 as? LeastSquaresError, .tooFewObservations(observations: 2, parameters: 2))
    }
  }

  func testMatrixLayout() {
    var m = Matrix(rowMajor: [[1, 2, 3], [4, 5, 6]])
    XCTAssertEqual(m.values, [1, 4, 2, 5, 3, 6])
    XCTAssertEqual(m[1, 2], 6)
    m[0, 1] = 9
    XCTAssertEqual(m, Matrix(rows: 2, columns: 3, columnMajor: [1, 4, 9, 5, 3, 6]))
    XCTAssertEqual(m.row(1), [4, 5, 6])
  }
}
