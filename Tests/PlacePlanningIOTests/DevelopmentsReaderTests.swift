import PlacePlanTestSupport
import PlacePlanning
import XCTest

@testable import PlacePlanningIO

final class DevelopmentsReaderTests: XCTestCase {
  private let header =
    "development,district,dwelling_type,bedrooms,tenure,academic_year,completions"
  private let districts = ["Adur", "Horsham", "Mid Sussex", "West Sussex"]

  private func error(_ rows: [String]) -> InputError? {
    do {
      _ = try DevelopmentsReader.parse(
        text: ([header] + rows).joined(separator: "\n"), file: "developments.csv",
        knownDistricts: districts)
      return nil
    } catch {
      return error
    }
  }

  func testLongLayoutGroupsRowsByDevelopment() throws {
    let developments = try DevelopmentsReader.parse(
      text: [
        header,
        "Site A,horsham,house,3,market,2027/28,30",
        "Site B,,flat,1,affordable,2027/28,8",
        "Site A,Horsham,house,4+,affordable,2028/29,12",
        "Site A,Horsham,flat,2,market,2028/29,0",
      ].joined(separator: "\n"), file: "developments.csv", knownDistricts: districts)
    XCTAssertEqual(developments.map(\.name), ["Site A", "Site B"])
    // The dashboard's spelling of the district is kept; blank means none.
    XCTAssertEqual(developments[0].district, "Horsham")
    XCTAssertNil(developments[1].district)
    XCTAssertEqual(developments[0].dwellings, 42)
    XCTAssertEqual(
      developments[0].completions[1].mix,
      DwellingMix(type: .house, bedrooms: .fourPlus, tenure: .affordable))
    XCTAssertEqual(developments[0].completions[1].source, "developments.csv:4")
    XCTAssertEqual(
      developments[0].years, [AcademicYear(startYear: 2027), AcademicYear(startYear: 2028)])
  }

  func testSampleTrajectory() throws {
    let developments = try DevelopmentsReader.read(
      path: TestPaths.sample("west_sussex_developments_ILLUSTRATIVE.csv"),
      knownDistricts: [
        "Adur", "Arun", "Chichester", "Crawley", "Horsham", "Mid Sussex", "Worthing",
      ])
    XCTAssertEqual(developments.count, 7)
    XCTAssertEqual(developments.reduce(0) { $0 + $1.dwellings }, 1342)
    let years = Set(developments.flatMap(\.years)).sorted()
    XCTAssertEqual(years.first, AcademicYear(startYear: 2026))
    XCTAssertEqual(years.last, AcademicYear(startYear: 2030))
  }

  func testUnknownDwellingType() {
    let failure = error(["Site A,Horsham,bungalow,3,market,2027/28,30"])
    XCTAssertEqual(failure?.location.line, 2)
    XCTAssertEqual(failure?.location.column, 3)
    XCTAssertTrue(failure?.description.contains("use house or flat") ?? false)
  }

  func testUnknownBedrooms() {
    let failure = error(["Site A,Horsham,house,5,market,2027/28,30"])
    XCTAssertEqual(failure?.location.line, 2)
    XCTAssertEqual(failure?.location.column, 4)
    XCTAssertTrue(failure?.description.contains("four or more bedrooms are 4+") ?? false)
  }

  func testUnknownTenure() {
    let failure = error([
      "Site A,Horsham,house,3,market,2027/28,30", "Site A,Horsham,house,3,social,2027/28,30",
    ])
    XCTAssertEqual(failure?.location.line, 3)
    XCTAssertEqual(failure?.location.column, 5)
    XCTAssertTrue(failure?.description.contains("use market or affordable") ?? false)
  }

  func testNegativeCompletions() {
    let failure = error(["Site A,Horsham,house,3,market,2027/28,-5"])
    XCTAssertEqual(failure?.location.line, 2)
    XCTAssertEqual(failure?.location.column, 7)
    XCTAssertEqual(
      failure?.description,
      "developments.csv:2:7: completions is -5; a count cannot be negative; fix: correct the cell")
  }

  func testFractionalAndNonNumericCompletions() {
    XCTAssertEqual(error(["Site A,Horsham,house,3,market,2027/28,2.5"])?.location.column, 7)
    let failure = error(["Site A,Horsham,house,3,market,2027/28,lots"])
    XCTAssertEqual(failure?.location.column, 7)
    XCTAssertTrue(failure?.description.contains("not a number") ?? false)
  }

  func testBadAcademicYears() {
    for bad in ["2027/29", "2027", "2027-28", "1999/00"] {
      let failure = error(["Site A,Horsham,house,3,market,\(bad),30"])
      XCTAssertEqual(failure?.location.line, 2, bad)
      XCTAssertEqual(failure?.location.column, 6, bad)
      XCTAssertTrue(
        failure?.description.contains("write an academic year such as 2027/28") ?? false, bad)
    }
  }

  func testDuplicateRowNamesBothLines() {
    let failure = error([
      "Site A,Horsham,house,3,market,2027/28,30",
      "Site A,Horsham,house,4+,market,2027/28,10",
      "Site A,Horsham,house,3,market,2027/28,12",
    ])
    XCTAssertEqual(failure?.location.line, 4)
    XCTAssertTrue(
      failure?.description.contains(
        "Site A, house, 3 bedrooms, market, 2027/28 appears again (first on line 2)") ?? false,
      failure?.description ?? "")
    XCTAssertTrue(failure?.description.contains("add the two rows' completions") ?? false)
  }

  func testUnknownDistrictSuggestsTheDashboardName() {
    let failure = error(["Site A,Horsham District,house,3,market,2027/28,30"])
    XCTAssertEqual(failure?.location.line, 2)
    XCTAssertEqual(failure?.location.column, 2)
    XCTAssertTrue(failure?.description.contains("did you mean Horsham?") ?? false)
  }

  func testOneDistrictPerDevelopment() {
    let failure = error([
      "Site A,Horsham,house,3,market,2027/28,30", "Site A,Mid Sussex,house,3,market,2028/29,30",
    ])
    XCTAssertEqual(failure?.location.line, 3)
    XCTAssertEqual(failure?.location.column, 2)
    XCTAssertTrue(failure?.description.contains("but in Horsham on line 2") ?? false)
  }

  func testBlankDevelopmentAndWrongLayout() {
    XCTAssertEqual(error([",Horsham,house,3,market,2027/28,30"])?.location.column, 1)
    XCTAssertThrowsError(
      try DevelopmentsReader.parse(text: "name,dwellings\nA,3", file: "x.csv")
    ) { error in
      guard case .unknownSchema = error as? InputError else {
        return XCTFail("\(error)")
      }
    }
  }
}
