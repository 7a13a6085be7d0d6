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
  /// The cases as the backtester gathered them, one list per forecast (an LA, method and
  /// origin), so that they are kept where they were made rather than copied into one list.
  let chunks: [[Backtester.Case]]
  /// Forecasts that could not be made, so are not scored (each LA, method and origin once).
  public let unscored: [Backtester.Unscored]
  /// Summaries in the order method, setting type, horizon.
  public let summaries: [Summary]

  /// Every case, in the order the lists were given.
  public var cases: FlattenSequence<[[Backtester.Case]]> { chunks.joined() }

  /// A report on cases given as lists (each LA, method and origin's, say), kept in order.
  public init(
    laCodes: [String], chunks: [[Backtester.Case]], unscored: [Backtester.Unscored] = []
  ) {
    self.laCodes = laCodes
    self.chunks = chunks
    self.unscored = unscored
    // Each method's cases grouped by setting type and horizon and summarised, the methods
    // on every core; summaries in the order method, setting type, horizon. A group keeps
    // its cases' order, so its sums do not depend on how the work was scheduled. Which
    // methods each list holds is found first (on every core), so that each method reads
    // only its own lists.
    let methods = ForecastMethod.allCases
    let halves = [0..<chunks.count / 2, chunks.count / 2..<chunks.count]
    let held = parallelMap(halves.count) { half in
      chunks[halves[half]].map { chunk in
        chunk.reduce(into: Set<ForecastMethod>()) { $0.insert($1.method) }
      }
    }.flatMap { $0 }
    let byMethod = parallelMap(methods.count) { position in
      let method = methods[position]
      let lists = chunks.indices.filter { held[$0].contains(method) }
      return Self.summaries(
        of: method, in: lists.map { (chunks[$0], mixed: held[$0].count > 1) })
    }
    summaries = byMethod.flatMap { $0 }
  }

  /// One method's summaries, by setting type and horizon, from the lists that hold its
  /// cases (`mixed` when a list holds other methods' too).
  private static func summaries(
    of method: ForecastMethod, in lists: [(cases: [Backtester.Case], mixed: Bool)]
  ) -> [Summary] {
    var groups = [[Int: [ForecastOutcome]]](repeating: [:], count: SettingType.allCases.count)
    for list in lists {
      for item in list.cases where !list.mixed || item.method == method {
        groups[item.setting.index][item.horizon, default: []].append(item.outcome)
      }
    }
    var summaries: [Summary] = []
    for setting in SettingType.allCases {
      let bySetting = groups[setting.index]
      for horizon in bySetting.keys.sorted() {
        summaries.append(
          Summary(
            method: method, setting: setting, horizon: horizon,
            accuracy: AccuracySummary(bySetting[horizon] ?? [])))
      }
    }
    return summaries
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
