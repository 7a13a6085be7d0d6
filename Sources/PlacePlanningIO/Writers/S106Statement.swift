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
    let england = result.englandEHCPShare
    let special = result.yield.special
    let capital = result.costModel.capitalNewSchoolPerPlace
    let factor = result.costModel.regionalFactor
    let oneBedroom = development.dwellings(bedrooms: .one)
    var out = "SECTION 106: SPECIALIST (SEND) SCHOOL PLACES\n"
    out += "Development: \(development.name)\n"
    out += "District: \(development.district ?? "not given")\n"
    out += "Local authority: \(result.laName) (\(result.laCode))\n"
    out += "Dwellings: \(NumberFormat.count(Double(development.dwellings))), completing "
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
    out += "Pupil yields: \(result.yield.name).\n\n"
    out += "Pupils expected (dwellings x pupil-yield factors): "
    out +=
      assessment.phases.map { "\($0.phase.label) \(CSVFormat.number($0.pupils, decimals: 1))" }
      .joined(separator: ", ") + ".\n"
    let weighted = development.completions.reduce(0.0) {
      $0 + Double($1.dwellings) * result.yield.multiplier($1.mix)
    }
    out += "Specialist places needed: \(CSVFormat.number(weighted, decimals: 1)) dwellings "
    out += "weighted by type, bedrooms and tenure (of \(development.dwellings)) x "
    out += "\(CSVFormat.number(special.perDwelling.value, decimals: 4)) special/AP pupils per "
    out += "dwelling (DfE pupil yield dashboard, England, 2021/22: pupils of any age in special "
    out += "schools, AP or PRUs and post-16 students with an EHCP up to 25) x "
    out += "\(CSVFormat.number(assessment.adjustment, decimals: 3)) (\(percent(share.share)) of "
    out += "pupils in new-build housing in \(share.name) have an EHCP, "
    out +=
      "\(NumberFormat.count(share.ehcpPupils)) of \(NumberFormat.count(share.totalPupils)), "
    out += "against \(percent(england.share)) in England, DfE pupil yield dashboard "
    out += "\(share.academicYear)) = \(places(assessment.specialistPlaces)) places: "
    out +=
      assessment.phases.filter { PupilYield.specialistPhases.contains($0.phase) }.map {
        "\($0.phase.label) \(places($0.specialistPlaces))"
      }.joined(separator: ", ")
    out += ".\n"
    out += "Spare capacity: \(spareNote(assessment, result: result))\n"
    out += "Places claimed: \(places(assessment.placesClaimed)).\n"
    out += "Cost per specialist place: \(NumberFormat.pounds(assessment.costPerPlace)) = "
    out += "\(NumberFormat.pounds(capital.value)) (\(capital.priceYear) prices) uprated at "
    out += "\(CSVFormat.number(capital.annualInflation * 100, decimals: 2))% a year to "
    out += "\(assessment.contributionYear), the first year of completions, "
    out += "x regional factor \(CSVFormat.number(factor.value, decimals: 2)).\n"
    out += "Contribution sought: \(NumberFormat.pounds(assessment.contribution)) "
    out +=
      "(\(places(assessment.placesClaimed)) places x \(NumberFormat.pounds(assessment.costPerPlace)); "
    out += "with every yield factor and the cost per place at the ends of their ranges "
    out +=
      "\(NumberFormat.pounds(assessment.lowContribution)) to \(NumberFormat.pounds(assessment.highContribution))).\n"
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
    out +=
      "- Special/AP pupils per dwelling: \(CSVFormat.number(special.perDwelling.value, decimals: 6)). "
    out +=
      "Source: \(sentence(special.source)) By dwelling mix: \(sentence(special.multiplierSource))"
    out += " By phase: primary \(percent(special.phaseSplit[.primary] ?? 0)), secondary "
    out += "\(percent(special.phaseSplit[.secondary] ?? 0)), post-16 "
    out +=
      "\(percent(special.phaseSplit[.post16] ?? 0)). Source: \(sentence(special.phaseSplitSource))\n"
    out += "- EHCP share of pupils in new-build housing: \(percent(share.share)) "
    out += "(\(assessment.ehcpShareReason)); England \(percent(england.share)) "
    out +=
      "(\(NumberFormat.count(england.ehcpPupils)) of \(NumberFormat.count(england.totalPupils))). "
    out += "Source: DfE pupil yield dashboard, EHCP table (\(share.source)). Rules: "
    out +=
      "\(sentence(result.yield.districtMinimumPupils.source)) \(sentence(special.adjustmentSource))\n"
    out += "- Capital cost per specialist place: \(NumberFormat.pounds(capital.value)) "
    out +=
      "(range \(NumberFormat.pounds(capital.low)) to \(NumberFormat.pounds(capital.high))). Source: \(capital.source)\n"
    out += "- Regional factor: \(CSVFormat.number(factor.value, decimals: 2)). Source: "
    out += "\(sentence(factor.source))\n"
    out += "- Spare places: the places plan (planned places register against the EHCP "
    out +=
      result.spare.isPhased && !result.spare.checksWhole
      ? "forecast), state special and RP places less demand in each phase; "
      : "forecast), state special and RP places it leaves free once it has placed its "
        + "children, INMS-bound children it moves into spare state special places included; "
    out += "shared out by year of completion, rule \(result.spare.rule.rawValue); "
    out += "\(spareRule(result.spare)).\n"
    return out
  }

  /// Which spare-place rule was used, and why, in words.
  public static func spareRule(_ spare: SpareCapacity) -> String {
    if spare.isPhased && spare.checksWhole {
      return "a spare place offsets a need only if it is spare in the children's own phase "
        + "(primary-age children primary places, secondary-age secondary places, post-16 "
        + "post-16 places) and the state special and RP places as a whole have places free "
        + "that year once the places plan has placed its children (INMS-bound children it "
        + "moves into spare state special places included): spare secondary places do not "
        + "meet a primary need, and a place the LA's own plan fills is not spare"
    }
    if spare.isPhased {
      return "by phase only: primary-age children take only spare primary places, "
        + "secondary-age secondary places and post-16 post-16 places (places less demand in "
        + "the phase), even in a year the setting types as a whole have none free"
    }
    return "every phase together: any spare state special or RP place offsets any need"
  }

  /// A completion year the places plan does not reach: before its first year or after its
  /// last.
  static func outsidePlan<Years: Collection>(_ year: AcademicYear, plan: Years) -> String
  where Years.Element == AcademicYear {
    if let first = plan.min(), year < first {
      return "\(year) is before the places plan (its first year is \(first)), so no spare "
        + "places are assumed"
    }
    return "\(year) is beyond the places plan, so no spare places are assumed"
  }

  /// What the spare places did for a development, year by year, said explicitly.
  public static func spareNote(_ assessment: S106Assessment, result: S106Result) -> String {
    let spare = result.spare
    var parts: [String] = []
    for line in assessment.years where spare.isPhased {
      let year = line.academicYear
      guard spare.initial[year] != nil else {
        parts.append(outsidePlan(year, plan: spare.initial.keys))
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
        } else if spare.checksWhole, (spare.initialWhole?[year] ?? 0) <= 0 {
          phases.append(
            "\(places(forecast)) spare \(name), but none count: state special and RP places as a whole have none free that year once the places plan has placed its children"
          )
        } else {
          phases.append(
            "the \(places(forecast)) spare \(name) are taken by completions earlier or listed before these"
          )
        }
      }
      let whole =
        spare.initialWhole?[year].map {
          " (state special and RP as a whole: \(places($0)) free after the places plan's placements)"
        } ?? ""
      parts.append("\(year)\(whole): " + phases.joined(separator: ", "))
    }
    for line in assessment.years where !spare.isPhased {
      let year = line.academicYear
      guard let forecast = spare.initial[year] else {
        parts.append(outsidePlan(year, plan: spare.initial.keys))
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

}
