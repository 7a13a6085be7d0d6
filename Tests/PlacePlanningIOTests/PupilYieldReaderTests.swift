import Foundation
import PlacePlanTestSupport
import PlacePlanning
import XCTest

@testable import PlacePlanningIO

final class PupilYieldReaderTests: XCTestCase {
  private var modelPath: String {
    TestPaths.packageRoot.appendingPathComponent("Models/pupil_yield.yaml").path
  }

  private func modelText() throws -> String {
    try String(contentsOfFile: modelPath, encoding: .utf8)
  }

  func testShippedModelHasEveryMixWithSources() throws {
    let yield = try PupilYieldReader.read(path: modelPath)
    XCTAssertTrue(yield.excludesOneBedroom.value)
    XCTAssertTrue(yield.excludesOneBedroom.source.contains("Securing developer contributions"))
    XCTAssertEqual(yield.entries.count, 12)
    XCTAssertEqual(yield.specialistSettings.value, [.specialState, .rpSENUnit, .inms])
    XCTAssertEqual(yield.districtMinimumPupils.value, 1000)
    let house = DwellingMix(type: .house, bedrooms: .three, tenure: .market)
    XCTAssertEqual(yield.pupilsPerDwelling(house, phase: .primary), 0.27)
    XCTAssertEqual(yield.pupilsPerDwelling(house, phase: .primary, level: .low), 0.19)
    XCTAssertEqual(yield.pupilsPerDwelling(house, phase: .primary, level: .high), 0.35)
    let flat = DwellingMix(type: .flat, bedrooms: .one, tenure: .affordable)
    XCTAssertEqual(yield.pupilsPerDwelling(flat, phase: .primary), 0)
    for entry in yield.entries.values {
      XCTAssertTrue(entry.source.hasPrefix("Assumption"), "\(entry.mix)")
    }
  }

  func testOneBedroomEntryWhenExcludedIsLocated() throws {
    let text =
      try modelText()
        + """
          - dwelling_type: flat
            bedrooms: "1"
            tenure: market
            early-years: {value: 0}
            primary: {value: 0.01}
            secondary: {value: 0}
            post-16: {value: 0}
            source: "test"

        """
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    let entryLine = (lines.lastIndex { $0.contains("bedrooms: \"1\"") } ?? 0)
    XCTAssertThrowsError(try PupilYieldReader.parse(text: text, file: "pupil_yield.yaml")) {
      error in
      let failure = error as? InputError
      // The entry starts on the line before its bedrooms (lines count from 1).
      XCTAssertEqual(failure?.location.line, entryLine)
      XCTAssertTrue(
        failure?.description.contains("set one_bedroom.exclude: false") ?? false,
        failure?.description ?? "")
    }
  }

  func testMissingMixAndBadRangeAreReported() throws {
    let text = try modelText()
    let withoutFlats = text.components(separatedBy: "  - dwelling_type: flat")[0]
    XCTAssertThrowsError(try PupilYieldReader.parse(text: withoutFlats, file: "y.yaml")) {
      error in
      XCTAssertTrue(
        (error as? InputError)?.description.contains(
          "yields has no entry for flat, 2 bedrooms, market") ?? false, "\(error)")
    }
    let badLow = text.replacingOccurrences(
      of: "primary: {value: 0.27, low: 0.19", with: "primary: {value: 0.27, low: 0.29")
    XCTAssertThrowsError(try PupilYieldReader.parse(text: badLow, file: "y.yaml")) { error in
      let failure = error as? InputError
      XCTAssertTrue(
        failure?.description.contains("house, 3 bedrooms, market primary low is 0.29") ?? false,
        "\(error)")
      XCTAssertNotNil(failure?.location.column)
    }
  }

  func testDashboardExtractShares() throws {
    let shares = try PupilYieldDashboardReader.read(
      path: TestPaths.sample("dfe_pupil_yield_dashboard_ehcp_west_sussex.csv"))
    // 2021/22 rows of EHCPJuly.csv: West Sussex 593 of 15,354; Horsham 93 of 3,203.
    let la = try XCTUnwrap(shares.latest("West Sussex", level: .countyUnitary))
    XCTAssertEqual(la.academicYear, AcademicYear(startYear: 2021))
    XCTAssertEqual(la.ehcpPupils, 593)
    XCTAssertEqual(la.totalPupils, 15354)
    XCTAssertEqual(la.share, 593.0 / 15354, accuracy: 1e-15)
    XCTAssertEqual(shares.latest("horsham", level: .district)?.ehcpPupils, 93)
    XCTAssertEqual(
      shares.names(level: .district),
      ["Adur", "Arun", "Chichester", "Crawley", "Horsham", "Mid Sussex", "Worthing"])
    XCTAssertEqual(shares.latest("England", level: .england)?.totalPupils, 770_724)
  }

  func testDashboardErrorsAreLocated() {
    let header =
      "AcademicYear,LTLA22NM,SENprovision_Name,geographic_level,SEN_Type_Count,TotalPupils,Percentage"
    func failure(_ row: String) -> InputError? {
      do {
        _ = try PupilYieldDashboardReader.parse(text: header + "\n" + row, file: "ehcp.csv")
        return nil
      } catch {
        return error
      }
    }
    XCTAssertEqual(failure("202122,Adur,EHCP,Ward,22,407,5")?.location.column, 4)
    XCTAssertEqual(failure("2021/22,Adur,EHCP,District,22,407,5")?.location.column, 1)
    XCTAssertEqual(failure("202122,Adur,EHCP,District,500,407,5")?.location.column, 5)
    XCTAssertEqual(failure("202122,Adur,EHCP,District,-2,407,5")?.location.line, 2)
  }
}
