import ArgumentParser
import Foundation
import PlacePlanning
import PlacePlanningIO

extension PlacePlan {
  /// `placeplan report`: one self-contained HTML file for a planning board.
  struct Report: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract:
        "Write a self-contained HTML report with charts for one LA (or, with --format xlsx, a workbook with a sheet per section).",
      discussion: """
        Headline, demand fan charts by setting type, places against demand, utilisation, \
        places by phase, demand by primary need, the flow behind the numbers (requests, new and ceased plans), \
        INMS and transport costs by scenario, the scenario comparison with NPV and payback, \
        backtest accuracy against the baselines, the strategy dashboard, assumptions with \
        their sources and data provenance. Inline SVG and CSS; no scripts or network assets.
        """)

    @OptionGroup var data: DataOptions
    @OptionGroup var model: ModelOptions
    @OptionGroup var placesOptions: PlacesOptions
    @OptionGroup var costOptions: CostOptions

    @Option(
      name: .customLong("scenario"),
      help: ArgumentHelp(
        "Scenario YAML to compare (repeatable); the baseline comes first.", valueName: "file"))
    var scenarios: [String] = []

    @Option(
      help: ArgumentHelp(
        "SEN2 caseload by single year of age and setting, for places by phase.", valueName: "file"))
    var ages: String = "SampleData/ehcp_caseload_by_age_2024_2025.csv"

    @Option(
      help: ArgumentHelp(
        "% of pupils with an EHC plan and with SEN support by LA, for the dashboard.",
        valueName: "file"))
    var pupilSen: String = "SampleData/dfe_dash_percent_pupils_ehcp_sensupport_by_la_2018_2023.csv"

    @OptionGroup var needOptions: NeedOptions

    @OptionGroup var business: BusinessCaseOptions

    func validate() throws {
      guard data.out != nil else { throw ValidationError("give --out report.html") }
      if data.la.lowercased() == "all" {
        throw ValidationError("--la all is not supported for the report; name one LA")
      }
    }

    func run() throws {
      let progress = Progress(label: "report")
      // The caseload, population and requests first, so that an error in them is reported
      // once and stops the report; only the flow files are optional.
      let core = try LoadedInputs.load(data, population: true, requests: true, projection: nil)
      let inputs: LoadedInputs
      do {
        inputs = try core.withPipeline()
      } catch {
        Output.warn("the flow files were not read; the report leaves out the flow section")
        inputs = core
      }
      let register = try PlacesRegisterInput.load(placesOptions.places, inputs: core)
      let costModels = try costOptions.load()
      let chosen = [Scenario.baseline] + (try CostOptions.scenarios(scenarios))
      progress.step("forecasting", 1, of: 4)
      // From the LA's own child-level records, the forecast is theirs and the published
      // aggregates' forecast is shown beside it.
      var childLevel: HTMLReport.ChildLevel?
      var childForecast: LAForecast?
      if let folder = model.childModel, let selected = try inputs.select(data.la).first {
        let result = try ChildModelInputs.run(folder: folder, series: selected, model: model)
        var published = model
        published.childModel = nil
        guard let aggregate = try inputs.forecasts(data.la, model: published).first else {
          throw ExitCode.failure
        }
        childForecast = result.forecast
        childLevel = HTMLReport.ChildLevel(aggregate: aggregate, breakdown: result.breakdown)
      }
      guard let forecast = try childForecast ?? inputs.forecasts(data.la, model: model).first,
        let series = inputs.history.find(forecast.laCode)
      else { throw ExitCode.failure }
      let projector = try costOptions.projector(
        costModels, forecast: forecast, inputs: inputs, register: register, places: placesOptions)
      try CostOptions.requireAnchored(chosen, register: register, codes: projector.codes)
      // The business case runs over a horizon that covers the payback (as scenario compare
      // does); the other sections use the forecast asked for.
      var businessForecast = forecast
      let businessModel = BusinessCaseOptions.horizon(model)
      if chosen.count > 1, businessModel.horizon != model.horizon,
        let longer = try inputs.forecasts(data.la, model: businessModel).first
      {
        businessForecast = longer
      }
      let capacity = placesOptions.planner.plan(
        forecast: forecast, register: register, codes: projector.codes)
      progress.step("costing scenarios", 2, of: 4)
      let demand = try ChildModelInputs.scenarioForecasts(
        chosen, baseline: businessForecast, model: businessModel, inputs: inputs, la: data.la)
      let comparison = ScenarioComparison(
        scenarios: chosen, forecast: businessForecast, projector: projector,
        draws: chosen.count > 1 ? business.draws : 0, seed: business.seed, forecasts: demand)
      for warning in comparison.unchangedWarnings { Output.warn(warning) }
      progress.step("backtesting", 3, of: 4)
      let methods: [ForecastMethod] = [.auto, .drift, .linearRecent, .naive]
      let firstOrigin = min(2018, forecast.throughYear - 1)
      let backtest = Backtester(forecaster: inputs.forecaster).run(
        series: [series],
        options: .init(
          origins: firstOrigin...max(firstOrigin, forecast.throughYear - 1), horizons: 1...3,
          methods: methods, settings: [.total]))
      let (splitter, phaseInputs) = try PhaseInputs.load(
        ages: ages, data: data, agesRequired: false, flowsRequired: false)
      let split = splitter?.split(forecast, codes: projector.codes)
      let phaseCapacity = split.map {
        PhaseCapacityPlanner.plan(phases: $0.rows, register: register, codes: projector.codes)
      }
      let (needSplitter, needInputs) = NeedInputs.loadOptional(needOptions)
      let needs = NeedInputs.splitOptional(needSplitter, forecast: forecast, codes: projector.codes)
      let needCapacity = NeedCapacityPlanner.plan(
        needs: needs, register: register, codes: projector.codes)
      let flowCodes = projector.codes.flatMap { LocalAuthorityCodes.aliases(of: $0) }
      let pupilPath = DataOptions.resolve(pupilSen)
      var pupils: PupilSENPercentages?
      var pupilInputs: [Provenance.Input] = []
      do {
        pupils = try PupilSENPercentagesReader.read(path: pupilPath)
        pupilInputs.append(
          Provenance.Input(
            role: "pupils with SEN", file: pupilPath,
            layout: "DfE SEND dashboard % of pupils with an EHC plan / SEN support"))
      } catch {
        Output.warn("\(error)")
        Output.warn("the dashboard leaves out the % of pupils rows")
      }
      let dashboard = DashboardBuilder.build(
        forecast: forecast, capacity: capacity,
        costs: projector.project(forecast, scenario: .baseline),
        // Only what was published by the January census the forecast starts from.
        flows: (inputs.pipeline?.years(for: flowCodes) ?? []).filter {
          $0.calendarYear <= forecast.throughYear - 1
        },
        pupils: pupils?.latest(for: flowCodes, upTo: forecast.throughYear),
        phaseCapacity: phaseCapacity ?? [], needs: needs, needCapacity: needCapacity)
      var parameters = model.parameters(la: data.la)
      parameters["scenarios"] = chosen.map(\.name).joined(separator: ", ")
      if chosen.count > 1 {
        parameters["business_case_horizon"] = String(businessModel.horizon)
        parameters["draws"] = String(business.draws)
        parameters["seed"] = String(business.seed)
      }
      parameters["overflow_share"] = String(placesOptions.overflowShare)
      parameters["inms_to_spare"] = String(placesOptions.inmsToSpare)
      var provenance = Provenance(
        command: "report",
        inputs: inputs.provenance + [placesOptions.provenance]
          + costOptions.provenance(scenarios: scenarios),
        parameters: parameters)
      let pipeline = PipelineReport.build(
        series: series, forecaster: inputs.forecaster, through: forecast.throughYear,
        horizon: min(model.horizon, 5),
        backtest: PipelineBacktest(forecaster: inputs.forecaster, through: forecast.throughYear),
        ages: splitter.flatMap { splitter in
          splitter.flows.map { (caseload: splitter.ages, flows: $0) }
        })
      provenance.inputs += phaseInputs + pupilInputs + needInputs
      if let needSplitter, !needs.isEmpty { provenance.parameters["need"] = needSplitter.method }
      progress.step("writing", 4, of: 4)
      if data.format == .xlsx {
        // The report as a workbook: a sheet per section, the charts first.
        var sheets =
          XLSXOutputs.forecast([forecast]) + XLSXOutputs.places(capacity, laName: forecast.laName)
        if !needs.isEmpty {
          sheets += XLSXOutputs.table(ForecastWriter.csv(needs: needs), name: "Demand by need")
        }
        sheets += XLSXOutputs.table(
          DashboardWriter.csv([dashboard]), name: "Dashboard",
          title: "SEND strategy dashboard: baseline and years 1-5")
        sheets += XLSXOutputs.scenarios(comparison, laName: forecast.laName)
        sheets += XLSXOutputs.table(BacktestWriter.csv(backtest), name: "Accuracy")
        progress.finish()
        try Output.workbook(sheets, provenance: provenance, to: data.out)
        return
      }
      let html = HTMLReport.render(
        HTMLReport.Content(
          forecast: forecast, capacity: capacity, comparison: comparison, backtest: backtest,
          backtestMethods: methods,
          narrative: BacktestNarrative.summary(for: series, report: backtest),
          dashboard: dashboard, costModel: projector.model, provenance: provenance,
          phaseCapacity: phaseCapacity ?? [], phaseNote: split?.note, pipeline: pipeline,
          needs: needs, needCapacity: needCapacity,
          needNote: needs.isEmpty ? nil : needSplitter?.method, childLevel: childLevel))
      progress.finish()
      try Output.deliver(html, to: data.out)
    }
  }
}
