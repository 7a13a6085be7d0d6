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

  /// The LA codes of the series backtested, by position (`Backtester.Case.la`).
  public let laCodes: [String]
  public let cases: [Backtester.Case]
  /// Forecasts that could not be made, so are not scored (each LA, method and origin once).
  public let unscored: [Backtester.Unscored]
  /// Summaries in the order method, setting type, horizon.
  public let summaries: [Summary]

  public init(
    laCodes: [String], cases: [Backtester.Case], unscored: [Backtester.Unscored] = []
  ) {
    self.laCodes = laCodes
    self.cases = cases
    self.unscored = unscored
    // Outcomes grouped by method, setting type and horizon, in that order of slots; each
    // group sized by a first count, so that it is never copied as it grows.
    var seen = Set<Int>()
    for index in cases.indices { seen.insert(cases[index].horizon) }
    let horizons = seen.sorted()
    let settingCount = SettingType.allCases.count
    let slot = { (method: ForecastMethod, setting: SettingType, horizon: Int) -> Int? in
      horizons.firstIndex(of: horizon).map {
        (method.index * settingCount + setting.index) * horizons.count + $0
      }
    }
    let slotCount = ForecastMethod.allCases.count * settingCount * horizons.count
    let slots = cases.map { slot($0.method, $0.setting, $0.horizon) }
    var sizes = [Int](repeating: 0, count: slotCount)
    for case .some(let index) in slots { sizes[index] += 1 }
    var groups = sizes.map { size in
      var group: [ForecastOutcome] = []
      group.reserveCapacity(size)
      return group
    }
    for index in cases.indices {
      if let slot = slots[index] { groups[slot].append(cases[index].outcome) }
    }
    var keys: [(method: ForecastMethod, setting: SettingType, horizon: Int, slot: Int)] = []
    for method in ForecastMethod.allCases {
      for setting in SettingType.allCases {
        for horizon in horizons {
          if let index = slot(method, setting, horizon), !groups[index].isEmpty {
            keys.append((method, setting, horizon, index))
          }
        }
      }
    }
    // Each group scored on every core, kept in the slots' order.
    let (grouped, slotKeys) = (groups, keys)
    let summaries = parallelMap(keys.count) { position in
      let key = slotKeys[position]
      return Summary(
        method: key.method, setting: key.setting, horizon: key.horizon,
        accuracy: AccuracySummary(grouped[key.slot]))
    }
    self.summaries = summaries
  }

  /// The summary for one method, setting type and horizon, if scored.
  public func summary(method: ForecastMethod, setting: SettingType, horizon: Int) -> Summary? {
    summaries.first { $0.method == method && $0.setting == setting && $0.horizon == horizon }
  }

  /// The LA code of a case.
  public func laCode(of item: Backtester.Case) -> String {
    laCodes[item.la]
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
