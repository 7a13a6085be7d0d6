import ArgumentParser
import PlacePlanning

/// How to forecast, shared by the commands that build on a forecast.
struct ModelOptions: ParsableArguments {
  @Option(help: "Use only censuses up to this January (for honest backtests).")
  var through: Int?

  @Option(help: "Census years to forecast ahead (1-15).")
  var horizon: Int = 5

  @Option(
    help:
      "Forecast method: \(ForecastMethod.allCases.map(\.rawValue).joined(separator: ", ")).")
  var method: ForecastMethod = .auto

  @Option(
    help:
      "First census of a trend method's window (default 2019, or the last five censuses before 2021)."
  )
  var from: Int?

  @Option(
    help: ArgumentHelp(
      "Forecast from the LA's own child-level records instead of the published aggregates: a folder with transitions.csv, population.csv, valid-states.csv and setting-types.csv (see child project).",
      valueName: "folder"))
  var childModel: String?

  @Option(help: "Simulations of the child-level model with --child-model.")
  var childSimulations: Int = 1000

  func validate() throws {
    guard (1...100_000).contains(childSimulations) else {
      throw ValidationError("--child-simulations must be 1 to 100000, got \(childSimulations)")
    }
    if childModel != nil, through != nil {
      throw ValidationError(
        "--child-model forecasts from the January after the records' last transition year; leave out --through (child validate backtests the child-level model)"
      )
    }
    guard (1...15).contains(horizon) else {
      throw ValidationError("--horizon must be 1 to 15 census years, got \(horizon)")
    }
    if let through, !(2010...2100).contains(through) {
      throw ValidationError("--through must be a census year such as 2025, got \(through)")
    }
    if let from, let through, from > through - 2 {
      throw ValidationError(
        "--from \(from) leaves fewer than three censuses before --through \(through)")
    }
  }

  /// Whether the method needs the population file.
  var loadsPopulation: Bool { method.needsPopulation || method.usesPlan || method == .flow }

  /// Provenance parameters for these options.
  func parameters(la: String) -> [String: String] {
    if let childModel {
      return [
        "la": la, "method": ChildForecast.method, "child_model": childModel,
        "horizon": String(horizon),
        "intervals": "80% and 95%, quantiles of \(childSimulations) simulations",
      ]
    }
    return [
      "la": la, "method": method.rawValue, "horizon": String(horizon),
      "through": through.map(String.init) ?? "latest census",
      "window": method.usesPlan || ForecastMethod.baselines.contains(method) || method == .flow
        ? "the method's own (see its fitted formula)"
        : from.map { "censuses from \($0)" } ?? "censuses from 2019 (or the last five before 2021)",
      "intervals": method.usesPlan
        ? "80% and 95%, empirical from backtest errors before the origin"
        : "80% and 95% prediction intervals (t quantiles)",
    ]
  }
}

extension ForecastMethod: ExpressibleByArgument {}
