/// A scenario's changes to the child-level model, from an academic year on (the moves that
/// bring children into that year's January census and later):
///
/// - **rates**: leaving, moving or joining multiplied by `factor` for the states that
///   match (setting, need, NCY: empty lists match all). Leave and move rates are those of
///   the state a child is in, capped at 1. For joiners the factor multiplies the weight of
///   the states they join, so joiners into those states are multiplied by `factor` and
///   the rest are unchanged: `λ' = λ Σ_k f_k w_k / Σ_k w_k`, state k with probability
///   `f_k w_k / Σ f w`.
/// - **redirects**: a share of the joiners or movers bound for one setting go to another
///   instead (need and NCY kept), e.g. half of new INMS placements made in state special
///   schools. A mover's redirect applies where the other setting is one of its
///   destinations; a joiner's where the other setting takes that need and NCY.
/// - **closures**: a setting takes no new children (joiners or movers) from a year on;
///   those who would have gone there go to the other settings in proportion to their
///   weights (the number of joiners is unchanged), and children already there stay until
///   they leave, move or age out (a phased closure). Opening a setting is a redirect into a
///   setting of the valid states that has no children yet.
/// - **history**: transitions before a year left out of the fit for chosen NCYs (all when
///   none are given), e.g. when practice changed.
public struct ChildScenario: Sendable, Equatable {
  /// What a change applies to.
  public enum Flow: String, Sendable, CaseIterable {
    case leavers, movers, joiners
  }

  public struct RateChange: Sendable, Equatable {
    public let flow: Flow
    public let fromCensus: Int
    public let factor: Double
    public let settings: [String]
    public let needs: [String]
    public let ncys: [Int]

    public init(
      flow: Flow, fromCensus: Int, factor: Double, settings: [String] = [], needs: [String] = [],
      ncys: [Int] = []
    ) {
      self.flow = flow
      self.fromCensus = fromCensus
      self.factor = factor
      self.settings = settings
      self.needs = needs
      self.ncys = ncys
    }

    /// Whether the change applies to a state.
    public func matches(_ state: ChildState) -> Bool {
      (settings.isEmpty || settings.contains(state.setting))
        && (needs.isEmpty || needs.contains(state.need))
        && (ncys.isEmpty || ncys.contains(state.ncy))
    }
  }

  public struct Redirect: Sendable, Equatable {
    public let flow: Flow
    public let fromCensus: Int
    public let share: Double
    public let setting: String
    public let to: String

    public init(flow: Flow, fromCensus: Int, share: Double, setting: String, to: String) {
      self.flow = flow
      self.fromCensus = fromCensus
      self.share = share
      self.setting = setting
      self.to = to
    }
  }

  /// A setting closed to new children from `fromCensus`.
  public struct Closure: Sendable, Equatable {
    public let setting: String
    public let fromCensus: Int

    public init(setting: String, fromCensus: Int) {
      self.setting = setting
      self.fromCensus = fromCensus
    }
  }

  /// Transitions of calendar years before `fromYear` left out of the fit for `ncys` (the
  /// NCY a child moves from, or joins at; empty: every NCY).
  public struct HistoryCut: Sendable, Equatable {
    public let fromYear: Int
    public let ncys: [Int]

    public init(fromYear: Int, ncys: [Int] = []) {
      self.fromYear = fromYear
      self.ncys = ncys
    }

    /// Whether a transition is left out.
    public func drops(_ transition: ChildTransition) -> Bool {
      guard transition.calendarYear < fromYear else { return false }
      guard let ncy = transition.from?.ncy ?? transition.to?.ncy else { return false }
      return ncys.isEmpty || ncys.contains(ncy)
    }
  }

  public let rates: [RateChange]
  public let redirects: [Redirect]
  public let closures: [Closure]
  public let history: [HistoryCut]
  /// The file line of each setting or need a change names, by its path in the YAML (e.g.
  /// `child.redirects[1].to`), so that one the valid states lack can be located.
  public let lines: [String: Int]

  public init(
    rates: [RateChange] = [], redirects: [Redirect] = [], closures: [Closure] = [],
    history: [HistoryCut] = [], lines: [String: Int] = [:]
  ) {
    self.rates = rates
    self.redirects = redirects
    self.closures = closures
    self.history = history
    self.lines = lines
  }

  /// The transitions the fit keeps under the history cuts.
  public func training(_ transitions: [ChildTransition]) -> [ChildTransition] {
    history.isEmpty
      ? transitions : transitions.filter { row in !history.contains { $0.drops(row) } }
  }

  /// Whether a setting takes no new children in the moves into `census`.
  public func isClosed(_ setting: String, census: Int) -> Bool {
    closures.contains { $0.setting == setting && census >= $0.fromCensus }
  }

  /// The product of the factors of `flow` for a state, for the move into `census`.
  public func factor(_ flow: Flow, _ state: ChildState, census: Int) -> Double {
    rates.filter { $0.flow == flow && census >= $0.fromCensus && $0.matches(state) }
      .reduce(1) { $0 * $1.factor }
  }

  /// Weights after the redirects of `flow` into `census`: for each redirect whose setting
  /// and target are both among the candidates, `share` of the weight of every candidate
  /// in `setting` moves to the candidate in `to` with the same need and NCY; then closed
  /// settings' weights are 0.
  public func redirect(
    _ flow: Flow, _ weights: [Double], candidates: [ChildState], census: Int
  ) -> [Double] {
    var result = weights
    for change in redirects where change.flow == flow && census >= change.fromCensus {
      for (index, state) in candidates.enumerated() where state.setting == change.setting {
        guard
          let target = candidates.firstIndex(where: {
            $0.setting == change.to && $0.need == state.need && $0.ncy == state.ncy
          })
        else { continue }
        let moved = result[index] * change.share
        result[index] -= moved
        result[target] += moved
      }
    }
    // Closed settings take no one; the others share their weight in proportion.
    for (index, state) in candidates.enumerated() where isClosed(state.setting, census: census) {
      result[index] = 0
    }
    return result
  }

  /// Whether anything changes for moves into `census`.
  public func isActive(census: Int) -> Bool {
    rates.contains { census >= $0.fromCensus } || redirects.contains { census >= $0.fromCensus }
      || closures.contains { census >= $0.fromCensus }
  }
}
