/// Why an EHC plan ceased, as SEN2 `ceased_plans.csv` records it (its column names).
public enum CeasedReason: String, CaseIterable, Sendable, Codable {
  /// The young person reached the maximum age (25).
  case maxAge = "max_age"
  /// Needs met without a plan.
  case needsMet = "needs_met"
  /// Moved to higher education.
  case higherEducation = "he"
  /// Moved to paid employment.
  case employment = "employ"
  /// Transferred to another LA (the receiving LA's caseload rises without a new plan).
  case transfer
  /// The young person no longer wished to engage in education or training.
  case noEngagement = "no_engage"
  /// Moved outside England.
  case movedOutsideEngland = "moved_outside_eng"
  case deceased
  /// Ceased for other reasons. The column names read the wrong way round, but the release's
  /// data guidance (`ehcp2025_data-guidance.txt`, ceased_plans.csv) defines them so:
  /// `not_rec` "Number ceased for other reasons", `other` "Number where reason is not
  /// recorded".
  case otherReason = "not_rec"
  /// Reason not recorded (column `other`; see `otherReason`).
  case notRecorded = "other"
}
