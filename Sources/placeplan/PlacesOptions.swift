import ArgumentParser
import PlacePlanning

/// The places register and how unmet demand is placed.
struct PlacesOptions: ParsableArguments {
  @Option(
    help: ArgumentHelp(
      "Planned places register CSV (la_code, setting_name, setting_type, phase, first_year, last_year, planned_places[, actual_placements]).",
      valueName: "file"))
  var places: String = "SampleData/west_sussex_places_register_ILLUSTRATIVE.csv"

  @Option(help: "Share (0-1) of state special and RP demand above places that is placed in INMS.")
  var overflowShare: Double = 1

  func validate() throws {
    guard (0...1).contains(overflowShare) else {
      throw ValidationError("--overflow-share must be between 0 and 1, got \(overflowShare)")
    }
  }

  /// The register as an input of the provenance.
  var provenance: Provenance.Input {
    Provenance.Input(role: "places", file: DataOptions.resolve(places), layout: "places register")
  }
}
