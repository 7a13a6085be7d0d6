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

  /// The shipped factors are DfE's England figures (pupil yield dashboard, 2021/22): a mix's
  /// factors are the headline yields times its relative primary yield,
  /// m = primary(type, bedrooms)/0.2528 × primary(tenure)/0.2528. By hand for a 3-bedroom
  /// market house: m = 0.379170587/0.252768838 × 0.225504887/0.252768838 = 1.338255,
  /// primary 0.252768838 × m = 0.338270 (to 1e-6, the file's six decimals).
  func testShippedModelIsDfEsWithSources() throws {
    let yield = try PupilYieldReader.read(path: modelPath)
    XCTAssertTrue(yield.name.contains("DfE pupil yield dashboard, England, 2021/22"))
    XCTAssertFalse(yield.excludesOneBedroom.value)
    XCTAssertEqual(yield.entries.count, 16)
    XCTAssertEqual(yield.districtMinimumPupils.value, 1000)
    XCTAssertEqual(yield.special.perDwelling.value, 0.008924791)
    XCTAssertEqual(yield.special.referencePrimary, 0.252768838)
    XCTAssertEqual(yield.special.phaseSplit.values.reduce(0, +), 1, accuracy: 1e-9)
    XCTAssertTrue(yield.special.source.contains("special schools, alternative provision"))
    let house = DwellingMix(type: .house, bedrooms: .three, tenure: .market)
    let m = 0.379170587 / 0.252768838 * 0.225504887 / 0.252768838
    XCTAssertEqual(yield.pupilsPerDwelling(house, phase: .primary), 0.252768838 * m, accuracy: 1e-6)
    XCTAssertEqual(yield.multiplier(house), m, accuracy: 1e-5)
    XCTAssertEqual(yield.specialPerDwelling(house), 0.008924791 * m, accuracy: 1e-7)
    for entry in yield.entries.values {
      XCTAssertTrue(entry.source.hasPrefix("DfE pupil yield dashboard"), "\(entry.mix)")
      XCTAssertTrue(entry.source.contains("derived from DfE primary yields"), "\(entry.mix)")
      XCTAssertFalse(entry.source.lowercased().contains("assumption"), "\(entry.mix)")
    }
  }

  func testPhaseSplitThatDoesNotAddUpIsLocated() throws {
    let text = try modelText().replacingOccurrences(
      of: "phase_split: {primary: 0.3399,", with: "phase_split: {primary: 0.4399,")
    XCTAssertThrowsError(try PupilYieldReader.parse(text: text, file: "pupil_yield.yaml")) {
      error in
      let failure = error as? InputError
      XCTAssertNotNil(failure?.location.line)
      XCTAssertTrue(
        failure?.description.contains("special.phase_split adds up to 1.1") ?? false,
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
          "yields has no entry for flat, 1 bedroom, market") ?? false, "\(error)")
    }
    let badSpecial = text.replacingOccurrences(
      of: "per_dwelling: {value: 0.008924791}",
      with: "per_dwelling: {value: 0.008924791, low: 0.01}")
    XCTAssertThrowsError(try PupilYieldReader.parse(text: badSpecial, file: "y.yaml")) { error in
      let failure = error as? InputError
      XCTAssertTrue(
        failure?.description.contains("special.per_dwelling low is 0.01") ?? false, "\(error)")
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
