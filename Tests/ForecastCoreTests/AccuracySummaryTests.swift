import ForecastCore
import XCTest

final class AccuracySummaryTests: XCTestCase {
  /// Hand calculation. Outcomes (f, a): (110, 100) APE 10, signed +10; (90, 100) APE 10,
  /// signed −10; (130, 100) APE 30, signed +30; (0, 0) is left out of the percentage errors.
  /// median APE 10, mean APE 50/3, bias 30/3 = 10. Scales 10, 5, nil, 1: scaled errors
  /// 1, 2, (none), 0 → MASE 1. Intervals: 80% [100,120] holds 100 (yes); [95,99] holds 100
  /// (no); [120,140] (no); none for the last → coverage 1/3.
  func testHandCalculation() {
    let outcomes = [
      ForecastOutcome(forecast: 110, actual: 100, interval80: 100...120, scale: 10),
      ForecastOutcome(forecast: 90, actual: 100, interval80: 95...99, scale: 5),
      ForecastOutcome(forecast: 130, actual: 100, interval80: 120...140),
      ForecastOutcome(forecast: 0, actual: 0, scale: 1),
    ]
    let summary = AccuracySummary(outcomes)
    XCTAssertEqual(summary.count, 4)
    XCTAssertEqual(summary.medianAPE ?? .nan, 10, accuracy: 1e-12)
    XCTAssertEqual(summary.meanAPE ?? .nan, 50.0 / 3, accuracy: 1e-12)
    XCTAssertEqual(summary.bias ?? .nan, 10, accuracy: 1e-12)
    XCTAssertEqual(summary.mase ?? .nan, 1, accuracy: 1e-12)
    XCTAssertEqual(summary.coverage80 ?? .nan, 1.0 / 3, accuracy: 1e-12)
    XCTAssertEqual(summary.intervalCount, 3)
    XCTAssertNil(summary.coverage95)
  }

  /// numpy.quantile([3, 1, 4, 1, 5], [0.1, 0.5, 0.9]) = [1.0, 3.0, 4.6] (type 7).
  func testQuantileMatchesNumpy() {
    let values: [Double] = [3, 1, 4, 1, 5]
    XCTAssertEqual(AccuracySummary.quantile(values, 0.1) ?? .nan, 1.0, accuracy: 1e-12)
    XCTAssertEqual(AccuracySummary.quantile(values, 0.5) ?? .nan, 3.0, accuracy: 1e-12)
    XCTAssertEqual(AccuracySummary.quantile(values, 0.9) ?? .nan, 4.6, accuracy: 1e-12)
    XCTAssertNil(AccuracySummary.quantile([], 0.5))
  }

  /// The median by selection equals the middle of the sorted values, for odd and even
  /// counts, ties, negative values and already-sorted or reversed input (8,000 seeded
  /// random cases, compared exactly: both pick the same order statistics).
  func testMedianBySelectionEqualsSortedMiddle() {
    var state: UInt64 = 0x9E37_79B9_7F4A_7C15
    func next() -> UInt64 {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return state >> 33
    }
    for trial in 0..<8000 {
      let count = 1 + Int(next() % 60)
      var values = (0..<count).map { _ in Double(Int(next() % 21) - 10) / 4 }
      if trial % 7 == 0 { values.sort() }
      if trial % 11 == 0 { values.sort(by: >) }
      let sorted = values.sorted()
      let middle = count / 2
      let expected = count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
      XCTAssertEqual(AccuracySummary.median(values), expected, "\(values)")
    }
    XCTAssertNil(AccuracySummary.median([]))
    XCTAssertEqual(AccuracySummary.median([3, .nan, 1])?.isNaN, [3, .nan, 1].sorted()[1].isNaN)
  }
}
