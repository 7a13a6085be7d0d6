/// Demand against planned places for one setting type in one academic year.
public struct CapacityRow: Sendable, Equatable {
  public let laCode: String
  public let setting: SettingType
  public let academicYear: AcademicYear
  /// Whether demand is a census count (the baseline) or a forecast.
  public let kind: ForecastRow.Kind
  /// Planned places; nil for INMS and where the register has none.
  public let plannedPlaces: Double?
  /// Unconstrained demand (EHCPs wanting this setting type) and its 80% interval.
  public let demand: Double
  public let demandLower80: Double?
  public let demandUpper80: Double?
  /// Children placed: min(demand, places) for capacity-limited types; for INMS its own
  /// demand plus the overflow from full state special and RP places.
  public let placed: Double
  /// Demand above places sent to INMS (for INMS: the overflow it receives).
  public let overflowToINMS: Double
  /// Demand ÷ places, %.
  public let utilisationPercent: Double?
  /// Places − demand: negative is a shortfall.
  public let shortfallExcess: Double?
  /// P(demand > places), from the forecast distribution (0 or 1 for census counts).
  public let probabilityDemandExceedsPlaces: Double?
  /// Children actually placed, from the register, and actual ÷ places, %.
  public let actualPlacements: Double?
  public let actualUtilisationPercent: Double?
  /// Children the forecast placed in INMS who take spare state special places instead
  /// (state special: taken in; INMS: moved out).
  public internal(set) var movedFromINMS: Double = 0
}
