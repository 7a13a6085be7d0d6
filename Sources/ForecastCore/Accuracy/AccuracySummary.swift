/// Accuracy of a set of forecasts against their outturns.
///
/// ```
/// APE_i  = 100 |f_i − a_i| / a_i                       (outturns a_i > 0)
/// median APE, mean APE (MAPE) over i
/// MASE   = mean_i |f_i − a_i| / s_i,   s_i = mean |y_t − y_{t−1}| up to the origin
/// bias   = mean_i 100 (f_i − a_i) / a_i                (positive = over-forecast)
/// coverage80 = share of a_i inside the 80% interval (of the `intervalCount` with one)
/// ```
public struct AccuracySummary: Sendable, Equatable {
  /// Outcomes scored.
  public let count: Int
  /// Median and mean absolute percentage error, %.
  public let medianAPE: Double?
  public let meanAPE: Double?
  /// Mean absolute scaled error (1 = as good as a one-step naive forecast in-sample).
  public let mase: Double?
  /// Mean signed percentage error, %.
  public let bias: Double?
  /// Share of outturns inside the 80% and 95% intervals, 0…1; nil when none has an interval.
  public let coverage80: Double?
  public let coverage95: Double?
  /// Outcomes with an 80% interval: the denominator of `coverage80` (a method without
  /// intervals at some origins, e.g. too few earlier errors to calibrate, has fewer).
  public let intervalCount: Int

  /// Scores the outcomes.
  public init(_ outcomes: [ForecastOutcome]) {
    count = outcomes.count
    let apes = outcomes.compactMap(\.absolutePercentageError)
    medianAPE = Self.median(apes)
    meanAPE = Self.mean(apes)
    mase = Self.mean(outcomes.compactMap(\.absoluteScaledError))
    bias = Self.mean(outcomes.compactMap(\.percentageError))
    let with80 = outcomes.compactMap { outcome in
      outcome.interval80.map { $0.contains(outcome.actual) }
    }
    let with95 = outcomes.compactMap { outcome in
      outcome.interval95.map { $0.contains(outcome.actual) }
    }
    intervalCount = with80.count
    coverage80 = with80.isEmpty ? nil : Double(with80.filter { $0 }.count) / Double(with80.count)
    coverage95 = with95.isEmpty ? nil : Double(with95.filter { $0 }.count) / Double(with95.count)
  }

  /// The median (mean of the middle two for an even count); nil when empty. Found by
  /// selection rather than a full sort (the same order statistics; values with a NaN are
  /// sorted, as before).
  public static func median(_ values: [Double]) -> Double? {
    guard !values.isEmpty else { return nil }
    let middle = values.count / 2
    guard !values.contains(where: \.isNaN) else {
      let sorted = values.sorted()
      return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
    }
    var work = values
    let upper = select(&work, middle)
    guard values.count % 2 == 0 else { return upper }
    // Selection leaves every value before `middle` no greater than the middle one.
    let lower = work[0..<middle].max() ?? upper
    return (lower + upper) / 2
  }

  /// The `k`-th smallest (0-based) of values without NaN, by Hoare partitioning around a
  /// median of three, narrowing to the part that holds `k`; `values` is reordered so that
  /// no value before `k` is greater than it. Expected time linear in the count.
  static func select(_ values: inout [Double], _ k: Int) -> Double {
    var low = 0
    var high = values.count - 1
    while low < high {
      let (a, b, c) = (values[low], values[low + (high - low) / 2], values[high])
      let pivot = max(min(a, b), min(max(a, b), c))
      var i = low
      var j = high
      while i <= j {
        while values[i] < pivot { i += 1 }
        while values[j] > pivot { j -= 1 }
        if i <= j {
          values.swapAt(i, j)
          i += 1
          j -= 1
        }
      }
      if k <= j {
        high = j
      } else if k >= i {
        low = i
      } else {
        return values[k]
      }
    }
    return values[k]
  }

  /// The arithmetic mean; nil when empty.
  public static func mean(_ values: [Double]) -> Double? {
    values.isEmpty ? nil : values.reduce(0, +) / Double(values.count)
  }

  /// The empirical quantile by linear interpolation between order statistics (type 7,
  /// as R's default and numpy's `quantile`), `0 ≤ p ≤ 1`; nil when empty.
  public static func quantile(_ values: [Double], _ p: Double) -> Double? {
    guard !values.isEmpty else { return nil }
    return quantile(sorted: values.sorted(), p)
  }

  /// The same quantile of values already sorted ascending (0 when there are none), so one
  /// sort serves several quantiles.
  public static func quantile(sorted: [Double], _ p: Double) -> Double {
    guard !sorted.isEmpty else { return 0 }
    let position = min(max(p, 0), 1) * Double(sorted.count - 1)
    let lower = Int(position.rounded(.down))
    let upper = min(lower + 1, sorted.count - 1)
    let fraction = position - Double(lower)
    return sorted[lower] + fraction * (sorted[upper] - sorted[lower])
  }
}
