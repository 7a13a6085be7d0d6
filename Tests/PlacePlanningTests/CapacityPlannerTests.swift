import PlacePlanTestSupport
import PlacePlanningIO
import XCTest

@testable import PlacePlanning

final class CapacityPlannerTests: XCTestCase {
  /// A hand-made forecast: state special demand 2,278 (80% 2,154-2,401) against 2,160 places,
  /// RP 412 against 400; INMS demand 1,009.
  private func forecast() -> LAForecast {
    func row(
      _ setting: SettingType, _ year: Int, _ kind: ForecastRow.Kind, _ value: Double,
      _ lower: Double? = nil, _ upper: Double? = nil
    ) -> ForecastRow {
      ForecastRow(
        laCode: "E10000032", laName: "West Sussex", setting: setting, censusYear: year, kind: kind,
        value: value, lower80: lower, upper80: upper, lower95: lower, upper95: upper, method: "test"
      )
    }
    return LAForecast(
      laCode: "E10000032", laName: "West Sussex", throughYear: 2025, censusYearsUsed: [2025],
      method: .auto,
      rows: [
        row(.specialState, 2025, .actual, 2147),
        row(.specialState, 2026, .forecast, 2278, 2154, 2401),
        row(.rpSENUnit, 2025, .actual, 390), row(.rpSENUnit, 2026, .forecast, 412, 294, 524),
        row(.inms, 2025, .actual, 919), row(.inms, 2026, .forecast, 1009, 888, 1179),
        row(.total, 2025, .actual, 9301), row(.total, 2026, .forecast, 10396, 9898, 11072),
        row(.mainstream, 2025, .actual, 3791), row(.mainstream, 2026, .forecast, 4376, 4000, 4800),
      ], fits: [:], notes: [])
  }

  private func register() -> PlacesRegister {
    PlacesRegister(entries: [
      PlacesEntry(
        laCode: "E10000032", settingName: "S", setting: .specialState, phase: .allThrough,
        firstYear: AcademicYear(startYear: 2024), lastYear: AcademicYear(startYear: 2024),
        plannedPlaces: 2160, actualPlacements: 2147),
      PlacesEntry(
        laCode: "E10000032", settingName: "S", setting: .specialState, phase: .allThrough,
        firstYear: AcademicYear(startYear: 2025), lastYear: nil, plannedPlaces: 2160),
      PlacesEntry(
        laCode: "E10000032", settingName: "R", setting: .rpSENUnit, phase: .allThrough,
        firstYear: AcademicYear(startYear: 2024), lastYear: nil, plannedPlaces: 400),
    ])
  }

  /// Spare state special places take INMS-bound children up to the share q of INMS demand:
  /// with 2,400 places against demand 2,278 (122 spare) and q = 0.1, min(122, 0.1 × 1,009)
  /// = 100.9 move; with q = 0.25, min(122, 252.25) = 122. INMS keeps its RP overflow (12).
  func testSpareStatePlacesTakeINMSChildrenByHand() throws {
    let roomy = PlacesRegister(
      entries: register().entries.map {
        var entry = $0
        if entry.setting == .specialState && entry.lastYear == nil { entry.plannedPlaces = 2400 }
        return entry
      })
    for (share, moved) in [(0.1, 100.9), (0.25, 122.0), (0.0, 0.0)] {
      let rows = CapacityPlanner(inmsToSpare: share).plan(
        forecast: forecast(), register: roomy, codes: ["E10000032"])
      let special = try XCTUnwrap(
        rows.first { $0.setting == .specialState && $0.academicYear.startYear == 2025 })
      let inms = try XCTUnwrap(
        rows.first { $0.setting == .inms && $0.academicYear.startYear == 2025 })
      XCTAssertEqual(special.movedFromINMS, moved, accuracy: 1e-9)
      XCTAssertEqual(special.placed, 2278 + moved, accuracy: 1e-9)
      XCTAssertEqual(inms.placed, 1009 + 12 - moved, accuracy: 1e-9)
      // Shortfall/excess is still places − demand: demand is the forecast, not the moves.
      XCTAssertEqual(special.shortfallExcess, 122)
    }
  }

  /// Hand calculation for 2025/26: special utilisation 2278/2160 = 105.46%, shortfall −118,
  /// overflow 118; RP overflow 12; INMS placed 1009 + 130 = 1139. P(demand > 2160): split
  /// log-normal below the median, σ = ln(2278/2154)/Φ⁻¹(0.9) = 0.0436746,
  /// z = ln(2160/2278)/σ = −1.217861, P = Φ(1.217861) = 0.8883617 (scipy.stats.norm, run
  /// independently; tolerance 1e-7 for the printed digits).
  func testOverflowAndUtilisationByHand() throws {
    let rows = CapacityPlanner().plan(
      forecast: forecast(), register: register(), codes: ["E10000032"])
    let special = try XCTUnwrap(
      rows.first { $0.setting == .specialState && $0.academicYear.startYear == 2025 })
    XCTAssertEqual(special.plannedPlaces, 2160)
    XCTAssertEqual(special.utilisationPercent ?? .nan, 100 * 2278 / 2160, accuracy: 1e-9)
    XCTAssertEqual(special.shortfallExcess, -118)
    XCTAssertEqual(special.placed, 2160)
    XCTAssertEqual(special.overflowToINMS, 118)
    XCTAssertEqual(special.probabilityDemandExceedsPlaces ?? .nan, 0.8883617, accuracy: 1e-7)
    let inms = try XCTUnwrap(
      rows.first { $0.setting == .inms && $0.academicYear.startYear == 2025 })
    XCTAssertEqual(inms.demand, 1009)
    XCTAssertEqual(inms.placed, 1009 + 118 + 12)
    // Baseline: children are already placed; nothing overflows; actual utilisation 2147/2160.
    let baseline = try XCTUnwrap(
      rows.first { $0.setting == .specialState && $0.academicYear.startYear == 2024 })
    XCTAssertEqual(baseline.overflowToINMS, 0)
    XCTAssertEqual(baseline.actualUtilisationPercent ?? .nan, 100 * 2147 / 2160, accuracy: 1e-9)
    // Half the overflow: the rest stays on the special school roll.
    let half = CapacityPlanner(overflowShare: 0.5).plan(
      forecast: forecast(), register: register(), codes: ["E10000032"])
    let halfSpecial = try XCTUnwrap(
      half.first { $0.setting == .specialState && $0.academicYear.startYear == 2025 })
    XCTAssertEqual(halfSpecial.overflowToINMS, 59)
    XCTAssertEqual(halfSpecial.placed, 2219)
  }

  /// Warwickshire's delivery plan: "98 places created; 70 utilised" = 71.4%, against an 80%
  /// target.
  func testWarwickshireActualUtilisation() throws {
    let register = try PlacesReader.read(path: TestPaths.fixture("warwickshire_rp_register.csv"))
    let forecast = LAForecast(
      laCode: "E10000031", laName: "Warwickshire", throughYear: 2025, censusYearsUsed: [2025],
      method: .auto,
      rows: [
        ForecastRow(
          laCode: "E10000031", laName: "Warwickshire", setting: .rpSENUnit, censusYear: 2025,
          kind: .actual, value: 75)
      ], fits: [:], notes: [])
    let rows = CapacityPlanner().plan(forecast: forecast, register: register, codes: ["E10000031"])
    let row = try XCTUnwrap(rows.first { $0.setting == .rpSENUnit })
    XCTAssertEqual(row.actualPlacements, 70)
    XCTAssertEqual(row.actualUtilisationPercent ?? .nan, 71.428571, accuracy: 1e-6)
    XCTAssertLessThan(row.actualUtilisationPercent ?? 100, 80)
  }

  func testDashboardRowsAddUpAndCostsSayWhyEmpty() throws {
    let rows = CapacityPlanner().plan(
      forecast: forecast(), register: register(), codes: ["E10000032"])
    let dashboard = DashboardBuilder.build(forecast: forecast(), capacity: rows, yearsAhead: 1)
    XCTAssertEqual(dashboard.headings, ["Baseline 2024/25", "Year 1 2025/26"])
    func values(_ key: String) throws -> [Double?] {
      try XCTUnwrap(dashboard.rows.first { $0.key == key }).values
    }
    XCTAssertEqual(try values("ehcps_special_state")[1], 2160)
    XCTAssertEqual(try values("ehcps_inms")[1], 1139)
    XCTAssertEqual(try values("ehcps_mainstream")[1], 4376 - 12)  // RP overflow leaves mainstream
    XCTAssertEqual(try values("planned_places_rp_sen_unit"), [400, 400])
    XCTAssertEqual(try values("shortfall_excess_special_state")[1], -118)
    let expenditure = try XCTUnwrap(dashboard.rows.first { $0.key == "inms_expenditure" })
    XCTAssertTrue(expenditure.values.allSatisfy { $0 == nil })
    XCTAssertTrue(expenditure.note?.contains("no cost model") ?? false)
  }
}
