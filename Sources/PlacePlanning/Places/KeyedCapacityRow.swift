/// One row of places against demand broken down by one more key: a register phase
/// (`PhaseCapacityPlanner`) or a designation (`NeedCapacityPlanner`). For planned places P
/// and demand D:
/// ```
/// utilisation = 100 D / P (P > 0),   shortfall/excess = P − D,   P(D > P) from a split log-normal
/// ```
/// Overflow to INMS is a setting-level figure (`CapacityRow`), not broken down.
public struct KeyedCapacityRow<Key: Sendable & Equatable>: Sendable, Equatable {
  public let laCode: String
  public let setting: SettingType
  /// The register phase, or the designation.
  public let key: Key
  public let academicYear: AcademicYear
  public let kind: ForecastRow.Kind
  public let plannedPlaces: Double?
  public let demand: Double
  public let demandLower80: Double?
  public let demandUpper80: Double?
  public let utilisationPercent: Double?
  public let shortfallExcess: Double?
  public let probabilityDemandExceedsPlaces: Double?

  public init(
    laCode: String, setting: SettingType, key: Key, academicYear: AcademicYear,
    kind: ForecastRow.Kind, plannedPlaces: Double?, demand: Double, demandLower80: Double?,
    demandUpper80: Double?, utilisationPercent: Double?, shortfallExcess: Double?,
    probabilityDemandExceedsPlaces: Double?
  ) {
    self.laCode = laCode
    self.setting = setting
    self.key = key
    self.academicYear = academicYear
    self.kind = kind
    self.plannedPlaces = plannedPlaces
    self.demand = demand
    self.demandLower80 = demandLower80
    self.demandUpper80 = demandUpper80
    self.utilisationPercent = utilisationPercent
    self.shortfallExcess = shortfallExcess
    self.probabilityDemandExceedsPlaces = probabilityDemandExceedsPlaces
  }

  /// The row of `planned` places (nil: none in the register) against demand with its 80%
  /// interval, the measures worked out as above.
  init(
    laCode: String, setting: SettingType, key: Key, academicYear: AcademicYear,
    kind: ForecastRow.Kind, planned: Double?, demand: Double, lower80: Double?, upper80: Double?
  ) {
    self.init(
      laCode: laCode, setting: setting, key: key, academicYear: academicYear, kind: kind,
      plannedPlaces: planned, demand: demand, demandLower80: lower80, demandUpper80: upper80,
      utilisationPercent: planned.flatMap { $0 > 0 ? 100 * demand / $0 : nil },
      shortfallExcess: planned.map { $0 - demand },
      probabilityDemandExceedsPlaces: planned.flatMap {
        CapacityPlanner.exceedance(
          places: $0, demand: demand, kind: kind, lower80: lower80, upper80: upper80)
      })
  }
}

extension KeyedCapacityRow where Key == PlacesEntry.Phase {
  /// The register phase.
  public var phase: PlacesEntry.Phase { key }
}

extension KeyedCapacityRow where Key == Designation {
  /// The designation group.
  public var designation: Designation { key }
}
