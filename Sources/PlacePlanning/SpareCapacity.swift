/// Spare state special and RP places forecast by the places plan, a ledger from which
/// developments take places in order of completion, so that no place offsets two claims.
///
/// Spare places in an academic year are the positive parts of the places plan's
/// shortfall/excess (places − demand):
/// ```
/// spare(y) = max(0, excess_special_state(y)) + max(0, excess_rp_sen_unit(y))    places
/// ```
/// A child who takes a spare place keeps it, so a place taken in year y is taken from every
/// later year too: `remaining(t) ← max(0, remaining(t) − taken)` for t ≥ y. Years outside
/// the places plan (beyond the forecast horizon) have no spare places.
public struct SpareCapacity: Sendable, Equatable {
  /// When a spare place may offset a development's need.
  public enum Rule: String, CaseIterable, Sendable, Codable {
    /// Spare in the academic year the children arrive (the year of completion).
    case atArrival = "at-arrival"
    /// Spare in the year they arrive and in every later year of the plan: the cautious
    /// choice when the plan shows a shortfall returning.
    case lasting
  }

  /// Spare places by academic year, before any development takes them.
  public let initial: [AcademicYear: Double]
  /// Spare places still free.
  public private(set) var remaining: [AcademicYear: Double]
  public let rule: Rule

  public init(placesByYear: [AcademicYear: Double], rule: Rule = .atArrival) {
    let spare = placesByYear.mapValues { max(0, $0) }
    self.initial = spare
    self.remaining = spare
    self.rule = rule
  }

  /// Spare places from the places plan's state special and RP rows (other rows ignored).
  public init(rows: [CapacityRow], rule: Rule = .atArrival) {
    var spare: [AcademicYear: Double] = [:]
    for row in rows where CapacityPlanner.overflowingSettings.contains(row.setting) {
      guard let excess = row.shortfallExcess else { continue }
      spare[row.academicYear, default: 0] += max(0, excess)
    }
    self.init(placesByYear: spare, rule: rule)
  }

  /// The academic years the places plan covers.
  public var years: [AcademicYear] { initial.keys.sorted() }

  /// Places free for children arriving in a year under the rule.
  public func available(in year: AcademicYear) -> Double {
    guard let here = remaining[year] else { return 0 }
    switch rule {
    case .atArrival:
      return here
    case .lasting:
      return remaining.filter { $0.key >= year }.values.min() ?? here
    }
  }

  /// Takes up to `need` places for children arriving in `year`; returns the places taken.
  public mutating func take(upTo need: Double, arrivingIn year: AcademicYear) -> Double {
    let taken = min(max(0, need), available(in: year))
    guard taken > 0 else { return 0 }
    for key in remaining.keys where key >= year {
      remaining[key] = max(0, (remaining[key] ?? 0) - taken)
    }
    return taken
  }
}
