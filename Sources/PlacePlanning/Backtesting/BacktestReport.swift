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
    // methods each list holds, and its horizons, are found first (on every core), so that
    // each method reads only its own lists.
    precondition(
      ForecastMethod.allCases.count <= UInt64.bitWidth, "a list's methods are one bit each")
    let held = parallelMap(chunks.count) { ListContents(chunks[$0]) }
    let horizons = HorizonSlots(held.filter { $0.methods != 0 }, chunks: chunks)
    let methods = ForecastMethod.allCases
    let byMethod = parallelMap(methods.count) { position in
      let method = methods[position]
      let bit = UInt64(1) << method.index
      let lists = chunks.indices.filter { held[$0].methods & bit != 0 }
      return Self.summaries(
        of: method, horizons: horizons,
        in: lists.map { (chunks[$0], mixed: held[$0].methods != bit) })
    }
    summaries = byMethod.flatMap { $0 }
  }

  /// The methods (a bit per `ForecastMethod.index`) and the horizon range of one list.
  private struct ListContents: Sendable {
    var methods: UInt64 = 0
    var lowest = Int.max
    var highest = Int.min

    init(_ cases: [Backtester.Case]) {
      for item in cases {
        methods |= UInt64(1) << item.method.index
        lowest = min(lowest, item.horizon)
        highest = max(highest, item.horizon)
      }
    }
  }

  /// The horizons scored, in order, and the slot of each: its offset from the first when
  /// they span a few hundred years at most (always, for a backtest's), else found by
  /// lookup.
  private struct HorizonSlots: Sendable {
    /// The slots' horizons, ascending; a slot with no case stays empty.
    let horizons: [Int]
    private let offsetFrom: Int?
    private let lookup: [Int: Int]

    init(_ lists: [ListContents], chunks: [[Backtester.Case]]) {
      let lowest = lists.map(\.lowest).min() ?? 0
      let highest = lists.map(\.highest).max() ?? -1
      let (span, overflow) = highest.subtractingReportingOverflow(lowest)
      if !overflow, span < 512 {
        horizons = span >= 0 ? Array(lowest...highest) : []
        offsetFrom = lowest
        lookup = [:]
      } else {
        var seen = Set<Int>()
        for chunk in chunks {
          for item in chunk { seen.insert(item.horizon) }
        }
        horizons = seen.sorted()
        offsetFrom = nil
        lookup = Dictionary(uniqueKeysWithValues: horizons.enumerated().map { ($1, $0) })
      }
    }

    func slot(_ horizon: Int) -> Int {
      if let offsetFrom { return horizon - offsetFrom }
      return lookup[horizon] ?? 0
    }
  }

  /// One method's summaries, by setting type and horizon, from the lists that hold its
  /// cases (`mixed` when a list holds other methods' too).
  private static func summaries(
    of method: ForecastMethod, horizons: HorizonSlots,
    in lists: [(cases: [Backtester.Case], mixed: Bool)]
  ) -> [Summary] {
    let slots = horizons.horizons.count
    var groups = [[[ForecastOutcome]]](
      repeating: Array(repeating: [], count: slots), count: SettingType.allCases.count)
    for list in lists {
      for item in list.cases where !list.mixed || item.method == method {
        groups[item.setting.index][horizons.slot(item.horizon)].append(item.outcome)
      }
    }
    var summaries: [Summary] = []
    for setting in SettingType.allCases {
      for (slot, horizon) in horizons.horizons.enumerated()
      where !groups[setting.index][slot].isEmpty {
        summaries.append(
          Summary(
            method: method, setting: setting, horizon: horizon,
            accuracy: AccuracySummary(groups[setting.index][slot])))
      }
    }
    return summaries
  }

  /// The summary for one method, setting type and horizon, if scored.
  public func summary(method: ForecastMethod, setting: SettingType, horizon: Int) -> Summary? {
    summaries.first { $0.method == method && $0.setting == setting && $0.horizon == horizon }
  }

  /// The LA code of a case (one of this report's: its `la` is a position in `laCodes`).
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
