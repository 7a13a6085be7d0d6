/// A cost model with the regional factors of every LA it knows.
public struct CostModelSet: Sendable {
  public let base: CostModel
  /// LA code → regional factor on capital costs.
  public let regionalFactors: [String: Double]
  public let factorSource: String

  public init(base: CostModel, regionalFactors: [String: Double], factorSource: String) {
    self.base = base
    self.regionalFactors = regionalFactors
    self.factorSource = factorSource
  }

  /// The model for an LA (any of its codes); factor 1.0 when it is not listed.
  public func model(for codes: [String]) -> CostModel {
    let factor = codes.lazy.compactMap { regionalFactors[$0] }.first
    return base.withRegionalFactor(
      CostAssumption(
        value: factor ?? 1, priceYear: base.priceBase,
        source: factor == nil ? "LA not listed: factor 1.0" : factorSource))
  }
}
