import Foundation

/// The unit costs placeplan projects with, each with its range and source.
///
/// Cash figures are in the money of each year (each line uprated by its own inflation);
/// net present values deflate them by `generalInflation` to `priceBase` prices and discount
/// at the HM Treasury Green Book real rate.
public struct CostModel: Sendable {
  public let priceBase: AcademicYear
  /// General inflation used to turn cash into real terms (0.02 = 2%).
  public let generalInflation: Double
  /// Real discount rate (Green Book: 0.035).
  public let discountRate: Double
  /// Average annual cost of an INMS placement, £.
  public internal(set) var inmsFeePerPlacement: CostAssumption
  /// SEND home-to-school transport, £ per transported child per year.
  public let transportPerChild: CostAssumption
  /// Share of EHCP children transported, by setting type (0–1).
  public let transportedShare: [SettingType: CostAssumption]
  /// State special place: place funding and average top-up, £ per place per year.
  public let specialPlaceFunding: CostAssumption
  public let specialTopUp: CostAssumption
  /// RP/SEN unit place: place funding and average top-up, £ per place per year.
  public let rpPlaceFunding: CostAssumption
  public let rpTopUp: CostAssumption
  /// Capital cost per new specialist place, £: a new school and an expansion.
  public let capitalNewSchoolPerPlace: CostAssumption
  public let capitalExpansionPerPlace: CostAssumption
  /// Regional factor on capital costs (the LA's build cost ÷ England's).
  public internal(set) var regionalFactor: CostAssumption
  /// Capital cost per new RP/SEN unit place, £; nil: RP places are costed as specialist
  /// expansions (`capitalExpansionPerPlace`).
  public internal(set) var capitalRPPerPlace: CostAssumption?

  public init(
    priceBase: AcademicYear, generalInflation: Double, discountRate: Double,
    inmsFeePerPlacement: CostAssumption, transportPerChild: CostAssumption,
    transportedShare: [SettingType: CostAssumption], specialPlaceFunding: CostAssumption,
    specialTopUp: CostAssumption, rpPlaceFunding: CostAssumption, rpTopUp: CostAssumption,
    capitalNewSchoolPerPlace: CostAssumption, capitalExpansionPerPlace: CostAssumption,
    regionalFactor: CostAssumption
  ) {
    self.priceBase = priceBase
    self.generalInflation = generalInflation
    self.discountRate = discountRate
    self.inmsFeePerPlacement = inmsFeePerPlacement
    self.transportPerChild = transportPerChild
    self.transportedShare = transportedShare
    self.specialPlaceFunding = specialPlaceFunding
    self.specialTopUp = specialTopUp
    self.rpPlaceFunding = rpPlaceFunding
    self.rpTopUp = rpTopUp
    self.capitalNewSchoolPerPlace = capitalNewSchoolPerPlace
    self.capitalExpansionPerPlace = capitalExpansionPerPlace
    self.regionalFactor = regionalFactor
  }

  /// The same model with an LA's regional factor.
  public func withRegionalFactor(_ factor: CostAssumption) -> CostModel {
    var copy = self
    copy.regionalFactor = factor
    return copy
  }

  /// The same model with a capital cost per RP/SEN unit place.
  public func withRPCapital(_ cost: CostAssumption?) -> CostModel {
    var copy = self
    copy.capitalRPPerPlace = cost
    return copy
  }

  /// The same model with the INMS fee set from an LA's own average `value` at `priceYear`,
  /// uprated to the price base at the fee's inflation; the range keeps its proportions.
  public func calibratingINMSFee(_ value: Double, priceYear: AcademicYear, source: String)
    -> CostModel
  {
    let fee = inmsFeePerPlacement
    let uprated =
      value * pow(1 + fee.annualInflation, Double(priceBase.startYear - priceYear.startYear))
    let scale = fee.value > 0 ? uprated / fee.value : 1
    var copy = self
    copy.inmsFeePerPlacement = CostAssumption(
      value: uprated, low: fee.low * scale, high: fee.high * scale, priceYear: priceBase,
      annualInflation: fee.annualInflation,
      source: "\(source), uprated at \(fee.annualInflation * 100)% a year")
    return copy
  }

  /// What an assumption's number is, for showing it: pounds, a share (0–1) or a factor.
  public enum AssumptionUnit: Sendable {
    case pounds, share, factor
  }

  /// The unit of an assumption named as in `assumptions`.
  public static func unit(ofAssumption name: String) -> AssumptionUnit {
    if name == "regional_factor" { return .factor }
    if name.hasPrefix("transported_share.") { return .share }
    return .pounds
  }

  /// Every assumption with its name, for the provenance and the Monte Carlo.
  public var assumptions: [(name: String, assumption: CostAssumption)] {
    var list: [(String, CostAssumption)] = [
      ("inms_fee_per_placement", inmsFeePerPlacement),
      ("transport_per_child", transportPerChild),
      ("special_place_funding", specialPlaceFunding), ("special_top_up", specialTopUp),
      ("rp_place_funding", rpPlaceFunding), ("rp_top_up", rpTopUp),
      ("capital_new_school_per_place", capitalNewSchoolPerPlace),
      ("capital_expansion_per_place", capitalExpansionPerPlace),
    ]
    if let capitalRPPerPlace { list.append(("capital_rp_per_place", capitalRPPerPlace)) }
    list.append(("regional_factor", regionalFactor))
    for setting in SettingType.allCases {
      if let share = transportedShare[setting] {
        list.append(("transported_share.\(setting.rawValue)", share))
      }
    }
    return list
  }
}
