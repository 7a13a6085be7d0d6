import PlacePlanning

/// Reads the DfE High needs benchmarking extract (2021-22 outturn) for an LA's average INMS
/// cost: NMSS/independent top-up total ÷ EHCPs placed in NMSS/independent schools. Money
/// columns are totals in £ (not per head, whatever the source headings say); `#N/A` cells
/// are missing.
public enum FinanceReader {
  static let schema =
    "High needs benchmarking extract (la_name, topup_nmss_independent_total_gbp, ehcp_nmss_or_independent)"

  /// The LA's average INMS cost per placement in 2021-22, £, found by name.
  public static func inmsCostPerPlacement(path: String, laName: String) throws(InputError) -> Double
  {
    let table = try CSVTable.read(path: path)
    let name = try table.require("la_name", schema: schema)
    let cost = try table.require("topup_nmss_independent_total_gbp", schema: schema)
    let placements = try table.require("ehcp_nmss_or_independent", schema: schema)
    let wanted = laName.lowercased()
    guard
      let row = table.rows.indices.first(where: {
        table.rows[$0][name].trimmedSpaces.lowercased() == wanted
      })
    else {
      throw .noRecords(file: table.file, expected: "no row for \(laName) (matched on la_name)")
    }
    guard
      let total = try CellParser.count(
        table.rows[row][cost], table: table, row: row, column: cost,
        maximum: CellParser.maximumPounds),
      let count = try CellParser.count(
        table.rows[row][placements], table: table, row: row, column: placements), count > 0
    else {
      throw .invalid(
        file: table.file, line: table.line(ofRow: row), column: cost + 1,
        problem: "\(laName)'s INMS top-up or placements are missing",
        fix: "use the default fee (leave out --calibrate-inms)")
    }
    return total / count
  }
}
