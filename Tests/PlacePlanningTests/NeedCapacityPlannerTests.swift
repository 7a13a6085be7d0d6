import XCTest

@testable import PlacePlanning

/// Designated places against demand by need.
final class NeedCapacityPlannerTests: XCTestCase {
  static let codes = ["E10000032"]

  func entry(_ name: String, _ places: Double, _ designation: Designation?) -> PlacesEntry {
    PlacesEntry(
      laCode: Self.codes[0], settingName: name, setting: .specialState, phase: .allThrough,
      firstYear: AcademicYear(startYear: 2024), lastYear: nil, plannedPlaces: places,
      designation: designation)
  }

  func needRow(_ need: PrimaryNeed, _ value: Double, year: Int = 2026) -> NeedForecastRow {
    let row = ForecastRow(
      laCode: Self.codes[0], laName: "West Sussex", setting: .specialState, censusYear: year,
      kind: .forecast, value: value, lower80: value * 0.9, upper80: value * 1.1)
    return NeedForecastRow(row: row, need: need, share: 0)
  }

  /// Designations sharing a need are one group; generic is last.
  func testGroupsMergeOverlappingDesignations() {
    let groups = NeedCapacityPlanner.groups([
      entry("A", 100, .needs([.asd])), entry("B", 50, .needs([.asd, .slcn])),
      entry("C", 80, .needs([.semh])), entry("D", 30, nil),
    ])
    XCTAssertEqual(groups, [.needs([.asd, .slcn]), .needs([.semh]), .generic])
    XCTAssertEqual(NeedCapacityPlanner.groups([entry("D", 30, nil)]), [])
  }

  /// By hand: ASD/SLCN places 150 against ASD 120 + SLCN 60 = 180 (30 short); SEMH 80
  /// against 50; generic 30 against every other need (MLD 20 + PD 5 = 25). The groups'
  /// demand adds up to the setting type's (255) and their places to its places (260).
  func testPlanByHand() {
    let register = PlacesRegister(entries: [
      entry("A", 100, .needs([.asd])), entry("B", 50, .needs([.asd, .slcn])),
      entry("C", 80, .needs([.semh])), entry("D", 30, nil),
    ])
    let needs = [
      needRow(.asd, 120), needRow(.slcn, 60), needRow(.semh, 50), needRow(.mld, 20),
      needRow(.pd, 5),
    ]
    let rows = NeedCapacityPlanner.plan(needs: needs, register: register, codes: Self.codes)
    XCTAssertEqual(rows.map(\.designation), [.needs([.asd, .slcn]), .needs([.semh]), .generic])
    XCTAssertEqual(rows.map(\.plannedPlaces), [150, 80, 30])
    XCTAssertEqual(rows.map(\.demand), [180, 50, 25])
    XCTAssertEqual(rows.map(\.shortfallExcess), [-30, 30, 5])
    XCTAssertEqual(rows[0].utilisationPercent ?? 0, 120, accuracy: 1e-9)
    XCTAssertEqual(rows[0].demandLower80 ?? 0, 162, accuracy: 1e-9)
    XCTAssertEqual(rows.reduce(0) { $0 + $1.demand }, 255)
    XCTAssertEqual(rows.reduce(0) { $0 + ($1.plannedPlaces ?? 0) }, 260)
    // P(demand > places) from the split log-normal below the median: σ = ln(180/162) /
    // z₀.₉, P = Φ(ln(180/150) / σ) = 0.98671 (scipy.stats.norm; to 1e-9, the normal CDF's
    // accuracy here).
    XCTAssertEqual(rows[0].probabilityDemandExceedsPlaces ?? 0, 0.986_711_207, accuracy: 1e-9)
    XCTAssertLessThan(rows[1].probabilityDemandExceedsPlaces ?? 1, 1e-9)
  }
}
