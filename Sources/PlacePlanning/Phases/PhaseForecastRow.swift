/// A forecast (or census) row for one setting type and age phase.
public struct PhaseForecastRow: Sendable, Equatable {
  public let row: ForecastRow
  public let phase: AgePhase
  /// The phase's share of the setting type that year (0–1).
  public let share: Double
}
