/// Local authority code changes that matter when joining SEN2 and ONS series.
///
/// Two kinds of change (see the data notes on LA codes):
/// - *recodes*: the same area under a new code. Series are joined across them.
///   E06000048 → E06000057 Northumberland (2009 code replaced 2013/14),
///   E08000020 → E08000037 Gateshead (boundary correction 2013/14),
///   E10000002 ↔ E06000060 Buckinghamshire (unitary from April 2020; SEN2 went back to
///   E10000002 in the 2024 and 2025 releases), E10000023 ↔ E06000065 North Yorkshire and
///   E10000027 ↔ E06000066 Somerset (unitary from April 2023, same outer boundary).
/// - *boundary changes*: areas merged or split. Series are cut: the new LA starts at its
///   first census and the predecessor ends. Bournemouth, Poole and Dorset → Bournemouth,
///   Christchurch and Poole (E06000058) and Dorset (E06000059) from April 2019;
///   Northamptonshire (E10000021) → North (E06000061) and West (E06000062)
///   Northamptonshire from April 2021; Cumbria (E10000006) → Cumberland (E06000063) and
///   Westmorland and Furness (E06000064) from April 2023.
public enum LocalAuthorityCodes {
  /// Groups of codes that name the same area.
  public static let recodeGroups: [[String]] = [
    ["E06000048", "E06000057"],
    ["E08000020", "E08000037"],
    ["E10000002", "E06000060"],
    ["E10000023", "E06000065"],
    ["E10000027", "E06000066"],
  ]

  /// Boundary changes: predecessor codes, successor codes and the first census of the successors.
  public struct BoundaryChange: Sendable {
    public let predecessors: [String]
    public let successors: [String]
    public let firstCensusOfSuccessors: Int
    public let summary: String
  }

  public static let boundaryChanges: [BoundaryChange] = [
    BoundaryChange(
      predecessors: ["E06000028", "E06000029", "E10000009"],
      successors: ["E06000058", "E06000059"], firstCensusOfSuccessors: 2020,
      summary: "Bournemouth, Poole and Dorset reorganised April 2019"),
    BoundaryChange(
      predecessors: ["E10000021"], successors: ["E06000061", "E06000062"],
      firstCensusOfSuccessors: 2022, summary: "Northamptonshire split April 2021"),
    BoundaryChange(
      predecessors: ["E10000006"], successors: ["E06000063", "E06000064"],
      firstCensusOfSuccessors: 2024, summary: "Cumbria split April 2023"),
  ]

  /// Every code naming the same area as `code`, `code` first.
  public static func aliases(of code: String) -> [String] {
    guard let group = recodeGroups.first(where: { $0.contains(code) }) else { return [code] }
    return [code] + group.filter { $0 != code }
  }

  /// The boundary change an LA's series starts or ends at, if any.
  public static func boundaryChange(involving code: String) -> BoundaryChange? {
    boundaryChanges.first { $0.predecessors.contains(code) || $0.successors.contains(code) }
  }
}
