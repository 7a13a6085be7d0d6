import PlacePlanning

/// Writes the child-level projection: a row per calendar year (and key), the simulations'
/// mean, median and 95% interval.
public enum ChildWriter {
  /// The projection's columns; the key column (`setting`, `need`, `ncy`, `state`) after the
  /// year when broken down.
  static func columns(_ breakdown: ChildProjection.Breakdown) -> OutputColumns<
    ChildProjection.Row
  > {
    typealias Column = OutputColumn<ChildProjection.Row>
    let key: [Column] =
      breakdown == .total ? [] : [Column(breakdown.rawValue) { .text($0.key) }]
    return OutputColumns(
      [Column("calendar_year", heading: "January") { .integer($0.calendarYear) }] + key + [
        Column("mean") { .count($0.mean, decimals: 1) },
        Column("median") { .count($0.median, decimals: 1) },
        Column("lower95", "upper95", heading: "95% interval") { .interval($0.lower95, $0.upper95) },
      ])
  }

  /// `calendar_year,mean,median,lower95,upper95`, with the key column after the year when
  /// broken down.
  public static func csv(_ rows: [ChildProjection.Row], breakdown: ChildProjection.Breakdown)
    -> String
  {
    columns(breakdown).csv(rows)
  }

  /// JSON: provenance, then the rows (the key named as in the CSV).
  public static func json(
    _ rows: [ChildProjection.Row], breakdown: ChildProjection.Breakdown, provenance: Provenance
  ) throws(OutputError) -> String {
    try ForecastWriter.encode(
      RowsDocument(provenance: provenance, rows: columns(breakdown).json(rows)))
  }

  public static func table(
    _ rows: [ChildProjection.Row], breakdown: ChildProjection.Breakdown, provenance: Provenance
  ) -> String {
    "Child-level projection of the EHCP caseload (seeded Monte Carlo)\n"
      + columns(breakdown).renderTable(rows) + "\n" + intervalNote + "\n\n"
      + ForecastWriter.footer(provenance)
  }

  /// What the simulated interval covers, said beside it: the rates' uncertainty and chance,
  /// not a change in the trend, so it can be far narrower than how far such projections
  /// have missed (`child validate` counts how often they held the outturn).
  static let intervalNote =
    "The 95% interval covers the uncertainty of the estimated rates and chance (each child's "
    + "moves drawn at random), not a change in the rates themselves: it can be far narrower "
    + "than how far such projections have missed. `placeplan child validate` on the same "
    + "files shows how often they held the outturn; read the aggregate `forecast` interval "
    + "for the spread a board should plan around."
}

/// A JSON document of provenance and rows.
struct RowsDocument: Encodable {
  let provenance: Provenance
  let rows: [JSONObject]
}
