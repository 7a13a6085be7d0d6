import PlacePlanTestSupport
import PlacePlanning
import XCTest

@testable import PlacePlanningIO

final class PlacesReaderTests: XCTestCase {
  private let header =
    "la_code,setting_name,setting_type,phase,first_year,last_year,planned_places,actual_placements"

  private func error(_ rows: [String]) -> InputError? {
    do {
      _ = try PlacesReader.parse(
        text: ([header] + rows).joined(separator: "\n"), file: "places.csv")
      return nil
    } catch {
      return error
    }
  }

  func testSampleRegisterTotals() throws {
    let register = try PlacesReader.read(
      path: TestPaths.sample("west_sussex_places_register_ILLUSTRATIVE.csv"))
    let codes = ["E10000032"]
    let baseline = AcademicYear(startYear: 2024)
    // Near the real January 2025 placed numbers: 2,147 state special, 390 RP/SEN units.
    XCTAssertEqual(
      register.plannedPlaces(codes: codes, setting: .specialState, year: baseline), 2160)
    XCTAssertEqual(
      register.actualPlacements(codes: codes, setting: .specialState, year: baseline), 2147)
    XCTAssertEqual(register.plannedPlaces(codes: codes, setting: .rpSENUnit, year: baseline), 400)
    XCTAssertEqual(
      register.actualPlacements(codes: codes, setting: .rpSENUnit, year: baseline), 390)
    // Expansions, a new school opening in 2027/28 and growing, another in 2029/30.
    let special = (2024...2029).map {
      register.plannedPlaces(
        codes: codes, setting: .specialState, year: AcademicYear(startYear: $0)) ?? 0
    }
    XCTAssertEqual(special, [2160, 2160, 2280, 2430, 2630, 2830])
  }

  /// The designation column: need codes joined by / (any case), generic, blank; an unknown
  /// code is located with the valid ones listed.
  func testDesignations() throws {
    let register = try PlacesReader.parse(
      text: [
        header + ",designation",
        "E10000032,Oak,special_state,primary,2025/26,,100,,ASD",
        "E10000032,Elm,special_state,primary,2025/26,,80,,sld/PMLD",
        "E10000032,Ash,special_state,primary,2025/26,,60,,generic",
        "E10000032,Yew,special_state,primary,2025/26,,40,,",
      ].joined(separator: "\n"), file: "places.csv")
    XCTAssertEqual(
      register.entries.map(\.designation),
      [.needs([.asd]), .needs([.pmld, .sld]), .generic, nil])
    do {
      _ = try PlacesReader.parse(
        text: [header + ",designation", "E10000032,Oak,special_state,primary,2025/26,,100,,autism"]
          .joined(separator: "\n"), file: "places.csv")
      XCTFail("an unknown need code was accepted")
    } catch {
      XCTAssertEqual(error.location.line, 2)
      XCTAssertEqual(error.location.column, 9)
      XCTAssertTrue(error.description.contains("asd, hi, mld"), error.description)
    }
  }

  func testUnknownSettingType() {
    let failure = error(["E10000032,Oak,special,primary,2025/26,,100,"])
    XCTAssertEqual(failure?.location.line, 2)
    XCTAssertEqual(failure?.location.column, 3)
    XCTAssertTrue(
      failure?.description.contains("use one of special_state, rp_sen_unit, ap_pru, fe_post16")
        ?? false)
  }

  func testOverlappingRowsForOneSetting() {
    let failure = error([
      "E10000032,Oak,special_state,primary,2024/25,2026/27,100,",
      "E10000032,Oak,special_state,primary,2026/27,,120,",
    ])
    XCTAssertEqual(failure?.location.line, 3)
    XCTAssertTrue(
      failure?.description.contains("Oak already has places for 2024/25-2026/27 (places.csv:2)")
        ?? false, failure?.description ?? "")
    XCTAssertTrue(failure?.description.contains("end the earlier row the year before") ?? false)
    // An open-ended earlier row overlaps any later one.
    XCTAssertNotNil(
      error([
        "E10000032,Oak,special_state,primary,2024/25,,100,",
        "E10000032,Oak,special_state,primary,2030/31,,120,",
      ]))
    // Back-to-back rows are an expansion, not an overlap.
    XCTAssertNil(
      error([
        "E10000032,Oak,special_state,primary,2024/25,2025/26,100,",
        "E10000032,Oak,special_state,primary,2026/27,,120,",
      ]))
  }

  func testNegativePlaces() {
    XCTAssertEqual(
      error(["E10000032,Oak,special_state,primary,2025/26,,-5,"]),
      .negativeCount(file: "places.csv", line: 2, column: 7, name: "planned_places", value: "-5"))
  }

  func testYearOutOfRangeOrMalformed() {
    for bad in ["2075/76", "2025-26", "2025/27", "25/26"] {
      let failure = error(["E10000032,Oak,special_state,primary,\(bad),,100,"])
      XCTAssertEqual(failure?.location.line, 2, bad)
      XCTAssertEqual(failure?.location.column, 5, bad)
      XCTAssertTrue(
        failure?.description.contains("write an academic year such as 2026/27") ?? false, bad)
    }
    let reversed = error(["E10000032,Oak,special_state,primary,2026/27,2025/26,100,"])
    XCTAssertTrue(
      reversed?.description.contains("last_year 2025/26 is before first_year 2026/27") ?? false)
  }

  func testActualPlacementsNeedASingleYearRow() {
    let failure = error(["E10000032,Oak,special_state,primary,2024/25,2025/26,100,90"])
    XCTAssertEqual(failure?.location.column, 8)
    XCTAssertTrue(failure?.description.contains("split the row") ?? false)
  }

  func testUnknownPhaseAndBlankName() {
    XCTAssertTrue(
      error(["E10000032,Oak,special_state,infant,2024/25,,100,"])?.description.contains(
        "use one of primary, secondary, all-through, post-16") ?? false)
    XCTAssertEqual(error(["E10000032, ,special_state,primary,2024/25,,100,"])?.location.column, 2)
  }
}
