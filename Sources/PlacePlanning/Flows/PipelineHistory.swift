/// The EHC pipeline (requests, assessments, new plans, timeliness, ceased plans) by area
/// and calendar year, from the SEN2 flow files.
///
/// Areas are keyed by the code they were published under (LA codes, and E92000001 for
/// England); an LA's years are looked up under all its codes (see `LocalAuthorityCodes`).
public struct PipelineHistory: Sendable {
  /// area code → calendar year → the year's flows.
  private var table: [String: [Int: PipelineYear]]
  /// area code → name as published.
  public private(set) var names: [String: String]

  public init() {
    table = [:]
    names = [:]
  }

  /// Changes the year of an area in place, creating it when absent.
  public mutating func update(
    code: String, name: String, calendarYear: Int, _ change: (inout PipelineYear) -> Void
  ) {
    var year = table[code]?[calendarYear] ?? PipelineYear(calendarYear: calendarYear)
    change(&year)
    table[code, default: [:]][calendarYear] = year
    if names[code] == nil { names[code] = name }
  }

  /// Every area code, sorted.
  public var codes: [String] { table.keys.sorted() }

  /// The years of an area known by any of `codes` (recoded LAs joined: where two codes have
  /// a year, the first code's is kept), sorted by calendar year.
  public func years(for codes: [String]) -> [PipelineYear] {
    var merged: [Int: PipelineYear] = [:]
    for code in codes.reversed() {
      for (year, value) in table[code] ?? [:] { merged[year] = value }
    }
    return merged.keys.sorted().compactMap { merged[$0] }
  }

  /// The requests received, by area and calendar year.
  public var requestHistory: RequestHistory {
    var counts: [String: [Int: Double]] = [:]
    for (code, years) in table {
      for (year, flows) in years {
        if let requests = flows.requests { counts[code, default: [:]][year] = requests }
      }
    }
    return RequestHistory(counts: counts)
  }

  /// England's years.
  public var england: [PipelineYear] { years(for: [CaseloadHistory.englandCode]) }
}
