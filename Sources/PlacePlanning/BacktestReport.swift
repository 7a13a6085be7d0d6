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
  /// Summaries in the order method, setting type, horizon.
  public let summaries: [Summary]

  public init(cases: [Backtester.Case]) {
    self.cases = cases
    var groups: [String: [Backtester.Case]] = [:]
    for item in cases {
      groups["\(item.method.rawValue)|\(item.setting.rawValue)|\(item.horizon)", default: []]
        .append(item)
    }
    var summaries: [Summary] = []
    for method in ForecastMethod.allCases {
      for setting in SettingType.allCases {
        for horizon in Set(cases.map(\.horizon)).sorted() {
          guard let group = groups["\(method.rawValue)|\(setting.rawValue)|\(horizon)"] else {
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
}
