import ForecastCore

/// Seeded Monte Carlo of the child-level model: each simulation draws every rate from its
/// posterior (`TransitionModel`) once, so parameter uncertainty persists along the path,
/// then moves the caseload a year at a time:
///
/// 1. each state's children leave ~ Binomial(n, leave); of those who stay, movers ~
///    Binomial(stayers, move); the rest stay in their setting, a year older (NCY + 1);
/// 2. a mover's new setting is drawn from the state's destinations (need kept);
/// 3. a child whose setting does not take the next NCY (or need) moves as a mover would;
///    where no setting takes them, they leave and are counted as aged out (stated, never
///    dropped silently);
/// 4. joiners in NCY a ~ Poisson(population_a × join_a) (binomial with a small rate), each
///    given a state from NCY a's joiner states; population_a is of the year the rate was
///    fitted against: for the move from January t to t+1, calendar year t's (the year
///    before they join) or t+1's (the year they join).
///
/// States are visited in sorted order, so the same seed gives the same numbers.
public struct ChildProjection: Sendable {
  /// How a count is broken down.
  public enum Breakdown: String, CaseIterable, Sendable {
    case total, setting, need, ncy, state
  }

  /// One year and key: the simulations' mean, median, 80% and 95% intervals.
  public struct Row: Sendable, Equatable {
    public let calendarYear: Int
    public let key: String
    public let mean: Double
    public let median: Double
    public let lower80: Double
    public let upper80: Double
    public let lower95: Double
    public let upper95: Double

    public init(
      calendarYear: Int, key: String, mean: Double, median: Double, lower80: Double,
      upper80: Double, lower95: Double, upper95: Double
    ) {
      self.calendarYear = calendarYear
      self.key = key
      self.mean = mean
      self.median = median
      self.lower80 = lower80
      self.upper80 = upper80
      self.lower95 = lower95
      self.upper95 = upper95
    }
  }

  public let model: TransitionModel
  public let population: ChildPopulation

  public init(model: TransitionModel, population: ChildPopulation) {
    self.model = model
    self.population = population
  }

  /// The stock at the January after the last transition year: every transition of that
  /// year that ends in the caseload.
  public static func stock(_ transitions: [ChildTransition], year: Int) -> [ChildState: Int] {
    var stock: [ChildState: Int] = [:]
    for transition in transitions where transition.calendarYear == year {
      if let to = transition.to { stock[to, default: 0] += 1 }
    }
    return stock
  }

  /// The population of a year, the last year in the file held where it runs out.
  func population(year: Int, ncy: Int) -> Double {
    if let count = population.count(year: year, ncy: ncy) { return count }
    guard let last = population.years.last(where: { $0 <= year }) else { return 0 }
    return population.count(year: last, ncy: ncy) ?? 0
  }

  /// Rows by year (the start year first) and key, with the count of children aged out of
  /// every setting (mean over simulations). A key is reported in a year when some
  /// simulation has children under it then (the total always); a simulation without any
  /// counts 0.
  public func run(
    start: [ChildState: Int], startYear: Int, years: Int, simulations: Int, seed: UInt64,
    by breakdown: Breakdown
  ) -> (rows: [Row], agedOut: Double) {
    let stateKeys = ChildStateTable.numbered(model: model, extra: start.keys).map {
      Self.key($0, by: breakdown)
    }
    let keys = breakdown == .total ? ["total"] : Array(Set(stateKeys)).sorted()
    let result = run(
      start: start, startYear: startYear, years: years, simulations: simulations, seed: seed,
      keys: keys, keysOf: { [Self.key($0, by: breakdown)] })
    return (
      result.rows.filter { row in breakdown == .total || row.mean > 0 }, result.agedOut
    )
  }

  /// Rows by year and key for keys of the caller's choosing: `keysOf` names the keys a
  /// state's children count towards (none, one or several, e.g. a setting type and the
  /// total), each child counting `weightOf` its state (1 by default; a cost per child gives
  /// £). Every key gets a row every year.
  public func run(
    start: [ChildState: Int], startYear: Int, years: Int, simulations: Int, seed: UInt64,
    keys: [String], keysOf: (ChildState) -> [String], weightOf: ((ChildState) -> Double)? = nil,
    scenario: ChildScenario? = nil
  ) -> (rows: [Row], agedOut: Double) {
    var generator = SeededGenerator(seed: seed)
    let table = ChildStateTable(model: model, extra: start.keys, ncys: population.ncys.sorted())
    let stateCount = table.states.count
    let years = max(0, years)
    let simulations = max(1, simulations)
    // The keys each state counts towards, by number.
    var keyNumber: [String: Int] = [:]
    for (index, key) in keys.enumerated() { keyNumber[key] = index }
    let keysOfState = table.states.map { state in keysOf(state).compactMap { keyNumber[$0] } }
    let weight = table.states.map { weightOf?($0) ?? 1 }
    // samples[(year × keys + key) × simulations + simulation]
    var samples = [Double](repeating: 0, count: (years + 1) * keys.count * simulations)
    // The population joiners arrive from, per year ahead and NCY: the same year as the
    // rates were fitted against (the year before they join, or the year they join).
    let lag = model.joinerPopulation == .yearBefore ? 0 : 1
    let exposure = (0..<years).map { offset in
      table.ncys.map { population(year: startYear + offset + lag, ncy: $0) }
    }
    // A scenario's factors per year ahead (nil where it changes nothing that year).
    let changes = (0...years).map { offset -> ScenarioYear? in
      guard let scenario, offset > 0, scenario.isActive(census: startYear + offset) else {
        return nil
      }
      return ScenarioYear(scenario: scenario, census: startYear + offset, table: table)
    }
    var startStock = [Int](repeating: 0, count: stateCount)
    for (state, count) in start {
      if let index = table.number[state] { startStock[index] += count }
    }

    var agedOut = 0
    var stock = startStock
    var next = [Int](repeating: 0, count: stateCount)
    var leave = [Double](repeating: .nan, count: stateCount)
    var move = [Double](repeating: .nan, count: stateCount)
    var destinations = DrawnWeights(table.destinations)
    var join = [Double](repeating: .nan, count: table.ncys.count)
    var joinerStates = DrawnWeights(table.joinerStates)
    for simulation in 0..<simulations {
      // Each simulation has its own stream, so a scenario's simulation k matches the
      // baseline's until the scenario starts (common random numbers).
      generator = SeededGenerator(seed: Self.streamSeed(seed, simulation))
      // A simulation's rates are drawn from their posteriors when first needed.
      destinations.reset()
      joinerStates.reset()
      for index in 0..<stateCount {
        leave[index] = .nan
        move[index] = .nan
      }
      for index in table.ncys.indices {
        join[index] = .nan
      }
      stock = startStock
      for offset in 0...years {
        if offset > 0 {
          let change = changes[offset]
          for index in 0..<stateCount { next[index] = 0 }
          for state in 0..<stateCount where stock[state] > 0 {
            let count = stock[state]
            if leave[state].isNaN {
              leave[state] = generator.beta(table.leave[state].a, table.leave[state].b)
              move[state] = generator.beta(table.move[state].a, table.move[state].b)
            }
            let leaving = change.map { min(1, leave[state] * $0.leave[state]) } ?? leave[state]
            let remaining = count - generator.binomial(count, leaving)
            let moveRate = change.map { min(1, move[state] * $0.move[state]) } ?? move[state]
            let movers = generator.binomial(remaining, moveRate)
            var moving = movers
            if table.older[state] >= 0 {
              next[table.older[state]] += remaining - movers
            } else {
              moving = remaining
            }
            guard moving > 0 else { continue }
            destinations.draw(state, &generator)
            let targets = table.destinations[state]
            let sums =
              change?.redirectsMovers == true
              ? Self.cumulative(
                change?.scenario.redirect(
                  .movers, destinations.weights[state],
                  candidates: targets.map { table.states[$0.state] }, census: startYear + offset)
                  ?? destinations.weights[state])
              : destinations.cumulative[state]
            for _ in 0..<moving {
              guard let pick = Self.pick(sums, &generator) else {
                agedOut += 1
                continue
              }
              next[targets[pick].state] += 1
            }
          }
          for (place, people) in exposure[offset - 1].enumerated() {
            if join[place].isNaN {
              join[place] = generator.beta(table.join[place].a, table.join[place].b)
            }
            let targets = table.joinerStates[place]
            var joining = 0
            var sums: [Double]
            if let change {
              // Joiners into the matching states multiplied, then redirected (and kept out
              // of closed settings); the rest as they were. The weights are drawn before
              // the number of joiners only where a factor needs them, so that otherwise
              // the draws come in the baseline's order.
              var scale = 1.0
              if change.scalesJoiners[place] {
                joinerStates.draw(place, &generator)
                let before = joinerStates.weights[place].reduce(0, +)
                let after = zip(joinerStates.weights[place], change.join[place]).reduce(0) {
                  $0 + $1.0 * $1.1
                }
                scale = before > 0 ? after / before : 1
              }
              joining = generator.poisson(people * join[place] * scale)
              guard joining > 0 else { continue }
              joinerStates.draw(place, &generator)
              sums = Self.cumulative(
                change.scenario.redirect(
                  .joiners, zip(joinerStates.weights[place], change.join[place]).map { $0 * $1 },
                  candidates: targets.map { table.states[$0.state] }, census: startYear + offset))
            } else {
              joining = generator.poisson(people * join[place])
              guard joining > 0 else { continue }
              joinerStates.draw(place, &generator)
              sums = joinerStates.cumulative[place]
            }
            for _ in 0..<joining {
              guard let pick = Self.pick(sums, &generator) else { continue }
              next[targets[pick].state] += 1
            }
          }
          swap(&stock, &next)
        }
        let base = offset * keys.count
        for state in 0..<stateCount where stock[state] > 0 {
          for key in keysOfState[state] {
            samples[(base + key) * simulations + simulation] += Double(stock[state]) * weight[state]
          }
        }
      }
    }
    var rows: [Row] = []
    for offset in 0...years {
      for (keyIndex, key) in keys.enumerated() {
        let first = (offset * keys.count + keyIndex) * simulations
        let sorted = samples[first..<(first + simulations)].sorted()
        rows.append(
          Row(
            calendarYear: startYear + offset, key: key,
            mean: sorted.reduce(0, +) / Double(simulations),
            median: AccuracySummary.quantile(sorted: sorted, 0.5),
            lower80: AccuracySummary.quantile(sorted: sorted, 0.1),
            upper80: AccuracySummary.quantile(sorted: sorted, 0.9),
            lower95: AccuracySummary.quantile(sorted: sorted, 0.025),
            upper95: AccuracySummary.quantile(sorted: sorted, 0.975)))
      }
    }
    return (rows, Double(agedOut) / Double(simulations))
  }

  /// A scenario's factors for the moves into one census: per state, its leave and move
  /// factors; per NCY, the factor of each joiner state.
  struct ScenarioYear {
    let scenario: ChildScenario
    let leave: [Double]
    let move: [Double]
    let join: [[Double]]
    /// Per NCY, whether any joiner factor is not 1 (so the number of joiners changes).
    let scalesJoiners: [Bool]
    let redirectsMovers: Bool

    init(scenario: ChildScenario, census: Int, table: ChildStateTable) {
      self.scenario = scenario
      leave = table.states.map { scenario.factor(.leavers, $0, census: census) }
      move = table.states.map { scenario.factor(.movers, $0, census: census) }
      join = table.joinerStates.map { list in
        list.map { scenario.factor(.joiners, table.states[$0.state], census: census) }
      }
      scalesJoiners = join.map { factors in factors.contains { $0 != 1 } }
      redirectsMovers =
        scenario.redirects.contains { $0.flow == .movers && census >= $0.fromCensus }
        || scenario.closures.contains { census >= $0.fromCensus }
    }
  }

  /// The seed of simulation `index`'s stream: the run's seed and the index mixed by one
  /// SplitMix64 step, so streams start far apart.
  static func streamSeed(_ seed: UInt64, _ index: Int) -> UInt64 {
    var mixer = SeededGenerator(
      seed: seed ^ (UInt64(truncatingIfNeeded: index) &* 0xD1B5_4A32_D192_ED03))
    return mixer.next()
  }

  /// One simulation's Dirichlet weights over a list of candidates per index (a state's
  /// destinations, an NCY's joiner states), each drawn when first needed, with their
  /// running sums for drawing children against.
  struct DrawnWeights {
    let alphas: [[Double]]
    var weights: [[Double]]
    var cumulative: [[Double]]
    var drawn: [Bool]

    init(_ candidates: [[(state: Int, alpha: Double)]]) {
      alphas = candidates.map { $0.map(\.alpha) }
      weights = Array(repeating: [], count: candidates.count)
      cumulative = Array(repeating: [], count: candidates.count)
      drawn = Array(repeating: false, count: candidates.count)
    }

    /// Forgets the draws, for the next simulation.
    mutating func reset() {
      for index in drawn.indices { drawn[index] = false }
    }

    /// Draws index's weights unless this simulation has them.
    mutating func draw(_ index: Int, _ generator: inout SeededGenerator) {
      guard !drawn[index] else { return }
      weights[index] = generator.dirichlet(alphas[index])
      cumulative[index] = ChildProjection.cumulative(weights[index])
      drawn[index] = true
    }
  }

  /// A state's key in a breakdown.
  static func key(_ state: ChildState, by breakdown: Breakdown) -> String {
    switch breakdown {
    case .total: return "total"
    case .setting: return state.setting
    case .need: return state.need
    case .ncy: return String(state.ncy)
    case .state: return "\(state.setting),\(state.need),\(state.ncy)"
    }
  }

  /// Running sums of weights; empty when they sum to 0 (nowhere to go).
  static func cumulative(_ weights: [Double]) -> [Double] {
    var total = 0.0
    let sums = weights.map { weight -> Double in
      total += weight
      return total
    }
    return total > 0 ? sums : []
  }

  /// An index drawn with probabilities proportional to the weights whose running sums are
  /// `cumulative`; nil when there are none.
  static func pick(_ cumulative: [Double], _ generator: inout SeededGenerator) -> Int? {
    guard let total = cumulative.last else { return nil }
    let target = generator.uniform() * total
    for (index, sum) in cumulative.enumerated() where target < sum { return index }
    return cumulative.lastIndex { $0 > 0 }
  }
}
