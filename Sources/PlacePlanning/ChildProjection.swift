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
///    given a state from NCY a's joiner states.
///
/// States are visited in sorted order, so the same seed gives the same numbers.
public struct ChildProjection: Sendable {
  /// How a count is broken down.
  public enum Breakdown: String, CaseIterable, Sendable {
    case total, setting, need, ncy, state
  }

  /// One year and key: the simulations' mean, median and 95% interval.
  public struct Row: Sendable, Equatable {
    public let calendarYear: Int
    public let key: String
    public let mean: Double
    public let median: Double
    public let lower95: Double
    public let upper95: Double
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
  /// every setting (mean over simulations).
  public func run(
    start: [ChildState: Int], startYear: Int, years: Int, simulations: Int, seed: UInt64,
    by breakdown: Breakdown
  ) -> (rows: [Row], agedOut: Double) {
    var generator = SeededGenerator(seed: seed)
    // year → key → one count per simulation
    var samples: [Int: [String: [Double]]] = [:]
    var agedOut = 0.0
    let ncys = population.ncys.sorted()
    // Posterior parameters are the same in every simulation: worked out once.
    var parameters = Parameters(model: model)
    for _ in 0..<max(1, simulations) {
      var rates = Rates()
      var stock = start
      record(stock, year: startYear, into: &samples, by: breakdown)
      for offset in 0..<max(0, years) {
        let year = startYear + offset
        var next: [ChildState: Int] = [:]
        for state in stock.keys.sorted() {
          let count = stock[state] ?? 0
          let leavers = generator.binomial(
            count, rates.leave(state, &generator, &parameters))
          let remaining = count - leavers
          let movers = generator.binomial(
            remaining, rates.move(state, &generator, &parameters))
          var moving = movers
          let older = ChildState(setting: state.setting, need: state.need, ncy: state.ncy + 1)
          if model.valid.allows(older) {
            next[older, default: 0] += remaining - movers
          } else {
            moving = remaining
          }
          let destinations = rates.destinations(state, &generator, &parameters)
          for _ in 0..<moving {
            guard let index = generator.categorical(destinations.map(\.weight)) else {
              agedOut += 1
              continue
            }
            next[
              ChildState(
                setting: destinations[index].setting, need: state.need, ncy: state.ncy + 1),
              default: 0] += 1
          }
        }
        for ncy in ncys {
          let joining = generator.poisson(
            population(year: year + 1, ncy: ncy) * rates.join(ncy, &generator, &parameters))
          guard joining > 0 else { continue }
          let states = rates.joinerStates(ncy, &generator, &parameters)
          for _ in 0..<joining {
            guard let index = generator.categorical(states.map(\.weight)) else { continue }
            next[states[index].state, default: 0] += 1
          }
        }
        stock = next
        record(stock, year: year + 1, into: &samples, by: breakdown)
      }
    }
    var rows: [Row] = []
    for year in samples.keys.sorted() {
      for key in (samples[year] ?? [:]).keys.sorted() {
        var values = samples[year]?[key] ?? []
        // A key absent from some simulations counted 0 there.
        values += [Double](repeating: 0, count: max(0, max(1, simulations) - values.count))
        rows.append(
          Row(
            calendarYear: year, key: key, mean: values.reduce(0, +) / Double(values.count),
            median: AccuracySummary.quantile(values, 0.5) ?? 0,
            lower95: AccuracySummary.quantile(values, 0.025) ?? 0,
            upper95: AccuracySummary.quantile(values, 0.975) ?? 0))
      }
    }
    return (rows, agedOut / Double(max(1, simulations)))
  }

  /// Adds a year's counts by key to the samples.
  func record(
    _ stock: [ChildState: Int], year: Int, into samples: inout [Int: [String: [Double]]],
    by breakdown: Breakdown
  ) {
    var totals: [String: Double] = [:]
    for (state, count) in stock {
      let key: String
      switch breakdown {
      case .total: key = "total"
      case .setting: key = state.setting
      case .need: key = state.need
      case .ncy: key = String(state.ncy)
      case .state: key = "\(state.setting),\(state.need),\(state.ncy)"
      }
      totals[key, default: 0] += Double(count)
    }
    if breakdown == .total && totals.isEmpty { totals["total"] = 0 }
    for key in totals.keys.sorted() {
      samples[year, default: [:]][key, default: []].append(totals[key] ?? 0)
    }
  }

  /// The posterior parameters of each state and NCY, worked out when first needed and kept
  /// for every simulation.
  struct Parameters {
    let model: TransitionModel
    var leave: [ChildState: (a: Double, b: Double)] = [:]
    var move: [ChildState: (a: Double, b: Double)] = [:]
    var destinations: [ChildState: [(setting: String, alpha: Double)]] = [:]
    var join: [Int: (a: Double, b: Double)] = [:]
    var joinerStates: [Int: [(state: ChildState, alpha: Double)]] = [:]

    init(model: TransitionModel) {
      self.model = model
    }
  }

  /// One simulation's rates, drawn from their posteriors when first needed.
  struct Rates {
    var leave: [ChildState: Double] = [:]
    var move: [ChildState: Double] = [:]
    var destinations: [ChildState: [(setting: String, weight: Double)]] = [:]
    var join: [Int: Double] = [:]
    var joinerStates: [Int: [(state: ChildState, weight: Double)]] = [:]

    mutating func leave(
      _ state: ChildState, _ generator: inout SeededGenerator, _ parameters: inout Parameters
    ) -> Double {
      cached(&leave, state) {
        let posterior = cached(&parameters.leave, state) { parameters.model.leaveParameters(state) }
        return generator.beta(posterior.a, posterior.b)
      }
    }

    mutating func move(
      _ state: ChildState, _ generator: inout SeededGenerator, _ parameters: inout Parameters
    ) -> Double {
      cached(&move, state) {
        let posterior = cached(&parameters.move, state) { parameters.model.moveParameters(state) }
        return generator.beta(posterior.a, posterior.b)
      }
    }

    mutating func destinations(
      _ state: ChildState, _ generator: inout SeededGenerator, _ parameters: inout Parameters
    ) -> [(setting: String, weight: Double)] {
      cached(&destinations, state) {
        let posterior = cached(&parameters.destinations, state) {
          parameters.model.destinationParameters(state)
        }
        let weights = generator.dirichlet(posterior.map(\.alpha))
        return zip(posterior, weights).map { (setting: $0.0.setting, weight: $0.1) }
      }
    }

    mutating func join(
      _ ncy: Int, _ generator: inout SeededGenerator, _ parameters: inout Parameters
    ) -> Double {
      cached(&join, ncy) {
        let posterior = cached(&parameters.join, ncy) { parameters.model.joinParameters(ncy: ncy) }
        return generator.beta(posterior.a, posterior.b)
      }
    }

    mutating func joinerStates(
      _ ncy: Int, _ generator: inout SeededGenerator, _ parameters: inout Parameters
    ) -> [(state: ChildState, weight: Double)] {
      cached(&joinerStates, ncy) {
        let posterior = cached(&parameters.joinerStates, ncy) {
          parameters.model.joinerStateParameters(ncy: ncy)
        }
        let weights = generator.dirichlet(posterior.map(\.alpha))
        return zip(posterior, weights).map { (state: $0.0.state, weight: $0.1) }
      }
    }
  }
}

/// The value of `key` in `cache`, made and stored on the first call.
private func cached<Key: Hashable, Value>(
  _ cache: inout [Key: Value], _ key: Key, _ make: () -> Value
) -> Value {
  if let value = cache[key] { return value }
  let value = make()
  cache[key] = value
  return value
}
