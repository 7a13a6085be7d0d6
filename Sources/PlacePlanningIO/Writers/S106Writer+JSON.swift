import Foundation
import PlacePlanning

/// The S106 JSON output and its shapes.
extension S106Writer {
  /// JSON: provenance, the factors with their sources, each development (phases, years,
  /// spare-capacity note and statement), and the trajectory.
  public static func json(_ result: S106Result, provenance: Provenance) throws(OutputError)
    -> String
  {
    let capital = result.costModel.capitalNewSchoolPerPlace
    let special = result.yield.special
    let factors = JSONFactors(
      yieldName: result.yield.name,
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
      englandEhcpShare: JSONShare(
        area: result.englandEHCPShare, reason: "England: the denominator of the adjustment"),
      special: JSONSpecial(
        perDwelling: JSONRange(
          value: special.perDwelling.value, low: special.perDwelling.low,
          high: special.perDwelling.high),
        source: special.source,
        phaseSplit: Dictionary(
          uniqueKeysWithValues: special.phaseSplit.map { ($0.key.rawValue, $0.value) }),
        phaseSplitSource: special.phaseSplitSource, referencePrimary: special.referencePrimary,
        multiplierSource: special.multiplierSource, adjustmentSource: special.adjustmentSource),
      capitalCostPerPlace: JSONCost(
        value: capital.value, low: capital.low, high: capital.high,
        priceYear: capital.priceYear.description, annualInflation: capital.annualInflation,
        source: capital.source),
      regionalFactor: JSONFactor(
        value: result.costModel.regionalFactor.value,
        source: result.costModel.regionalFactor.source),
      spareRule: result.spare.rule.rawValue,
      spareBy: result.spare.isPhased
        ? (result.spare.checksWhole ? "phase-and-setting" : "phase") : "setting",
      spareByReason: S106Statement.spareRule(result.spare),
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
        adjustment: round6(assessment.adjustment),
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

  /// Places and pupils to 0.01.
  static func round2(_ value: Double) -> Double { NumberFormat.rounded(value, places: 2) }
  /// Shares and factors to 0.000001.
  static func round6(_ value: Double) -> Double { NumberFormat.rounded(value, places: 6) }

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

  struct JSONSpecial: Encodable {
    let perDwelling: JSONRange
    let source: String
    let phaseSplit: [String: Double]
    let phaseSplitSource: String
    let referencePrimary: Double
    let multiplierSource: String
    let adjustmentSource: String
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
    let yieldName: String
    let yields: [JSONYield]
    let oneBedroomExcluded: Bool
    let oneBedroomSource: String
    let ehcpShareRule: JSONRule
    let laEhcpShare: JSONShare
    let englandEhcpShare: JSONShare
    let special: JSONSpecial
    let capitalCostPerPlace: JSONCost
    let regionalFactor: JSONFactor
    let spareRule: String
    let spareBy: String
    let spareByReason: String
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
    let adjustment: Double
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
