import PlacePlanTestSupport
import PlacePlanning
import XCTest

@testable import PlacePlanningIO

/// The SEN2 2025 need breakdowns (`sen_needs_all_plans.csv`, `sen_need_newplans.csv`), read
/// from the SampleData extracts of the release (see `SampleData/SOURCES.md`).
final class NeedReaderTests: XCTestCase {
  static let westSussex = ["E10000032"]

  /// The header of the release's need files, as in SampleData.
  static func header() throws -> String {
    let text = try String(
      contentsOfFile: TestPaths.sample("ehcp_needs_all_plans_2025.csv"), encoding: .utf8)
    return try XCTUnwrap(text.split(whereSeparator: \.isNewline).first.map(String.init))
  }

  /// West Sussex, January 2025: all plans, and state special LA maintained, as published
  /// (lines 5759 and 5809 of the SampleData extract).
  static let allPlans =
    "202425,Academic year,Local authority,E92000001,England,E12000008,South East,E10000032,938,West Sussex,All EHC plans,All EHC plans,9301,2583,97,1041,11,0,425,73,2098,2467,116,317,73,0,27.8,1,11.2,0.1,0,4.6,0.8,22.6,26.5,1.2,3.4,0.8,0"
  static let specialMaintained =
    "202425,Academic year,Local authority,E92000001,England,E12000008,South East,E10000032,938,West Sussex,Type of placement,Special - LA maintained,1998,742,8,256,2,0,113,44,100,626,69,30,8,0,37.1,0.4,12.8,0.1,0,5.7,2.2,5,31.3,3.5,1.5,0.4,0"

  func testWestSussexJanuary2025AsPublished() throws {
    let needs = try NeedReader.read(path: TestPaths.sample("ehcp_needs_all_plans_2025.csv"))
    XCTAssertEqual(needs.plans, .caseload)
    XCTAssertEqual(needs.year, 2025)
    let total = try XCTUnwrap(needs.cell(codes: Self.westSussex, setting: .total))
    XCTAssertEqual(total.total, 9301)
    XCTAssertEqual(total.counts[.asd], 2583)
    XCTAssertEqual(total.counts[.slcn], 2467)
    XCTAssertEqual(total.counts[.semh], 2098)
    XCTAssertEqual(total.counts[.mld], 1041)
    // State special = LA maintained (1,998; ASD 742) + academy/free (149; ASD 35).
    let special = try XCTUnwrap(needs.cell(codes: Self.westSussex, setting: .specialState))
    XCTAssertEqual(special.total, 1998 + 149)
    XCTAssertEqual(special.counts[.asd], 742 + 35)
    // INMS = independent (670) + non-maintained (249), as the caseload file counts it.
    XCTAssertEqual(needs.cell(codes: Self.westSussex, setting: .inms)?.total, 670 + 249)
    XCTAssertEqual(needs.ages(codes: Self.westSussex)?[10]?.counts[.asd], 182)
    XCTAssertEqual(needs.england(.total)?.total, 638_745)
  }

  func testNewPlansOfCalendar2024() throws {
    let newPlans = try NeedReader.read(path: TestPaths.sample("ehcp_need_newplans_2024.csv"))
    XCTAssertEqual(newPlans.plans, .newPlans)
    XCTAssertEqual(newPlans.year, 2024)
    XCTAssertEqual(newPlans.cell(codes: Self.westSussex, setting: .total)?.total, 1788)
    XCTAssertEqual(newPlans.cell(codes: Self.westSussex, setting: .total)?.counts[.semh], 611)
    // "age 2 and under" is read as age 2, "age 20 and over" as 20.
    XCTAssertNotNil(newPlans.ages(codes: Self.westSussex)?[AgeCaseload.youngestAge])
  }

  /// A suppressed need is missing, not 0, and an LA's setting totals still stand.
  func testSuppressedCellIsMissingNotZero() throws {
    let suppressed = Self.specialMaintained.replacingOccurrences(
      of: "1998,742,8,", with: "1998,742,x,")
    let needs = try NeedReader.parse(
      text: [try Self.header(), Self.allPlans, suppressed].joined(separator: "\n"),
      file: "needs.csv")
    let cell = try XCTUnwrap(needs.cell(codes: Self.westSussex, setting: .specialState))
    XCTAssertNil(cell.counts[.hi])
    XCTAssertEqual(cell.suppressed, [.hi])
    XCTAssertEqual(cell.total, 1998)
    // A setting type the LA has no placement row for has no plans in it.
    XCTAssertEqual(needs.cell(codes: Self.westSussex, setting: .apPRU)?.total, 0)
  }

  /// A file mixing a census and new plans (or two years) is refused at the row.
  func testTwoYearsInOneFileIsLocated() throws {
    let newPlansRow = Self.specialMaintained.replacingOccurrences(
      of: "202425,Academic year", with: "2024,Calendar year")
    XCTAssertThrowsError(
      try NeedReader.parse(
        text: [try Self.header(), Self.allPlans, newPlansRow].joined(separator: "\n"),
        file: "needs.csv")
    ) { error in
      let text = "\(error)"
      XCTAssertTrue(text.contains("needs.csv:3"), text)
      XCTAssertTrue(text.contains("one release's year"), text)
    }
  }

  func testUnknownAgeLabelAndRepeatedRowAreLocated() throws {
    let badAge = Self.allPlans.replacingOccurrences(
      of: "All EHC plans,All EHC plans", with: "Child or young persons age,age ten")
    XCTAssertThrowsError(
      try NeedReader.parse(
        text: [try Self.header(), Self.allPlans, badAge].joined(separator: "\n"),
        file: "needs.csv")
    ) { error in
      XCTAssertTrue("\(error)".contains("needs.csv:3"), "\(error)")
    }
    XCTAssertThrowsError(
      try NeedReader.parse(
        text: [try Self.header(), Self.allPlans, Self.allPlans].joined(separator: "\n"),
        file: "needs.csv")
    ) { error in
      XCTAssertTrue("\(error)".contains("needs.csv:3"), "\(error)")
    }
  }

  /// A caseload file is not a need file.
  func testOtherLayoutIsRefused() throws {
    XCTAssertThrowsError(
      try NeedReader.read(path: TestPaths.sample("ehcp_caseload_by_age_2024_2025.csv"))
    ) { error in
      XCTAssertTrue("\(error)".contains("number_asd"), "\(error)")
    }
  }

  /// The placement mapping agrees with the caseload file's columns for every LA: each
  /// setting type's plans in the need file (Type of placement rows summed by
  /// `PlacementMapping`) equal the caseload file's count for January 2025, exactly, where
  /// neither is suppressed. North East Lincolnshire's caseload is suppressed throughout.
  func testPlacementMappingMatchesCaseloadForEveryLA() throws {
    let caseloadPath = TestPaths.sharedFile("data/ehcp_sen2/ehcp2025_caseload.csv")
    guard FileManager.default.fileExists(atPath: caseloadPath) else {
      throw XCTSkip("the shared SEN2 2025 caseload is not beside the package: \(caseloadPath)")
    }
    let needs = try NeedReader.read(
      path: TestPaths.sharedFile("data/ehcp_sen2/ehcp2025_sen_needs_all_plans.csv"))
    let records = try CaseloadReader.read(path: caseloadPath).records.filter {
      $0.censusYear == 2025
    }
    var compared = 0
    var mismatches: [String] = []
    for record in records where record.laCode != CaseloadHistory.englandCode {
      for setting in SettingType.allCases {
        guard let expected = record.counts[setting],
          let cell = needs.cell(codes: [record.laCode], setting: setting)
        else { continue }
        compared += 1
        if cell.total != expected {
          mismatches.append("\(record.laName) \(setting.rawValue): \(cell.total) vs \(expected)")
        }
      }
    }
    XCTAssertEqual(mismatches, [])
    // 153 LAs × 9 setting types, less the suppressed caseload cells.
    XCTAssertGreaterThan(compared, 1300)
  }
}
