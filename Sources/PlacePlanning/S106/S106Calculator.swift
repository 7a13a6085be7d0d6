/// Works out the specialist-place part of Section 106 contributions for a housing trajectory.
///
/// For a development d, a phase p and an academic year of completions y:
/// ```
/// pupils(d,p,y)     = Σ_mix dwellings(d,mix,y) × yield(mix,p)                      pupils
/// need(d,p,y)       = Σ_mix dwellings(d,mix,y) × y_special × m(mix) × r(d) × split(p)  places
/// offset(d,p,y)     = min(need(d,p,y), places spare in phase p and in the setting
///                     types as a whole in year y)        (see `SpareCapacity`)    places
/// claimed(d,p)      = round₂(Σ_y need) − round₂(Σ_y offset)                        places
/// cost(d)           = round₀(C (1 + i)^(y₀ − base) × r_region)                      £ per place
/// contribution(d,p) = round₀(claimed(d,p) × cost(d))                               £
/// contribution(d)   = round₀(Σ_p claimed(d,p) × cost(d))                           £
/// ```
/// `y_special` is DfE's special/AP yield per dwelling (England), `m` the mix's relative
/// yield, `r(d) = e(area)/e(England)` the ratio of the share of pupils in new-build housing
/// with an EHCP in the development's district (or the LA when the district is not given or
/// has too few pupils in the dashboard) to England's, `split` the special yield's shares by
/// phase (`PupilYield.Special`), `C` the capital cost per new specialist place (DfE: 4 × a
/// primary new-school place) at its price base with inflation `i`, `y₀` the development's
/// first year of completions and `r_region` the LA's regional factor. Places are rounded to
/// 0.01 and pounds to £1 as printed, so a consultant can redo every row: contribution =
/// places claimed × cost per place, to the pound.
///
/// Spare places are shared out by year of completion, then in the order developments are
/// given, each taking what it needs before the next (see `SpareCapacity`), so no spare place
/// offsets two claims. Pupils are counted in the year their dwellings complete (the
/// development's yield once occupied).
public struct S106Calculator: Sendable {
  public let yield: PupilYield
  public let ehcpShares: NewBuildEHCPShares
  /// The LA's own row of the dashboard (latest year), and England's.
  public let laEHCPShare: NewBuildEHCPShares.Area
  public let englandEHCPShare: NewBuildEHCPShares.Area
  public let laCode: String
  public let laName: String
  /// The cost model with the LA's regional factor.
  public let costModel: CostModel

  public init(
    yield: PupilYield, ehcpShares: NewBuildEHCPShares, laEHCPShare: NewBuildEHCPShares.Area,
    englandEHCPShare: NewBuildEHCPShares.Area, laCode: String, laName: String,
    costModel: CostModel
  ) {
    self.yield = yield
    self.ehcpShares = ehcpShares
    self.laEHCPShare = laEHCPShare
    self.englandEHCPShare = englandEHCPShare
    self.laCode = laCode
    self.laName = laName
    self.costModel = costModel
  }

  /// `r = e(area) / e(England)`: the development's area's EHCP share against England's.
  public func adjustment(for development: Development) -> Double {
    let england = englandEHCPShare.share
    return england > 0 ? ehcpShare(for: development).area.share / england : 1
  }

  /// The EHCP share for a development and why: its district's latest share when the
  /// district has at least the minimum pupils in new-build housing, otherwise the LA's.
  public func ehcpShare(for development: Development) -> (
    area: NewBuildEHCPShares.Area, reason: String
  ) {
    guard let district = development.district else {
      return (laEHCPShare, "no district given: \(laEHCPShare.name)'s share")
    }
    guard let area = ehcpShares.latest(district, level: .district) else {
      return (
        laEHCPShare, "\(district) is not a district in the dashboard: \(laEHCPShare.name)'s share"
      )
    }
    let minimum = yield.districtMinimumPupils.value
    guard area.totalPupils >= minimum else {
      return (
        laEHCPShare,
        "\(area.name) has \(grouped(area.totalPupils)) pupils in new-build housing, fewer than \(grouped(minimum)): \(laEHCPShare.name)'s share"
      )
    }
    return (
      area, "\(area.name)'s own share (\(grouped(area.totalPupils)) pupils in new-build housing)"
    )
  }

  /// Capital cost per specialist place in the cash of `year`, regional factor applied, £:
  /// `C (1 + i)^(year − priceYear) × r`, with C at the level's end of its range.
  public func costPerPlace(in year: AcademicYear, level: PupilYield.Level = .central) -> Double {
    let capital = costModel.capitalNewSchoolPerPlace
    let base: Double
    switch level {
    case .low: base = capital.low
    case .central: base = capital.value
    case .high: base = capital.high
    }
    return capital.cash(in: year, value: base) * costModel.regionalFactor.value
  }

  /// Assessments for the developments, in the order given, with the trajectory's totals.
  public func assess(_ developments: [Development], spare: SpareCapacity) -> S106Result {
    let central = pass(developments, spare: spare, level: .central)
    let low = pass(developments, spare: spare, level: .low)
    let high = pass(developments, spare: spare, level: .high)
    var assessments: [S106Assessment] = []
    for (index, development) in developments.enumerated() {
      let lines = central[index]
      let share = ehcpShare(for: development)
      let years = lines.years
      let phases = Self.phaseLines(years, costPerPlace: lines.costPerPlace)
      let yearLines = years.map { year in
        let need = year.need.values.reduce(0, +)
        let offset = year.offset.values.reduce(0, +)
        return S106Assessment.YearLine(
          academicYear: year.academicYear, dwellings: year.dwellings,
          pupils: year.pupils.values.reduce(0, +), specialistPlaces: need,
          spareAvailable: year.spareAvailable, spareOffset: offset,
          spareAvailableByPool: year.spareAvailableByPool, spareOffsetByPhase: year.offset,
          placesClaimed: need - offset, contribution: (need - offset) * lines.costPerPlace)
      }
      assessments.append(
        S106Assessment(
          development: development, ehcpShare: share.area, ehcpShareReason: share.reason,
          adjustment: adjustment(for: development),
          contributionYear: lines.contributionYear, costPerPlace: lines.costPerPlace,
          phases: phases, years: yearLines,
          lowContribution: S106Assessment.total(
            Self.phaseLines(low[index].years, costPerPlace: low[index].costPerPlace),
            costPerPlace: low[index].costPerPlace),
          highContribution: S106Assessment.total(
            Self.phaseLines(high[index].years, costPerPlace: high[index].costPerPlace),
            costPerPlace: high[index].costPerPlace)))
    }
    let allYears = Array(Set(assessments.flatMap { $0.years.map(\.academicYear) })).sorted()
    let trajectory = allYears.map { year in
      let lines = assessments.compactMap { $0.years.first { $0.academicYear == year } }
      return S106Result.TrajectoryYear(
        academicYear: year, dwellings: lines.reduce(0) { $0 + $1.dwellings },
        pupils: lines.reduce(0) { $0 + $1.pupils },
        specialistPlaces: lines.reduce(0) { $0 + $1.specialistPlaces },
        sparePlaces: spare.initial[year] ?? 0, spareOffset: lines.reduce(0) { $0 + $1.spareOffset },
        placesClaimed: lines.reduce(0) { $0 + $1.placesClaimed },
        contribution: lines.reduce(0) { $0 + $1.contribution })
    }
    return S106Result(
      laCode: laCode, laName: laName, assessments: assessments, trajectory: trajectory,
      yield: yield, laEHCPShare: laEHCPShare, englandEHCPShare: englandEHCPShare,
      costModel: costModel, spare: spare)
  }

  /// Phase lines over a development's years, rounded as printed: places to 0.01 (claimed =
  /// rounded need − rounded offset), contributions to £1 at the whole-pound cost per place.
  private static func phaseLines(_ years: [YearWork], costPerPlace: Double)
    -> [S106Assessment.PhaseLine]
  {
    PupilYield.Phase.allCases.map { phase in
      let pupils = years.reduce(0) { $0 + ($1.pupils[phase] ?? 0) }
      let need = S106Assessment.places(years.reduce(0) { $0 + ($1.need[phase] ?? 0) })
      let offset = S106Assessment.places(years.reduce(0) { $0 + ($1.offset[phase] ?? 0) })
      let claimed = S106Assessment.places(need - offset)
      return S106Assessment.PhaseLine(
        phase: phase, pupils: pupils, specialistPlaces: need, spareOffset: offset,
        placesClaimed: claimed, contribution: (claimed * costPerPlace).rounded())
    }
  }

  // MARK: - One pass at one level of the ranges

  private struct YearWork {
    let academicYear: AcademicYear
    let dwellings: Int
    var pupils: [PupilYield.Phase: Double]
    var need: [PupilYield.Phase: Double]
    var offset: [PupilYield.Phase: Double] = [:]
    var spareAvailable = 0.0
    var spareAvailableByPool: [SpareCapacity.Pool: Double] = [:]
  }

  private struct DevelopmentWork {
    let contributionYear: AcademicYear
    let costPerPlace: Double
    var years: [YearWork]
  }

  /// Pupils, need and offsets for every development at one level, spare places shared out
  /// by year of completion then by the order given.
  private func pass(_ developments: [Development], spare: SpareCapacity, level: PupilYield.Level)
    -> [DevelopmentWork]
  {
    var work: [DevelopmentWork] = developments.map { development in
      let ratio = adjustment(for: development)
      let years = development.years.map { year in
        let rows = development.completions.filter { $0.academicYear == year }
        var pupils: [PupilYield.Phase: Double] = [:]
        var need: [PupilYield.Phase: Double] = [:]
        let special = rows.reduce(0) {
          $0 + Double($1.dwellings) * yield.specialPerDwelling($1.mix, level: level)
        }
        for phase in PupilYield.Phase.allCases {
          pupils[phase] = rows.reduce(0) {
            $0 + Double($1.dwellings) * yield.pupilsPerDwelling($1.mix, phase: phase, level: level)
          }
          need[phase] = special * ratio * (yield.special.phaseSplit[phase] ?? 0)
        }
        return YearWork(
          academicYear: year, dwellings: rows.reduce(0) { $0 + $1.dwellings }, pupils: pupils,
          need: need)
      }
      let first = development.firstYear ?? spare.years.first ?? costModel.priceBase
      return DevelopmentWork(
        contributionYear: first, costPerPlace: costPerPlace(in: first, level: level).rounded(),
        years: years)
    }
    var ledger = spare
    let events = work.indices.flatMap { index in
      work[index].years.indices.map { (development: index, year: $0) }
    }.sorted {
      let left = work[$0.development].years[$0.year].academicYear
      let right = work[$1.development].years[$1.year].academicYear
      return left != right ? left < right : $0.development < $1.development
    }
    for event in events {
      var year = work[event.development].years[event.year]
      year.spareAvailable = ledger.available(in: year.academicYear)
      for pool in ledger.initialByPool.keys {
        year.spareAvailableByPool[pool] = ledger.available(in: year.academicYear, pool: pool)
      }
      if ledger.isPhased {
        for phase in PupilYield.Phase.allCases {
          let need = year.need[phase] ?? 0
          guard let pool = ledger.pool(for: phase) else {
            year.offset[phase] = 0
            continue
          }
          year.offset[phase] = ledger.take(upTo: need, arrivingIn: year.academicYear, pool: pool)
        }
      } else {
        let need = year.need.values.reduce(0, +)
        let taken = ledger.take(upTo: need, arrivingIn: year.academicYear)
        for phase in PupilYield.Phase.allCases {
          year.offset[phase] = need > 0 ? taken * (year.need[phase] ?? 0) / need : 0
        }
      }
      work[event.development].years[event.year] = year
    }
    return work
  }
}

/// A whole number with thousands separators, for the reasons given in words.
/// Formats without converting to `Int`, so a huge or non-finite value cannot trap.
private func grouped(_ value: Double) -> String {
  guard value.isFinite else { return String(value) }
  let digits = String(format: "%.0f", abs(value).rounded())
  var out = ""
  for (index, digit) in digits.enumerated() {
    if index > 0 && (digits.count - index) % 3 == 0 { out += "," }
    out.append(digit)
  }
  return (value < 0 ? "-" : "") + out
}
