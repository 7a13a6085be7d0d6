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

  public let rates: [RateChange]
  public let redirects: [Redirect]

  public init(rates: [RateChange] = [], redirects: [Redirect] = []) {
    self.rates = rates
    self.redirects = redirects
  }

  /// The product of the factors of `flow` for a state, for the move into `census`.
  public func factor(_ flow: Flow, _ state: ChildState, census: Int) -> Double {
    rates.filter { $0.flow == flow && census >= $0.fromCensus && $0.matches(state) }
      .reduce(1) { $0 * $1.factor }
  }

  /// Weights after the redirects of `flow` into `census`: for each redirect whose setting
  /// and target are both among the candidates, `share` of the weight of every candidate
  /// in `setting` moves to the candidate in `to` with the same need and NCY.
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
    return result
  }

  /// Whether anything changes for moves into `census`.
  public func isActive(census: Int) -> Bool {
    rates.contains { census >= $0.fromCensus } || redirects.contains { census >= $0.fromCensus }
  }
}
