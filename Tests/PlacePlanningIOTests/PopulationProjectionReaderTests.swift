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
}
