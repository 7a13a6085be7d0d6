import XCTest

@testable import PlacePlanning

final class S106CalculatorTests: XCTestCase {
  private let year2027 = AcademicYear(startYear: 2027)
  private let year2028 = AcademicYear(startYear: 2028)
  private let year2029 = AcademicYear(startYear: 2029)

  /// Factors: a three-bedroom market house yields 0.10 early years, 0.30 primary, 0.20
  /// secondary and 0.05 post-16 pupils (low ends 0.05/0.20/0.10/0.02, high 0.15/0.40/0.30/
  /// 0.08); every other mix 0.20 primary only. One-bedroom dwellings excluded.
  private func yield() -> PupilYield {
    var entries: [DwellingMix: PupilYield.Entry] = [:]
    for mix in DwellingMix.all where mix.bedrooms != .one {
      let threeBedMarketHouse = mix == DwellingMix(type: .house, bedrooms: .three, tenure: .market)
      entries[mix] = PupilYield.Entry(
        mix: mix,
        factors: threeBedMarketHouse
          ? [
            .earlyYears: .init(value: 0.10, low: 0.05, high: 0.15),
            .primary: .init(value: 0.30, low: 0.20, high: 0.40),
            .secondary: .init(value: 0.20, low: 0.10, high: 0.30),
            .post16: .init(value: 0.05, low: 0.02, high: 0.08),
          ]
          : [
            .earlyYears: .init(value: 0), .primary: .init(value: 0.20),
            .secondary: .init(value: 0), .post16: .init(value: 0),
          ],
        source: "test")
    }
    return PupilYield(
      entries: entries, excludesOneBedroom: .init(value: true, source: "DfE"),
      districtMinimumPupils: .init(value: 1000, source: "rule"),
      specialistSettings: .init(value: [.specialState, .rpSENUnit, .inms], source: "decision"))
  }

  /// The real dashboard counts for 2021/22 (EHCPJuly.csv): Horsham 93 of 3,203 pupils in
  /// new-build housing, Adur 22 of 407, West Sussex 593 of 15,354; an older Horsham row that
  /// must not be used.
  private func shares() -> NewBuildEHCPShares {
    NewBuildEHCPShares(areas: [
      .init(
        name: "Horsham", level: .district, academicYear: AcademicYear(startYear: 2020),
        ehcpPupils: 85, totalPupils: 3078),
      .init(
        name: "Horsham", level: .district, academicYear: AcademicYear(startYear: 2021),
        ehcpPupils: 93, totalPupils: 3203),
      .init(
        name: "Adur", level: .district, academicYear: AcademicYear(startYear: 2021),
        ehcpPupils: 22, totalPupils: 407),
      .init(
        name: "West Sussex", level: .countyUnitary, academicYear: AcademicYear(startYear: 2021),
        ehcpPupils: 593, totalPupils: 15354),
    ])
  }

  /// West Sussex, January 2025 (SEN2): 9,301 EHCPs; 2,147 state special, 390 RP/SEN unit,
  /// 919 INMS (670 independent + 249 non-maintained).
  private func specialistShare() throws -> SpecialistPlacementShare {
    let record = CaseloadRecord(
      laCode: "E10000032", laName: "West Sussex", censusYear: 2025,
      counts: [.total: 9301, .specialState: 2147, .rpSENUnit: 390, .inms: 919, .mainstream: 3791],
      source: "test")
    return try XCTUnwrap(
      SpecialistPlacementShare(record: record, settings: [.specialState, .rpSENUnit, .inms]))
  }

  /// Capital £100,000 per specialist place at 2024/25 prices (low £90,000, high £120,000),
  /// +2.5% a year, regional factor 1.13.
  private func costModel() -> CostModel {
    let base = AcademicYear(startYear: 2024)
    let zero = CostAssumption(value: 0, priceYear: base, source: "unused")
    return CostModel(
      priceBase: base, generalInflation: 0.02, discountRate: 0.035, inmsFeePerPlacement: zero,
      transportPerChild: zero, transportedShare: [:], specialPlaceFunding: zero,
      specialTopUp: zero, rpPlaceFunding: zero, rpTopUp: zero,
      capitalNewSchoolPerPlace: CostAssumption(
        value: 100_000, low: 90_000, high: 120_000, priceYear: base, annualInflation: 0.025,
        source: "test"),
      capitalExpansionPerPlace: zero, regionalFactor: zero
    ).withRegionalFactor(CostAssumption(value: 1.13, priceYear: base, source: "test"))
  }

  private func houses(_ count: Int, _ year: AcademicYear) -> Development.Completions {
    .init(
      mix: DwellingMix(type: .house, bedrooms: .three, tenure: .market), academicYear: year,
      dwellings: count)
  }

  private func calculator() throws -> S106Calculator {
    let shares = shares()
    return S106Calculator(
      yield: yield(), ehcpShares: shares,
      laEHCPShare: try XCTUnwrap(shares.latest("west sussex", level: .countyUnitary)),
      specialistShare: try specialistShare(), costModel: costModel())
  }

  /// A: Horsham, 10 three-bedroom market houses and 4 one-bedroom flats in 2027/28, 10 more
  /// houses in 2028/29. B: Adur, 10 houses in 2028/29. C: no district, 10 houses in 2029/30.
  /// Spare places: none in 2027/28, 0.08 in 2028/29 and 2029/30.
  private func developments() -> [Development] {
    [
      Development(
        name: "A", district: "Horsham",
        completions: [
          houses(10, year2027),
          .init(
            mix: DwellingMix(type: .flat, bedrooms: .one, tenure: .market), academicYear: year2027,
            dwellings: 4),
          houses(10, year2028),
        ]),
      Development(name: "B", district: "Adur", completions: [houses(10, year2028)]),
      Development(name: "C", district: nil, completions: [houses(10, year2029)]),
    ]
  }

  private func spare(_ rule: SpareCapacity.Rule = .atArrival) -> SpareCapacity {
    SpareCapacity(
      placesByYear: [
        AcademicYear(startYear: 2026): 0, year2027: 0, year2028: 0.08, year2029: 0.08,
      ], rule: rule)
  }

  /// Hand calculation (Python, double precision), development A:
  /// - pupils: 20 houses × (0.10, 0.30, 0.20, 0.05) = 2.0 early years, 6.0 primary,
  ///   4.0 secondary, 1.0 post-16; the 4 one-bedroom flats yield none (but are dwellings: 24).
  /// - EHCP share e = 93/3203 = 0.0290352794 (Horsham has ≥ 1,000 pupils: its own share);
  ///   specialist share s = (2147 + 390 + 919)/9301 = 3456/9301 = 0.3715729491.
  /// - need per year = 5.5 school-age pupils × e × s = 0.0593379842 places; 2 years
  ///   = 0.1186759685. Primary need = 6.0 × e × s = 0.0647323464.
  /// - spare: 2027/28 none; 2028/29 0.08 ≥ 0.0593379842, all of that year's need is
  ///   offset: offset 0.0593379842, claimed 0.1186759685 − 0.0593379842 = 0.0593379842.
  ///   Primary offset = 0.0593379842 × 3.0/5.5 = 0.0323661732.
  /// - cost per place, first completions 2027/28: 100,000 × 1.025³ × 1.13 = £121,688.640625.
  /// - contribution = 0.0593379842 × 121,688.640625 = £7,220.758638.
  func testHandCalculationForOneDevelopment() throws {
    let result = try calculator().assess(developments(), spare: spare())
    let a = result.assessments[0]
    XCTAssertEqual(a.development.dwellings, 24)
    XCTAssertEqual(a.line(.earlyYears)?.pupils ?? .nan, 2.0, accuracy: 1e-12)
    XCTAssertEqual(a.line(.primary)?.pupils ?? .nan, 6.0, accuracy: 1e-12)
    XCTAssertEqual(a.line(.secondary)?.pupils ?? .nan, 4.0, accuracy: 1e-12)
    XCTAssertEqual(a.line(.post16)?.pupils ?? .nan, 1.0, accuracy: 1e-12)
    XCTAssertEqual(a.ehcpShare.name, "Horsham")
    XCTAssertEqual(a.ehcpShare.share, 0.0290352794, accuracy: 1e-10)
    XCTAssertEqual(result.specialistShare.share, 0.3715729491, accuracy: 1e-10)
    XCTAssertEqual(a.line(.earlyYears)?.specialistPlaces, 0)
    XCTAssertEqual(a.line(.primary)?.specialistPlaces ?? .nan, 0.0647323464, accuracy: 1e-10)
    XCTAssertEqual(a.specialistPlaces, 0.1186759685, accuracy: 1e-10)
    XCTAssertEqual(a.spareOffset, 0.0593379842, accuracy: 1e-10)
    XCTAssertEqual(a.line(.primary)?.spareOffset ?? .nan, 0.0323661732, accuracy: 1e-10)
    XCTAssertEqual(a.placesClaimed, 0.0593379842, accuracy: 1e-10)
    XCTAssertEqual(a.contributionYear, year2027)
    XCTAssertEqual(a.costPerPlace, 121_688.640625, accuracy: 1e-6)
    XCTAssertEqual(a.contribution, 7220.758638, accuracy: 1e-5)
    // Year by year: 2027/28 has no spare places; 2028/29 had all 0.08 free.
    XCTAssertEqual(a.years.map(\.academicYear), [year2027, year2028])
    XCTAssertEqual(a.years[0].dwellings, 14)
    XCTAssertEqual(a.years[0].spareOffset, 0)
    XCTAssertEqual(a.years[1].spareAvailable, 0.08, accuracy: 1e-12)
  }

  /// B (Adur, 407 pupils < 1,000: the LA's share 593/15354 = 0.0386218575) needs
  /// 5.5 × 0.0386218575 × 0.3715729491 = 0.0789296062 places in 2028/29 and gets what A left:
  /// 0.08 − 0.0593379842 = 0.0206620158; claimed 0.0582675904 at 100,000 × 1.025⁴ × 1.13 =
  /// £124,730.856641: £7,267.766469. The children who took 2028/29's spare places keep them,
  /// so 2029/30's 0.08 are gone too: C (no district, LA share) is offset by nothing and
  /// claims 0.0789296062 × 100,000 × 1.025⁵ × 1.13 = £10,091.081331.
  func testSparePlacesAreSharedInOrderOfCompletionAndNotTwice() throws {
    let result = try calculator().assess(developments(), spare: spare())
    let b = result.assessments[1]
    XCTAssertEqual(b.ehcpShare.name, "West Sussex")
    XCTAssertTrue(b.ehcpShareReason.contains("fewer than 1,000"), b.ehcpShareReason)
    XCTAssertEqual(b.specialistPlaces, 0.0789296062, accuracy: 1e-10)
    XCTAssertEqual(b.spareOffset, 0.0206620158, accuracy: 1e-10)
    XCTAssertEqual(b.contribution, 7267.766469, accuracy: 1e-5)
    let c = result.assessments[2]
    XCTAssertEqual(c.ehcpShare.name, "West Sussex")
    XCTAssertEqual(c.spareOffset, 0)
    XCTAssertEqual(c.contribution, 10_091.081331, accuracy: 1e-5)
    // Offsets never exceed the spare places: 0.08 in all.
    XCTAssertEqual(result.spareOffset, 0.08, accuracy: 1e-12)
    // The trajectory adds up the developments year by year.
    XCTAssertEqual(result.trajectory.map(\.dwellings), [14, 20, 10])
    XCTAssertEqual(
      result.trajectory.reduce(0) { $0 + $1.contribution }, result.contribution, accuracy: 1e-6)
    XCTAssertEqual(result.contribution, 7220.758638 + 7267.766469 + 10_091.081331, accuracy: 1e-5)
  }

  /// Under the lasting rule a spare place counts only if it stays spare to the end of the
  /// plan: 2028/29 and 2029/30 both have 0.08, so A still takes its 2028/29 need; a plan
  /// with a shortfall in 2029/30 leaves nothing for anyone.
  func testLastingRuleNeedsSparePlacesInEveryLaterYear() throws {
    let lasting = try calculator().assess(developments(), spare: spare(.lasting))
    XCTAssertEqual(lasting.assessments[0].spareOffset, 0.0593379842, accuracy: 1e-10)
    var ledger = SpareCapacity(
      placesByYear: [year2028: 0.08, year2029: -3], rule: .lasting)
    XCTAssertEqual(ledger.available(in: year2028), 0)
    XCTAssertEqual(ledger.take(upTo: 1, arrivingIn: year2028), 0)
    var arrival = SpareCapacity(placesByYear: [year2028: 0.08, year2029: -3])
    XCTAssertEqual(arrival.take(upTo: 1, arrivingIn: year2028), 0.08, accuracy: 1e-12)
    XCTAssertEqual(arrival.take(upTo: 1, arrivingIn: year2028), 0)
    // Years beyond the plan have no spare places.
    XCTAssertEqual(arrival.available(in: AcademicYear(startYear: 2035)), 0)
  }

  /// By phase, each phase's need takes only its own phase's spare places. A's 2028/29 need
  /// (10 houses, e·s = 93/3203 × 3456/9301): primary 3.0·e·s, secondary 2.0·e·s, post-16
  /// 0.5·e·s. Spare in 2028/29: primary 0, secondary 1.0, post-16 0.01. So A offsets no
  /// primary, all its secondary and all its post-16 need; B (same year, listed after A)
  /// finds only 0.01 − 0.5·e·s post-16 places left.
  func testSparePlacesByPhase() throws {
    let phased = SpareCapacity(
      pools: [
        .primary: [year2028: 0], .secondary: [year2028: 1.0], .post16: [year2028: 0.01],
      ])
    XCTAssertTrue(phased.isPhased)
    XCTAssertEqual(phased.initial[year2028] ?? .nan, 1.01, accuracy: 1e-12)
    let result = try calculator().assess(developments(), spare: phased)
    let es = (93.0 / 3203) * (3456.0 / 9301)
    let a = result.assessments[0]
    XCTAssertEqual(a.line(.primary)?.spareOffset ?? -1, 0, accuracy: 1e-12)
    XCTAssertEqual(a.line(.secondary)?.spareOffset ?? -1, 2.0 * es, accuracy: 1e-12)
    XCTAssertEqual(a.line(.post16)?.spareOffset ?? -1, 0.5 * es, accuracy: 1e-12)
    let b = result.assessments[1]
    XCTAssertEqual(b.line(.post16)?.spareOffset ?? -1, 0.01 - 0.5 * es, accuracy: 1e-12)
    XCTAssertEqual(b.line(.primary)?.spareOffset ?? -1, 0, accuracy: 1e-12)
  }

  /// Pools by phase from the places plan by phase: spare is the positive part of each
  /// phase's shortfall/excess, summed over state special and RP; a phase with demand but no
  /// places that year has none spare, so under the lasting rule earlier spare does not last.
  func testPhasePoolsFromPlacesPlanByPhase() {
    func row(
      _ setting: SettingType, _ phase: PlacesEntry.Phase, _ year: AcademicYear, places: Double?,
      demand: Double
    ) -> PhaseCapacityPlanner.Row {
      PhaseCapacityPlanner.Row(
        laCode: "E10000032", setting: setting, phase: phase, academicYear: year,
        kind: .forecast, plannedPlaces: places, demand: demand, demandLower80: nil,
        demandUpper80: nil, utilisationPercent: nil,
        shortfallExcess: places.map { $0 - demand }, probabilityDemandExceedsPlaces: nil)
    }
    let rows = [
      row(.specialState, .secondary, year2028, places: 100, demand: 90),
      row(.rpSENUnit, .secondary, year2028, places: 20, demand: 15),
      row(.specialState, .secondary, year2029, places: nil, demand: 95),
      row(.specialState, .primary, year2028, places: 50, demand: 60),
      row(.apPRU, .secondary, year2028, places: 10, demand: 0),
    ]
    let arrival = SpareCapacity(phaseRows: rows)
    XCTAssertEqual(arrival.initialByPool[.secondary]?[year2028], 15)
    XCTAssertEqual(arrival.initialByPool[.secondary]?[year2029], 0)
    XCTAssertEqual(arrival.initialByPool[.primary]?[year2028], 0)
    XCTAssertEqual(arrival.available(in: year2028, pool: .secondary), 15)
    XCTAssertEqual(arrival.available(in: year2028), 15)
    let lasting = SpareCapacity(phaseRows: rows, rule: .lasting)
    XCTAssertEqual(lasting.available(in: year2028, pool: .secondary), 0)
  }

  /// Spare places come from the positive parts of state special and RP shortfall/excess;
  /// other setting types are ignored.
  func testSpareCapacityFromPlacesPlanRows() {
    func row(_ setting: SettingType, _ excess: Double?) -> CapacityRow {
      CapacityRow(
        laCode: "E10000032", setting: setting, academicYear: year2029, kind: .forecast,
        plannedPlaces: 100, demand: 100, demandLower80: nil, demandUpper80: nil, placed: 100,
        overflowToINMS: 0, utilisationPercent: nil, shortfallExcess: excess,
        probabilityDemandExceedsPlaces: nil, actualPlacements: nil, actualUtilisationPercent: nil)
    }
    let spare = SpareCapacity(rows: [
      row(.specialState, 20.9), row(.rpSENUnit, -27.6), row(.apPRU, 50), row(.inms, nil),
    ])
    XCTAssertEqual(spare.initial[year2029] ?? .nan, 20.9, accuracy: 1e-12)
  }

  /// The low and high contributions take every factor and the cost to the ends of their
  /// ranges; with no spare places A's need is 20 houses × 0.32 school-age pupils (low:
  /// 0.20 + 0.10 + 0.02) or 0.78 (high: 0.40 + 0.30 + 0.08) × e × s, at £90,000 or £120,000 × 1.025³ × 1.13.
  func testRangeUsesLowAndHighEnds() throws {
    let none = SpareCapacity(placesByYear: [:])
    let result = try calculator().assess(Array(developments().prefix(1)), spare: none)
    let a = result.assessments[0]
    let es = (93.0 / 3203) * (3456.0 / 9301)
    let growth = 1.025 * 1.025 * 1.025 * 1.13
    XCTAssertEqual(a.lowContribution, 20 * 0.32 * es * 90_000 * growth, accuracy: 1e-6)
    XCTAssertEqual(a.highContribution, 20 * 0.78 * es * 120_000 * growth, accuracy: 1e-6)
    XCTAssertLessThan(a.lowContribution, a.contribution)
    XCTAssertGreaterThan(a.highContribution, a.contribution)
  }
}
