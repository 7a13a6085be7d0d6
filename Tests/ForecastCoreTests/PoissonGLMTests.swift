import XCTest

@testable import ForecastCore

/// Poisson GLM with a log-population offset against statsmodels 0.15.0:
///
///     X = sm.add_constant(years - years.mean())
///     sm.GLM(counts, X, family=sm.families.Poisson(), offset=np.log(exposure)).fit(tol=1e-14)
///     ... .fit(scale='X2', tol=1e-14)          # quasi-Poisson (Pearson dispersion)
///
/// Tolerances: coefficients 1e-9 absolute (log scale, both converge to ~1e-12);
/// standard errors and covariance 1e-8 relative (they depend on the final IRLS weights,
/// which agree to the convergence tolerance); deviance and Pearson X² 1e-8 relative.
final class PoissonGLMTests: XCTestCase {
  static let years = Array(2019...2025)
  static let counts: [Double] = [5297, 5711, 6003, 6346, 7192, 7684, 9301]
  static let exposure: [Double] = [180000, 181500, 183200, 184600, 186100, 187900, 190000]

  static var design: Matrix {
    Matrix(rowMajor: years.map { [1, Double($0) - 2022] })
  }

  private func assertRelative(
    _ actual: Double, _ expected: Double, _ tolerance: Double, _ message: String = "",
    file: StaticString = #filePath, line: UInt = #line
  ) {
    XCTAssertLessThanOrEqual(
      abs(actual - expected) / abs(expected), tolerance,
      "\(message) got \(actual), expected \(expected)",
      file: file, line: line)
  }

  func testMatchesStatsmodelsWithOffset() throws {
    let fit = try PoissonGLM.fit(
      design: Self.design, counts: Self.counts, offset: Self.exposure.map { log($0) })
    XCTAssertTrue(fit.converged)
    XCTAssertLessThan(fit.iterations, 20)
    XCTAssertEqual(fit.residualDegreesOfFreedom, 5)
    XCTAssertEqual(fit.coefficients[0], -3.319773862551574, accuracy: 1e-9)
    XCTAssertEqual(fit.coefficients[1], 0.08191440925363802, accuracy: 1e-9)
    assertRelative(fit.deviance, 74.39200504324404, 1e-8, "deviance")
    assertRelative(fit.pearsonChiSquare, 74.6431657605487, 1e-8, "Pearson")
    // statsmodels scale='X2' reports the dispersion as `scale`.
    assertRelative(fit.dispersion, 14.928633152109919, 1e-8, "dispersion")

    // Model-based (φ = 1) SEs: statsmodels default bse.
    let modelBased = fit.standardErrors.map { $0 / fit.dispersion.squareRoot() }
    assertRelative(modelBased[0], 0.004662152753431645, 1e-8, "model SE 0")
    assertRelative(modelBased[1], 0.002316186559041001, 1e-8, "model SE 1")
    // Quasi-Poisson SEs: statsmodels bse with scale='X2'.
    assertRelative(fit.standardErrors[0], 0.01801343438414398, 1e-8, "quasi SE 0")
    assertRelative(fit.standardErrors[1], 0.008949186525904984, 1e-8, "quasi SE 1")
    assertRelative(fit.covariance[0, 0], 0.0003244838183118606, 1e-8, "cov 00")
    assertRelative(fit.covariance[0, 1], -2.8890223801602186e-05, 1e-8, "cov 01")
    assertRelative(fit.covariance[1, 1], 8.00879394754393e-05, 1e-8, "cov 11")

    // Fitted means reproduce exposure × exp(η); their sum equals the count total
    // (score equation for the intercept), to IRLS tolerance.
    XCTAssertEqual(fit.fittedMeans.reduce(0, +), Self.counts.reduce(0, +), accuracy: 1e-6)
    let eta = fit.linearPredictor(at: [1, 3], offset: log(190000))
    XCTAssertEqual(exp(eta), fit.fittedMeans[6], accuracy: 1e-9 * fit.fittedMeans[6])
    // se(η) at x = (1, 3): √(c00 + 2·3·c01 + 9·c11) from the statsmodels quasi covariance.
    let expectedSE =
      (0.0003244838183118606 + 6 * -2.8890223801602186e-05 + 9 * 8.00879394754393e-05).squareRoot()
    assertRelative(fit.standardErrorOfLinearPredictor(at: [1, 3]), expectedSE, 1e-8, "se(eta)")
  }

  func testInputValidation() {
    XCTAssertThrowsError(try PoissonGLM.fit(design: Self.design, counts: [1, 2, 3])) {
      guard case .dimensionMismatch = $0 as? LeastSquaresError else { return XCTFail("\($0)") }
    }
    var negative = Self.counts
    negative[2] = -1
    XCTAssertThrowsError(try PoissonGLM.fit(design: Self.design, counts: negative)) {
      XCTAssertEqual($0 as? LeastSquaresError, .nonFiniteInput(row: 2, column: nil))
    }
  }
}
