import ForecastCore

/// Holds the forecast against the planned places and sends unmet demand to INMS.
///
/// For a setting type with planned places P (state special, RP/SEN unit, AP/PRU, FE) and
/// demand D in an academic year:
/// ```
/// utilisation = 100 D / P,   shortfall/excess = P − D
/// overflow    = s · max(0, D − P)     for state special and RP (s = overflow share), else 0
/// placed      = D − overflow          (= min(D, P) when s = 1)
/// from INMS   = min(max(0, P − D), q · INMS demand)      state special only (q = inmsToSpare)
/// INMS placed = INMS demand + Σ overflow − from INMS
/// ```
/// Spare state special places take children the forecast would otherwise place in INMS, up
/// to the share q of INMS demand: an INMS placement is often made because no state place
/// was free, so a free place keeps some of them in the state sector (the baseline and every
/// scenario alike; state special placed = D + from INMS).
/// With s < 1 the unmet demand not sent to INMS stays on the setting's roll above its
/// places (temporary arrangements), so placed numbers still add up to the total.
/// P(D > P) comes from a split log-normal through the forecast's median and 80% interval.
/// In the baseline year (a census count) children are already placed: nothing overflows.
/// Demand is the LA's own EHCP children wanting that setting type (January census of the
/// academic year), so the register should hold the places the LA commissions for them.
public struct CapacityPlanner: Sendable {
  /// The share of unmet state special and RP demand that is placed in INMS (0…1); the rest
  /// is assumed to stay in mainstream or wait.
  public let overflowShare: Double
  /// The setting types whose unmet demand overflows to INMS.
  public static let overflowingSettings: [SettingType] = [.specialState, .rpSENUnit]

  /// The share of INMS demand that spare state special places can take (0…1).
  public let inmsToSpare: Double

  public init(overflowShare: Double = 1, inmsToSpare: Double = 0) {
    self.overflowShare = min(max(overflowShare, 0), 1)
    self.inmsToSpare = min(max(inmsToSpare.isFinite ? inmsToSpare : 0, 0), 1)
  }

  /// Capacity rows per setting type in the register and INMS, for the forecast's last
  /// census (baseline) and each forecast year.
  public func plan(forecast: LAForecast, register: PlacesRegister, codes: [String]) -> [CapacityRow]
  {
    // An LA with no register rows still gets its state special and RP demand (places
    // unknown), not INMS alone.
    let registered = register.settingTypes(codes: codes)
    let settings = registered.isEmpty ? Self.overflowingSettings : registered
    let years =
      [forecast.throughYear]
      + Array(Set(forecast.rows.filter { $0.kind == .forecast }.map(\.censusYear))).sorted()
    var rows: [CapacityRow] = []
    var overflowByYear: [Int: Double] = [:]
    var movedByYear: [Int: Double] = [:]
    func inmsDemand(_ censusYear: Int) -> Double {
      forecast.rows.first { $0.setting == .inms && $0.censusYear == censusYear }?.value ?? 0
    }
    for setting in settings {
      for censusYear in years {
        guard
          let demandRow = forecast.rows.first(where: {
            $0.setting == setting && $0.censusYear == censusYear
          })
        else { continue }
        let year = AcademicYear(censusYear: censusYear)
        let places = register.plannedPlaces(codes: codes, setting: setting, year: year)
        let demand = demandRow.value
        var placed = demand
        var overflow = 0.0
        var moved = 0.0
        var probability: Double?
        if let places, demandRow.kind == .forecast {
          if Self.overflowingSettings.contains(setting) {
            overflow = overflowShare * max(0, demand - places)
          }
          if setting == .specialState {
            moved = min(max(0, places - demand), inmsToSpare * inmsDemand(censusYear))
          }
          placed = demand - overflow + moved
        }
        movedByYear[censusYear, default: 0] += moved
        if let places {
          probability = Self.exceedance(
            places: places, demand: demand, kind: demandRow.kind, lower80: demandRow.lower80,
            upper80: demandRow.upper80)
        }
        overflowByYear[censusYear, default: 0] += overflow
        let actual = register.actualPlacements(codes: codes, setting: setting, year: year)
        rows.append(
          CapacityRow(
            laCode: forecast.laCode, setting: setting, academicYear: year, kind: demandRow.kind,
            plannedPlaces: places, demand: demand, demandLower80: demandRow.lower80,
            demandUpper80: demandRow.upper80, placed: placed, overflowToINMS: overflow,
            utilisationPercent: places.flatMap { $0 > 0 ? 100 * demand / $0 : nil },
            shortfallExcess: places.map { $0 - demand },
            probabilityDemandExceedsPlaces: probability, actualPlacements: actual,
            actualUtilisationPercent: places.flatMap { places in
              actual.flatMap { places > 0 ? 100 * $0 / places : nil }
            }, movedFromINMS: moved))
      }
    }
    for censusYear in years {
      guard
        let demandRow = forecast.rows.first(where: {
          $0.setting == .inms && $0.censusYear == censusYear
        })
      else { continue }
      let overflow = overflowByYear[censusYear] ?? 0
      let moved = movedByYear[censusYear] ?? 0
      rows.append(
        CapacityRow(
          laCode: forecast.laCode, setting: .inms,
          academicYear: AcademicYear(censusYear: censusYear),
          kind: demandRow.kind, plannedPlaces: nil, demand: demandRow.value,
          demandLower80: demandRow.lower80, demandUpper80: demandRow.upper80,
          placed: demandRow.value + overflow - moved, overflowToINMS: overflow,
          utilisationPercent: nil, shortfallExcess: nil, probabilityDemandExceedsPlaces: nil,
          actualPlacements: nil, actualUtilisationPercent: nil, movedFromINMS: moved))
    }
    return rows
  }

  /// P(demand > places): 0 or 1 for a census count; for a forecast, from the split
  /// log-normal through its median and 80% interval (nil without an interval).
  static func exceedance(
    places: Double, demand: Double, kind: ForecastRow.Kind, lower80: Double?, upper80: Double?
  ) -> Double? {
    guard kind == .forecast else { return demand > places ? 1 : 0 }
    guard let lower80, let upper80,
      let distribution = SplitLogNormal(
        median: demand, lower80: max(lower80, 1e-9), upper80: upper80)
    else { return nil }
    return distribution.exceedanceProbability(places)
  }
}
