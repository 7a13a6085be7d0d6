import XCTest

@testable import PlacePlanning

final class CohortComponentsTests: XCTestCase {
  /// Hand calculation. Setting type: January T−1 ages 10 and 11 = 100 and 50; January T
  /// = 110 and 120. All settings at T−1: 200 and 100. Ceased in T−1 at ages 11 and 12: 4
  /// and 2. New plans started at ages 11 and 12: 10 and 6.
  ///
  /// Ceased rates `q(c) = (½X(c) + ½X(c+1)) / n_all(c)`: q(10) = 2/200 = 0.01,
  /// q(11) = 3/100 = 0.03. Landing `L(c) = ½N(c) + ½N(c+1)`: L(10) = 5, L(11) = 8, L(12) = 3.
  /// Age 11: cohort 100, ceased 1, new 8, residual 120 − 99 − 8 = 13, rate 0.13.
  /// Age 10: cohort 0 (age 9 at T−1), new 5, residual 105 held as a count.
  /// Age 12: cohort 50, ceased 1.5, new 3, residual 0 − 48.5 − 3 = −51.5: every survivor
  /// (48.5) left and 3 more, so the rate −48.5/50 = −0.97 and the rest, −3, a count.
  /// A year on with new plans doubled: age 10 = 2·(5 + 105) = 220; age 11 = 110 (1 − 0.01 +
  /// 0.13) + 2·8 = 139.2; age 12 = 120 (1 − 0.03 − 0.97) + 2·(3 − 3) = 0 (held wholly as a
  /// count, the leaving did not scale with the cohort: 120 · 0.97 + 2 · (3 − 51.5) = 19.4).
  func testComponentsByHand() {
    let model = CohortComponents(
      before: [10: 100, 11: 50], now: [10: 110, 11: 120], allBefore: [10: 200, 11: 100],
      ceasedByAge: [11: 4, 12: 2], newPlansByAge: [11: 10, 12: 6])
    XCTAssertEqual(model.ceasedRates[10] ?? -1, 0.01, accuracy: 1e-12)
    XCTAssertEqual(model.ceasedRates[11] ?? -1, 0.03, accuracy: 1e-12)
    XCTAssertEqual(model.newPlans[10], 5)
    XCTAssertEqual(model.newPlans[11], 8)
    XCTAssertEqual(model.newPlans[12], 3)
    XCTAssertEqual(
      model.flows[11],
      CohortComponents.Flow(cohort: 100, ceased: 1, newPlans: 8, residual: 13, stock: 120))
    XCTAssertEqual(model.residualRates[11] ?? 0, 0.13, accuracy: 1e-12)
    XCTAssertEqual(model.residualCounts[10], 105)
    XCTAssertEqual(model.residualCounts[12] ?? 0, -3, accuracy: 1e-12)
    XCTAssertEqual(model.residualRates[12] ?? 0, -0.97, accuracy: 1e-12)

    let next = model.step([10: 110, 11: 120], newPlansGrowth: 2)
    XCTAssertEqual(next[10] ?? 0, 220, accuracy: 1e-9)
    XCTAssertEqual(next[11] ?? 0, 139.2, accuracy: 1e-9)
    XCTAssertEqual(next[12] ?? 0, 0, accuracy: 1e-9)
    XCTAssertEqual(next[9], 0)
  }

  /// A cohort under 5 measures no rate: where England's residual rate at that age is a
  /// leaving (negative) rate the LA takes it, and the rest of its residual is a count; a
  /// joining rate is not compounded on a small cohort, and the LA's own residual stays a
  /// count. England: age 5 at T−1 = 100, age 6 at T = 40 (rate −0.6); age 6 = 100, age 7 =
  /// 130 (rate +0.3); no ceased or new plans. The LA: ages 5 and 6 at T−1 = 2 and 3, ages 6
  /// and 7 at T = 0 and 4, so residuals −2 and +1; at 6 the rate −0.6 and the count
  /// −2 − (−0.6 · 2) = −0.8. A step from 20 and 30 at ages 5 and 6: age 6 = 20 (1 − 0.6) −
  /// 0.8 = 7.2; age 7 = 30 + 1 = 31; a step from T−1 gives T back (0 and 4).
  func testSmallCohortsTakeEnglandsLeavingRate() {
    let england = CohortComponents(
      before: [5: 100, 6: 100], now: [6: 40, 7: 130], allBefore: [5: 1000, 6: 1000],
      ceasedByAge: [:], newPlansByAge: [:])
    XCTAssertEqual(england.residualRates[6] ?? 0, -0.6, accuracy: 1e-12)
    XCTAssertEqual(england.residualRates[7] ?? 0, 0.3, accuracy: 1e-12)
    let model = CohortComponents(
      before: [5: 2, 6: 3], now: [6: 0, 7: 4], allBefore: [5: 10, 6: 10], ceasedByAge: [:],
      newPlansByAge: [:], pooled: england)
    XCTAssertEqual(model.residualRates[6] ?? 0, -0.6, accuracy: 1e-12)
    XCTAssertEqual(model.residualCounts[6] ?? 0, -0.8, accuracy: 1e-12)
    XCTAssertNil(model.residualRates[7])
    XCTAssertEqual(model.residualCounts[7], 1)
    let next = model.step([5: 20, 6: 30], newPlansGrowth: 1)
    XCTAssertEqual(next[6] ?? 0, 7.2, accuracy: 1e-9)
    XCTAssertEqual(next[7] ?? 0, 31, accuracy: 1e-9)
    let again = model.step([5: 2, 6: 3], newPlansGrowth: 1)
    XCTAssertEqual(again[6] ?? 0, 0, accuracy: 1e-9)
    XCTAssertEqual(again[7] ?? 0, 4, accuracy: 1e-9)
    // England's rate is not taken beyond the LA's survivors: with a third of the LA's
    // 5-year-olds ceasing (q = 1/3), England's −0.9 is held at −2/3.
    let steep = CohortComponents(
      before: [5: 100], now: [6: 10], allBefore: [5: 1000], ceasedByAge: [:],
      newPlansByAge: [:])
    let capped = CohortComponents(
      before: [5: 3], now: [6: 0], allBefore: [5: 3], ceasedByAge: [5: 1, 6: 1],
      newPlansByAge: [:], pooled: steep)
    XCTAssertEqual(steep.residualRates[6] ?? 0, -0.9, accuracy: 1e-12)
    XCTAssertEqual(capped.residualRates[6] ?? 0, -2.0 / 3, accuracy: 1e-12)
  }

  /// Calibrated on T−1 and T, a step from T−1 with new plans unchanged gives T back.
  func testStepReproducesTheCalibrationYear() {
    let before: [Int: Double] = [2: 3, 3: 8, 4: 20, 5: 40, 18: 30, 19: 25, 24: 6, 25: 2]
    let now: [Int: Double] = [2: 4, 3: 9, 4: 30, 5: 45, 6: 41, 19: 20, 20: 18, 25: 5]
    let model = CohortComponents(
      before: before, now: now, allBefore: before.mapValues { 2 * $0 },
      ceasedByAge: [3: 1, 18: 4, 19: 6, 20: 9], newPlansByAge: [2: 2, 3: 4, 4: 6, 5: 3])
    let again = model.step(before, newPlansGrowth: 1)
    for age in AgeCaseload.ages {
      XCTAssertEqual(again[age] ?? 0, now[age] ?? 0, accuracy: 1e-9, "age \(age)")
    }
  }

  /// The ends: "2 and under" ceased count at census age 2 in full, and ages 19–25 share
  /// one rate, `(½X(19) + X(20+)) / Σ_{c≥19} n(c)`.
  func testCeasedRatesAtTheEnds() {
    let rates = CohortComponents.ceasedRates(
      ceasedByAge: [2: 4, 3: 2, 19: 10, 20: 30], census: [2: 100, 19: 50, 20: 30, 25: 20])
    XCTAssertEqual(rates[2] ?? -1, 0.05, accuracy: 1e-12)  // (4 + 1) / 100
    XCTAssertEqual(rates[18], 0)  // no plans at 18
    for age in 19...25 {
      XCTAssertEqual(rates[age] ?? -1, 0.35, accuracy: 1e-12)  // (5 + 30) / 100
    }
    let landing = CohortComponents.landing(newPlansByAge: [2: 6, 3: 4, 20: 2])
    XCTAssertEqual(landing[2], 8)  // 6 + ½·4
    XCTAssertEqual(landing[3], 2)
    XCTAssertEqual(landing[19], 1)
    XCTAssertEqual(landing[20], 1)
    XCTAssertEqual(landing.values.reduce(0, +), 12)
  }
}
