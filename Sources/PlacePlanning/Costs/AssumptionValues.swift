import ForecastCore

/// Values for every cost assumption: the central ones, or one Monte Carlo draw.
public struct AssumptionValues: Sendable {
  public var values: [String: Double]

  /// The central values of a cost model.
  public static func central(_ model: CostModel) -> AssumptionValues {
    AssumptionValues(
      values: Dictionary(
        uniqueKeysWithValues: model.assumptions.map { ($0.name, $0.assumption.value) }))
  }

  /// One draw: each assumption from its triangular distribution, in the model's order.
  public static func draw(_ model: CostModel, using generator: inout SeededGenerator)
    -> AssumptionValues
  {
    var values: [String: Double] = [:]
    for (name, assumption) in model.assumptions {
      values[name] = assumption.draw(generator.uniform())
    }
    return AssumptionValues(values: values)
  }

  /// The value for a name, or `fallback`.
  public subscript(name: String, fallback: Double) -> Double { values[name] ?? fallback }
}
