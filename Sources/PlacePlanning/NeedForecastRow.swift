/// A forecast (or census) row for one setting type and primary need.
public struct NeedForecastRow: Sendable, Equatable {
  public let row: ForecastRow
  public let need: PrimaryNeed
  /// The need's share of the setting type that year (0–1).
  public let share: Double
}
