import ArgumentParser
import Foundation
import PlacePlanning
import PlacePlanningIO

extension PlacePlan {
  /// `placeplan pipeline`: requests, assessments, new plans, timeliness and ceased plans,
  /// their rates, and the flow forecast.
  struct Pipeline: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "The flow behind the numbers: requests, assessments, new and ceased plans.",
      discussion: """
        By calendar year: requests for an EHC needs assessment, decisions to assess, \
        assessments, new plans, % issued within 20 weeks and plans ceased by reason; rates \
        per 10,000 residents aged 0-25 and conversion rates (request -> assessment, \
        assessment -> plan, request -> plan); the flow identity's residual \
        (census change - new plans + ceased plans). Forecasts: requests (log-linear trend \
        per resident 0-25 from 2019), new plans (requests x the last three years' \
        request -> plan conversion), ceased plans (a rate of the caseload; published for \
        2022-2024 only) and the January caseload by the stock-flow identity. Intervals \
        and the backtest table come from one-year-ahead forecasts of every LA.
        """)

    @OptionGroup var data: DataOptions

    @Option(help: "Use flows published by this January census (calendar years before it).")
    var through: Int?

    @Option(help: "Calendar years to forecast (1-10).")
    var horizon: Int = 5

    @Option(
      help: ArgumentHelp(
        "SEN2 caseload by single year of age, for ceased rates by age phase.", valueName: "file"))
    var ages: String = "SampleData/ehcp_caseload_by_age_2024_2025.csv"

    func validate() throws {
      guard (1...10).contains(horizon) else {
        throw ValidationError("--horizon must be 1 to 10 calendar years, got \(horizon)")
      }
      if let through, !(2020...2100).contains(through) {
        throw ValidationError("--through must be a census year from 2020, got \(through)")
      }
    }

    func run() throws {
      let inputs = try LoadedInputs.load(
        data, population: true, requests: true, projection: nil, pipeline: true)
      let selected = try inputs.select(data.la)
      // The file's latest census, for one LA as for all (as `forecast`): an LA whose series
      // ended before it is not run from its own last census as if it still existed.
      guard let origin = through ?? inputs.latestCensus else { throw ExitCode.failure }
      let forecaster = inputs.forecaster
      let backtest = PipelineBacktest(forecaster: forecaster, through: origin)
      let (splitter, ageInputs) = try PhaseInputs.load(
        ages: ages, data: data)
      let byAge = splitter.flatMap { splitter in
        splitter.flows.map { (caseload: splitter.ages, flows: $0) }
      }
      var reports: [PipelineReport] = []
      for series in selected {
        guard
          let report = PipelineReport.build(
            series: series, forecaster: forecaster, through: origin, horizon: horizon,
            backtest: backtest, ages: byAge)
        else {
          Output.warn("skipped \(series.laCode) \(series.laName): no flow data before \(origin)")
          continue
        }
        reports.append(report)
      }
      guard !reports.isEmpty else {
        Output.warn("no flow data for \(data.la) before \(origin)")
        throw ExitCode.failure
      }
      let provenance = Provenance(
        command: "pipeline",
        inputs: inputs.provenance + ageInputs.filter { $0.role != "new plans by age" },
        parameters: [
          "la": data.la, "through": String(origin), "horizon": String(horizon),
          "calendar years":
            "flows of calendar years up to \(origin - 1) (published with the January \(origin) census)",
          "population": "rates per 10,000 residents aged 0-25 at mid-year of the calendar year",
          "intervals":
            "80%, from one-year-ahead backtest log errors of every LA, widened as h^0.75",
        ])
      try Output.deliver(
        data.format, to: data.out, provenance: provenance, sheet: "Pipeline",
        csv: { PipelineWriter.csv(reports) },
        json: { try PipelineWriter.json(reports, backtest: backtest, provenance: provenance) },
        table: { PipelineWriter.table(reports, backtest: backtest, provenance: provenance) })
    }
  }
}
