/// Plans by primary need in one group (a setting type or an age) of one LA, as published:
/// suppressed needs are absent from `counts`, never 0.
public struct NeedCell: Sendable, Equatable {
  /// All plans in the group (the release's `ehc_plans`, never suppressed in SEN2 2025).
  public var total: Double
  /// Published counts by need; a suppressed need is absent.
  public var counts: [PrimaryNeed: Double]

  public init(total: Double, counts: [PrimaryNeed: Double]) {
    self.total = total
    self.counts = counts
  }

  /// Needs whose count is suppressed, in DfE order.
  public var suppressed: [PrimaryNeed] {
    PrimaryNeed.allCases.filter { counts[$0] == nil }
  }

  /// The sum of two cells (a need suppressed in either is suppressed in the sum).
  public static func + (lhs: NeedCell, rhs: NeedCell) -> NeedCell {
    var counts: [PrimaryNeed: Double] = [:]
    for need in PrimaryNeed.allCases {
      if let left = lhs.counts[need], let right = rhs.counts[need] { counts[need] = left + right }
    }
    return NeedCell(total: lhs.total + rhs.total, counts: counts)
  }

  /// A count for every need. Suppressed needs share what the published ones leave,
  /// `r = max(0, total − Σ published)`, in proportion to `fallback` (England's counts of the
  /// same group): `x_n = r · f_n / Σ_{m suppressed} f_m`, equally where the fallback has
  /// none of them. Published counts are kept exactly.
  public func completed(fallback: [PrimaryNeed: Double]) -> [PrimaryNeed: Double] {
    var result = counts
    let missing = suppressed
    guard !missing.isEmpty else { return result }
    let published = PrimaryNeed.allCases.reduce(0.0) { $0 + (counts[$1] ?? 0) }
    let remainder = max(0, total - published)
    let weights = missing.map { max(0, fallback[$0] ?? 0) }
    let weightSum = weights.reduce(0, +)
    for (index, need) in missing.enumerated() {
      let share =
        weightSum > 0 ? weights[index] / weightSum : 1 / Double(missing.count)
      result[need] = remainder * share
    }
    return result
  }
}
