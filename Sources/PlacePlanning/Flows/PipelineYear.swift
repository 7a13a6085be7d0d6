/// One LA's flow into and out of EHC plans in one calendar year (SEN2), with the rates
/// derived from it.
///
/// Every count is for the calendar year (January–December), published with the following
/// January's census; nil where the cell is suppressed or not yet collected (decisions on
/// requests from 2023, `assessments` from 2022, ceased plans from 2022).
public struct PipelineYear: Sendable, Equatable {
  public var calendarYear: Int
  /// Requests for an EHC needs assessment received (`requests_received_in_year`).
  public var requests: Double?
  /// Requests decided to assess / not to assess (`requests_decided_to_assess`,
  /// `requests_decided_not_to_assess`).
  public var decidedToAssess: Double?
  public var decidedNotToAssess: Double?
  /// Assessments completed in the year (`assess_in_year`).
  public var assessments: Double?
  /// Assessments that ended with a plan issued / with a decision not to issue
  /// (`assess_issued`, `assess_not_issued`).
  public var assessIssued: Double?
  public var assessNotIssued: Double?
  /// New EHC plans issued (`new_ehc_plans`).
  public var newPlans: Double?
  /// % of plans issued within 20 weeks, all plans and excluding exception cases
  /// (`pc_plans_issued_within_20_weeks`, `PC_plans_issued_20_weeks_ex`), 0–100.
  public var within20WeeksPercent: Double?
  public var within20WeeksExceptionsExcludedPercent: Double?
  /// Plans ceased, by reason (`max_age` … `other`) and in total (`total_ceased`).
  public var ceasedByReason: [CeasedReason: Double]
  public var ceased: Double?
  /// Published values left out, and why.
  public var notes: [String] = []

  public init(calendarYear: Int) {
    self.calendarYear = calendarYear
    self.ceasedByReason = [:]
  }

  /// Request → assessment conversion: `decidedToAssess ÷ requests`, a fraction 0–1.
  public var requestToAssessment: Double? { Self.ratio(decidedToAssess, requests) }

  /// Assessment → plan conversion: `assessIssued ÷ (assessIssued + assessNotIssued)`, 0–1.
  public var assessmentToPlan: Double? {
    guard let issued = assessIssued, let notIssued = assessNotIssued else { return nil }
    return Self.ratio(issued, issued + notIssued)
  }

  /// Request → plan conversion: `newPlans ÷ requests` in the same calendar year, 0–1. Plans
  /// issued early in a year come partly from the previous year's requests (the statutory
  /// timescale is 20 weeks), so this is a ratio of flows, not a cohort's outcome.
  public var requestToPlan: Double? { Self.ratio(newPlans, requests) }

  static func ratio(_ numerator: Double?, _ denominator: Double?) -> Double? {
    guard let numerator, let denominator, denominator > 0 else { return nil }
    return numerator / denominator
  }
}
