import PlacePlanTestSupport
import PlacePlanning
import XCTest

@testable import PlacePlanningIO

/// Readings of the real DfE files. Expected counts are the published cells (West Sussex,
/// E10000032), added up by hand in the comments; counts are whole numbers, so equality is exact.
final class CaseloadReaderTests: XCTestCase {
  private func westSussex(_ records: [CaseloadRecord], _ year: Int) throws -> CaseloadRecord {
    try XCTUnwrap(records.first { $0.laCode == "E10000032" && $0.censusYear == year })
  }

  func testRelease2025WestSussexJanuary2025() throws {
    let (records, layout) = try CaseloadReader.read(
      path: TestPaths.fixture("caseload2025_extract.csv"))
    XCTAssertEqual(layout, .release2025)
    // Only "All EHC plans" rows: 7 years × 2 LAs; the 12 age-breakdown rows are ignored.
    XCTAssertEqual(records.count, 14)
    let record = try westSussex(records, 2025)
    XCTAssertEqual(record[.total], 9301)
    XCTAssertEqual(record[.mainstream], 3791)
    XCTAssertEqual(record[.rpSENUnit], 390)  // 202 + 0 + 188 + 0 + 0 + 0 (RP and SEN units)
    XCTAssertEqual(record[.specialState], 2147)  // 1998 LA maintained + 149 academy/free
    XCTAssertEqual(record[.inms], 919)  // 670 independent + 249 non-maintained
    XCTAssertEqual(record[.apPRU], 43)
    XCTAssertEqual(record[.fePost16], 1764)
    XCTAssertEqual(record[.earlyYears], 91)
    XCTAssertEqual(record[.other], 546)  // ed_elsewhere 539 + placement_unknown 7
  }

  func testEstablishment2022WestSussex2018() throws {
    let (records, layout) = try CaseloadReader.read(
      path: TestPaths.fixture("estab2022_extract.csv"))
    XCTAssertEqual(layout, .establishment2022)
    XCTAssertEqual(records.count, 2)
    let record = try westSussex(records, 2018)
    XCTAssertEqual(record[.total], 4869)
    XCTAssertEqual(record[.mainstream], 1819)
    XCTAssertEqual(record[.rpSENUnit], 344)  // 1 + 202 + 0 + 141 + 0 + 0
    XCTAssertEqual(record[.specialState], 1672)  // 1668 + 4 + 0 hospital
    XCTAssertEqual(record[.inms], 356)  // 164 + 192
    XCTAssertEqual(record[.apPRU], 8)
    XCTAssertEqual(record[.fePost16], 887)
    XCTAssertEqual(record[.earlyYears], 33)
    XCTAssertEqual(record[.other], 94)  // 4869 − 1819 − 1672 − 356 − 8 − 887 − 33
  }

  /// A second row for the same LA, census, establishment type and group in the 2022 layout
  /// is a duplicate naming both lines, even after rows of another census between them.
  func testEstablishment2022DuplicateRowNamesBothLines() throws {
    let text = try String(
      contentsOfFile: TestPaths.fixture("estab2022_extract.csv"), encoding: .utf8)
    var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    while lines.last == "" { lines.removeLast() }
    // Line 2 (the first data row) repeated at the end of the file.
    let duplicated = (lines + [lines[1]]).joined(separator: "\n") + "\n"
    let fields = lines[1].split(separator: ",").map(String.init)
    XCTAssertThrowsError(try CaseloadReader.parse(text: duplicated, file: "estab.csv")) { error in
      XCTAssertEqual(
        error as? InputError,
        .duplicateRow(
          file: "estab.csv", line: lines.count + 1, firstLine: 2,
          key: "\(fields[8]) \(fields[0]) \(fields[10]) / \(fields[11])"))
    }
  }

  func testDerivedFileMatchesTheReleasesItWasBuiltFrom() throws {
    let derived = try CaseloadReader.read(path: TestPaths.fixture("derived_extract.csv")).records
    let release = try CaseloadReader.read(path: TestPaths.fixture("caseload2025_extract.csv"))
      .records
    let establishment = try CaseloadReader.read(path: TestPaths.fixture("estab2022_extract.csv"))
      .records
    for record in release + establishment {
      let match = try XCTUnwrap(
        derived.first { $0.laCode == record.laCode && $0.censusYear == record.censusYear },
        "\(record.laCode) \(record.censusYear)")
      for setting in SettingType.allCases {
        XCTAssertEqual(
          match[setting], record[setting], "\(record.laCode) \(record.censusYear) \(setting)")
      }
    }
  }

  /// Every LA-year of 2019–2025 in the full derived file agrees with the full 2025 release,
  /// setting by setting, and the additive setting types sum to the total.
  func testFullFilesAgreeAndAddUp() throws {
    let derived = try CaseloadReader.read(
      path: TestPaths.sharedFile("data/ehcp_sen2/derived_ehcp_caseload_by_la_setting_2010_2025.csv")
    ).records
    let release = try CaseloadReader.read(
      path: TestPaths.sharedFile("data/ehcp_sen2/ehcp2025_caseload.csv")
    ).records
    XCTAssertGreaterThan(release.count, 1000)
    var index: [String: CaseloadRecord] = [:]
    for record in derived { index["\(record.laCode)|\(record.censusYear)"] = record }
    var compared = 0
    for record in release {
      guard let match = index["\(record.laCode)|\(record.censusYear)"] else { continue }
      compared += 1
      for setting in SettingType.allCases {
        XCTAssertEqual(
          match[setting], record[setting], "\(record.laCode) \(record.censusYear) \(setting)")
      }
    }
    XCTAssertGreaterThan(compared, 1000)
    for record in derived {
      guard let total = record[.total] else { continue }
      let parts = SettingType.additiveParts.compactMap { record[$0] }
      if parts.count == SettingType.additiveParts.count {
        XCTAssertEqual(parts.reduce(0, +), total, accuracy: 1e-9, record.source)
      }
    }
  }

  func testPopulationReaderWestSussex() throws {
    let population = try PopulationReader.read(path: TestPaths.fixture("population_extract.csv"))
    let ages = try XCTUnwrap(population.ages(for: ["E10000032"], midYear: 2024))
    XCTAssertEqual(ages.count, 26)
    XCTAssertEqual(ages[0], 7812)  // ONS mid-2024, West Sussex, age 0
    // Buckinghamshire mid-2018 is only under E10000002, mid-2019 on under E06000060.
    XCTAssertNotNil(population.total0to25(for: ["E10000002", "E06000060"], midYear: 2018))
    XCTAssertNotNil(population.total0to25(for: ["E10000002", "E06000060"], midYear: 2019))
    XCTAssertNil(population.total0to25(for: ["E10000002"], midYear: 2019))
  }
}
