import Foundation
import PlacePlanTestSupport
import PlacePlanningIO
import XCTest

@testable import PlacePlanning

final class CostProjectorTests: XCTestCase {
  private func model() throws -> CostModel {
    try CostModelReader.read(
      path: TestPaths.packageRoot.appendingPathComponent("Models/costs.yaml").path
    )
    .model(for: ["E10000032"])
  }

  /// Baseline 2024/25 (census counts) and 2025/26 (forecast) for West Sussex-like numbers.
  private func forecast() -> LAForecast {
    func row(
      _ setting: SettingType, _ year: Int, _ value: Double, _ lower: Double? = nil,
      _ upper: Double? = nil
    ) -> ForecastRow {
      ForecastRow(
        laCode: "E10000032", laName: "West Sussex", setting: setting, censusYear: year,
        kind: year == 2025 ? .actual : .forecast, value: value, lower80: lower, upper80: upper,
        lower95: lower, upper95: upper, method: year == 2025 ? "" : "test")
    }
    var rows: [ForecastRow] = []
    let values: [(SettingType, Double, Double)] = [
      (.total, 9301, 10396), (.mainstream, 3791, 4376), (.rpSENUnit, 390, 412),
      (.specialState, 2147, 2278), (.inms, 919, 1009), (.apPRU, 43, 49), (.fePost16, 1764, 1826),
      (.earlyYears, 91, 110), (.other, 546, 748),
    ]
    for (setting, actual, next) in values {
      rows.append(row(setting, 2025, actual))
      rows.append(row(setting, 2026, next, next * 0.9, next * 1.1))
    }
    return LAForecast(
      laCode: "E10000032", laName: "West Sussex", throughYear: 2025, censusYearsUsed: [2025],
      method: .auto, rows: rows, fits: [:], notes: [])
  }

  private func register() -> PlacesRegister {
    PlacesRegister(entries: [
      PlacesEntry(
        laCode: "E10000032", settingName: "S", setting: .specialState, phase: .allThrough,
        firstYear: AcademicYear(startYear: 2024), lastYear: nil, plannedPlaces: 2160),
      PlacesEntry(
        laCode: "E10000032", settingName: "R", setting: .rpSENUnit, phase: .allThrough,
        firstYear: AcademicYear(startYear: 2024), lastYear: nil, plannedPlaces: 400),
    ])
  }

  /// Hand calculation from Models/costs.yaml for the baseline year 2024/25:
  /// INMS 919 × £64,000; special transport 2,147 × 0.80 × £8,299 × 1.0573 (2023/24 → 2024/25);
  /// state special 2,160 places × £10,000 + 2,147 × £13,409 × 1.03³ (2021/22 → 2024/25).
  /// Tolerance 1e-6 £ relative: the same arithmetic in double precision.
  func testBaselineYearByHand() throws {
    let projector = CostProjector(model: try model(), register: register(), codes: ["E10000032"])
    let years = projector.project(forecast(), scenario: .baseline)
    let baseline = try XCTUnwrap(years.first)
    XCTAssertEqual(baseline.academicYear, AcademicYear(startYear: 2024))
    XCTAssertEqual(baseline.inmsCost, 919 * 64000, accuracy: 1e-6 * 919 * 64000)
    let special = 2147 * 0.80 * 8299 * 1.0573
    XCTAssertEqual(
      baseline.transportCostBySetting[.specialState] ?? 0, special, accuracy: 1e-6 * special)
    let state: Double = 2160.0 * 10000.0 + 2147.0 * 13409.0 * pow(1.03, 3.0)
    XCTAssertEqual(baseline.specialCost, state, accuracy: 1e-6 * state)
    XCTAssertEqual(baseline.capitalCost, 0)
    // 2025/26: 118 over the 2,160 places and 12 over RP's 400 go to INMS.
    let next = try XCTUnwrap(years.last)
    XCTAssertEqual(next.inmsPlacements, 1009 + 118 + 12, accuracy: 1e-9)
    XCTAssertEqual(next.inmsCost, (1009 + 130) * 64000 * 1.0434, accuracy: 1e-3)
  }

  /// A 100-place school opening in 2025/26 has its capital in 2024/25 — the baseline year,
  /// which is never re-costed — so open it a year later than the data: capital in 2025/26 =
  /// 100 × £100,355 × 1.0253 × 1.13 (regional factor). It fills 25 places, then 50, then
  /// all 100: in 2026/27 state special has 2,160 + 25 places against demand 2,278, so 93
  /// overflow to INMS instead of 118 and the 25 new places are full.
  func testNewSchoolCapitalAndPlacesByHand() throws {
    let projector = CostProjector(model: try model(), register: register(), codes: ["E10000032"])
    let school = Scenario(
      name: "school",
      places: [
        Scenario.PlacesChange(
          name: "New", setting: .specialState, fromYear: AcademicYear(startYear: 2026), places: 100,
          capital: .newSchool, fill: [25, 50])
      ])
    var extended = forecast()
    extended = LAForecast(
      laCode: extended.laCode, laName: extended.laName, throughYear: 2025,
      censusYearsUsed: [2025], method: .auto,
      rows: extended.rows
        + [2027, 2028].flatMap { year in
          extended.rows.filter { $0.censusYear == 2026 }.map {
            var copy = $0
            copy.censusYear = year
            return copy
          }
        }, fits: [:], notes: [])
    let years = projector.project(extended, scenario: school)
    let capitalYear = try XCTUnwrap(
      years.first { $0.academicYear == AcademicYear(startYear: 2025) })
    XCTAssertEqual(capitalYear.capitalCost, 100 * 100355 * 1.0253 * 1.13, accuracy: 1e-3)
    let opened = try XCTUnwrap(years.first { $0.academicYear == AcademicYear(startYear: 2026) })
    XCTAssertEqual(opened.placesSpecial, 2185)
    XCTAssertEqual(opened.inmsPlacements, 1009 + 93 + 12, accuracy: 1e-9)
    XCTAssertEqual(opened.newPlacesOpen, 25)
    XCTAssertEqual(opened.newPlacesFilled, 25, accuracy: 1e-9)
    // 2027/28 (the same demand): 50 places open, 68 overflow, all 50 filled.
    let second = try XCTUnwrap(years.first { $0.academicYear == AcademicYear(startYear: 2027) })
    XCTAssertEqual(second.placesSpecial, 2210)
    XCTAssertEqual(second.inmsPlacements, 1009 + 68 + 12, accuracy: 1e-9)
    XCTAssertEqual(second.newPlacesFilled, 50, accuracy: 1e-9)
  }

  /// NPV ranges: the same seed gives the same ranges; with no range anywhere (cost lines
  /// without low/high, demand without intervals) every draw is the central projection, so
  /// the 10th and 90th percentiles equal the central NPV exactly.
  func testNPVRangesAreSeededAndCollapseWithoutUncertainty() throws {
    let projector = CostProjector(model: try model(), register: register(), codes: ["E10000032"])
    let school = Scenario(
      name: "school",
      places: [
        Scenario.PlacesChange(
          name: "New", setting: .specialState, fromYear: AcademicYear(startYear: 2025), places: 100,
          capital: .none)
      ])
    let scenarios = [Scenario.baseline, school]
    let one = ScenarioComparison(
      scenarios: scenarios, forecast: forecast(), projector: projector, draws: 200, seed: 7)
    let again = ScenarioComparison(
      scenarios: scenarios, forecast: forecast(), projector: projector, draws: 200, seed: 7)
    for (left, right) in zip(one.entries, again.entries) {
      XCTAssertEqual(left.presentValueRange?.p10, right.presentValueRange?.p10)
      XCTAssertEqual(left.presentValueRange?.p90, right.presentValueRange?.p90)
    }
    let range = try XCTUnwrap(one.entries[1].presentValueRange)
    XCTAssertLessThan(range.p10, one.entries[1].presentValueOfTotalCost)
    XCTAssertGreaterThan(range.p90, one.entries[1].presentValueOfTotalCost)
    XCTAssertNotNil(one.entries[1].differenceRange)

    let text = try String(
      contentsOf: TestPaths.packageRoot.appendingPathComponent("Models/costs.yaml"),
      encoding: .utf8)
    let pointText = text.split(separator: "\n", omittingEmptySubsequences: false).filter {
      let line = $0.trimmingCharacters(in: .whitespaces)
      return !line.hasPrefix("low:") && !line.hasPrefix("high:")
    }.joined(separator: "\n")
    let point = try CostModelReader.parse(text: pointText, file: "costs.yaml")
      .model(for: ["E10000032"])
    var certain = forecast()
    certain = LAForecast(
      laCode: certain.laCode, laName: certain.laName, throughYear: 2025,
      censusYearsUsed: [2025], method: .auto,
      rows: certain.rows.map {
        var row = $0
        row.lower80 = nil
        row.upper80 = nil
        return row
      }, fits: [:], notes: [])
    let flat = ScenarioComparison(
      scenarios: scenarios, forecast: certain,
      projector: CostProjector(model: point, register: register(), codes: ["E10000032"]),
      draws: 50, seed: 7)
    for entry in flat.entries {
      XCTAssertEqual(entry.presentValueRange?.p10, entry.presentValueOfTotalCost)
      XCTAssertEqual(entry.presentValueRange?.p90, entry.presentValueOfTotalCost)
    }
  }

  /// The default fill of a new school is a quarter of its places a year; of an expansion,
  /// half then all; a closure is at once.
  func testDefaultFill() {
    XCTAssertEqual(
      Scenario.PlacesChange.defaultFill(capital: .newSchool, places: 100), [25, 50, 75])
    XCTAssertEqual(Scenario.PlacesChange.defaultFill(capital: .expansion, places: 60), [30])
    XCTAssertEqual(Scenario.PlacesChange.defaultFill(capital: .newSchool, places: -40), [])
    let change = Scenario.PlacesChange(
      name: "New", setting: .specialState, fromYear: AcademicYear(startYear: 2027), places: 100,
      capital: .newSchool)
    XCTAssertEqual(
      (2026...2031).map { change.placesOpen(in: AcademicYear(startYear: $0)) },
      [0, 25, 50, 75, 100, 100])
  }

  /// Without a register row for state special, the LA's special demand is not capacity
  /// limited: a scenario's new school is not applied (no places, no capital, no change to
  /// INMS) rather than becoming the LA's only places.
  func testScenarioPlacesNeedARegisterForTheSettingType() throws {
    let rpOnly = PlacesRegister(entries: register().entries.filter { $0.setting == .rpSENUnit })
    let projector = CostProjector(model: try model(), register: rpOnly, codes: ["E10000032"])
    let school = Scenario(
      name: "school",
      places: [
        Scenario.PlacesChange(
          name: "New", setting: .specialState, fromYear: AcademicYear(startYear: 2025), places: 100,
          capital: .newSchool)
      ])
    XCTAssertEqual(
      ScenarioDemand.unanchoredChanges(school, register: rpOnly, codes: ["E10000032"]).map(\.name),
      ["New"])
    let base = projector.project(forecast(), scenario: .baseline)
    let changed = projector.project(forecast(), scenario: school)
    XCTAssertEqual(base.map(\.inmsPlacements), changed.map(\.inmsPlacements))
    XCTAssertEqual(changed.map(\.capitalCost).reduce(0, +), 0)
  }

  /// NPV by hand: £100 in each of 2025/26 and 2026/27, price base 2024/25, g = 2%, r = 3.5%:
  /// 100/1.02 + 100/1.02²/1.035.
  func testPresentValueByHand() throws {
    let projector = CostProjector(model: try model(), register: register(), codes: [])
    let value = projector.presentValue([
      (AcademicYear(startYear: 2025), 100), (AcademicYear(startYear: 2026), 100),
    ])
    XCTAssertEqual(value, 100 / 1.02 + 100 / (1.02 * 1.02) / 1.035, accuracy: 1e-9)
  }

  func testMonteCarloIsSeeded() throws {
    let simulation = CostSimulation(
      projector: CostProjector(model: try model(), register: register(), codes: ["E10000032"]))
    let first = simulation.run(forecast(), scenario: .baseline, draws: 200, seed: 7)
    let second = simulation.run(forecast(), scenario: .baseline, draws: 200, seed: 7)
    let other = simulation.run(forecast(), scenario: .baseline, draws: 200, seed: 8)
    let year = AcademicYear(startYear: 2025)
    XCTAssertEqual(first[year]?["inms_cost"], second[year]?["inms_cost"])
    XCTAssertNotEqual(first[year]?["inms_cost"], other[year]?["inms_cost"])
    let band = try XCTUnwrap(first[year]?["total_cost"])
    let central = try XCTUnwrap(
      CostProjector(model: try model(), register: register(), codes: ["E10000032"]).project(
        forecast(), scenario: .baseline
      ).last?.totalCost)
    XCTAssertLessThan(band.lower80, central)
    XCTAssertGreaterThan(band.upper80, central)
  }

  /// Triangular draws: u = 0 gives low, u → 1 gives high, and the mode splits at
  /// (mode − low)/(high − low).
  func testTriangularDraw() {
    let assumption = CostAssumption(
      value: 10, low: 5, high: 20, priceYear: AcademicYear(startYear: 2024), source: "test")
    XCTAssertEqual(assumption.draw(0), 5)
    XCTAssertEqual(assumption.draw(1.0 / 3), 10, accuracy: 1e-12)
    XCTAssertEqual(assumption.draw(0.999_999_999), 20, accuracy: 1e-3)
  }
}
