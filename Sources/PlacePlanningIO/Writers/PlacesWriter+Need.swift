import PlacePlanning

extension PlacesWriter {
  /// The CSV header of `places --by need`.
  public static var needCSVHeader: String { KeyedCapacity.byNeed.csvHeader }

  /// Places against demand by designation, CSV.
  public static func csv(needs rows: [NeedCapacityPlanner.Row]) -> String {
    KeyedCapacity.byNeed.csv(rows)
  }

  /// Places against demand by designation, JSON with provenance.
  public static func json(needs rows: [NeedCapacityPlanner.Row], provenance: Provenance)
    throws(OutputError) -> String
  {
    try KeyedCapacity.json(rows, columns: KeyedCapacity.byNeed, provenance: provenance)
  }

  /// Places against demand by designation, as a table.
  public static func table(needs rows: [NeedCapacityPlanner.Row], provenance: Provenance)
    -> String
  {
    KeyedCapacity.table(
      rows, columns: KeyedCapacity.byNeed,
      title:
        "Designated places against demand by primary need (designations sharing a need are one group; generic places meet the needs no group names)",
      provenance: provenance)
  }
}
