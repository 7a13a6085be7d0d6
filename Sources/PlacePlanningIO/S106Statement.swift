import Foundation
import PlacePlanning

/// Plain-text statements on Section 106 specialist-place contributions, one per development,
/// for a planning officer to attach to a consultation response: the calculation in words,
/// the spare places that reduce it, and every factor with its source.
public enum S106Statement {
  /// Every development's statement, separated by a rule.
  public static func all(_ result: S106Result) -> String {
    result.assessments.map { text($0, result: result) }.joined(
      separator: "\n" + String(repeating: "-", count: 72) + "\n\n")
  }

  /// One development's statement.
  public static func text(_ assessment: S106Assessment, result: S106Result) -> String {
    let development = assessment.development
    let share = assessment.ehcpShare
    let specialist = result.specialistShare
    let capital = result.costModel.capitalNewSchoolPerPlace
    let factor = result.costModel.regionalFactor
    let oneBedroom = development.dwellings(bedrooms: .one)
    var out = "SECTION 106: SPECIALIST (SEND) SCHOOL PLACES\n"
    out += "Development: \(development.name)\n"
    out += "District: \(development.district ?? "not given")\n"
    out += "Local authority: \(result.laName) (\(result.laCode))\n"
    out += "Dwellings: \(ForecastWriter.grouped(Double(development.dwellings))), completing "
    out += "\(span(assessment.years.map(\.academicYear)))"
    if oneBedroom > 0 && result.yield.excludesOneBedroom.value {
      out += "; \(oneBedroom) one-bedroom dwellings are excluded from pupil yield"
    }
    out += ".\n"
    let mixes = Set(development.completions.filter { $0.dwellings > 0 }.map(\.mix)).sorted()
    let assumed = mixes.filter { mix in
      result.yield.yieldsPupils(mix)
        && (result.yield.entries[mix]?.source.lowercased().contains("assumption") ?? false)
    }
    if !assumed.isEmpty {
      out += "CAUTION: the pupil-yield factors of \(assumed.count) of the dwelling types here "
      out += "are labelled assumptions in the pupil-yield file, not local or DfE evidence. "
      out += "Replace them with evidenced factors before sending this statement.\n"
    }
    out += "\n"
    out += "Pupils expected (dwellings x pupil-yield factors): "
    out +=
      assessment.phases.map { "\($0.phase.label) \(CSVFormat.number($0.pupils, decimals: 1))" }
      .joined(separator: ", ") + ".\n"
    let schoolPupils = assessment.phases.filter {
      PupilYield.specialistPhases.contains($0.phase)
    }.reduce(0) { $0 + $1.pupils }
    out += "Specialist places needed: \(CSVFormat.number(schoolPupils, decimals: 1)) pupils "
    out += "(primary, secondary and post-16) x \(percent(share.share)) "
    out += "(share of pupils living in new-build housing in \(share.name) with an EHCP, "
    out += "DfE pupil yield dashboard \(share.academicYear): "
    out +=
      "\(ForecastWriter.grouped(share.ehcpPupils)) of \(ForecastWriter.grouped(share.totalPupils))) "
    out += "x \(percent(specialist.share)) (share of \(specialist.laName)'s EHCPs placed in "
    out += "\(settingsText(specialist.settings)), SEN2 January \(specialist.censusYear): "
    out += "\(ForecastWriter.grouped(specialist.specialistEHCPs)) of "
    out += "\(ForecastWriter.grouped(specialist.totalEHCPs))) = "
    out += "\(places(assessment.specialistPlaces)) places.\n"
    out += "Spare capacity: \(spareNote(assessment, result: result))\n"
    out += "Places claimed: \(places(assessment.placesClaimed)).\n"
    out += "Cost per specialist place: \(pounds(assessment.costPerPlace)) = "
    out += "\(pounds(capital.value)) (\(capital.priceYear) prices) uprated at "
    out += "\(CSVFormat.number(capital.annualInflation * 100, decimals: 2))% a year to "
    out += "\(assessment.contributionYear), the first year of completions, "
    out += "x regional factor \(CSVFormat.number(factor.value, decimals: 2)).\n"
    out += "Contribution sought: \(pounds(assessment.contribution)) "
    out += "(\(places(assessment.placesClaimed)) places x \(pounds(assessment.costPerPlace)); "
    out += "with every yield factor and the cost per place at the ends of their ranges "
    out += "\(pounds(assessment.lowContribution)) to \(pounds(assessment.highContribution))).\n"
    out += "The legal agreement should index the sum from \(assessment.contributionYear) "
    out += "to the date of payment.\n\n"
    out += "Factors and sources:\n"
    for mix in mixes {
      guard result.yield.yieldsPupils(mix), let entry = result.yield.entries[mix] else { continue }
      let values = PupilYield.Phase.allCases.map { phase in
        "\(phase.label) \(CSVFormat.number(entry.factors[phase]?.value ?? 0, decimals: 2))"
      }.joined(separator: ", ")
      out += "- Pupils per dwelling, \(mix): \(values). Source: \(entry.source)\n"
    }
    if oneBedroom > 0 && result.yield.excludesOneBedroom.value {
      out +=
        "- One-bedroom dwellings: no pupils. Source: \(result.yield.excludesOneBedroom.source)\n"
    }
    out += "- EHCP share of pupils in new-build housing: \(percent(share.share)) "
    out += "(\(assessment.ehcpShareReason)). Source: DfE pupil yield dashboard, EHCP table "
    out += "(\(share.source)). Rule: \(result.yield.districtMinimumPupils.source)\n"
    out += "- Share of EHCPs in specialist settings: \(percent(specialist.share)). Source: DfE "
    out += "SEN2 caseload, January \(specialist.censusYear) (\(specialist.source)). Rule: "
    out += "\(result.yield.specialistSettings.source)\n"
    out += "- Capital cost per specialist place: \(pounds(capital.value)) "
    out += "(range \(pounds(capital.low)) to \(pounds(capital.high))). Source: \(capital.source)\n"
    out += "- Regional factor: \(CSVFormat.number(factor.value, decimals: 2)). Source: "
    out += "\(sentence(factor.source))\n"
    out += "- Spare places: the places plan (planned places register against the EHCP "
    out += "forecast), state special and RP shortfall/excess above zero, shared out by year of "
    out += "completion, rule \(result.spare.rule.rawValue)"
    out +=
      result.spare.isPhased
      ? "; by phase: primary-age children take only spare primary places, secondary-age "
        + "secondary places and post-16 post-16 places (demand by age from the SEN2 ages).\n"
      : "; every phase together.\n"
    return out
  }

  /// What the spare places did for a development, year by year, said explicitly.
  public static func spareNote(_ assessment: S106Assessment, result: S106Result) -> String {
    let spare = result.spare
    var parts: [String] = []
    for line in assessment.years where spare.isPhased {
      let year = line.academicYear
      guard spare.initial[year] != nil else {
        parts.append("\(year) is beyond the places plan, so no spare places are assumed")
        continue
      }
      var phases: [String] = []
      for phase in PupilYield.specialistPhases {
        guard let pool = spare.pool(for: phase) else { continue }
        let forecast = spare.initialByPool[pool]?[year] ?? 0
        let used = line.spareOffsetByPhase[phase] ?? 0
        let free = line.spareAvailableByPool[pool] ?? 0
        let name = "\(pool.rawValue) places"
        if forecast <= 0 {
          phases.append("no spare \(name)")
        } else if used > 0 {
          phases.append(
            "\(places(free)) of \(places(forecast)) spare \(name) free (\(places(used)) used)")
        } else if spare.rule == .lasting
          && (spare.initialByPool[pool]?.filter { $0.key >= year }.values.min() ?? 0) <= 0
        {
          phases.append("\(places(forecast)) spare \(name), but a shortfall follows, so none last")
        } else if free > 0 {
          // Free places and none taken: these children need none in this phase.
          phases.append("\(places(forecast)) spare \(name), none needed")
        } else {
          phases.append(
            "the \(places(forecast)) spare \(name) are taken by completions earlier or listed before these"
          )
        }
      }
      parts.append("\(year): " + phases.joined(separator: ", "))
    }
    for line in assessment.years where !spare.isPhased {
      let year = line.academicYear
      guard let forecast = spare.initial[year] else {
        parts.append("\(year) is beyond the places plan, so no spare places are assumed")
        continue
      }
      if forecast <= 0 {
        parts.append("\(year): the places plan forecasts no spare places")
      } else if line.spareOffset > 0 {
        parts.append(
          "\(year): \(places(line.spareAvailable)) of \(places(forecast)) spare places free, \(places(line.spareOffset)) used"
        )
      } else if spare.rule == .lasting
        && (spare.initial.filter { $0.key >= year }.values.min() ?? 0) <= 0
      {
        parts.append(
          "\(year): \(places(forecast)) spare places forecast, but a shortfall follows, so none last"
        )
      } else if line.specialistPlaces <= 0 {
        parts.append("\(year): no specialist places needed")
      } else {
        parts.append(
          "\(year): the \(places(forecast)) spare places forecast are taken by developments completing earlier or listed before it"
        )
      }
    }
    let summary =
      assessment.spareOffset > 0
      ? "the places claimed are reduced by \(places(assessment.spareOffset)), from \(places(assessment.specialistPlaces)) to \(places(assessment.placesClaimed))."
      : "no reduction."
    return parts.joined(separator: "; ") + "; " + summary
  }

  /// Text ending in a full stop.
  static func sentence(_ text: String) -> String {
    text.hasSuffix(".") ? text : text + "."
  }

  static func span(_ years: [AcademicYear]) -> String {
    guard let first = years.first, let last = years.last else { return "no years" }
    return first == last ? "in \(first)" : "\(first) to \(last)"
  }

  static func percent(_ share: Double) -> String {
    CSVFormat.number(share * 100, decimals: 2) + "%"
  }

  static func places(_ value: Double) -> String { CSVFormat.number(value, decimals: 2) }

  static func pounds(_ value: Double) -> String { "£" + ForecastWriter.grouped(value) }

  static func settingsText(_ settings: [SettingType]) -> String {
    let names = settings.map { setting -> String in
      switch setting {
      case .specialState: return "state special schools"
      case .rpSENUnit: return "RP/SEN units"
      case .inms: return "independent and non-maintained special schools"
      default: return setting.label
      }
    }
    guard names.count > 1, let last = names.last else { return names.first ?? "" }
    return names.dropLast().joined(separator: ", ") + " and " + last
  }
}
