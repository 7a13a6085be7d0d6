import ForecastCore
import XCTest

@testable import PlacePlanning

/// The child-level transition model: estimates by hand, and the simulation's bookkeeping.
final class ChildModelTests: XCTestCase {
  /// Settings A and B, NCY 0–10, need X, each may move to the other.
  let valid = ValidStates(settings: [
    .init(name: "A", group: "g", ncys: 0...10, needs: ["X"], moves: ["A", "B"]),
    .init(name: "B", group: "g", ncys: 0...10, needs: ["X"], moves: ["A", "B"]),
  ])

  func state(_ setting: String, _ ncy: Int) -> ChildState {
    ChildState(setting: setting, need: "X", ncy: ncy)
  }

  /// 2020: four children in A at NCY 1: one leaves, one moves to B, two stay; one joins A at
  /// NCY 1.
  var fourInA: [ChildTransition] {
    [
      ChildTransition(calendarYear: 2020, from: state("A", 1), to: nil),
      ChildTransition(calendarYear: 2020, from: state("A", 1), to: state("B", 2)),
      ChildTransition(calendarYear: 2020, from: state("A", 1), to: state("A", 2)),
      ChildTransition(calendarYear: 2020, from: state("A", 1), to: state("A", 2)),
      ChildTransition(calendarYear: 2020, from: nil, to: state("A", 1)),
    ]
  }

  /// 2020: four children in A at NCY 1: one leaves, one moves to B, two stay; two join A at
  /// NCY 1 from a population of 100 in 2021. Pooled NCY 1 rates p = 1/4, q = 1/3; with
  /// κ = 2: leave ~ Beta(2·¼ + 1, 2·¾ + 3) = Beta(1.5, 4.5); move ~ Beta(2·⅓ + 1, 2·⅔ + 3 −
  /// 1) = Beta(1.667, 3.333); destinations: B only (A is where they are), α = 1 + 2·1 = 3;
  /// joining ~ Beta(1 + 2, 1 + 100 − 2) = Beta(3, 99) (the 2021 population they join).
  func testEstimatesByHand() {
    let transitions =
      fourInA + [
        ChildTransition(calendarYear: 2020, from: nil, to: state("A", 1))
      ]
    let population = ChildPopulation(counts: [2020: [1: 50], 2021: [1: 100]])
    let model = TransitionModel(
      transitions: transitions, population: population, valid: valid, years: 2020...2020,
      joinerPopulation: .yearJoined)
    // By default (as witan.send) the 2020 joiners are divided by the 2020 population:
    // Beta(3, 1 + 50 − 2).
    let yearBefore = TransitionModel(
      transitions: transitions, population: population, valid: valid, years: 2020...2020)
    XCTAssertEqual(yearBefore.joinParameters(ncy: 1).b, 49, accuracy: 1e-12)
    let leave = model.leaveParameters(state("A", 1))
    XCTAssertEqual(leave.a, 1.5, accuracy: 1e-12)
    XCTAssertEqual(leave.b, 4.5, accuracy: 1e-12)
    let move = model.moveParameters(state("A", 1))
    XCTAssertEqual(move.a, 2.0 / 3 + 1, accuracy: 1e-12)
    XCTAssertEqual(move.b, 4.0 / 3 + 2, accuracy: 1e-12)
    let destinations = model.destinationParameters(state("A", 1))
    XCTAssertEqual(destinations.map(\.setting), ["B"])
    XCTAssertEqual(destinations.first?.alpha ?? 0, 3, accuracy: 1e-12)
    let join = model.joinParameters(ncy: 1)
    XCTAssertEqual(join.a, 3, accuracy: 1e-12)
    XCTAssertEqual(join.b, 99, accuracy: 1e-12)
    // A state never seen takes its NCY's pooled rates: Beta(2·¼, 2·¾).
    let unseen = model.leaveParameters(state("B", 1))
    XCTAssertEqual(unseen.a, 0.5, accuracy: 1e-12)
    XCTAssertEqual(unseen.b, 1.5, accuracy: 1e-12)
  }

  /// Nobody ever left, moved or joined: five children in A stay five, a year older each
  /// year, in every simulation; past NCY 10 (A's and B's last) they are counted as aged out.
  func testCountsAreKeptAndAgedOutChildrenAreCounted() {
    let transitions = (0..<5).map { _ in
      ChildTransition(calendarYear: 2020, from: state("A", 1), to: state("A", 2))
    }
    let population = ChildPopulation(counts: [2020: [1: 0], 2021: [1: 0]])
    let model = TransitionModel(
      transitions: transitions, population: population, valid: valid, years: 2020...2020)
    let projection = ChildProjection(model: model, population: population)
    let start = ChildProjection.stock(transitions, year: 2020)
    XCTAssertEqual(start, [state("A", 2): 5])
    let result = projection.run(
      start: start, startYear: 2021, years: 5, simulations: 50, seed: 1, by: .total)
    XCTAssertEqual(result.rows.map(\.calendarYear), Array(2021...2026))
    XCTAssertTrue(result.rows.allSatisfy { $0.mean == 5 && $0.lower95 == 5 && $0.upper95 == 5 })
    XCTAssertEqual(result.agedOut, 0)
    let byNCY = projection.run(
      start: start, startYear: 2021, years: 3, simulations: 5, seed: 1, by: .ncy)
    XCTAssertEqual(byNCY.rows.last?.key, "5")
    let late = projection.run(
      start: [state("A", 9): 5], startYear: 2021, years: 3, simulations: 4, seed: 1, by: .total)
    XCTAssertEqual(late.rows.map(\.mean), [5, 5, 0, 0])
    XCTAssertEqual(late.agedOut, 5)
  }

  /// Gamma draws have the right mean and variance (shape k: mean k, variance k), by 20,000
  /// seeded draws; Beta(1.5, 4.5) mean 0.25 (tolerances: four standard errors).
  func testDrawsHaveTheirMoments() {
    var generator = SeededGenerator(seed: 7)
    for shape in [0.5, 3.0] {
      let draws = (0..<20_000).map { _ in generator.gamma(shape: shape) }
      let mean = draws.reduce(0, +) / Double(draws.count)
      let variance = draws.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(draws.count - 1)
      XCTAssertEqual(mean, shape, accuracy: 4 * (shape / 20_000).squareRoot())
      XCTAssertEqual(variance, shape, accuracy: 0.1 * shape)
    }
    let betas = (0..<20_000).map { _ in generator.beta(1.5, 4.5) }
    XCTAssertEqual(betas.reduce(0, +) / 20_000, 0.25, accuracy: 4 * (0.0268 / 20_000).squareRoot())
    let poisson = (0..<20_000).map { _ in Double(generator.poisson(12)) }
    XCTAssertEqual(poisson.reduce(0, +) / 20_000, 12, accuracy: 4 * (12.0 / 20_000).squareRoot())
  }

  /// Observed Januaries and the baselines, by hand: 2020 opens with 2 children, 2020's
  /// transitions end with 3 (January 2021) and 2021's with 5 (January 2022). Cut-off 2020:
  /// start at January 2021 (3); at January 2022 (h = 1) naive 3, growth 3 × 3/2 = 4.5.
  func testValidationBaselinesByHand() {
    let transitions = [
      ChildTransition(calendarYear: 2020, from: state("A", 1), to: state("A", 2)),
      ChildTransition(calendarYear: 2020, from: state("A", 1), to: state("A", 2)),
      ChildTransition(calendarYear: 2020, from: nil, to: state("A", 1)),
      ChildTransition(calendarYear: 2021, from: state("A", 2), to: state("A", 3)),
      ChildTransition(calendarYear: 2021, from: state("A", 2), to: state("A", 3)),
      ChildTransition(calendarYear: 2021, from: state("A", 1), to: state("A", 2)),
      ChildTransition(calendarYear: 2021, from: nil, to: state("A", 1)),
      ChildTransition(calendarYear: 2021, from: nil, to: state("B", 1)),
    ]
    XCTAssertEqual(ChildValidation.observed(transitions), [2020: 2, 2021: 3, 2022: 5])
    let population = ChildPopulation(counts: [2021: [1: 100], 2022: [1: 100]])
    let rows = ChildValidation.run(
      transitions: transitions, population: population, valid: valid, simulations: 20, seed: 3)
    XCTAssertEqual(rows.count, 1)
    XCTAssertEqual(rows.first?.cutoffYear, 2020)
    XCTAssertEqual(rows.first?.calendarYear, 2022)
    XCTAssertEqual(rows.first?.actual, 5)
    XCTAssertEqual(rows.first?.naiveLast, 3)
    XCTAssertEqual(rows.first?.naiveGrowth ?? 0, 4.5, accuracy: 1e-12)
    let summary = ChildValidation.summary(rows)
    XCTAssertEqual(summary.naiveLast, 40, accuracy: 1e-9)
    XCTAssertEqual(summary.naiveGrowth, 10, accuracy: 1e-9)
  }

  /// Ten children joined A at NCY 1 in 2020 from a population of 1,000 (2020 and 2021),
  /// nobody left or moved; in 2022 the population jumps to 5,000. Joining ~ Beta(11, 991),
  /// mean 11/1,002. From January 2021 (10 children) the joiners of January 2022 are drawn
  /// against the population of the same year the rate was fitted against: 2021's 1,000 by
  /// default (the year before they join), so 10 + 1,000 × 11/1,002 = 20.98; 2022's 5,000
  /// when fitted per resident of the year joined, so 10 + 5,000 × 11/1,002 = 64.89.
  /// 4,000 simulations: the mean's standard error is about √(11 + 1,000² × var) / √4,000
  /// ≈ 0.06 (0.3 for 5,000), so 0.5 and 1.5 are 8 and 5 of them.
  func testJoinersAreDrawnAgainstThePopulationTheRateWasFittedOn() {
    let transitions = (0..<10).map { _ in
      ChildTransition(calendarYear: 2020, from: nil, to: state("A", 1))
    }
    let population = ChildPopulation(counts: [2020: [1: 1000], 2021: [1: 1000], 2022: [1: 5000]])
    for (joiners, expected, tolerance) in [
      (TransitionModel.JoinerPopulation.yearBefore, 10 + 1000 * 11.0 / 1002, 0.5),
      (.yearJoined, 10 + 5000 * 11.0 / 1002, 1.5),
    ] {
      let model = TransitionModel(
        transitions: transitions, population: population, valid: valid, years: 2020...2020,
        joinerPopulation: joiners)
      let rows = ChildProjection(model: model, population: population).run(
        start: ChildProjection.stock(transitions, year: 2020), startYear: 2021, years: 1,
        simulations: 4000, seed: 7, by: .total
      ).rows
      XCTAssertEqual(rows.map(\.calendarYear), [2021, 2022])
      XCTAssertEqual(rows.last?.mean ?? 0, expected, accuracy: tolerance, "\(joiners)")
    }
  }

  /// A child-level forecast by setting type: A is mainstream, B an RP/SEN unit. January
  /// 2020 and 2021 are counted from the transitions by hand (2020: four in A; 2021: three
  /// in A, one in B); RP children count towards mainstream too, so mainstream is the total;
  /// in every forecast year the setting types (RP inside mainstream) add up to the total
  /// exactly, because a forecast is the simulations' mean, and the intervals hold it.
  func testChildForecastBySettingTypeAddsUp() {
    let transitions = fourInA
    let population = ChildPopulation(counts: [2020: [1: 50], 2021: [1: 60]])
    let model = TransitionModel(
      transitions: transitions, population: population, valid: valid, years: 2020...2020)
    let map = ChildSettingMap(types: ["A": .mainstream, "B": .rpSENUnit])
    let forecast = ChildForecast.forecast(
      model: model, population: population, transitions: transitions, map: map,
      laCode: "E1", laName: "Test", horizon: 4, simulations: 300, seed: 3)
    func value(_ setting: SettingType, _ year: Int) -> Double? {
      forecast.rows.first { $0.setting == setting && $0.censusYear == year }?.value
    }
    XCTAssertEqual(forecast.throughYear, 2021)
    XCTAssertEqual(value(.total, 2020), 4)
    XCTAssertEqual(value(.mainstream, 2020), 4)
    XCTAssertEqual(value(.rpSENUnit, 2020), 0)
    XCTAssertEqual(value(.total, 2021), 4)
    XCTAssertEqual(value(.rpSENUnit, 2021), 1)
    XCTAssertEqual(value(.mainstream, 2021), 4)
    XCTAssertEqual(value(.specialState, 2021), 0)
    let future = forecast.rows.filter { $0.kind == .forecast }
    XCTAssertEqual(Set(future.map(\.censusYear)), Set(2022...2025))
    for year in 2022...2025 {
      let parts = SettingType.allCases.filter { $0 != .total && $0.parent == nil }
        .compactMap { value($0, year) }.reduce(0, +)
      XCTAssertEqual(parts, value(.total, year) ?? -1, accuracy: 1e-9, "\(year)")
    }
    for row in future {
      XCTAssertEqual(row.method, ChildForecast.method)
      XCTAssertLessThanOrEqual(row.lower95 ?? .infinity, row.lower80 ?? -1)
      XCTAssertLessThanOrEqual(row.lower80 ?? .infinity, row.value + 1e-9)
      XCTAssertLessThanOrEqual(row.value, (row.upper80 ?? -1) + 1e-9)
      XCTAssertLessThanOrEqual(row.upper80 ?? .infinity, row.upper95 ?? -1)
    }
  }

  /// Scenario arithmetic by hand. Factors multiply: joiners ×0.5 into B and ×0.8 for NCY 2
  /// give 0.4 for B at NCY 2, 0.5 for B at NCY 3 and 1 for A. A redirect of 40% of B's
  /// weight to A (same need and NCY): weights (A 0.3, B 0.5) become (0.5, 0.3); a target
  /// that is not among the candidates leaves the weights alone. Nothing applies before its
  /// first census.
  func testScenarioFactorsAndRedirectsByHand() {
    let scenario = ChildScenario(
      rates: [
        .init(flow: .joiners, fromCensus: 2027, factor: 0.5, settings: ["B"]),
        .init(flow: .joiners, fromCensus: 2027, factor: 0.8, ncys: [2]),
      ],
      redirects: [.init(flow: .movers, fromCensus: 2028, share: 0.4, setting: "B", to: "A")])
    XCTAssertEqual(scenario.factor(.joiners, state("B", 2), census: 2027), 0.4, accuracy: 1e-12)
    XCTAssertEqual(scenario.factor(.joiners, state("B", 3), census: 2027), 0.5, accuracy: 1e-12)
    XCTAssertEqual(scenario.factor(.joiners, state("A", 3), census: 2027), 1)
    XCTAssertEqual(scenario.factor(.joiners, state("B", 2), census: 2026), 1)
    XCTAssertEqual(scenario.factor(.leavers, state("B", 2), census: 2027), 1)
    let moved = scenario.redirect(
      .movers, [0.3, 0.5], candidates: [state("A", 4), state("B", 4)], census: 2028)
    XCTAssertEqual(moved[0], 0.5, accuracy: 1e-12)
    XCTAssertEqual(moved[1], 0.3, accuracy: 1e-12)
    XCTAssertEqual(
      scenario.redirect(
        .movers, [0.3, 0.5], candidates: [state("A", 4), state("B", 4)], census: 2027),
      [0.3, 0.5])
    XCTAssertEqual(
      scenario.redirect(.movers, [1], candidates: [state("B", 4)], census: 2030), [1])
    XCTAssertFalse(scenario.isActive(census: 2026))
    XCTAssertTrue(scenario.isActive(census: 2027))
  }

  /// Under a scenario the simulation moves children as it says: nobody leaves when the
  /// leave rate is multiplied by 0; every joiner into B goes to A when all of B's joiners
  /// are redirected, so B then only loses children; and before the scenario's first census
  /// every simulation is the baseline's (each simulation has its own random stream).
  func testScenarioChangesTheSimulation() {
    var transitions: [ChildTransition] = []
    for index in 0..<40 {
      // Half of NCY 3's children leave; joiners arrive in A and B at NCY 1.
      transitions.append(
        ChildTransition(
          calendarYear: 2020, from: state("A", 3), to: index % 2 == 0 ? nil : state("A", 4)))
      transitions.append(
        ChildTransition(calendarYear: 2020, from: nil, to: state(index % 2 == 0 ? "A" : "B", 1)))
    }
    let population = ChildPopulation(counts: [2020: [1: 400, 3: 400], 2021: [1: 400, 3: 400]])
    let model = TransitionModel(
      transitions: transitions, population: population, valid: valid, years: 2020...2020)
    let projection = ChildProjection(model: model, population: population)
    let start = [state("A", 3): 100]
    func run(_ scenario: ChildScenario?) -> [ChildProjection.Row] {
      projection.run(
        start: start, startYear: 2021, years: 2, simulations: 200, seed: 5,
        keys: ["A3", "A4", "B", "A"],
        keysOf: { state in
          (state.ncy == 3 && state.setting == "A" ? ["A3"] : [])
            + (state.ncy == 4 && state.setting == "A" ? ["A4"] : []) + [state.setting]
        }, scenario: scenario
      ).rows
    }
    let baseline = run(nil)
    let noLeaving = run(
      ChildScenario(rates: [.init(flow: .leavers, fromCensus: 2022, factor: 0, ncys: [3])]))
    // All 100 NCY 3 children are in NCY 4 in January 2022 (none left, none moved: no
    // movers were ever seen, so the move rate is Beta(0, 2) = 0).
    XCTAssertEqual(noLeaving.first { $0.key == "A4" && $0.calendarYear == 2022 }?.mean, 100)
    XCTAssertLessThan(
      baseline.first { $0.key == "A4" && $0.calendarYear == 2022 }?.mean ?? 100, 70)
    let redirected = run(
      ChildScenario(redirects: [
        .init(flow: .joiners, fromCensus: 2023, share: 1, setting: "B", to: "A")
      ]))
    // B's joiners of 2022 stay; from January 2023 no one joins B.
    let b2022 = redirected.first { $0.key == "B" && $0.calendarYear == 2022 }?.mean ?? 0
    let b2023 = redirected.first { $0.key == "B" && $0.calendarYear == 2023 }?.mean ?? -1
    XCTAssertGreaterThan(b2022, 10)
    XCTAssertLessThanOrEqual(b2023, b2022 + 1e-9)
    XCTAssertEqual(
      redirected.filter { $0.calendarYear <= 2022 }, baseline.filter { $0.calendarYear <= 2022 })
  }

  /// A closure zeroes the closed setting's weight (the others keep theirs, so they share
  /// its children in proportion) from its first census; a history cut drops the
  /// transitions before its year from the NCYs it names (joiners by the NCY they join).
  func testClosuresAndHistoryCutsByHand() {
    let scenario = ChildScenario(
      closures: [.init(setting: "B", fromCensus: 2027)],
      history: [.init(fromYear: 2019, ncys: [3])])
    XCTAssertEqual(
      scenario.redirect(
        .joiners, [0.2, 0.6], candidates: [state("A", 1), state("B", 1)], census: 2027),
      [0.2, 0])
    XCTAssertEqual(
      scenario.redirect(
        .joiners, [0.2, 0.6], candidates: [state("A", 1), state("B", 1)], census: 2026),
      [0.2, 0.6])
    let rows = [
      ChildTransition(calendarYear: 2018, from: state("A", 3), to: state("A", 4)),
      ChildTransition(calendarYear: 2018, from: nil, to: state("A", 3)),
      ChildTransition(calendarYear: 2018, from: state("A", 5), to: nil),
      ChildTransition(calendarYear: 2019, from: state("A", 3), to: state("A", 4)),
    ]
    XCTAssertEqual(scenario.training(rows), [rows[2], rows[3]])
  }

  /// Closing B to joiners from January 2022 keeps the number of joiners (A takes them all)
  /// and leaves B with only the children it had; the same scenario's first year is the
  /// baseline's.
  func testAClosedSettingTakesNoJoiners() {
    let transitions = (0..<40).map { index in
      ChildTransition(calendarYear: 2020, from: nil, to: state(index % 2 == 0 ? "A" : "B", 1))
    }
    let population = ChildPopulation(counts: [2020: [1: 400], 2021: [1: 400]])
    let model = TransitionModel(
      transitions: transitions, population: population, valid: valid, years: 2020...2020)
    let projection = ChildProjection(model: model, population: population)
    func run(_ scenario: ChildScenario?) -> [ChildProjection.Row] {
      projection.run(
        start: ChildProjection.stock(transitions, year: 2020), startYear: 2021, years: 2,
        simulations: 300, seed: 9, keys: ["A", "B", "total"],
        keysOf: { [$0.setting, "total"] }, scenario: scenario
      ).rows
    }
    let baseline = run(nil)
    let closed = run(ChildScenario(closures: [.init(setting: "B", fromCensus: 2022)]))
    func mean(_ rows: [ChildProjection.Row], _ key: String, _ year: Int) -> Double {
      rows.first { $0.key == key && $0.calendarYear == year }?.mean ?? -1
    }
    // Nobody ever left B (no leavers seen: leave ~ Beta(0, 2) = 0), so B holds its 20.
    XCTAssertEqual(mean(closed, "B", 2021), 20)
    XCTAssertEqual(mean(closed, "B", 2022), 20)
    XCTAssertEqual(mean(closed, "B", 2023), 20)
    XCTAssertGreaterThan(mean(baseline, "B", 2023), 30)
    XCTAssertEqual(mean(closed, "total", 2022), mean(baseline, "total", 2022))
  }
}
