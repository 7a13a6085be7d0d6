import ArgumentParser

/// The Monte Carlo behind a business case's NPV and payback ranges.
struct BusinessCaseOptions: ParsableArguments {
  @Option(help: "Monte Carlo draws for the NPV and payback ranges (0: none).")
  var draws: Int = 500

  @Option(help: "Random seed for the ranges; the same seed gives the same output.")
  var seed: UInt64 = 20_250_101

  func validate() throws {
    guard (0...100_000).contains(draws) else {
      throw ValidationError("--draws must be 0 to 100000, got \(draws)")
    }
  }

  /// The model options with the horizon a business case needs: at least
  /// `CostOptions.businessCaseYears`.
  static func horizon(_ model: ModelOptions) -> ModelOptions {
    var options = model
    options.horizon = max(model.horizon, CostOptions.businessCaseYears)
    return options
  }
}
