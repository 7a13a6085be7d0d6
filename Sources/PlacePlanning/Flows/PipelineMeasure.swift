/// A measure of the EHC pipeline, as named in CSV and JSON output.
///
/// Counts are for a calendar year; `caseload` is the January census of the row's year;
/// rates `_per_10k` are per 10,000 residents aged 0–25 at mid-year; `_pct` are 0–100.
public enum PipelineMeasure: String, CaseIterable, Sendable, Codable {
  case requests
  case requestsPer10k = "requests_per_10k"
  case decidedToAssess = "decided_to_assess"
  case decidedNotToAssess = "decided_not_to_assess"
  case assessments
  case assessIssued = "assess_issued"
  case assessNotIssued = "assess_not_issued"
  case newPlans = "new_plans"
  case newPlansPer10k = "new_plans_per_10k"
  case within20WeeksPercent = "within_20_weeks_pct"
  case within20WeeksExceptionsExcludedPercent = "within_20_weeks_ex_pct"
  case requestToAssessmentPercent = "request_to_assessment_pct"
  case assessmentToPlanPercent = "assessment_to_plan_pct"
  case requestToPlanPercent = "request_to_plan_pct"
  case ceased
  case ceasedMaxAge = "ceased_max_age"
  case ceasedNeedsMet = "ceased_needs_met"
  case ceasedHigherEducation = "ceased_he"
  case ceasedEmployment = "ceased_employ"
  case ceasedTransfer = "ceased_transfer"
  case ceasedNoEngagement = "ceased_no_engage"
  case ceasedMovedOutsideEngland = "ceased_moved_outside_eng"
  case ceasedDeceased = "ceased_deceased"
  case ceasedOtherReason = "ceased_not_rec"
  case ceasedNotRecorded = "ceased_other"
  /// Ceased plans ÷ the January caseload of the same year, %.
  case ceasedRatePercent = "ceased_rate_pct"
  /// Ceased plans by age when the plan ceased, as a % of the January caseload of the age
  /// phase (`CohortComponents.ceasedRate`; published from calendar year 2023).
  case ceasedRateEarlyYearsPercent = "ceased_rate_0_4_pct"
  case ceasedRatePrimaryPercent = "ceased_rate_5_10_pct"
  case ceasedRateSecondaryPercent = "ceased_rate_11_15_pct"
  case ceasedRatePost16Percent = "ceased_rate_16_18_pct"
  case ceasedRatePost19Percent = "ceased_rate_19_25_pct"
  /// The January census of the row's year (EHCPs).
  case caseload
  /// `C(Y+1) − C(Y) − N(Y) + X(Y)`: what the flow identity misses in calendar year Y
  /// (EHCPs); as a forecast, the balancing term `B`.
  case flowResidual = "flow_residual"

  /// The measure in words, for tables (CSV and JSON keep `rawValue`).
  public var label: String {
    switch self {
    case .requests: return "Requests for assessment"
    case .requestsPer10k: return "Requests per 10k aged 0-25"
    case .decidedToAssess: return "Decided to assess"
    case .decidedNotToAssess: return "Decided not to assess"
    case .assessments: return "Assessments completed"
    case .assessIssued: return "Assessed: plan issued"
    case .assessNotIssued: return "Assessed: no plan"
    case .newPlans: return "New plans"
    case .newPlansPer10k: return "New plans per 10k aged 0-25"
    case .within20WeeksPercent: return "New plans within 20 weeks %"
    case .within20WeeksExceptionsExcludedPercent: return "Within 20 weeks, excl. exceptions %"
    case .requestToAssessmentPercent: return "Requests assessed %"
    case .assessmentToPlanPercent: return "Assessments ending in a plan %"
    case .requestToPlanPercent: return "Requests ending in a plan %"
    case .ceased: return "Plans ceased"
    case .ceasedMaxAge: return "Ceased: reached 25"
    case .ceasedNeedsMet: return "Ceased: needs met"
    case .ceasedHigherEducation: return "Ceased: higher education"
    case .ceasedEmployment: return "Ceased: paid employment"
    case .ceasedTransfer: return "Ceased: moved to another LA"
    case .ceasedNoEngagement: return "Ceased: no longer engaging"
    case .ceasedMovedOutsideEngland: return "Ceased: moved outside England"
    case .ceasedDeceased: return "Ceased: deceased"
    case .ceasedOtherReason: return "Ceased: other reason"
    case .ceasedNotRecorded: return "Ceased: reason not recorded"
    case .ceasedRatePercent: return "Ceased % of January caseload"
    case .ceasedRateEarlyYearsPercent: return "Ceased % at ages 0-4"
    case .ceasedRatePrimaryPercent: return "Ceased % at ages 5-10"
    case .ceasedRateSecondaryPercent: return "Ceased % at ages 11-15"
    case .ceasedRatePost16Percent: return "Ceased % at ages 16-18"
    case .ceasedRatePost19Percent: return "Ceased % at ages 19-25"
    case .caseload: return "EHCPs (January census)"
    case .flowResidual: return "Flow residual (transfers, timing)"
    }
  }

  /// The measure of the plans ceased for a reason.
  public static func ceased(_ reason: CeasedReason) -> PipelineMeasure {
    switch reason {
    case .maxAge: return .ceasedMaxAge
    case .needsMet: return .ceasedNeedsMet
    case .higherEducation: return .ceasedHigherEducation
    case .employment: return .ceasedEmployment
    case .transfer: return .ceasedTransfer
    case .noEngagement: return .ceasedNoEngagement
    case .movedOutsideEngland: return .ceasedMovedOutsideEngland
    case .deceased: return .ceasedDeceased
    case .otherReason: return .ceasedOtherReason
    case .notRecorded: return .ceasedNotRecorded
    }
  }

  /// The ceased rate of an age phase.
  public static func ceasedRate(_ phase: AgePhase) -> PipelineMeasure {
    switch phase {
    case .earlyYears: return .ceasedRateEarlyYearsPercent
    case .primary: return .ceasedRatePrimaryPercent
    case .secondary: return .ceasedRateSecondaryPercent
    case .post16: return .ceasedRatePost16Percent
    case .post19: return .ceasedRatePost19Percent
    }
  }

  /// The age phase of a ceased rate by phase; nil for other measures.
  public var ceasedPhase: AgePhase? {
    AgePhase.allCases.first { Self.ceasedRate($0) == self }
  }

  /// Whether values are percentages or rates (written with one decimal) rather than counts.
  public var isRate: Bool {
    rawValue.hasSuffix("_pct") || rawValue.hasSuffix("_per_10k")
  }
}
