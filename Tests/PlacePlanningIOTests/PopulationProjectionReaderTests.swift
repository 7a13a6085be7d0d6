import PlacePlanTestSupport
import PlacePlanning
import XCTest

@testable import PlacePlanningIO

/// The ONS SNPP wide layout: Solihull, 2022-based projections.
final class PopulationProjectionReaderTests: XCTestCase {
  func testSolihullProjection() throws {
    let projection = try PopulationReader.read(
      path: TestPaths.fixture("snpp2022_solihull_persons_age0_25.csv"))
    XCTAssertEqual(projection.midYears, Array(2022...2047))
    // Sum of the 26 cells of column 2025 (Python csv module, run independently): 65494.061.
    XCTAssertEqual(
      try XCTUnwrap(projection.total0to25(for: ["E08000029"], midYear: 2025)), 65494.061,
      accuracy: 1e-6)
    XCTAssertEqual(try XCTUnwrap(projection.ages(for: ["E08000029"], midYear: 2030))[0], 2019.989)
  }

  func testProjectionRowsOfOtherComponentsAreIgnored() throws {
    let text = """
      AREA_CODE,AREA_NAME,COMPONENT,SEX,AGE_GROUP,2025
      E08000029,Solihull,Births,persons,0,1999
      E08000029,Solihull,Population,females,0,1000
      E08000029,Solihull,Population,persons,0,2002.235
      """
    let projection = try PopulationReader.parse(text: text, file: "snpp.csv")
    XCTAssertEqual(projection.midYears, [2025])
    XCTAssertNil(projection.total0to25(for: ["E08000029"], midYear: 2025))  // only age 0 present
  }

  /// The long layout: a second row for an area, mid-year and age names both lines; rows of
  /// several areas interleaved are each kept under their own code.
  func testLongLayoutDuplicateRowNamesBothLines() throws {
    let header = "mid_year,area_code,area_name,geography,age,population\n"
    // Ages 0-25 of two areas, alternating row by row; one code in lower case.
    var rows = ""
    for age in 0...25 {
      rows +=
        "2024,\(age == 0 ? "e10000032" : "E10000032"),West Sussex,County,\(age),\(9000 + age)\n"
      rows += "2024,E10000016,Kent,County,\(age),\(17000 + age)\n"
    }
    let interleaved = try PopulationReader.parse(text: header + rows, file: "population.csv")
    XCTAssertEqual(
      interleaved.ages(for: ["E10000032"], midYear: 2024), (0...25).map { Double(9000 + $0) })
    XCTAssertEqual(
      interleaved.ages(for: ["E10000016"], midYear: 2024), (0...25).map { Double(17000 + $0) })
    XCTAssertThrowsError(
      try PopulationReader.parse(
        text: header + "2024,E10000032,West Sussex,County,0,9000\n"
          + "2024,E10000032,West Sussex,County,1,9100\n2024,E10000032,West Sussex,County,0,9001\n",
        file: "population.csv")
    ) { error in
      XCTAssertEqual(
        error as? InputError,
        .duplicateRow(
          file: "population.csv", line: 4, firstLine: 2, key: "E10000032 mid-2024 age 0"))
    }
  }

  /// An area and mid-year met again after other rows is taken up where it was left: its
  /// ages are merged, a repeated age is a duplicate naming both lines, and the area is
  /// known by the name on its last row.
  func testLongLayoutGroupMetAgainLater() throws {
    let header = "mid_year,area_code,area_name,geography,age,population\n"
    func rows(_ name: String, _ year: Int, _ ages: ClosedRange<Int>, base: Int) -> String {
      ages.map { "\(year),E10000032,\(name),County,\($0),\(base + $0)\n" }.joined()
    }
    // West Sussex's 2024 ages in two parts, Kent and West Sussex 2023 between them.
    let split =
      header + rows("West Sussex", 2024, 0...12, base: 9000)
      + "2024,E10000016,Kent,County,0,17000\n"
      + rows("West Sussex", 2023, 0...25, base: 8000)
      + rows("West Sussex CC", 2024, 13...25, base: 9000)
    let population = try PopulationReader.parse(text: split, file: "population.csv")
    XCTAssertEqual(
      population.ages(for: ["E10000032"], midYear: 2024), (0...25).map { Double(9000 + $0) })
    XCTAssertEqual(population.names["E10000032"], "West Sussex CC")
    XCTAssertThrowsError(
      try PopulationReader.parse(
        text: split + "2024,E10000016,Kent,County,1,17100\n2024,E10000032,West Sussex,County,0,1\n",
        file: "population.csv")
    ) { error in
      // Lines: header 1, West Sussex 2024 ages 0-12 on 2-14, Kent 15, 2023 on 16-41,
      // 2024 ages 13-25 on 42-54, Kent 55, the repeat on 56.
      XCTAssertEqual(
        error as? InputError,
        .duplicateRow(
          file: "population.csv", line: 56, firstLine: 2, key: "E10000032 mid-2024 age 0"))
    }
  }
}
