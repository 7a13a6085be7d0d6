import ArgumentParser
import PlacePlanning
import PlacePlanningIO

/// The inputs of `--by phase`: the caseload by single year of age, and the new plans and
/// ceased plans by age from the SEN2 flow files.
enum PhaseInputs {
  /// The splitter and the provenance entries of its files; fails with a located error on bad
  /// input.
  static func load(ages: String, data: DataOptions) throws -> (
    splitter: PhaseSplitter, inputs: [Provenance.Input]
  ) {
    let agesPath = DataOptions.resolve(ages)
    let newPlansPath = DataOptions.resolve(data.newPlans)
    let ceasedPath = DataOptions.resolve(data.ceasedPlans)
    do {
      let caseload = try CaseloadByAgeReader.read(path: agesPath)
      let flows = try AgeFlowsReader.read(newPlans: newPlansPath, ceased: ceasedPath)
      return (
        PhaseSplitter(ages: caseload, flows: flows),
        [
          Provenance.Input(
            role: "caseload by age", file: agesPath,
            layout: "SEN2 2025 release, Child or young persons age"),
          Provenance.Input(
            role: "new plans by age", file: newPlansPath,
            layout: "SEN2 2025 release, Age when plan started"),
          Provenance.Input(
            role: "ceased plans by age", file: ceasedPath,
            layout: "SEN2 2025 release, Age plan ceased"),
        ]
      )
    } catch {
      Output.warn("\(error)")
      throw ExitCode.failure
    }
  }
}
