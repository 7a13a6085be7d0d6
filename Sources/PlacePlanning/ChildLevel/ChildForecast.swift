/// An LA forecast by placeplan setting type made from the LA's own child-level records:
/// the census counts their transitions give, then the child-level model's projection
/// (`ChildProjection`) summed by setting type with `ChildSettingMap`.
///
/// A forecast year's value is the mean of the simulations' counts, because means add up:
/// the setting types sum to the total in every year, as the aggregate forecast's do. Its
/// 80% and 95% intervals are the simulations' 10–90% and 2.5–97.5% quantiles. A setting type
/// no LA setting maps to is 0 throughout.
public enum ChildForecast {
  /// The method name the forecast rows carry.
  public static let method = "child-level"

  /// The January counts by setting type that the transitions hold: January Y's children
  /// are the year-Y transitions that start in the caseload, and the last January's the
  /// last year's transitions that end in it (the closing count wins where both exist).
  public static func observed(_ transitions: [ChildTransition], map: ChildSettingMap) -> [Int:
    [SettingType: Double]]
  {
    var opening: [Int: [SettingType: Double]] = [:]
    var closing: [Int: [SettingType: Double]] = [:]
    for transition in transitions {
      if let from = transition.from {
        for type in map.counted(from.setting) {
          opening[transition.calendarYear, default: [:]][type, default: 0] += 1
        }
      }
      if let to = transition.to {
        for type in map.counted(to.setting) {
          closing[transition.calendarYear + 1, default: [:]][type, default: 0] += 1
        }
      }
    }
    return opening.merging(closing) { _, closed in closed }
  }

  /// The forecast: censuses up to the January after the last transition year, then
  /// `horizon` years of the model's projection from there.
  public static func forecast(
    model: TransitionModel, population: ChildPopulation, transitions: [ChildTransition],
    map: ChildSettingMap, laCode: String, laName: String, horizon: Int, simulations: Int,
    seed: UInt64
  ) -> LAForecast {
    run(
      model: model, population: population, transitions: transitions, map: map, laCode: laCode,
      laName: laName, horizon: horizon, simulations: simulations, seed: seed
    ).forecast
  }

  /// The forecast, and from the same simulations the projection by primary need (keys
  /// `need:ASD`, …) and by NCY (`ncy:7`, …), every year from the start.
  public static func run(
    model: TransitionModel, population: ChildPopulation, transitions: [ChildTransition],
    map: ChildSettingMap, laCode: String, laName: String, horizon: Int, simulations: Int,
    seed: UInt64, scenario: ChildScenario? = nil
  ) -> (forecast: LAForecast, breakdown: [ChildProjection.Row]) {
    let last = model.years.upperBound
    let startYear = last + 1
    let observed = observed(transitions, map: map)
    var rows: [ForecastRow] = []
    for year in observed.keys.sorted() where year <= startYear {
      for setting in SettingType.allCases {
        rows.append(
          ForecastRow(
            laCode: laCode, laName: laName, setting: setting, censusYear: year, kind: .actual,
            value: observed[year]?[setting] ?? 0))
      }
    }
    let states = ChildStateTable.numbered(model: model, extra: [])
    let needs = Set(states.map(\.need)).sorted()
    let ncys = Set(states.map(\.ncy)).sorted()
    let projection = ChildProjection(model: model, population: population).run(
      start: ChildProjection.stock(transitions, year: last), startYear: startYear,
      years: horizon, simulations: simulations, seed: seed,
      keys: SettingType.allCases.map(\.rawValue) + needs.map { "need:" + $0 }
        + ncys.map { "ncy:" + String($0) },
      keysOf: { state in
        map.counted(state.setting).map(\.rawValue) + ["need:" + state.need, "ncy:\(state.ncy)"]
      }, scenario: scenario)
    for row in projection.rows where row.calendarYear > startYear {
      guard let setting = SettingType(rawValue: row.key) else { continue }
      rows.append(
        ForecastRow(
          laCode: laCode, laName: laName, setting: setting, censusYear: row.calendarYear,
          kind: .forecast, value: row.mean, lower80: row.lower80, upper80: row.upper80,
          lower95: row.lower95, upper95: row.upper95, method: method))
    }
    rows.sort { ($0.setting, $0.censusYear) < ($1.setting, $1.censusYear) }
    let unmapped = model.valid.order.filter { map.types[$0] == nil }
    var notes = [
      "child-level: the LA's own records, \(model.years.lowerBound)-\(last) transitions, \(simulations) simulations (seed \(seed)); a forecast is the simulations' mean (means add up to the total), its intervals their quantiles; \(String(format: "%.1f", projection.agedOut)) children a simulation aged out of every setting"
    ]
    if !unmapped.isEmpty {
      notes.append(
        "child-level: settings with no setting type, left out: \(unmapped.joined(separator: ", "))")
    }
    let forecast = LAForecast(
      laCode: laCode, laName: laName, throughYear: startYear,
      censusYearsUsed: observed.keys.sorted().filter { $0 <= startYear }, method: .auto,
      rows: rows, fits: [.total: "child-level transition model (TransitionModel)"],
      notes: notes)
    return (forecast, projection.rows.filter { SettingType(rawValue: $0.key) == nil })
  }
}
