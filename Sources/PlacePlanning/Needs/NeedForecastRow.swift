/// A forecast (or census) row for one setting type and primary need, and, where need is
/// broken down within age phase, one phase.
public struct NeedForecastRow: Sendable, Equatable {
  public let row: ForecastRow
  public let need: PrimaryNeed
  /// The need's share of the setting type that year (0–1); of the setting type's phase,
  /// when the row has one.
  public let share: Double
  /// The age phase, for need within phase; nil otherwise.
  public let phase: AgePhase?

  public init(row: ForecastRow, need: PrimaryNeed, share: Double, phase: AgePhase? = nil) {
    self.row = row
    self.need = need
    self.share = share
    self.phase = phase
  }
}
