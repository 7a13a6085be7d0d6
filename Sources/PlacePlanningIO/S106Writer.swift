import Foundation
import PlacePlanning

/// Writes Section 106 specialist-place contributions as a table, CSV or JSON.
public enum S106Writer {
  /// The CSV header: one row per development and phase, a `total` row per development, and
  /// an `all developments` total row.
  public static let csvHeader =
    "development,phase,dwellings,pupils,specialist_places,spare_places_offset,places_claimed,cost_per_place,contribution"

  /// The name of the CSV row that adds up every development.
  public static let allDevelopments = "all developments"

  /// CSV: pupils to one decimal, places to two, pounds whole. `cost_per_place` is empty on
  /// the all-developments row (it differs by development).
  public static func csv(_ result: S106Result) -> String {
    var lines = [csvHeader]
    for assessment in result.assessments {
      let name = CSVFormat.text(assessment.development.name)
      let dwellings = String(assessment.development.dwellings)
      let cost = CSVFormat.number(assessment.costPerPlace, decimals: 0)
      for line in assessment.phases {
        lines.append(
          CSVFormat.line([
            name, line.phase.rawValue, dwellings, CSVFormat.number(line.pupils, decimals: 1),
            CSVFormat.number(line.specialistPlaces, decimals: 2),
            CSVFormat.number(line.spareOffset, decimals: 2),
            CSVFormat.number(line.placesClaimed, decimals: 2), cost,
            CSVFormat.number(line.contribution, decimals: 0),
          ]))
      }
      lines.append(
        CSVFormat.line([
          name, "total", dwellings, CSVFormat.number(assessment.pupils, decimals: 1),
          CSVFormat.number(assessment.specialistPlaces, decimals: 2),
          CSVFormat.number(assessment.spareOffset, decimals: 2),
          CSVFormat.number(assessment.placesClaimed, decimals: 2), cost,
          CSVFormat.number(assessment.contribution, decimals: 0),
        ]))
    }
    lines.append(
      CSVFormat.line([
        allDevelopments, "total", String(result.dwellings),
        CSVFormat.number(result.pupils, decimals: 1),
        CSVFormat.number(result.specialistPlaces, decimals: 2),
        CSVFormat.number(result.spareOffset, decimals: 2),
        CSVFormat.number(result.placesClaimed, decimals: 2), "",
        CSVFormat.number(result.contribution, decimals: 0),
      ]))
    return lines.joined(separator: "\n") + "\n"
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
        ForecastWriter.grouped(Double(development.dwellings)),
        S106Statement.span(assessment.years.map(\.academicYear)),
      ]
        + assessment.phases.map { CSVFormat.number($0.pupils, decimals: 1) }
        + [CSVFormat.number(assessment.pupils, decimals: 1)]
    }
    pupilRows.append(
      ["All developments", "", ForecastWriter.grouped(Double(result.dwellings)), ""]
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
        assessment.contributionYear.description, S106Statement.pounds(assessment.costPerPlace),
        S106Statement.pounds(assessment.contribution),
        "\(S106Statement.pounds(assessment.lowContribution))-\(S106Statement.pounds(assessment.highContribution))",
      ]
    }
    placeRows.append([
      "All developments", "", S106Statement.places(result.specialistPlaces),
      S106Statement.places(result.spareOffset), S106Statement.places(result.placesClaimed), "",
      "", S106Statement.pounds(result.contribution),
      "\(S106Statement.pounds(result.lowContribution))-\(S106Statement.pounds(result.highContribution))",
    ])
    out += TextTable.render(
      header: [
        "development", "EHCP share", "specialist places", "spare offset", "claimed", "priced",
        "cost per place", "contribution", "range",
      ], rows: placeRows, rightAligned: [1, 2, 3, 4, 6, 7, 8])
    out += "\nHousing trajectory by academic year of completion\n"
    let yearRows = result.trajectory.map { year -> [String] in
      [
        year.academicYear.description, ForecastWriter.grouped(Double(year.dwellings)),
        CSVFormat.number(year.pupils, decimals: 1),
        S106Statement.places(year.specialistPlaces),
        result.spare.initial[year.academicYear].map(S106Statement.places) ?? "beyond plan",
        S106Statement.places(year.spareOffset), S106Statement.places(year.placesClaimed),
        S106Statement.pounds(year.contribution),
      ]
    }
    out += TextTable.render(
      header: [
        "year", "dwellings", "pupils", "specialist places",
        result.spare.isPhased ? "spare forecast (all phases)" : "spare forecast", "spare offset",
        "claimed", "contribution",
      ],
      rows: yearRows + [
        [
          "total", ForecastWriter.grouped(Double(result.dwellings)),
          CSVFormat.number(result.pupils, decimals: 1),
          S106Statement.places(result.specialistPlaces), "",
          S106Statement.places(result.spareOffset), S106Statement.places(result.placesClaimed),
          S106Statement.pounds(result.contribution),
        ]
      ], rightAligned: Set(1..<8))
    out += "\nSpare state special and RP places (rule \(result.spare.rule.rawValue)):\n"
    for assessment in result.assessments {
      out += "  \(assessment.development.name): "
      out += "\(S106Statement.spareNote(assessment, result: result))\n"
    }
    out += "\nFactors:\n"
    out += "  EHCP share of pupils in new-build housing: the district's (DfE pupil yield "
    out += "dashboard, latest year) when it counts at least "
    out += "\(ForecastWriter.grouped(result.yield.districtMinimumPupils.value)) pupils, else "
    out += "\(result.laEHCPShare.name)'s \(S106Statement.percent(result.laEHCPShare.share)) "
    out += "(\(result.laEHCPShare.academicYear)).\n"
    for assessment in result.assessments {
      out += "    \(assessment.development.name): \(assessment.ehcpShareReason)\n"
    }
    let specialist = result.specialistShare
    out += "  Share of EHCPs in \(S106Statement.settingsText(specialist.settings)): "
    out += "\(S106Statement.percent(specialist.share)) "
    out += "(\(ForecastWriter.grouped(specialist.specialistEHCPs)) of "
    out += "\(ForecastWriter.grouped(specialist.totalEHCPs)), SEN2 January "
    out += "\(specialist.censusYear)).\n"
    let capital = result.costModel.capitalNewSchoolPerPlace
    out += "  Cost per specialist place: \(S106Statement.pounds(capital.value)) "
    out +=
      "(\(capital.priceYear)), +\(CSVFormat.number(capital.annualInflation * 100, decimals: 2))%"
    out += " a year, x regional factor "
    out += "\(CSVFormat.number(result.costModel.regionalFactor.value, decimals: 2)); priced in "
    out += "each development's first year of completions.\n"
    out += "  Pupil yield: one-bedroom dwellings "
    out += result.yield.excludesOneBedroom.value ? "excluded" : "included"
    out += "; every yield factor is from the pupil-yield model (sources there and in "
    out += "--statement).\n"
    out += "  Ranges move every yield factor and the cost per place to the low or high end "
    out += "together.\n\n"
    out += ForecastWriter.footer(provenance)
    return out
  }

  /// The statements for every development, then the provenance.
  public static func statements(_ result: S106Result, provenance: Provenance) -> String {
    S106Statement.all(result) + "\n" + ForecastWriter.footer(provenance)
  }

  /// JSON: provenance, the factors with their sources, each development (phases, years,
  /// spare-capacity note and statement), and the trajectory.
  public static func json(_ result: S106Result, provenance: Provenance) throws(OutputError)
    -> String
  {
    let capital = result.costModel.capitalNewSchoolPerPlace
    let specialist = result.specialistShare
    let factors = JSONFactors(
      yields: result.yield.entries.keys.sorted().compactMap { mix in
        result.yield.entries[mix].map { entry in
          JSONYield(
            dwellingType: mix.type.rawValue, bedrooms: mix.bedrooms.rawValue,
            tenure: mix.tenure.rawValue,
            pupilsPerDwelling: Dictionary(
              uniqueKeysWithValues: entry.factors.map {
                (
                  $0.key.rawValue,
                  JSONRange(value: $0.value.value, low: $0.value.low, high: $0.value.high)
                )
              }), source: entry.source)
        }
      },
      oneBedroomExcluded: result.yield.excludesOneBedroom.value,
      oneBedroomSource: result.yield.excludesOneBedroom.source,
      ehcpShareRule: JSONRule(
        districtMinimumPupils: result.yield.districtMinimumPupils.value,
        source: result.yield.districtMinimumPupils.source),
      laEhcpShare: JSONShare(area: result.laEHCPShare, reason: "the LA's own share"),
      specialistShare: JSONSpecialist(
        settings: specialist.settings.map(\.rawValue), censusYear: specialist.censusYear,
        counts: Dictionary(
          uniqueKeysWithValues: specialist.counts.map { ($0.key.rawValue, $0.value) }),
        totalEhcps: specialist.totalEHCPs, share: round6(specialist.share),
        data: specialist.source, source: result.yield.specialistSettings.source),
      capitalCostPerPlace: JSONCost(
        value: capital.value, low: capital.low, high: capital.high,
        priceYear: capital.priceYear.description, annualInflation: capital.annualInflation,
        source: capital.source),
      regionalFactor: JSONFactor(
        value: result.costModel.regionalFactor.value,
        source: result.costModel.regionalFactor.source),
      spareRule: result.spare.rule.rawValue,
      spareBy: result.spare.isPhased ? "phase" : "setting",
      sparePlacesByYear: Dictionary(
        uniqueKeysWithValues: result.spare.initial.map { ($0.key.description, round2($0.value)) }),
      sparePlacesByPhase: result.spare.isPhased
        ? Dictionary(
          uniqueKeysWithValues: result.spare.initialByPool.map { pool, years in
            (
              pool.rawValue,
              Dictionary(uniqueKeysWithValues: years.map { ($0.key.description, round2($0.value)) })
            )
          }) : nil)
    let developments = result.assessments.map { assessment in
      JSONDevelopment(
        name: assessment.development.name, district: assessment.development.district,
        dwellings: assessment.development.dwellings,
        oneBedroomDwellings: assessment.development.dwellings(bedrooms: .one),
        ehcpShare: JSONShare(area: assessment.ehcpShare, reason: assessment.ehcpShareReason),
        contributionYear: assessment.contributionYear.description,
        costPerPlace: round2(assessment.costPerPlace),
        phases: assessment.phases.map {
          JSONPhase(
            phase: $0.phase.rawValue, pupils: round2($0.pupils),
            specialistPlaces: round2($0.specialistPlaces), spareOffset: round2($0.spareOffset),
            placesClaimed: round2($0.placesClaimed), contribution: $0.contribution.rounded())
        },
        years: assessment.years.map {
          JSONYear(
            academicYear: $0.academicYear.description, dwellings: $0.dwellings,
            pupils: round2($0.pupils), specialistPlaces: round2($0.specialistPlaces),
            spareForecast: result.spare.initial[$0.academicYear].map(round2),
            spareAvailable: round2($0.spareAvailable), spareOffset: round2($0.spareOffset),
            placesClaimed: round2($0.placesClaimed), contribution: $0.contribution.rounded())
        },
        pupils: round2(assessment.pupils), specialistPlaces: round2(assessment.specialistPlaces),
        spareOffset: round2(assessment.spareOffset),
        placesClaimed: round2(assessment.placesClaimed),
        contribution: assessment.contribution.rounded(),
        contributionLow: assessment.lowContribution.rounded(),
        contributionHigh: assessment.highContribution.rounded(),
        spareCapacity: S106Statement.spareNote(assessment, result: result),
        statement: S106Statement.text(assessment, result: result))
    }
    let trajectory = result.trajectory.map {
      JSONYear(
        academicYear: $0.academicYear.description, dwellings: $0.dwellings,
        pupils: round2($0.pupils), specialistPlaces: round2($0.specialistPlaces),
        spareForecast: result.spare.initial[$0.academicYear].map(round2),
        spareAvailable: nil, spareOffset: round2($0.spareOffset),
        placesClaimed: round2($0.placesClaimed), contribution: $0.contribution.rounded())
    }
    let document = JSONDocument(
      provenance: provenance, laCode: result.laCode, laName: result.laName, factors: factors,
      developments: developments, trajectory: trajectory,
      totals: JSONTotals(
        dwellings: result.dwellings, pupils: round2(result.pupils),
        specialistPlaces: round2(result.specialistPlaces), spareOffset: round2(result.spareOffset),
        placesClaimed: round2(result.placesClaimed), contribution: result.contribution.rounded(),
        contributionLow: result.lowContribution.rounded(),
        contributionHigh: result.highContribution.rounded()))
    return try ForecastWriter.encode(document)
  }

  static func round2(_ value: Double) -> Double { (value * 100).rounded() / 100 }
  static func round6(_ value: Double) -> Double { (value * 1e6).rounded() / 1e6 }

  // MARK: - JSON shapes

  struct JSONDocument: Encodable {
    let provenance: Provenance
    let laCode: String
    let laName: String
    let factors: JSONFactors
    let developments: [JSONDevelopment]
    let trajectory: [JSONYear]
    let totals: JSONTotals
  }

  struct JSONRange: Encodable {
    let value: Double
    let low: Double
    let high: Double
  }

  struct JSONYield: Encodable {
    let dwellingType: String
    let bedrooms: String
    let tenure: String
    let pupilsPerDwelling: [String: JSONRange]
    let source: String
  }

  struct JSONRule: Encodable {
    let districtMinimumPupils: Double
    let source: String
  }

  struct JSONShare: Encodable {
    let area: String
    let level: String
    let academicYear: String
    let ehcpPupils: Double
    let totalPupils: Double
    let share: Double
    let reason: String
    let data: String

    init(area: NewBuildEHCPShares.Area, reason: String) {
      self.area = area.name
      self.level = area.level.rawValue
      self.academicYear = area.academicYear.description
      self.ehcpPupils = area.ehcpPupils
      self.totalPupils = area.totalPupils
      self.share = S106Writer.round6(area.share)
      self.reason = reason
      self.data = area.source
    }
  }

  struct JSONSpecialist: Encodable {
    let settings: [String]
    let censusYear: Int
    let counts: [String: Double]
    let totalEhcps: Double
    let share: Double
    let data: String
    let source: String
  }

  struct JSONCost: Encodable {
    let value: Double
    let low: Double
    let high: Double
    let priceYear: String
    let annualInflation: Double
    let source: String
  }

  struct JSONFactor: Encodable {
    let value: Double
    let source: String
  }

  struct JSONFactors: Encodable {
    let yields: [JSONYield]
    let oneBedroomExcluded: Bool
    let oneBedroomSource: String
    let ehcpShareRule: JSONRule
    let laEhcpShare: JSONShare
    let specialistShare: JSONSpecialist
    let capitalCostPerPlace: JSONCost
    let regionalFactor: JSONFactor
    let spareRule: String
    let spareBy: String
    let sparePlacesByYear: [String: Double]
    let sparePlacesByPhase: [String: [String: Double]]?
  }

  struct JSONPhase: Encodable {
    let phase: String
    let pupils: Double
    let specialistPlaces: Double
    let spareOffset: Double
    let placesClaimed: Double
    let contribution: Double
  }

  struct JSONYear: Encodable {
    let academicYear: String
    let dwellings: Int
    let pupils: Double
    let specialistPlaces: Double
    let spareForecast: Double?
    let spareAvailable: Double?
    let spareOffset: Double
    let placesClaimed: Double
    let contribution: Double
  }

  struct JSONDevelopment: Encodable {
    let name: String
    let district: String?
    let dwellings: Int
    let oneBedroomDwellings: Int
    let ehcpShare: JSONShare
    let contributionYear: String
    let costPerPlace: Double
    let phases: [JSONPhase]
    let years: [JSONYear]
    let pupils: Double
    let specialistPlaces: Double
    let spareOffset: Double
    let placesClaimed: Double
    let contribution: Double
    let contributionLow: Double
    let contributionHigh: Double
    let spareCapacity: String
    let statement: String
  }

  struct JSONTotals: Encodable {
    let dwellings: Int
    let pupils: Double
    let specialistPlaces: Double
    let spareOffset: Double
    let placesClaimed: Double
    let contribution: Double
    let contributionLow: Double
    let contributionHigh: Double
  }
}
