import XCTest

@testable import PlacePlanning

final class S106CalculatorTests: XCTestCase {
  private let year2027 = AcademicYear(startYear: 2027)
  private let year2028 = AcademicYear(startYear: 2028)
  private let year2029 = AcademicYear(startYear: 2029)

  /// Factors: a three-bedroom market house yields 0.10 early years, 0.30 primary, 0.20
  /// secondary and 0.05 post-16 pupils (low ends 0.05/0.20/0.10/0.02, high 0.15/0.40/0.30/
  /// 0.08); every other mix 0.20 primary only. One-bedroom dwellings excluded. Special/AP
  /// yield 0.01 per dwelling (low 0.008, high 0.012) relative to a primary yield of 0.20, so
  /// m(3-bed market house) = 1.5; split primary 0.4, secondary 0.5, post-16 0.1.
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
      name: "test factors", entries: entries,
      excludesOneBedroom: .init(value: true, source: "test"),
      districtMinimumPupils: .init(value: 1000, source: "rule"),
      special: .init(
        perDwelling: .init(value: 0.01, low: 0.008, high: 0.012), source: "test",
        phaseSplit: [.primary: 0.4, .secondary: 0.5, .post16: 0.1], phaseSplitSource: "test",
        referencePrimary: 0.20, multiplierSource: "test", adjustmentSource: "test"))
  }

  /// The real dashboard counts for 2021/22 (EHCPJuly.csv): Horsham 93 of 3,203 pupils in
  /// new-build housing, Adur 22 of 407, West Sussex 593 of 15,354, England 30,864 of
  /// 770,724; an older Horsham row that must not be used.
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
      .init(
        name: "England", level: .england, academicYear: AcademicYear(startYear: 2021),
        ehcpPupils: 30864, totalPupils: 770_724),
    ])
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
      englandEHCPShare: try XCTUnwrap(shares.latest("England", level: .england)),
      laCode: "E10000032", laName: "West Sussex", costModel: costModel())
  }

  /// A: Horsham, 100 three-bedroom market houses and 4 one-bedroom flats in 2027/28, 100
  /// more houses in 2028/29. B: Adur, 100 houses in 2028/29. C: no district, 100 houses in
  /// 2029/30. Spare places: none in 2027/28, 0.8 in 2028/29 and 2029/30.
  private func developments() -> [Development] {
    [
      Development(
        name: "A", district: "Horsham",
        completions: [
          houses(100, year2027),
          .init(
            mix: DwellingMix(type: .flat, bedrooms: .one, tenure: .market), academicYear: year2027,
            dwellings: 4),
          houses(100, year2028),
        ]),
      Development(name: "B", district: "Adur", completions: [houses(100, year2028)]),
      Development(name: "C", district: nil, completions: [houses(100, year2029)]),
    ]
  }

  private func spare(_ rule: SpareCapacity.Rule = .atArrival) -> SpareCapacity {
    SpareCapacity(
      placesByYear: [
        AcademicYear(startYear: 2026): 0, year2027: 0, year2028: 0.8, year2029: 0.8,
      ], rule: rule)
  }

  /// Hand calculation (Python, double precision), development A:
  /// - pupils: 200 houses × (0.10, 0.30, 0.20, 0.05) = 20 early years, 60 primary, 40
  ///   secondary, 10 post-16; the 4 one-bedroom flats yield none (but are dwellings: 204).
  /// - r = (93/3203) / (30864/770724) = 0.7250578894 (Horsham has ≥ 1,000 pupils: its own
  ///   share against England's).
  /// - need per year = 100 × 0.01 × m 1.5 × r = 1.0875868342 places; 2 years 2.1751736683.
  /// - spare: 2027/28 none; 2028/29 0.8 < 1.0875868342: offset 0.8, shared by phase.
  /// - by phase, rounded to 0.01: need (0.87, 1.09, 0.22), offset (0.32, 0.40, 0.08),
  ///   claimed (0.55, 0.69, 0.14) = 1.38 places.
  /// - cost per place, first completions 2027/28: 100,000 × 1.025³ × 1.13 = £121,688.64,
  ///   £121,689 as printed; contribution 1.38 × 121,689 = £167,930.82 → £167,931 (the phase
  ///   rows' £66,929 + £83,965 + £17,036 = £167,930: a pound of rounding apart).
  func testHandCalculationForOneDevelopment() throws {
    let result = try calculator().assess(developments(), spare: spare())
    let a = result.assessments[0]
    XCTAssertEqual(a.development.dwellings, 204)
    XCTAssertEqual(a.line(.earlyYears)?.pupils ?? .nan, 20.0, accuracy: 1e-9)
    XCTAssertEqual(a.line(.primary)?.pupils ?? .nan, 60.0, accuracy: 1e-9)
    XCTAssertEqual(a.line(.secondary)?.pupils ?? .nan, 40.0, accuracy: 1e-9)
    XCTAssertEqual(a.line(.post16)?.pupils ?? .nan, 10.0, accuracy: 1e-9)
    XCTAssertEqual(a.ehcpShare.name, "Horsham")
    XCTAssertEqual(a.adjustment, 0.7250578894, accuracy: 1e-10)
    XCTAssertEqual(a.line(.earlyYears)?.specialistPlaces, 0)
    XCTAssertEqual(a.phases.dropFirst().map(\.specialistPlaces), [0.87, 1.09, 0.22])
    XCTAssertEqual(a.phases.dropFirst().map(\.spareOffset), [0.32, 0.40, 0.08])
    XCTAssertEqual(a.phases.dropFirst().map(\.placesClaimed), [0.55, 0.69, 0.14])
    XCTAssertEqual(a.phases.dropFirst().map(\.contribution), [66_929, 83_965, 17_036])
    XCTAssertEqual(a.placesClaimed, 1.38)
    XCTAssertEqual(a.contributionYear, year2027)
    XCTAssertEqual(a.costPerPlace, 121_689)
    XCTAssertEqual(a.contribution, 167_931)
    // Year by year: 2027/28 has no spare places; 2028/29 had all 0.8 free.
    XCTAssertEqual(a.years.map(\.academicYear), [year2027, year2028])
    XCTAssertEqual(a.years[0].dwellings, 104)
    XCTAssertEqual(a.years[0].spareOffset, 0)
    XCTAssertEqual(a.years[1].spareAvailable, 0.8, accuracy: 1e-12)
  }

  /// B (Adur, 407 pupils < 1,000: the LA's share, r = (593/15354)/(30864/770724) =
  /// 0.9644502494) needs 1.4466753741 places in 2028/29 and finds A took all 0.8 spare:
  /// claimed (0.58, 0.72, 0.14) = 1.44 × £124,731 (100,000 × 1.025⁴ × 1.13) = £179,613.
  /// The children who took 2028/29's spare places keep them, so 2029/30's 0.8 are gone
  /// too: C (no district, the LA's share) claims 1.44 × £127,849 = £184,103.
  func testSparePlacesAreSharedInOrderOfCompletionAndNotTwice() throws {
    let result = try calculator().assess(developments(), spare: spare())
    let b = result.assessments[1]
    XCTAssertEqual(b.ehcpShare.name, "West Sussex")
    XCTAssertTrue(b.ehcpShareReason.contains("fewer than 1,000"), b.ehcpShareReason)
    XCTAssertEqual(b.adjustment, 0.9644502494, accuracy: 1e-10)
    XCTAssertEqual(b.spareOffset, 0)
    XCTAssertEqual(b.placesClaimed, 1.44)
    XCTAssertEqual(b.contribution, 179_613)
    let c = result.assessments[2]
    XCTAssertEqual(c.ehcpShare.name, "West Sussex")
    XCTAssertEqual(c.spareOffset, 0)
    XCTAssertEqual(c.contribution, 184_103)
    // Offsets never exceed the spare places: 0.8 in all.
    XCTAssertEqual(result.spareOffset, 0.8, accuracy: 1e-12)
    XCTAssertEqual(result.trajectory.map(\.dwellings), [104, 200, 100])
    // The all-developments total is the sum of the developments' rows.
    XCTAssertEqual(result.contribution, 167_931 + 179_613 + 184_103)
    XCTAssertEqual(result.placesClaimed, 1.38 + 1.44 + 1.44, accuracy: 1e-9)
  }

  /// Under the lasting rule a spare place counts only if it stays spare to the end of the
  /// plan: 2028/29 and 2029/30 both have 0.8, so A still takes 0.8 in 2028/29; a plan with a
  /// shortfall in 2029/30 leaves nothing for anyone.
  func testLastingRuleNeedsSparePlacesInEveryLaterYear() throws {
    let lasting = try calculator().assess(developments(), spare: spare(.lasting))
    XCTAssertEqual(lasting.assessments[0].spareOffset, 0.8, accuracy: 1e-10)
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
  /// (1.0875868342): primary 0.4×, secondary 0.5×, post-16 0.1× = 0.1087586834. Spare in
  /// 2028/29: primary 0, secondary 1.0, post-16 0.2. A offsets no primary, all its
  /// secondary (0.5437934171) and all its post-16 need; B (same year, listed after A) finds
  /// 0.2 − 0.1087586834 = 0.0912413166 post-16 places left.
  func testSparePlacesByPhase() throws {
    let phased = SpareCapacity(
      pools: [
        .primary: [year2028: 0], .secondary: [year2028: 1.0], .post16: [year2028: 0.2],
      ])
    XCTAssertTrue(phased.isPhased)
    XCTAssertFalse(phased.checksWhole)
    XCTAssertEqual(phased.initial[year2028] ?? .nan, 1.2, accuracy: 1e-12)
    let result = try calculator().assess(developments(), spare: phased)
    let a = result.assessments[0]
    XCTAssertEqual(a.line(.primary)?.spareOffset ?? -1, 0)
    XCTAssertEqual(a.line(.secondary)?.spareOffset ?? -1, 0.54)
    XCTAssertEqual(a.line(.post16)?.spareOffset ?? -1, 0.11)
    let b = result.assessments[1]
    XCTAssertEqual(b.line(.post16)?.spareOffset ?? -1, 0.09)
    XCTAssertEqual(b.line(.primary)?.spareOffset ?? -1, 0)
  }

  /// The default rule: a phase's spare places count only while the setting types as a whole
  /// have spare places that year. With 1.0 spare secondary places in 2028/29 but the whole
  /// short (0 spare), nothing is offset; with 0.3 spare in the whole, A's secondary need
  /// takes 0.3 and nothing is left for its post-16 need or for B.
  func testPhaseSparePlacesNeedTheWholeToBeSpare() throws {
    let pools: [SpareCapacity.Pool: [AcademicYear: Double]] = [
      .primary: [year2028: 0], .secondary: [year2028: 1.0], .post16: [year2028: 0.2],
    ]
    let short = SpareCapacity(pools: pools, whole: [year2028: -120])
    XCTAssertTrue(short.checksWhole)
    XCTAssertEqual(short.available(in: year2028, pool: .secondary), 0)
    let none = try calculator().assess(developments(), spare: short)
    XCTAssertEqual(none.spareOffset, 0)
    let some = try calculator().assess(
      developments(), spare: SpareCapacity(pools: pools, whole: [year2028: 0.3]))
    XCTAssertEqual(some.assessments[0].line(.secondary)?.spareOffset, 0.30)
    XCTAssertEqual(some.assessments[0].line(.post16)?.spareOffset, 0)
    XCTAssertEqual(some.assessments[1].spareOffset, 0)
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
        laCode: "E10000032", setting: setting, key: phase, academicYear: year,
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

  /// Spare places are the state special and RP places the places plan leaves free after
  /// placing its children, net across the two; other setting types are ignored. By hand:
  /// 2029/30: state special 100 places, 79.1 placed (20.9 free); RP 100 places, 110 placed (an
  /// overflow share below 1 leaves 10 above its places): 20.9 − 10 = 10.9. 2030/31: state
  /// special demand 80 but the plan moves 20 INMS-bound children into the spare places, so
  /// 100 are placed and none is free, though places − demand is +20.
  func testSpareCapacityFromPlacesPlanRows() {
    func row(
      _ setting: SettingType, _ year: AcademicYear, places: Double?, demand: Double,
      placed: Double
    ) -> CapacityRow {
      CapacityRow(
        laCode: "E10000032", setting: setting, academicYear: year, kind: .forecast,
        plannedPlaces: places, demand: demand, demandLower80: nil, demandUpper80: nil,
        placed: placed, overflowToINMS: 0, utilisationPercent: nil,
        shortfallExcess: places.map { $0 - demand }, probabilityDemandExceedsPlaces: nil,
        actualPlacements: nil, actualUtilisationPercent: nil)
    }
    let year2030 = AcademicYear(startYear: 2030)
    let spare = SpareCapacity(rows: [
      row(.specialState, year2029, places: 100, demand: 79.1, placed: 79.1),
      row(.rpSENUnit, year2029, places: 100, demand: 115, placed: 110),
      row(.apPRU, year2029, places: 100, demand: 50, placed: 50),
      row(.inms, year2029, places: nil, demand: 300, placed: 300),
      row(.specialState, year2030, places: 100, demand: 80, placed: 100),
    ])
    XCTAssertEqual(spare.initial[year2029] ?? .nan, 10.9, accuracy: 1e-12)
    XCTAssertEqual(spare.initial[year2030] ?? .nan, 0, accuracy: 1e-12)
  }

  /// The low and high contributions take the special yield and the cost to the ends of
  /// their ranges (a mix's multiplier is a ratio of central yields and stays 1.5); with no
  /// spare places A's need is 200 houses × 0.008 × 1.5 × r = 1.74 places (0.70 + 0.87 +
  /// 0.17) at £109,520 (90,000 × 1.025³ × 1.13) = £190,565, or 200 × 0.012 × 1.5 × r =
  /// 2.61 places (1.04 + 1.31 + 0.26) at £146,026 = £381,128.
  func testRangeUsesLowAndHighEnds() throws {
    let none = SpareCapacity(placesByYear: [:])
    let result = try calculator().assess(Array(developments().prefix(1)), spare: none)
    let a = result.assessments[0]
    XCTAssertEqual(a.lowContribution, 190_565)
    XCTAssertEqual(a.highContribution, 381_128)
    XCTAssertLessThan(a.lowContribution, a.contribution)
    XCTAssertGreaterThan(a.highContribution, a.contribution)
  }
}
