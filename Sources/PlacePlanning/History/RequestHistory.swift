/// Requests for an EHC needs assessment received in each calendar year, by area (SEN2).
///
/// Calendar year Y's requests are published in June Y+1, with the January Y+1 caseload.
public struct RequestHistory: Sendable {
  /// area code (LA codes, and E92000001 for England) → calendar year → requests received.
  private let counts: [String: [Int: Double]]

  public init(counts: [String: [Int: Double]]) {
    self.counts = counts
  }

  /// How many areas (LAs and England) have requests.
  public var areaCount: Int { counts.count }

  /// Requests in a calendar year under the first of `codes` that has them.
  public func requests(for codes: [String], calendarYear: Int) -> Double? {
    for code in codes {
      if let value = counts[code]?[calendarYear] { return value }
    }
    return nil
  }

  /// The calendar years present for England.
  public var nationalYears: [Int] {
    (counts[CaseloadHistory.englandCode]?.keys).map { Array($0).sorted() } ?? []
  }
}
