/// Spare state special and RP places forecast by the places plan, a ledger from which
/// developments take places in order of completion, so that no place offsets two claims.
///
/// Spare places in an academic year are the state special and RP places the places plan
/// leaves free once it has placed its children, including the INMS-bound children it moves
/// into spare state special places (`CapacityPlanner`, `--inms-to-spare`):
/// ```
/// spare(y) = max(0, Σ_s (P_s(y) − placed_s(y)))    s ∈ {state special, RP}, places
/// ```
/// A place the plan fills with a child who would otherwise go to an independent school is
/// not spare for a development's children too: counting it for both would offset a
/// developer's contribution with a place the LA's own plan has used. With the overflow share
/// below 1, children left above a setting's places count against the whole.
/// By phase (`init(phaseRows:)`), each register phase is its own pool,
/// `spare_p(y) = Σ_s max(0, excess_{s,p}(y))`, and children take places only in their own
/// phase's pool: primary-age children primary places, secondary-age secondary places, post-16
/// post-16 places, so spare secondary places do not offset a primary need.
///
/// With `wholeRows` (the default of `s106`), a phase's spare place offsets a need only while
/// the setting types as a whole also have one spare that year, `whole(y)` = `spare(y)`
/// above, and taking it takes it from both: a planning inspector would not accept spare
/// secondary places against a need in a year when the state special sector as a whole is
/// short. The phase pools themselves are places − demand by phase (the plan does not place
/// INMS-bound children by phase), so by phase alone (`--spare-by phase`) they ignore that use.
///
/// A child who takes a spare place keeps it, so a place taken in year y is taken from every
/// later year too: `remaining(t) ← max(0, remaining(t) − taken)` for t ≥ y. Years outside
/// the places plan (beyond the forecast horizon) have no spare places. By phase, a child
/// keeps the place in the phase it was taken in: children do not move up between pools.
public struct SpareCapacity: Sendable, Equatable {
  /// When a spare place may offset a development's need.
  public enum Rule: String, CaseIterable, Sendable, Codable {
    /// Spare in the academic year the children arrive (the year of completion).
    case atArrival = "at-arrival"
    /// Spare in the year they arrive and in every later year of the plan: the cautious
    /// choice when the plan shows a shortfall returning.
    case lasting
  }

  /// The places a child may take: every phase together, or one register phase.
  public enum Pool: String, CaseIterable, Sendable, Codable, Comparable {
    case all
    case primary
    case secondary
    case post16 = "post-16"

    private var order: Int { Pool.allCases.firstIndex(of: self) ?? 0 }

    public static func < (lhs: Pool, rhs: Pool) -> Bool { lhs.order < rhs.order }
  }

  /// Spare places by pool and academic year, before any development takes them.
  public let initialByPool: [Pool: [AcademicYear: Double]]
  /// Spare places still free.
  public private(set) var remainingByPool: [Pool: [AcademicYear: Double]]
  /// Spare places of the setting types as a whole by year, before and after allocation;
  /// nil when the whole is not checked.
  public let initialWhole: [AcademicYear: Double]?
  public private(set) var remainingWhole: [AcademicYear: Double]?
  public let rule: Rule

  public init(placesByYear: [AcademicYear: Double], rule: Rule = .atArrival) {
    self.init(pools: [.all: placesByYear], rule: rule)
  }

  /// Spare places by pool, and optionally of the whole; negative values count as none.
  public init(
    pools: [Pool: [AcademicYear: Double]], whole: [AcademicYear: Double]? = nil,
    rule: Rule = .atArrival
  ) {
    let spare = pools.mapValues { $0.mapValues { max(0, $0) } }
    self.initialByPool = spare
    self.remainingByPool = spare
    let wholeSpare = whole.map { $0.mapValues { max(0, $0) } }
    self.initialWhole = wholeSpare
    self.remainingWhole = wholeSpare
    self.rule = rule
  }

  /// Spare places of the setting types as a whole: the state special and RP places the
  /// places plan leaves free after placing its children, `Σ_s (P_s − placed_s)` by year
  /// (negative values count as none when the ledger is made).
  static func whole(_ rows: [CapacityRow]) -> [AcademicYear: Double] {
    var spare: [AcademicYear: Double] = [:]
    for row in rows where CapacityPlanner.overflowingSettings.contains(row.setting) {
      guard let places = row.plannedPlaces else { continue }
      spare[row.academicYear, default: 0] += places - row.placed
    }
    return spare
  }

  /// Spare places from the places plan's state special and RP rows (other rows ignored).
  public init(rows: [CapacityRow], rule: Rule = .atArrival) {
    self.init(placesByYear: Self.whole(rows), rule: rule)
  }

  /// Spare places by phase from the places plan by phase, state special and RP rows; with
  /// `wholeRows`, only where the setting types as a whole have spare places too.
  public init(
    phaseRows: [PhaseCapacityPlanner.Row], wholeRows: [CapacityRow]? = nil,
    rule: Rule = .atArrival
  ) {
    var pools: [Pool: [AcademicYear: Double]] = [.primary: [:], .secondary: [:], .post16: [:]]
    for row in phaseRows where CapacityPlanner.overflowingSettings.contains(row.setting) {
      guard let pool = Self.pool(of: row.phase) else { continue }
      // A phase with demand but no places that year has none spare, and says so (under the
      // lasting rule a year missing from the pool would not count as a shortfall).
      guard let excess = row.shortfallExcess ?? (row.demand > 0 ? 0 : nil) else { continue }
      pools[pool, default: [:]][row.academicYear, default: 0] += max(0, excess)
    }
    self.init(pools: pools, whole: wholeRows.map(Self.whole), rule: rule)
  }

  /// Whether a phase's spare places count only where the whole has spare places too.
  public var checksWhole: Bool { initialWhole != nil }

  /// Whether places are kept by phase.
  public var isPhased: Bool { initialByPool[.all] == nil }

  /// The pool a register phase's places are in (all-through places are already shared
  /// between primary and secondary by `PhaseCapacityPlanner`).
  static func pool(of phase: PlacesEntry.Phase) -> Pool? {
    switch phase {
    case .primary: return .primary
    case .secondary: return .secondary
    case .post16: return .post16
    case .allThrough: return nil
    }
  }

  /// The pool children of a pupil-yield phase take places from; nil for early years (no
  /// specialist need is claimed for them).
  public func pool(for phase: PupilYield.Phase) -> Pool? {
    guard isPhased else { return .all }
    switch phase {
    case .earlyYears: return nil
    case .primary: return .primary
    case .secondary: return .secondary
    case .post16: return .post16
    }
  }

  /// Spare places by academic year before allocation, every pool together.
  public var initial: [AcademicYear: Double] {
    var total: [AcademicYear: Double] = [:]
    for pool in initialByPool.keys.sorted() {
      for (year, value) in initialByPool[pool] ?? [:] { total[year, default: 0] += value }
    }
    return total
  }

  /// The academic years the places plan covers.
  public var years: [AcademicYear] { initial.keys.sorted() }

  /// Places free for children arriving in a year under the rule, in one pool, or in every
  /// pool together when `pool` is nil.
  public func available(in year: AcademicYear, pool: Pool? = nil) -> Double {
    guard let pool else {
      return remainingByPool.keys.sorted().reduce(0) { $0 + available(in: year, pool: $1) }
    }
    guard let remaining = remainingByPool[pool] else { return 0 }
    let inPool = Self.free(remaining, in: year, rule: rule)
    guard pool != .all, let whole = remainingWhole else { return inPool }
    return min(inPool, Self.free(whole, in: year, rule: rule))
  }

  /// Places of a ledger free in a year under the rule.
  static func free(_ remaining: [AcademicYear: Double], in year: AcademicYear, rule: Rule)
    -> Double
  {
    guard let here = remaining[year] else { return 0 }
    switch rule {
    case .atArrival:
      return here
    case .lasting:
      return remaining.filter { $0.key >= year }.values.min() ?? here
    }
  }

  /// Spare places of the whole free in a year (nil when the whole is not checked).
  public func wholeAvailable(in year: AcademicYear) -> Double? {
    remainingWhole.map { Self.free($0, in: year, rule: rule) }
  }

  /// Takes up to `need` places from a pool for children arriving in `year`; returns the
  /// places taken.
  public mutating func take(upTo need: Double, arrivingIn year: AcademicYear, pool: Pool = .all)
    -> Double
  {
    let taken = min(max(0, need), available(in: year, pool: pool))
    guard taken > 0, var remaining = remainingByPool[pool] else { return 0 }
    for key in remaining.keys where key >= year {
      remaining[key] = max(0, (remaining[key] ?? 0) - taken)
    }
    remainingByPool[pool] = remaining
    if pool != .all, var whole = remainingWhole {
      for key in whole.keys where key >= year { whole[key] = max(0, (whole[key] ?? 0) - taken) }
      remainingWhole = whole
    }
    return taken
  }
}
