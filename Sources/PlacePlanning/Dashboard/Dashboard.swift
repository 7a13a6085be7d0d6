/// The strategy's data dashboard: a baseline (latest census) and years 1–5, one row per
/// measure.
public struct Dashboard: Sendable {
  /// One measure across the columns.
  public struct Row: Sendable, Equatable {
    /// Machine name, e.g. `ehcps_special_state`.
    public let key: String
    /// Words for a board paper.
    public let label: String
    /// `count`, `percent`, `places` or `pounds`.
    public let unit: String
    /// One value per column; nil where there is none.
    public let values: [Double?]
    /// Why a row is empty, or what it is based on.
    public let note: String?
  }

  public let laCode: String
  public let laName: String
  /// Column academic years: the baseline, then years 1–5.
  public let years: [AcademicYear]
  public let rows: [Row]
  /// Notes for the whole table (sources of each part).
  public let notes: [String]

  /// Column headings: "Baseline 2024/25", "Year 1 2025/26", ….
  public var headings: [String] {
    years.enumerated().map { index, year in
      index == 0 ? "Baseline \(year)" : "Year \(index) \(year)"
    }
  }
}
