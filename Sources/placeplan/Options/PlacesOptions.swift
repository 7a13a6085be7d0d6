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

  @Option(
    help:
      "Share (0-1) of INMS demand that spare state special places take (children placed in INMS because no state place was free)."
  )
  var inmsToSpare: Double = 0.25

  func validate() throws {
    guard (0...1).contains(overflowShare) else {
      throw ValidationError("--overflow-share must be between 0 and 1, got \(overflowShare)")
    }
    guard (0...1).contains(inmsToSpare) else {
      throw ValidationError("--inms-to-spare must be between 0 and 1, got \(inmsToSpare)")
    }
  }

  /// The capacity planner these options describe.
  var planner: CapacityPlanner {
    CapacityPlanner(overflowShare: overflowShare, inmsToSpare: inmsToSpare)
  }

  /// The register as an input of the provenance.
  var provenance: Provenance.Input {
    Provenance.Input(role: "places", file: DataOptions.resolve(places), layout: "places register")
  }
}
