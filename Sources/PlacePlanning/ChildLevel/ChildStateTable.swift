/// The child-level model's posterior parameters laid out by state number, so the Monte
/// Carlo moves children with array look-ups instead of hashing names.
///
/// States are every (setting, need, NCY) the valid states allow, plus any in the starting
/// stock, numbered in sorted order (so a seed gives the same numbers in every run). For
/// each state: its leave and move Beta parameters, the state a year older in the same
/// setting (−1 when the setting does not take it), and its movers' destination states a
/// year older with their Dirichlet parameters. For each NCY: the join Beta parameters and
/// the joiner states with their Dirichlet parameters. Formulas: `TransitionModel`.
struct ChildStateTable {
  let states: [ChildState]
  let number: [ChildState: Int]
  let leave: [(a: Double, b: Double)]
  let move: [(a: Double, b: Double)]
  let older: [Int]
  let destinations: [[(state: Int, alpha: Double)]]
  /// NCYs with a population, sorted, and per NCY its join parameters and joiner states.
  let ncys: [Int]
  let join: [(a: Double, b: Double)]
  let joinerStates: [[(state: Int, alpha: Double)]]

  /// Every valid state and every state of `extra`, in number order.
  static func numbered(model: TransitionModel, extra: some Sequence<ChildState>) -> [ChildState] {
    var all = Set(extra)
    for name in model.valid.order {
      guard let setting = model.valid.settings[name] else { continue }
      for need in setting.needs {
        for ncy in setting.ncys { all.insert(ChildState(setting: name, need: need, ncy: ncy)) }
      }
    }
    return all.sorted()
  }

  init(model: TransitionModel, extra: some Sequence<ChildState>, ncys: [Int]) {
    // Joiner states and destinations are valid states, so already numbered.
    let states = Self.numbered(model: model, extra: extra)
    var number: [ChildState: Int] = [:]
    for (index, state) in states.enumerated() { number[state] = index }
    self.states = states
    self.number = number
    leave = states.map { model.leaveParameters($0) }
    move = states.map { model.moveParameters($0) }
    older = states.map { state in
      let next = ChildState(setting: state.setting, need: state.need, ncy: state.ncy + 1)
      return model.valid.allows(next) ? number[next] ?? -1 : -1
    }
    destinations = states.map { state in
      model.destinationParameters(state).compactMap { destination in
        number[ChildState(setting: destination.setting, need: state.need, ncy: state.ncy + 1)]
          .map { (state: $0, alpha: destination.alpha) }
      }
    }
    self.ncys = ncys
    join = ncys.map { model.joinParameters(ncy: $0) }
    joinerStates = ncys.map { ncy in
      model.joinerStateParameters(ncy: ncy).compactMap { joiner in
        number[joiner.state].map { (state: $0, alpha: joiner.alpha) }
      }
    }
  }
}
