import PlacePlanTestSupport
import PlacePlanning
import XCTest

@testable import PlacePlanningIO

/// The caseload by single year of age (SEN2 2025 release, "Child or young persons age").
final class CaseloadByAgeReaderTests: XCTestCase {
  /// The header of the release's caseload.csv, as in SampleData.
  static func header() throws -> String {
    let text = try String(
      contentsOfFile: TestPaths.sample("ehcp_caseload_by_age_2024_2025.csv"), encoding: .utf8)
    return try XCTUnwrap(text.split(whereSeparator: \.isNewline).first.map(String.init))
  }

  /// West Sussex, January 2025, age 10, as published (line 6710 of the SampleData file).
  static let age10 =
    "202425,Academic year,Local authority,E92000001,England,E12000008,South East,E10000032,938,West Sussex,Child or young persons age,age 10,591,182,19,0,136,12,0,3,0,0,13,365,61.8,131,19,41,14,205,34.7,0,0,3,3,0.5,0,0,0,0,0,8,4,0,0,1,0,5,0,0,0,0,18,3,0,0,0,0,x,x"

  func testPublishedRowAndSuppressedCells() throws {
    // Age 10: 591 EHCPs; state special = LA maintained 131 + academy/free 19 = 150; INMS =
    // independent 41 + non-maintained 14 = 55.
    let withSuppressedSpecial = Self.age10.replacingOccurrences(
      of: ",131,19,41,", with: ",x,19,41,"
    )
    .replacingOccurrences(of: "age 10", with: "age 11")
    let ages = try CaseloadByAgeReader.parse(
      text: [try Self.header(), Self.age10, withSuppressedSpecial].joined(separator: "\n"),
      file: "caseload.csv")
    let codes = ["E10000032"]
    XCTAssertEqual(ages.counts(codes: codes, censusYear: 2025, setting: .total)?[10], 591)
    XCTAssertEqual(ages.counts(codes: codes, censusYear: 2025, setting: .inms)?[10], 55)
    // A suppressed cell at any age leaves the setting type without counts that year: a
    // suppressed count is not 0.
    XCTAssertNil(ages.counts(codes: codes, censusYear: 2025, setting: .specialState))
    XCTAssertEqual(ages.counts(codes: codes, censusYear: 2025, setting: .total)?[11], 591)
    XCTAssertEqual(ages.counts(codes: codes, censusYear: 2025, setting: .total)?[12], 0)
  }

  /// "age 10" and "age 010" are the same age: the second is a repeated row.
  func testTheSameAgeTwiceIsARepeat() throws {
    let again = Self.age10.replacingOccurrences(of: "age 10", with: "age 010")
    XCTAssertThrowsError(
      try CaseloadByAgeReader.parse(
        text: [try Self.header(), Self.age10, again].joined(separator: "\n"), file: "caseload.csv")
    ) { error in
      XCTAssertEqual(
        error as? InputError,
        .duplicateRow(file: "caseload.csv", line: 3, firstLine: 2, key: "E10000032 2025 age 10"))
    }
  }

  func testUnknownAgeIsLocated() throws {
    let bad = Self.age10.replacingOccurrences(of: "age 10", with: "age 26")
    XCTAssertThrowsError(
      try CaseloadByAgeReader.parse(
        text: [try Self.header(), Self.age10, bad].joined(separator: "\n"), file: "caseload.csv")
    ) { error in
      guard let error = error as? InputError else { return XCTFail("\(error)") }
      XCTAssertEqual(error.location.line, 3)
      XCTAssertEqual(error.location.column, 12)
      XCTAssertTrue(error.description.contains("\"under 3\" or \"age 3\" to \"age 25\""))
    }
  }
}
