import PlacePlanTestSupport
import PlacePlanningIO

@testable import PlacePlanning

/// A forecaster over the sample data's real files: the derived 2010–2025 caseload, ONS
/// population 0–25 and SEN2 requests (see `SampleData/SOURCES.md`).
func sampleForecaster() throws -> DemandForecaster {
  let records = try CaseloadReader.read(
    path: TestPaths.sample("ehcp_caseload_by_la_setting_2010_2025.csv")
  ).records
  let population = try PopulationReader.read(
    path: TestPaths.sample("ons_mye_persons_age0_25_england_2015_2024.csv"))
  let requests = try RequestsReader.read(path: TestPaths.sample("ehcp_requests_2019_2024.csv"))
  return DemandForecaster(
    history: CaseloadHistory(records: records), population: population, requests: requests)
}
