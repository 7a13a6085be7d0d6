import PlacePlanning

/// Writes cost projections (with Monte Carlo bands) and scenario comparisons.
public enum CostsWriter {
  /// One line of the costs CSV: a measure in an academic year with its 80% band.
  struct CostLine {
    let laCode: String
    let scenario: String
    let year: CostYear
    let measure: String
    let value: Double?
    let band: CostSimulation.Band?
  }

  /// The costs CSV's columns: pounds whole, counts and places to one decimal, the band in
  /// the measure's own unit.
  static let costColumns = OutputColumns<CostLine>([
    .init("la_code") { .text($0.laCode) },
    .init("scenario") { .text($0.scenario) },
    .init("academic_year") { .text($0.year.academicYear.description) },
    .init("kind") { .text($0.year.kind.rawValue) },
    .init("measure") { .text($0.measure) },
    .init("value") { .count($0.value, decimals: decimals($0.measure)) },
    .init("lower80") { .count($0.band?.lower80, decimals: decimals($0.measure)) },
    .init("upper80") { .count($0.band?.upper80, decimals: decimals($0.measure)) },
  ])

  public static var costsHeader: String { costColumns.csvHeader }

  /// Whole pounds for a cost measure, one decimal for counts and places.
  static func decimals(_ key: String) -> Int {
    key.hasSuffix("_cost") || key.contains("_cost_") ? 0 : 1
  }

  public static func costsCSV(
    laCode: String, scenario: String, years: [CostYear],
    bands: [AcademicYear: [String: CostSimulation.Band]]
  ) -> String {
    costColumns.csv(
      years.flatMap { year in
        year.detailedMeasures.map { key, value in
          CostLine(
            laCode: laCode, scenario: scenario, year: year, measure: key, value: value,
            band: bands[year.academicYear]?[key])
        }
      })
  }

  public static func costsTable(
    laName: String, scenario: Scenario, years: [CostYear],
    bands: [AcademicYear: [String: CostSimulation.Band]], draws: Int, seed: UInt64,
    provenance: Provenance
  ) -> String {
    var out =
      "\(laName): costs, scenario \(scenario.name) (£ cash; 80% band from \(draws) draws, seed \(seed))\n"
    let header = ["measure"] + years.map { "\($0.academicYear)" }
    let keys = years.first?.detailedMeasures.map(\.key) ?? []
    var body: [[String]] = []
    for key in keys {
      var row = [key]
      for year in years {
        let value = year.detailedMeasures.first { $0.key == key }?.value
        var cell = value.map(NumberFormat.count) ?? ""
        if let band = bands[year.academicYear]?[key], band.upper80 > band.lower80 {
          cell +=
            " (\(NumberFormat.count(band.lower80)) to \(NumberFormat.count(band.upper80)))"
        }
        row.append(cell)
      }
      body.append(row)
    }
    out += TextTable.render(header: header, rows: body, rightAligned: Set(1..<header.count))
    out += "\n" + ForecastWriter.footer(provenance)
    return out
  }

  public static func costsJSON(
    laCode: String, scenario: String, years: [CostYear],
    bands: [AcademicYear: [String: CostSimulation.Band]], provenance: Provenance
  ) throws(OutputError) -> String {
    struct Measure: Encodable {
      let value: Double?
      let lower80: Double?
      let upper80: Double?
    }
    struct Year: Encodable {
      let academicYear: String
      let kind: String
      let measures: [String: Measure]
    }
    struct Document: Encodable {
      let provenance: Provenance
      let laCode: String
      let scenario: String
      let years: [Year]
    }
    let encoded = years.map { year in
      Year(
        academicYear: year.academicYear.description, kind: year.kind.rawValue,
        measures: Dictionary(
          uniqueKeysWithValues: year.detailedMeasures.map { key, value in
            let band = bands[year.academicYear]?[key]
            return (
              key,
              Measure(
                value: value.map { $0.rounded() }, lower80: band.map { $0.lower80.rounded() },
                upper80: band.map { $0.upper80.rounded() })
            )
          }))
    }
    return try ForecastWriter.encode(
      Document(provenance: provenance, laCode: laCode, scenario: scenario, years: encoded))
  }

  // MARK: - Scenario comparison

  /// One line of the comparison CSV: a measure of a scenario in a year (or `total`), and
  /// its difference from the first scenario.
  struct CompareLine {
    let scenario: String
    let year: String
    let measure: String
    let value: OutputValue
    let difference: OutputValue
  }

  static let compareColumns = OutputColumns<CompareLine>([
    .init("scenario") { .text($0.scenario) },
    .init("academic_year") { .text($0.year) },
    .init("measure") { .text($0.measure) },
    .init("value") { $0.value },
    .init("difference_vs_first") { $0.difference },
  ])

  public static var compareHeader: String { compareColumns.csvHeader }

  /// Each scenario's measures by year, then its totals: NPV (with its 10th and 90th
  /// percentiles over the draws, whose difference column is the percentile of the difference
  /// on the same draws, not the difference of the percentiles) and payback year.
  public static func compareCSV(_ comparison: ScenarioComparison) -> String {
    var lines: [CompareLine] = []
    let first = comparison.entries.first
    let pounds = { (value: Double?) in OutputValue.count(value, decimals: 0) }
    for entry in comparison.entries {
      let name = entry.scenario.name
      for (index, year) in entry.years.enumerated() {
        for (key, value) in year.measures {
          let base = first.flatMap {
            index < $0.years.count ? $0.years[index].measures.first { $0.key == key }?.value : nil
          }
          let difference = value.flatMap { value in base.map { value - $0 } }
          lines.append(
            CompareLine(
              scenario: name, year: year.academicYear.description, measure: key,
              value: .count(value, decimals: decimals(key)),
              difference: .count(difference, decimals: decimals(key))))
        }
      }
      let npvDifference = first.map { entry.presentValueOfTotalCost - $0.presentValueOfTotalCost }
      lines.append(
        CompareLine(
          scenario: name, year: "total", measure: "npv_total_cost",
          value: pounds(entry.presentValueOfTotalCost), difference: pounds(npvDifference)))
      if let range = entry.presentValueRange {
        lines.append(
          CompareLine(
            scenario: name, year: "total", measure: "npv_total_cost_p10",
            value: pounds(range.p10), difference: pounds(entry.differenceRange?.p10)))
        lines.append(
          CompareLine(
            scenario: name, year: "total", measure: "npv_total_cost_p90",
            value: pounds(range.p90), difference: pounds(entry.differenceRange?.p90)))
      }
      let isFirst = entry.scenario.name == first?.scenario.name
      lines.append(
        CompareLine(
          scenario: name, year: "total", measure: "payback_year",
          value: .text(payback(entry, isFirst: isFirst)), difference: .text("")))
      if let range = entry.paybackRange, !isFirst {
        lines.append(
          CompareLine(
            scenario: name, year: "total", measure: "payback_year_p10",
            value: .text(paybackBound(range.early, entry)), difference: .text("")))
        lines.append(
          CompareLine(
            scenario: name, year: "total", measure: "payback_year_p90",
            value: .text(paybackBound(range.late, entry)), difference: .text("")))
      }
    }
    return compareColumns.csv(lines)
  }

  /// The payback years over the middle 80% of the draws that change a cost: `2031 to
  /// beyond`; "no change" when none does; empty for the first scenario (the one compared
  /// against) or without draws.
  static func paybackRange(_ entry: ScenarioComparison.Entry, isFirst: Bool) -> String {
    if !isFirst && entry.changesNothing && entry.paybackRange == nil { return "no change" }
    guard !isFirst, let range = entry.paybackRange else { return "" }
    return (range.early?.description ?? "beyond") + " to " + (range.late?.description ?? "beyond")
  }

  /// "no change" for a scenario that changes nothing in the years compared, "immediate"
  /// for one that never costs more (it pays back in its first year of effect), else the
  /// payback year or "beyond" the horizon (one word in the table, the CSV and the JSON).
  static func payback(_ entry: ScenarioComparison.Entry, isFirst: Bool) -> String {
    if isFirst { return "n/a" }
    if entry.unchangedCentrally { return "no change" }
    if entry.neverCostsMore { return "immediate" }
    return entry.paybackYear?.description ?? "beyond"
  }

  /// One end of the payback range over the draws, in the same words.
  static func paybackBound(_ year: AcademicYear?, _ entry: ScenarioComparison.Entry) -> String {
    year?.description ?? "beyond"
  }

  public static func compareTable(
    _ comparison: ScenarioComparison, laName: String, provenance: Provenance
  ) -> String {
    var out = "\(laName): scenarios compared (£ cash by year; NPV at 2024/25 prices)\n"
    guard let first = comparison.entries.first else { return out }
    let years = first.years.map(\.academicYear)
    for entry in comparison.entries {
      out += "\n\(entry.scenario.name): \(entry.scenario.description)\n"
      let header = ["measure"] + years.map(\.description)
      var body: [[String]] = []
      for key in first.years.first?.measures.map(\.key) ?? [] {
        var row = [key]
        for (index, year) in entry.years.enumerated() {
          let value = year.measures.first { $0.key == key }?.value
          var cell = value.map(NumberFormat.count) ?? ""
          if entry.scenario.name != first.scenario.name, let value,
            let base = first.years[index].measures.first(where: { $0.key == key })?.value,
            value != base
          {
            let difference = value - base
            cell += " (\(difference > 0 ? "+" : "")\(NumberFormat.count(difference)))"
          }
          row.append(cell)
        }
        body.append(row)
      }
      out += TextTable.render(header: header, rows: body, rightAligned: Set(1..<header.count))
    }
    out +=
      "\nSummary over \(years.first.map(String.init(describing:)) ?? "")-\(years.last.map(String.init(describing:)) ?? "")\n"
    let ranged = comparison.draws > 0
    let header =
      ["scenario", "NPV of total cost"] + (ranged ? ["10-90% range"] : [])
      + ["difference vs \(first.scenario.name)"] + (ranged ? ["difference 10-90%"] : [])
      + ["payback"] + (ranged ? ["payback 10-90%"] : [])
    let body = comparison.entries.map { entry in
      let isFirst = entry.scenario.name == first.scenario.name
      var row = [entry.scenario.name, NumberFormat.pounds(entry.presentValueOfTotalCost)]
      if ranged {
        row.append(
          entry.presentValueRange.map {
            NumberFormat.pounds($0.p10) + " to " + NumberFormat.pounds($0.p90)
          } ?? "")
      }
      row.append(
        isFirst
          ? "" : NumberFormat.pounds(entry.presentValueOfTotalCost - first.presentValueOfTotalCost))
      if ranged {
        row.append(
          entry.differenceRange.map {
            NumberFormat.pounds($0.p10) + " to " + NumberFormat.pounds($0.p90)
          } ?? "")
      }
      row.append(payback(entry, isFirst: isFirst))
      if ranged { row.append(paybackRange(entry, isFirst: isFirst)) }
      return row
    }
    out += TextTable.render(
      header: header, rows: body, rightAligned: ranged ? [1, 2, 3, 4] : [1, 2])
    out +=
      "Payback: the first year by which the discounted saving against \(first.scenario.name) has repaid what the scenario cost more (capital included)."
    if ranged {
      out +=
        " Ranges: 10th-90th percentiles over \(comparison.draws) seeded draws (seed \(comparison.seed)) of demand and of every cost assumption's range, each scenario costed on the same draws; \"beyond\": not within the horizon; \"no change\": the scenario changes no cost (draws in which it changes none are left out of the payback range)."
    }
    out += "\n\n"
    out += ForecastWriter.footer(provenance)
    return out
  }

  public static func compareJSON(_ comparison: ScenarioComparison, provenance: Provenance)
    throws(OutputError) -> String
  {
    struct Year: Encodable {
      let academicYear: String
      let measures: [String: Double?]
    }
    struct Entry: Encodable {
      let scenario: String
      let description: String
      let rationale: String
      let years: [Year]
      let npvTotalCost: Double
      let npvTotalCostP10: Double?
      let npvTotalCostP90: Double?
      let npvDifferenceVsFirst: Double
      let npvDifferenceP10: Double?
      let npvDifferenceP90: Double?
      let paybackYear: String
      let paybackYearP10: String?
      let paybackYearP90: String?
    }
    struct Document: Encodable {
      let provenance: Provenance
      let scenarios: [Entry]
    }
    let first = comparison.entries.first
    let entries = comparison.entries.map { entry in
      Entry(
        scenario: entry.scenario.name, description: entry.scenario.description,
        rationale: entry.scenario.rationale,
        years: entry.years.map { year in
          Year(
            academicYear: year.academicYear.description,
            measures: Dictionary(
              uniqueKeysWithValues: year.measures.map {
                ($0.key, $0.value.map { ($0 * 10).rounded() / 10 })
              }))
        },
        npvTotalCost: entry.presentValueOfTotalCost.rounded(),
        npvTotalCostP10: entry.presentValueRange.map { $0.p10.rounded() },
        npvTotalCostP90: entry.presentValueRange.map { $0.p90.rounded() },
        npvDifferenceVsFirst: (entry.presentValueOfTotalCost - (first?.presentValueOfTotalCost ?? 0))
          .rounded(),
        npvDifferenceP10: entry.differenceRange.map { $0.p10.rounded() },
        npvDifferenceP90: entry.differenceRange.map { $0.p90.rounded() },
        paybackYear: payback(entry, isFirst: entry.scenario.name == first?.scenario.name),
        paybackYearP10: entry.paybackRange.map { paybackBound($0.early, entry) },
        paybackYearP90: entry.paybackRange.map { paybackBound($0.late, entry) })
    }
    return try ForecastWriter.encode(Document(provenance: provenance, scenarios: entries))
  }
}
