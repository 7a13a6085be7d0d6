/// Resident population by single year of age 0–25, by area and mid-year (ONS).
public struct PopulationEstimates: Sendable {
  /// The ages the caseload covers.
  public static let ages = 0...25

  /// area code → mid-year → population at ages 0…25 (index = age); nil where missing.
  private let table: [String: [Int: [Double?]]]
  /// area code → name.
  public let names: [String: String]

  /// Mid-years present for any area, ascending (found once: forecasts ask for it per LA).
  public let midYears: [Int]

  public init(table: [String: [Int: [Double?]]], names: [String: String]) {
    self.table = table
    self.names = names
    midYears = Array(Set(table.values.flatMap(\.keys))).sorted()
  }

  /// Single-year-of-age populations 0…25 for the first of `codes` that has all 26 ages in
  /// `midYear`; nil when none does.
  public func ages(for codes: [String], midYear: Int) -> [Double]? {
    for code in codes {
      guard let row = table[code]?[midYear], row.count == Self.ages.count else { continue }
      let values = row.compactMap { $0 }
      if values.count == Self.ages.count { return values }
    }
    return nil
  }

  /// Residents aged 0–25 for the first of `codes` with a complete mid-year, or nil.
  public func total0to25(for codes: [String], midYear: Int) -> Double? {
    ages(for: codes, midYear: midYear).map { $0.reduce(0, +) }
  }

  /// The mid-years with complete ages for the first code of `codes` that has each year.
  public func availableMidYears(for codes: [String]) -> [Int] {
    midYears.filter { ages(for: codes, midYear: $0) != nil }
  }
}
