import Foundation

/// Makes the additive setting types sum to the total forecast in every year, spreading the
/// discrepancy in proportion to each forecast's uncertainty (weighted least squares with a
/// diagonal covariance: the MinT reconciliation of a one-level hierarchy).
///
/// For forecast year t, with the total's forecast `ŷ`, the setting types' own forecasts `x_k`
/// (mainstream, state special, INMS, AP/PRU, FE, early years, other) and weights `v_k`,
/// ```
/// x̃_k = x_k + (ŷ − Σ_j x_j) · v_k / Σ_j v_j
/// v_k = (x_k · ln(u80_k / l80_k) / (2 · 1.2816))²   the variance implied by the 80%
///                                                  interval (delta method on logs; see
///                                                  `variance(of:)`)
/// v_k = x_k                                         when any setting type has no interval
/// ```
/// (the second is proportional scaling, a Poisson-like variance). A setting type that would
/// go below 0 is set to 0 and the rest of the discrepancy is spread over the others. Each
/// setting type's interval moves with its point by the factor `x̃_k / x_k`, so relative
/// widths are kept; RP/SEN units, part of mainstream, take mainstream's factor and are held
/// at or below mainstream. No setting
/// type takes the residual by construction: a setting type takes a larger part of the
/// discrepancy only as far as its own forecast is less certain.
public enum SettingReconciliation {
  /// z for a central 80% normal interval.
  static let z80 = 1.2815515655446004

  /// What a reconciliation did, put in words (`text`) only when a reader needs them.
  public enum Note: Sendable, Equatable {
    /// Some setting type had no forecast, so none was reconciled.
    case incomplete
    /// Reconciled; the largest difference to the total in any year, in EHCPs, and whether
    /// it was spread by variances (every setting type had an interval) or by size.
    case reconciled(largestDifference: Double, byVariance: Bool)

    /// The note for the provenance.
    public var text: String {
      switch self {
      case .incomplete:
        return "setting types not reconciled to the total: some have no forecast"
      case .reconciled(let largest, let byVariance):
        let rule =
          byVariance
          ? "in proportion to each setting type's forecast variance (from its 80% interval on "
            + "the log scale: v = (x ln(u/l) / 2.563)²)"
          : "in proportion to each setting type's forecast (not every setting type has an interval)"
        return "setting types reconciled to the total: x̃_k = x_k + (ŷ − Σx) v_k / Σv, the "
          + "difference (at most \(String(format: "%.0f", largest)) EHCPs a year) spread \(rule)"
      }
    }
  }

  /// Reconciles `forecasts` in place; returns what was done, nil when nothing was
  /// reconciled because there is no total.
  public static func reconcile(_ forecasts: inout PerSetting<[ForecastRow]>) -> Note? {
    guard let total = forecasts[.total] else { return nil }
    let parts = SettingType.additiveParts
    guard parts.allSatisfy({ forecasts[$0]?.count == total.count }) else {
      return .incomplete
    }
    var weighted = true
    var largest = 0.0
    // One year's lists, reused from year to year (a backtest reconciles some ten thousand
    // forecasts).
    var values: [Double] = []
    var weights: [Double] = []
    var adjusted: [Double] = []
    var scratch = SpreadScratch()
    for (index, totalRow) in total.enumerated() {
      values.removeAll(keepingCapacity: true)
      weights.removeAll(keepingCapacity: true)
      var useVariances = true
      for setting in parts {
        guard let rows = forecasts[setting] else { continue }
        values.append(rows[index].value)
        if let variance = variance(of: rows[index]) {
          weights.append(variance)
        } else {
          useVariances = false
        }
      }
      if !useVariances {
        weighted = false
        weights.removeAll(keepingCapacity: true)
        for value in values { weights.append(max(value, 0)) }
      }
      spread(
        target: totalRow.value, values: values, weights: weights, into: &adjusted,
        scratch: &scratch)
      let discrepancy = totalRow.value - values.reduce(0, +)
      largest = max(largest, abs(discrepancy))
      for (offset, setting) in parts.enumerated() {
        var whole: Double?
        var factor = 1.0
        forecasts.modifyValue(forKey: setting) { series in
          let before = series[index].value
          factor = before > 0 ? adjusted[offset] / before : 1
          if before > 0 {
            series[index] = series[index].scaled(by: factor)
          } else {
            series[index] = series[index].shifted(by: adjusted[offset])
          }
          whole = series[index].value
        }
        guard setting == .mainstream, let whole else { continue }
        forecasts.modifyValue(forKey: .rpSENUnit) { units in
          guard index < units.count else { return }
          units[index] = units[index].scaled(by: factor)
          // A part of mainstream never exceeds it (its own method may differ from
          // mainstream's): held at mainstream's value, its interval scaled to match.
          if units[index].value > whole, units[index].value > 0 {
            units[index] = units[index].scaled(by: whole / units[index].value)
          }
        }
      }
    }
    return .reconciled(largestDifference: largest, byVariance: weighted)
  }

  /// The variance of a forecast in children implied by its 80% interval `[l, u]` around `x`,
  /// by the delta method on the log scale (intervals here are symmetric in logs, or near
  /// it): `sd = x · ln(u / l) / (2 · 1.2816)`; when `l` is 0 (a linear interval floored at
  /// 0), `sd = (u − l) / (2 · 1.2816)`. Nil without an interval or when `u ≤ l`. Taking the
  /// interval's width in children instead, a small count's log interval (5 with an upper end
  /// of 200) made it a far larger share of the variance than its size, and so of the
  /// difference to the total: early years in Sunderland went from 5 to 28 in five years.
  static func variance(of row: ForecastRow) -> Double? {
    guard let lower = row.lower80, let upper = row.upper80, upper > lower else { return nil }
    let sd =
      lower > 0 && row.value > 0
      ? row.value * log(upper / lower) / (2 * z80) : (upper - lower) / (2 * z80)
    return sd * sd
  }

  /// Moves `values` to sum to `target`, each by its weight's part of the difference; a value
  /// that would go below 0 is held at 0 and the rest spread over the others.
  static func spread(target: Double, values: [Double], weights: [Double]) -> [Double] {
    var result: [Double] = []
    var scratch = SpreadScratch()
    spread(target: target, values: values, weights: weights, into: &result, scratch: &scratch)
    return result
  }

  /// `spread`'s working lists, kept between calls so that a forecast's years reuse them.
  struct SpreadScratch {
    var active: [Int] = []
    var kept: [Int] = []
    var shares: [Double] = []
  }

  /// `spread`, written into `result`.
  static func spread(
    target: Double, values: [Double], weights: [Double], into result: inout [Double],
    scratch: inout SpreadScratch
  ) {
    result.removeAll(keepingCapacity: true)
    result.append(contentsOf: values)
    // Indices in a fixed order, so that sums (and so outputs) are the same on every run.
    scratch.active.removeAll(keepingCapacity: true)
    scratch.active.append(contentsOf: values.indices)
    for _ in 0...values.count {
      let difference = target - result.reduce(0, +)
      if abs(difference) <= 1e-9 * max(1, abs(target)) || scratch.active.isEmpty { break }
      let weightSum = scratch.active.reduce(0.0) { $0 + weights[$1] }
      let valueSum = scratch.active.reduce(0.0) { $0 + max(result[$1], 0) }
      let count = Double(scratch.active.count)
      // Every share from the values before this round moves any of them.
      scratch.shares.removeAll(keepingCapacity: true)
      for index in scratch.active {
        if weightSum > 0 {
          scratch.shares.append(weights[index] / weightSum)
        } else if valueSum > 0 {
          scratch.shares.append(max(result[index], 0) / valueSum)
        } else {
          scratch.shares.append(1 / count)
        }
      }
      scratch.kept.removeAll(keepingCapacity: true)
      for (index, part) in zip(scratch.active, scratch.shares) {
        let moved = result[index] + difference * part
        if moved < 0 {
          result[index] = 0
        } else {
          result[index] = moved
          scratch.kept.append(index)
        }
      }
      if scratch.kept.count == scratch.active.count { break }
      swap(&scratch.active, &scratch.kept)
    }
  }
}
