import Foundation
import PlacePlanning

/// Writes Section 106 specialist-place contributions as a table, CSV or JSON.
public enum S106Writer {
  /// One line of the CSV: a development's phase, a development's total, or the total of
  /// all developments.
  struct CSVLine {
    let development: String
    let phase: String
    let dwellings: Int
    let pupils: Double
    let specialistPlaces: Double
    let spareOffset: Double
    let placesClaimed: Double
    /// £ per place; nil on the all-developments line (it differs by development).
    let costPerPlace: Double?
    let contribution: Double
  }

  /// The CSV's columns: pupils to one decimal, places to two, pounds whole.
  static let columns = OutputColumns<CSVLine>([
    .init("development") { .text($0.development) },
    .init("phase") { .text($0.phase) },
    .init("dwellings") { .integer($0.dwellings) },
    .init("pupils") { .count($0.pupils, decimals: 1) },
    .init("specialist_places") { places($0.specialistPlaces) },
    .init("spare_places_offset") { places($0.spareOffset) },
    .init("places_claimed") { places($0.placesClaimed) },
    .init("cost_per_place") { .count($0.costPerPlace, decimals: 0) },
    .init("contribution") { .count($0.contribution, decimals: 0) },
  ])

  /// Places to two decimals.
  static func places(_ value: Double) -> OutputValue {
    .number(value, decimals: 2, jsonDecimals: 2, suffix: "")
  }

  /// The CSV header: one row per development and phase, a `total` row per development, and
  /// an `all developments` total row.
  public static var csvHeader: String { columns.csvHeader }

  /// The name of the CSV row that adds up every development.
  public static let allDevelopments = "all developments"

  /// CSV: pupils to one decimal, places to two, pounds whole. `cost_per_place` is empty on
  /// the all-developments row (it differs by development).
  public static func csv(_ result: S106Result) -> String {
    var lines: [CSVLine] = []
    for assessment in result.assessments {
      let name = assessment.development.name
      let dwellings = assessment.development.dwellings
      for line in assessment.phases {
        lines.append(
          CSVLine(
            development: name, phase: line.phase.rawValue, dwellings: dwellings,
            pupils: line.pupils, specialistPlaces: line.specialistPlaces,
            spareOffset: line.spareOffset, placesClaimed: line.placesClaimed,
            costPerPlace: assessment.costPerPlace, contribution: line.contribution))
      }
      lines.append(
        CSVLine(
          development: name, phase: "total", dwellings: dwellings, pupils: assessment.pupils,
          specialistPlaces: assessment.specialistPlaces, spareOffset: assessment.spareOffset,
          placesClaimed: assessment.placesClaimed, costPerPlace: assessment.costPerPlace,
          contribution: assessment.contribution))
    }
    lines.append(
      CSVLine(
        development: allDevelopments, phase: "total", dwellings: result.dwellings,
        pupils: result.pupils, specialistPlaces: result.specialistPlaces,
        spareOffset: result.spareOffset, placesClaimed: result.placesClaimed, costPerPlace: nil,
        contribution: result.contribution))
    return columns.csv(lines)
  }

  /// Tables: pupils by development and phase; places and contributions; the trajectory by
  /// year; what spare places did for each development; the factors; the provenance.
  public static func table(_ result: S106Result, provenance: Provenance) -> String {
    var out = "\(result.laName) (\(result.laCode)): Section 106 specialist-place contributions, "
    out += "\(result.assessments.count) developments\n\n"
    out += "Pupils expected (dwellings x pupil-yield factors)\n"
    var pupilRows = result.assessments.map { assessment -> [String] in
      let development = assessment.development
      return [
        development.name, development.district ?? "",
        NumberFormat.count(Double(development.dwellings)),
        S106Statement.span(assessment.years.map(\.academicYear)),
      ]
        + assessment.phases.map { CSVFormat.number($0.pupils, decimals: 1) }
        + [CSVFormat.number(assessment.pupils, decimals: 1)]
    }
    pupilRows.append(
      ["All developments", "", NumberFormat.count(Double(result.dwellings)), ""]
        + PupilYield.Phase.allCases.map { phase in
          CSVFormat.number(
            result.assessments.reduce(0) { $0 + ($1.line(phase)?.pupils ?? 0) }, decimals: 1)
        } + [CSVFormat.number(result.pupils, decimals: 1)])
    out += TextTable.render(
      header: ["development", "district", "dwellings", "completing"]
        + PupilYield.Phase.allCases.map(\.label) + ["all"],
      rows: pupilRows, rightAligned: Set([2] + Array(4..<9)))
    out += "\nSpecialist places and contributions\n"
    var placeRows = result.assessments.map { assessment -> [String] in
      [
        assessment.development.name, S106Statement.percent(assessment.ehcpShare.share),
        S106Statement.places(assessment.specialistPlaces),
        S106Statement.places(assessment.spareOffset),
        S106Statement.places(assessment.placesClaimed),
        assessment.contributionYear.description, NumberFormat.pounds(assessment.costPerPlace),
        NumberFormat.pounds(assessment.contribution),
        "\(NumberFormat.pounds(assessment.lowContribution))-\(NumberFormat.pounds(assessment.highContribution))",
      ]
    }
    placeRows.append([
      "All developments", "", S106Statement.places(result.specialistPlaces),
      S106Statement.places(result.spareOffset), S106Statement.places(result.placesClaimed), "",
      "", NumberFormat.pounds(result.contribution),
      "\(NumberFormat.pounds(result.lowContribution))-\(NumberFormat.pounds(result.highContribution))",
    ])
    out += TextTable.render(
      header: [
        "development", "EHCP share", "specialist places", "spare offset", "claimed", "priced",
        "cost per place", "contribution", "range",
      ], rows: placeRows, rightAligned: [1, 2, 3, 4, 6, 7, 8])
    out += "\nHousing trajectory by academic year of completion\n"
    // With the whole checked, the places the plan leaves free as a whole are shown beside
    // the phases' spare places: a phase's place counts only while the whole has one free.
    let whole = result.spare.initialWhole
    let yearRows = result.trajectory.map { year -> [String] in
      var row = [
        year.academicYear.description, NumberFormat.count(Double(year.dwellings)),
        CSVFormat.number(year.pupils, decimals: 1),
        S106Statement.places(year.specialistPlaces),
        result.spare.initial[year.academicYear].map(S106Statement.places) ?? "beyond plan",
      ]
      if let whole {
        row.append(whole[year.academicYear].map(S106Statement.places) ?? "beyond plan")
      }
      return row + [
        S106Statement.places(year.spareOffset), S106Statement.places(year.placesClaimed),
        NumberFormat.pounds(year.contribution),
      ]
    }
    var totalRow = [
      "total", NumberFormat.count(Double(result.dwellings)),
      CSVFormat.number(result.pupils, decimals: 1),
      S106Statement.places(result.specialistPlaces), "",
    ]
    if whole != nil { totalRow.append("") }
    totalRow += [
      S106Statement.places(result.spareOffset), S106Statement.places(result.placesClaimed),
      NumberFormat.pounds(result.contribution),
    ]
    let header =
      [
        "year", "dwellings", "pupils", "specialist places",
        result.spare.isPhased ? "spare by phase (all phases)" : "spare forecast",
      ] + (whole != nil ? ["free as a whole"] : []) + ["spare offset", "claimed", "contribution"]
    out += TextTable.render(
      header: header, rows: yearRows + [totalRow], rightAligned: Set(1..<header.count))
    out += "\nSpare state special and RP places (rule \(result.spare.rule.rawValue)):\n"
    for assessment in result.assessments {
      out += "  \(assessment.development.name): "
      out += "\(S106Statement.spareNote(assessment, result: result))\n"
    }
    out += "\nFactors:\n"
    out += "  EHCP share of pupils in new-build housing: the district's (DfE pupil yield "
    out += "dashboard, latest year) when it counts at least "
    out += "\(NumberFormat.count(result.yield.districtMinimumPupils.value)) pupils, else "
    out += "\(result.laEHCPShare.name)'s \(S106Statement.percent(result.laEHCPShare.share)) "
    out += "(\(result.laEHCPShare.academicYear)).\n"
    for assessment in result.assessments {
      out += "    \(assessment.development.name): \(assessment.ehcpShareReason)\n"
    }
    let special = result.yield.special
    out +=
      "  Special/AP pupils per dwelling: \(CSVFormat.number(special.perDwelling.value, decimals: 4)) "
    out += "(DfE pupil yield dashboard, England, 2021/22), times each dwelling mix's relative "
    out += "yield and the area's EHCP share against England's "
    out += "(\(S106Statement.percent(result.englandEHCPShare.share))); by phase primary "
    out += "\(S106Statement.percent(special.phaseSplit[.primary] ?? 0)), secondary "
    out += "\(S106Statement.percent(special.phaseSplit[.secondary] ?? 0)), post-16 "
    out += "\(S106Statement.percent(special.phaseSplit[.post16] ?? 0)).\n"
    out += "  Spare places: \(S106Statement.spareRule(result.spare)).\n"
    let capital = result.costModel.capitalNewSchoolPerPlace
    out += "  Cost per specialist place: \(NumberFormat.pounds(capital.value)) "
    out +=
      "(\(capital.priceYear)), +\(CSVFormat.number(capital.annualInflation * 100, decimals: 2))%"
    out += " a year, x regional factor "
    out += "\(CSVFormat.number(result.costModel.regionalFactor.value, decimals: 2)); priced in "
    out += "each development's first year of completions.\n"
    out += "  Pupil yields: \(result.yield.name); one-bedroom dwellings "
    out += result.yield.excludesOneBedroom.value ? "excluded" : "included"
    out += " (sources in the pupil-yield file and in --statement).\n"
    out += "  Ranges move every yield factor and the cost per place to the low or high end "
    out += "together. Places are rounded to 0.01 and pounds to £1 as printed: each row's "
    out += "contribution is its places claimed x its cost per place.\n\n"
    out += ForecastWriter.footer(provenance)
    return out
  }

  /// The statements for every development, then the provenance.
  public static func statements(_ result: S106Result, provenance: Provenance) -> String {
    S106Statement.all(result) + "\n" + ForecastWriter.footer(provenance)
  }
}
