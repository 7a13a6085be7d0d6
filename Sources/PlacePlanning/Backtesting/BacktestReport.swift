import ForecastCore

/// Backtest cases and their accuracy by method, setting type and horizon.
public struct BacktestReport: Sendable {
  /// Accuracy of one method for one setting type at one horizon.
  public struct Summary: Sendable, Equatable {
    public let method: ForecastMethod
    public let setting: SettingType
    public let horizon: Int
    public let accuracy: AccuracySummary
  }

  public let cases: [Backtester.Case]
  /// Forecasts that could not be made, so are not scored (each LA, method and origin once).
  public let unscored: [Backtester.Unscored]
  /// Summaries in the order method, setting type, horizon.
  public let summaries: [Summary]

  public init(cases: [Backtester.Case], unscored: [Backtester.Unscored] = []) {
    self.cases = cases
    self.unscored = unscored
    struct Key: Hashable {
      let method: ForecastMethod
      let setting: SettingType
      let horizon: Int
    }
    var groups: [Key: [Backtester.Case]] = [:]
    for item in cases {
      groups[Key(method: item.method, setting: item.setting, horizon: item.horizon), default: []]
        .append(item)
    }
    let horizons = Set(cases.map(\.horizon)).sorted()
    var summaries: [Summary] = []
    for method in ForecastMethod.allCases {
      for setting in SettingType.allCases {
        for horizon in horizons {
          guard let group = groups[Key(method: method, setting: setting, horizon: horizon)] else {
            continue
          }
          summaries.append(
            Summary(
              method: method, setting: setting, horizon: horizon,
              accuracy: AccuracySummary(group.map(\.outcome))))
        }
      }
    }
    self.summaries = summaries
  }

  /// The summary for one method, setting type and horizon, if scored.
  public func summary(method: ForecastMethod, setting: SettingType, horizon: Int) -> Summary? {
    summaries.first { $0.method == method && $0.setting == setting && $0.horizon == horizon }
  }

  /// Accuracy over the cases that pass a filter.
  public func accuracy(where include: (Backtester.Case) -> Bool) -> AccuracySummary {
    AccuracySummary(cases.filter(include).map(\.outcome))
  }

  /// One line for the provenance: how many forecasts could not be made, by reason.
  public var unscoredSummary: String? {
    guard !unscored.isEmpty else { return nil }
    var byReason: [String: Int] = [:]
    for item in unscored { byReason[item.reason, default: 0] += 1 }
    let reasons = byReason.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
      .prefix(3).map { "\($0.value) × \($0.key)" }
    return "\(unscored.count) LA-method-origin forecast(s) could not be made and are not "
      + "scored, e.g. " + reasons.joined(separator: "; ")
  }
}
