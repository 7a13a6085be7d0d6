import PlacePlanning

/// Writes the child-level projection: a row per calendar year (and key), the simulations'
/// mean, median and 95% interval.
public enum ChildWriter {
  /// `calendar_year,mean,median,lower95,upper95`, with the key column after the year when
  /// broken down (`setting`, `need`, `ncy`, `state`).
  public static func csv(_ rows: [ChildProjection.Row], breakdown: ChildProjection.Breakdown)
    -> String
  {
    let key = breakdown == .total ? [] : [breakdown.rawValue]
    var lines = [
      (["calendar_year"] + key + ["mean", "median", "lower95", "upper95"]).joined(separator: ",")
    ]
    for row in rows {
      lines.append(
        CSVFormat.line(
          [String(row.calendarYear)] + (breakdown == .total ? [] : [CSVFormat.text(row.key)])
            + [
              CSVFormat.number(row.mean, decimals: 1), CSVFormat.number(row.median, decimals: 1),
              CSVFormat.number(row.lower95, decimals: 1),
              CSVFormat.number(row.upper95, decimals: 1),
            ]))
    }
    return lines.joined(separator: "\n") + "\n"
  }

  public static func json(_ rows: [ChildProjection.Row], provenance: Provenance)
    throws(OutputError) -> String
  {
    struct Row: Encodable {
      let calendarYear: Int
      let key: String
      let mean: Double
      let median: Double
      let lower95: Double
      let upper95: Double
    }
    struct Document: Encodable {
      let provenance: Provenance
      let rows: [Row]
    }
    return try ForecastWriter.encode(
      Document(
        provenance: provenance,
        rows: rows.map {
          Row(
            calendarYear: $0.calendarYear, key: $0.key, mean: rounded($0.mean),
            median: rounded($0.median), lower95: rounded($0.lower95), upper95: rounded($0.upper95))
        }))
  }

  public static func table(
    _ rows: [ChildProjection.Row], breakdown: ChildProjection.Breakdown, provenance: Provenance
  ) -> String {
    let header =
      ["January"] + (breakdown == .total ? [] : [breakdown.rawValue])
      + ["mean", "median", "95% interval"]
    let body = rows.map { row in
      [String(row.calendarYear)] + (breakdown == .total ? [] : [row.key])
        + [
          ForecastWriter.grouped(row.mean), ForecastWriter.grouped(row.median),
          ForecastWriter.interval(row.lower95, row.upper95),
        ]
    }
    let offset = breakdown == .total ? 1 : 2
    return "Child-level projection of the EHCP caseload (seeded Monte Carlo)\n"
      + TextTable.render(header: header, rows: body, rightAligned: Set(offset..<header.count))
      + "\n" + ForecastWriter.footer(provenance)
  }
}
