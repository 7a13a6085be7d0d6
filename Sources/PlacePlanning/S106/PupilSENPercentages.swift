/// % of pupils with an EHC plan and with SEN support, by area and January school census
/// (DfE "Special educational needs in England", as the SEND and AP Inclusion dashboard
/// prepared it).
public struct PupilSENPercentages: Sendable {
  /// One area's figures at one census, percentages of all pupils (0–100).
  public struct Entry: Sendable, Equatable {
    public var ehcPlanPercent: Double?
    public var senSupportPercent: Double?

    public init(ehcPlanPercent: Double? = nil, senSupportPercent: Double? = nil) {
      self.ehcPlanPercent = ehcPlanPercent
      self.senSupportPercent = senSupportPercent
    }
  }

  /// area code (E92000001 for England) → census year (January) → entry.
  private let table: [String: [Int: Entry]]

  public init(table: [String: [Int: Entry]]) {
    self.table = table
  }

  /// The latest census with an entry for the first of `codes` that has any, or nil.
  public func latest(for codes: [String], upTo lastCensus: Int = .max) -> (
    censusYear: Int, entry: Entry
  )? {
    for code in codes {
      guard let years = table[code], let year = years.keys.filter({ $0 <= lastCensus }).max(),
        let entry = years[year]
      else {
        continue
      }
      return (year, entry)
    }
    return nil
  }
}
