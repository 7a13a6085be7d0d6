/// Why an LA's caseload could not be forecast, with what to do about it.
public enum ForecastError: Error, Equatable, Sendable, CustomStringConvertible {
  case unknownLocalAuthority(query: String, suggestions: [String])
  case noCensusThrough(laCode: String, throughYear: Int, firstCensus: Int)
  case seriesEnded(laCode: String, lastCensus: Int, reason: String)
  /// `--through` is later than the last census in the file.
  case throughAfterData(laCode: String, throughYear: Int, lastCensus: Int)
  case populationMissing(laCode: String, midYear: Int, censusYear: Int)
  case horizonOutOfRange(Int)
  /// A forecast value or interval end that is infinite or not a number.
  case nonFinite(laCode: String, setting: SettingType, censusYear: Int)

  public var description: String {
    switch self {
    case .unknownLocalAuthority(let query, let suggestions):
      let hint =
        suggestions.isEmpty
        ? "use an LA code such as E10000032 or a name as published (e.g. \"West Sussex\"), or all"
        : "did you mean: \(suggestions.joined(separator: "; "))?"
      return "no local authority \"\(query)\" in the caseload data; \(hint)"
    case .noCensusThrough(let code, let through, let first):
      return
        "\(code) has no census up to \(through) (first census \(first)); use --through \(first) or later"
    case .seriesEnded(let code, let last, let reason):
      return
        "\(code)'s series ends at the \(last) census (\(reason)); forecast its successor LAs, or use --through \(last)"
    case .throughAfterData(let code, let through, let last):
      return
        "\(code) has no census for January \(through): its series in the caseload file ends "
        + "at January \(last); use --through \(last) or earlier, or a caseload file with later "
        + "censuses"
    case .populationMissing(let code, let midYear, let censusYear):
      return
        "population for \(code) at mid-\(midYear) (paired with the January \(censusYear) census) is missing; "
        + "supply a population file that covers it, or use --method linear or log-linear"
    case .horizonOutOfRange(let horizon):
      return "horizon \(horizon) is out of range; use 1 to 15 census years"
    case .nonFinite(let code, let setting, let year):
      return
        "\(code)'s \(setting.rawValue) forecast for \(year) is not a finite number; check the "
        + "caseload and population counts for that LA, or use --method naive"
    }
  }
}

extension ForecastError {
  /// The kind of error in a few words, without LA-specific detail, for counting.
  public var kind: String {
    switch self {
    case .unknownLocalAuthority: return "unknown LA"
    case .noCensusThrough: return "no census by the origin (series starts later)"
    case .seriesEnded: return "series ended before the origin"
    case .throughAfterData: return "origin after the last census"
    case .populationMissing: return "population missing"
    case .horizonOutOfRange: return "horizon out of range"
    case .nonFinite: return "forecast not finite"
    }
  }
}
