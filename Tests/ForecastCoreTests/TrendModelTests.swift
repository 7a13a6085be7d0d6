import XCTest

@testable import ForecastCore

/// Trend models on counts 2019–2025 (the same series as `PoissonGLMTests`).
final class TrendModelTests: XCTestCase {
  let years = PoissonGLMTests.years
  let counts = PoissonGLMTests.counts
  let exposure = PoissonGLMTests.exposure
  let future = [2026, 2027, 2030]

  /// Against statsmodels 0.15.0: `sm.OLS(counts, sm.add_constant(years - 2022)).fit()
  /// .get_prediction(...).summary_frame(alpha=0.2 / 0.05)`, columns mean and obs_ci.
  /// Tolerance 1e-8 relative: values ~1e4, differences are rounding only.
  func testLinearForecastMatchesStatsmodels() throws {
    let fitted = try TrendModel(kind: .linear).fit(times: years, values: counts)
    let points = try fitted.forecast(times: future)
    let mean = [9240.142857142855, 9852.535714285714, 11689.714285714284]
    let lower80 = [8386.801019513747, 8922.62800565557, 10482.90668559882]
    let upper80 = [10093.484694771963, 10782.443422915858, 12896.521885829748]
    let lower95 = [7753.857380214601, 8232.89366549011, 9587.789206684183]
    let upper95 = [10726.42833407111, 11472.177763081318, 13791.639364744386]
    for i in 0..<3 {
      XCTAssertEqual(points[i].time, future[i])
      XCTAssertEqual(points[i].mean, mean[i], accuracy: 1e-8 * mean[i])
      XCTAssertEqual(points[i].lower80, lower80[i], accuracy: 1e-8 * mean[i])
      XCTAssertEqual(points[i].upper80, upper80[i], accuracy: 1e-8 * mean[i])
      XCTAssertEqual(points[i].lower95, lower95[i], accuracy: 1e-8 * mean[i])
      XCTAssertEqual(points[i].upper95, upper95[i], accuracy: 1e-8 * mean[i])
    }
    // statsmodels params (6790.5714285714275, 612.3928571428571), s = 441.6001342520501.
    XCTAssertEqual(fitted.description, "y = 6791 + 612.4 (t - 2022), s = 441.6, n = 7")
  }

  /// Against statsmodels 0.15.0 on log(counts) (same call as above), exponentiated:
  /// point = exp(mean), bounds = exp(obs_ci). Tolerance 1e-9 relative on the log scale
  /// values, i.e. ~1e-8 relative after exp for log values ~9.
  func testLogLinearForecastMatchesStatsmodels() throws {
    let fitted = try TrendModel(kind: .logLinear).fit(times: years, values: counts)
    let points = try fitted.forecast(times: future)
    let mean = [9.158469039332477, 9.246438541455356, 9.510347047823993]
    let lower80 = [9.070477785484309, 9.150552295595457, 9.3859086232617]
    let upper80 = [9.246460293180645, 9.342324787315256, 9.634785472386286]
    let lower95 = [9.005212610402902, 9.079431219917371, 9.293609727510919]
    let upper95 = [9.311725468262052, 9.413445862993342, 9.727084368137067]
    for i in 0..<3 {
      XCTAssertEqual(log(points[i].mean), mean[i], accuracy: 1e-9)
      XCTAssertEqual(log(points[i].lower80), lower80[i], accuracy: 1e-9)
      XCTAssertEqual(log(points[i].upper80), upper80[i], accuracy: 1e-9)
      XCTAssertEqual(log(points[i].lower95), lower95[i], accuracy: 1e-9)
      XCTAssertEqual(log(points[i].upper95), upper95[i], accuracy: 1e-9)
    }
    // statsmodels slope 0.0879695021228788 → growth expm1 = 9.19 %/yr.
    XCTAssertTrue(fitted.description.contains("growth 9.2%/yr"), fitted.description)
  }

  /// Prevalence: point = exposure × exp(a + b (t − 2022)) with the statsmodels GLM
  /// coefficients a = −3.319773862551574, b = 0.08191440925363802 (see PoissonGLMTests);
  /// the interval uses the documented variance φμ + μ² xᵀCx with the statsmodels quasi
  /// covariance and scale 14.928633152109919, and t(5) quantiles 1.4758840488244815 (0.90)
  /// and 2.5705818356363146 (0.975) from scipy.stats.t.ppf. Tolerance 1e-8 relative.
  func testPrevalenceForecastMatchesHandComputation() throws {
    let fitted = try TrendModel(kind: .prevalence).fit(
      times: years, values: counts, exposure: exposure)
    let futureExposure: [Double] = [192000, 194000, 200000]
    let points = try fitted.forecast(times: future, exposure: futureExposure)
    let a = -3.319773862551574
    let b = 0.08191440925363802
    let c00 = 0.0003244838183118606
    let c01 = -2.8890223801602186e-05
    let c11 = 8.00879394754393e-05
    let phi = 14.928633152109919
    for i in 0..<3 {
      let dt = Double(future[i] - 2022)
      let mu = futureExposure[i] * exp(a + b * dt)
      let varEta = c00 + 2 * dt * c01 + dt * dt * c11
      let sd = (phi * mu + mu * mu * varEta).squareRoot()
      XCTAssertEqual(points[i].mean, mu, accuracy: 1e-8 * mu)
      XCTAssertEqual(points[i].lower80, mu - 1.4758840488244815 * sd, accuracy: 1e-8 * mu)
      XCTAssertEqual(points[i].upper80, mu + 1.4758840488244815 * sd, accuracy: 1e-8 * mu)
      XCTAssertEqual(points[i].lower95, mu - 2.5705818356363146 * sd, accuracy: 1e-8 * mu)
      XCTAssertEqual(points[i].upper95, mu + 2.5705818356363146 * sd, accuracy: 1e-8 * mu)
    }
    XCTAssertTrue(fitted.description.hasPrefix("count = exposure × exp("), fitted.description)
    XCTAssertTrue(fitted.description.contains("converged"), fitted.description)
  }

  func testErrors() {
    XCTAssertThrowsError(try TrendModel(kind: .linear).fit(times: [2020, 2021], values: [1, 2])) {
      XCTAssertEqual($0 as? TrendError, .tooFewPoints(2, needed: 3))
    }
    XCTAssertThrowsError(try TrendModel(kind: .prevalence).fit(times: years, values: counts)) {
      XCTAssertEqual($0 as? TrendError, .missingExposure)
    }
    XCTAssertThrowsError(
      try TrendModel(kind: .logLinear).fit(times: [2020, 2021, 2022], values: [3, 0, 5])
    ) {
      XCTAssertEqual($0 as? TrendError, .nonPositiveValue(time: 2021))
    }
    XCTAssertThrowsError(
      try TrendModel(kind: .linear).fit(times: [2020, 2020, 2020], values: [3, 4, 5])
    ) {
      guard case .fit(.rankDeficient) = $0 as? TrendError else { return XCTFail("\($0)") }
    }
  }

  func testLinearBoundsAreFlooredAtZero() throws {
    let fitted = try TrendModel(kind: .linear).fit(
      times: [2020, 2021, 2022, 2023], values: [40, 30, 21, 9])
    let point = try XCTUnwrap(fitted.forecast(times: [2030]).first)
    XCTAssertEqual(point.mean, 0)
    XCTAssertEqual(point.lower95, 0)
    XCTAssertGreaterThanOrEqual(point.upper95, 0)
    XCTAssertEqual(TrendKind.logLinear.rawValue, "log-linear")
  }
}

/// `Printf.format` writes what `String(format:)` writes, for the conversions fits use.
final class PrintfTests: XCTestCase {
  func testAgreesWithStringFormat() {
    let values: [Double] = [
      0, -0.0, 1, -1, 0.5, 1.5, 2.5, 0.00012345, 12.3456, 999.95, 1234.5, 1e15, -9.87654e-5,
      6346, 0.0968, -0.0066, .infinity, 123_456_789.125,
    ]
    for value in values {
      for format in ["%.4g", "%.0f", "%.1f%%", "%.3f"] {
        XCTAssertEqual(Printf.format(format, value), String(format: format, value), format)
      }
    }
  }
}

extension PrintfTests {
  /// A text longer than the stack buffer is written whole.
  func testLongTextIsWrittenWhole() {
    XCTAssertEqual(Printf.format("%.1f%%", 1e200), String(format: "%.1f%%", 1e200))
    XCTAssertGreaterThan(Printf.format("%.1f", 1e200).count, 200)
  }
}
