import ForecastCore

/// What the `auto` and `pooled` methods decided from backtests up to a forecast origin:
/// the method per setting type, why, and intervals calibrated on its errors.
public struct ForecastPlan: Sendable {
  /// The decision for one setting type.
  public struct Choice: Sendable {
    public let method: ForecastMethod
    /// Why: the backtest skill of the chosen method and the others.
    public let reason: String
    /// Intervals from the chosen method's backtest errors, by size of the LA's count at
    /// the origin; empty when there were too few errors.
    public let intervalStrata: [Stratum]

    /// The intervals for an LA whose count at the origin is `count`.
    public func intervals(forCount count: Double) -> EmpiricalIntervals? {
      (intervalStrata.first { count <= $0.upperCount } ?? intervalStrata.last)?.intervals
    }
  }

  /// Interval calibration for LAs with counts up to `upperCount` (above the previous one).
  public struct Stratum: Sendable {
    public let upperCount: Double
    public let intervals: EmpiricalIntervals
  }

  /// The forecast origin (last census used).
  public let through: Int
  /// Backtest origins the decisions used.
  public let origins: [Int]
  public let choices: [SettingType: Choice]

  /// Notes for a forecast made with this plan.
  func notes(for method: ForecastMethod) -> [String] {
    var notes: [String] = []
    if method == .auto {
      for setting in SettingType.allCases {
        if let choice = choices[setting] { notes.append("\(setting.rawValue): \(choice.reason)") }
      }
    }
    if let strata = choices[.total]?.intervalStrata, let first = strata.first {
      let size = strata.reduce(0) { $0 + $1.intervals.sampleSize }
      let uncalibrated = SettingType.allCases.filter {
        $0 != .total && (choices[$0]?.intervalStrata.isEmpty ?? true)
      }
      let settings =
        uncalibrated.isEmpty
        ? "setting types: own errors and exponent"
        : uncalibrated.count == SettingType.allCases.count - 1
          ? "setting types: none, too few comparable backtest errors before \(through)"
          : "setting types: own errors and exponent; none for "
            + uncalibrated.map(\.rawValue).joined(separator: ", ")
            + ", too few comparable backtest errors before \(through)"
      notes.append(
        "intervals: empirical, from \(size) one-step log errors of all LAs at the last three "
          + "backtest origins, in \(strata.count) size band(s), widening as "
          + "h^\(ForecastPlan.format(first.intervals.exponent)) (\(settings))"
      )
    } else {
      notes.append("intervals: too few backtest errors before \(through) to calibrate; none given")
    }
    return notes
  }

  static func format(_ value: Double) -> String {
    String((value * 100).rounded() / 100)
  }
}
