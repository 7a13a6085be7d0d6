import ArgumentParser
import Foundation
import PlacePlanning
import PlacePlanningIO

extension PlacePlan {
  /// `placeplan dashboard`: the strategy's data dashboard, baseline and years 1–5.
  struct DashboardCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "dashboard",
      abstract: "The SEND strategy dashboard: baseline and years 1-5.",
      discussion: """
        Rows: total EHCPs 0-25; number and % of all EHCPs by setting type (placed numbers \
        after INMS overflow); planned places (special, SSC/RP); utilisation %; \
        shortfall/excess, also by phase (primary, secondary, post-16) where the register \
        gives phases and by designation where it gives designations; EHCPs by primary need; INMS expenditure and SEN transport cost (baseline scenario, £ cash, \
        from the cost model); the latest published % of EHC needs assessments that lead to a \
        plan and % of new plans issued within 20 weeks (SEN2, calendar year), and % of pupils \
        with an EHC plan and with SEN support (January school census), in the baseline column.
        """)

    @OptionGroup var data: DataOptions
    @OptionGroup var model: ModelOptions
    @OptionGroup var placesOptions: PlacesOptions
    @OptionGroup var costOptions: CostOptions

    @Option(
      help: ArgumentHelp(
        "% of pupils with an EHC plan and with SEN support by LA (DfE SEND dashboard table).",
        valueName: "file"))
    var pupilSen: String = "SampleData/dfe_dash_percent_pupils_ehcp_sensupport_by_la_2018_2023.csv"

    @Option(
      help: ArgumentHelp(
        "SEN2 caseload by single year of age and setting, for shortfall/excess by phase.",
        valueName: "file"))
    var ages: String = "SampleData/ehcp_caseload_by_age_2024_2025.csv"

    @OptionGroup var needOptions: NeedOptions

    func run() throws {
      let inputs = try LoadedInputs.load(
        data, population: model.loadsPopulation,
        requests: model.method.usesPlan, projection: nil, pipeline: true)
      let pupilPath = DataOptions.resolve(pupilSen)
      let pupils: PupilSENPercentages
      do {
        pupils = try PupilSENPercentagesReader.read(path: pupilPath)
      } catch {
        Output.warn("\(error)")
        throw ExitCode.failure
      }
      let register = try PlacesRegisterInput.load(placesOptions.places, inputs: inputs)
      var options = model
      options.horizon = max(model.horizon, 5)
      let forecasts = try inputs.forecasts(data.la, model: options)
      let costModels = try costOptions.load()
      let planner = placesOptions.planner
      let (splitter, phaseInputs) = try PhaseInputs.load(
        ages: ages, data: data, agesRequired: false, flowsRequired: false)
      let (needSplitter, needInputs) = NeedInputs.loadOptional(needOptions)
      let dashboards = try forecasts.map { forecast in
        let projector = try costOptions.projector(
          costModels, forecast: forecast, inputs: inputs, register: register,
          places: placesOptions)
        let codes = inputs.codes(of: forecast).flatMap { LocalAuthorityCodes.aliases(of: $0) }
        let needs = NeedInputs.splitOptional(
          needSplitter, forecast: forecast, codes: projector.codes)
        return DashboardBuilder.build(
          forecast: forecast,
          capacity: planner.plan(forecast: forecast, register: register, codes: projector.codes),
          costs: projector.project(forecast, scenario: .baseline),
          // Only what was published by the January census the forecast starts from.
          flows: (inputs.pipeline?.years(for: codes) ?? []).filter {
            $0.calendarYear <= forecast.throughYear - 1
          },
          pupils: pupils.latest(for: codes, upTo: forecast.throughYear),
          phaseCapacity: splitter?.split(forecast, codes: projector.codes).map {
            PhaseCapacityPlanner.plan(phases: $0.rows, register: register, codes: projector.codes)
          } ?? [],
          needs: needs,
          needCapacity: NeedCapacityPlanner.plan(
            needs: needs, register: register, codes: projector.codes))
      }
      var parameters = options.parameters(la: data.la)
      parameters["overflow_share"] = String(placesOptions.overflowShare)
      parameters["inms_to_spare"] = String(placesOptions.inmsToSpare)
      let provenance = Provenance(
        command: "dashboard",
        inputs: inputs.provenance + [placesOptions.provenance] + costOptions.provenance()
          + [
            Provenance.Input(
              role: "pupils with SEN", file: pupilPath,
              layout: "DfE SEND dashboard % of pupils with an EHC plan / SEN support")
          ] + phaseInputs + needInputs,
        parameters: parameters)
      let text: String
      switch data.format {
      case .csv:
        try Output.deliverCSV(DashboardWriter.csv(dashboards), to: data.out) {
          try DashboardWriter.json(dashboards, provenance: provenance)
        }
        return
      case .json: text = try DashboardWriter.json(dashboards, provenance: provenance)
      case .table: text = DashboardWriter.table(dashboards, provenance: provenance)
      case .xlsx:
        try Output.workbook(
          XLSXOutputs.table(
            DashboardWriter.csv(dashboards), name: "Dashboard",
            title: "SEND strategy dashboard: baseline and years 1-5"),
          provenance: provenance, to: data.out)
        return
      }
      try Output.deliver(text, to: data.out)
    }
  }
}
