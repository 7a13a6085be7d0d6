import XCTest

@testable import PlacePlanningIO

/// Pounds as a person reads them, by hand.
final class NumberFormatTests: XCTestCase {
  /// Whole pounds are grouped; `short` gives millions to one decimal, grouped above a
  /// thousand million (the report's NPV of £1,978,804,735 read "£1978.8m"); below a million
  /// `short` stays in whole pounds; the minus goes before the £.
  func testPounds() {
    XCTAssertEqual(NumberFormat.pounds(14_309_277), "£14,309,277")
    XCTAssertEqual(NumberFormat.pounds(14_309_277, short: true), "£14.3m")
    XCTAssertEqual(NumberFormat.pounds(1_978_804_735, short: true), "£1,978.8m")
    XCTAssertEqual(NumberFormat.pounds(-14_349_999, short: true, minus: "−"), "−£14.3m")
    // 999.95 million rounds up to a thousand million: the tenths carry into the whole.
    XCTAssertEqual(NumberFormat.pounds(999_950_000, short: true), "£1,000.0m")
    XCTAssertEqual(NumberFormat.pounds(58_816_000, short: true), "£58.8m")
    XCTAssertEqual(NumberFormat.pounds(950_000, short: true), "£950,000")
    // Not a crash on values no cost reaches: infinity is written as it is.
    XCTAssertFalse(NumberFormat.pounds(.infinity, short: true).isEmpty)
  }
}
