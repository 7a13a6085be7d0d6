import XCTest

@testable import PlacePlanning

/// `PerSetting` holds what a dictionary keyed by setting type holds, in a fixed order.
final class PerSettingTests: XCTestCase {
  func testIndexIsThePositionInAllCases() {
    for (position, setting) in SettingType.allCases.enumerated() {
      XCTAssertEqual(setting.index, position, setting.rawValue)
    }
  }

  func testActsAsADictionaryInSettingTypeOrder() {
    var counts: PerSetting<Double> = [.other: 5, .total: 40, .specialState: 12]
    XCTAssertEqual(counts[.total], 40)
    XCTAssertNil(counts[.inms])
    counts[.inms, default: 0] += 3
    counts[.inms, default: 0] += 4
    counts[.other] = nil
    XCTAssertEqual(counts.keys, [.total, .specialState, .inms])
    XCTAssertEqual(counts.map(\.value), [40, 12, 7])
    XCTAssertEqual(counts.mapValues { $0 * 2 }[.inms], 14)
    XCTAssertEqual(counts, PerSetting([.inms: 7, .specialState: 12, .total: 40]))
    XCTAssertFalse(counts.isEmpty)
    XCTAssertTrue(PerSetting<Double>().isEmpty)
    XCTAssertEqual(counts.compactMapValues { $0 > 10 ? $0 : nil }.keys, [.total, .specialState])
  }

  /// Setting types and methods compare and hash by position (not by their raw strings), so
  /// each case must be equal only to itself and keep its place in `allCases`.
  func testSettingTypesAndMethodsAreEqualOnlyToThemselves() {
    for (position, method) in ForecastMethod.allCases.enumerated() {
      XCTAssertEqual(method.index, position, method.rawValue)
      XCTAssertEqual(ForecastMethod(rawValue: method.rawValue), method)
    }
    XCTAssertEqual(Set(ForecastMethod.allCases).count, ForecastMethod.allCases.count)
    XCTAssertEqual(Set(SettingType.allCases).count, SettingType.allCases.count)
    for a in SettingType.allCases {
      for b in SettingType.allCases {
        XCTAssertEqual(a == b, a.rawValue == b.rawValue)
        XCTAssertEqual(a < b, a.index < b.index)
      }
    }
    XCTAssertEqual(SettingType.allCases.sorted(by: >).first, .other)
  }
}
