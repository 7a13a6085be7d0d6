import ArgumentParser
import Foundation
import PlacePlanning
import PlacePlanningIO

extension PlacePlan {
  /// `placeplan s106`: the specialist-place part of Section 106 developer contributions.
  struct S106: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "s106",
      abstract: "Section 106 specialist-place contributions for a housing trajectory.",
      discussion: """
        Per development: pupils by phase (dwellings x DfE pupil yields by dwelling mix), \
        specialist places (dwellings x DfE's special/AP yield per dwelling x the mix's \
        relative yield x the area's share of new-build pupils with an EHCP against \
        England's, split by phase), spare state special and RP places forecast by the \
        places plan when the children arrive, spare in the children's own phase and in the \
        setting types as a whole (--spare-by; shared out by year of completion, never \
        twice), places claimed and the contribution (places claimed x 4 x the primary \
        new-school cost per place, regional factor, indexed to the first year of \
        completions; places to 0.01 and pounds to £1 as printed). --statement prints a \
        plain-text statement per development with every factor and its source.
        """)

    @OptionGroup var data: DataOptions
    @OptionGroup var model: ModelOptions
    @OptionGroup var placesOptions: PlacesOptions
    @OptionGroup var costOptions: CostOptions

    @Option(
      help: ArgumentHelp(
        "Housing trajectory CSV (development, district, dwelling_type, bedrooms, tenure, academic_year, completions).",
        valueName: "file"))
    var developments: String = "SampleData/west_sussex_developments_ILLUSTRATIVE.csv"

    @Option(
      help: ArgumentHelp(
        "Pupil-yield factors YAML: DfE's England figures by default (Models/pupil_yield.yaml); an LA's own published factors in the same shape replace them.",
        valueName: "file"))
    var pupilYield: String = "Models/pupil_yield.yaml"

    @Option(
      help: ArgumentHelp(
        "DfE pupil yield dashboard EHCP table (EHCPJuly.csv or an extract of it).",
        valueName: "file"))
    var ehcpShares: String = "SampleData/dfe_pupil_yield_dashboard_ehcp_west_sussex.csv"

    @Option(
      help: ArgumentHelp(
        "When spare places offset a claim: at-arrival (spare in the year of completion) or lasting (spare in that year and every later year of the plan).",
        valueName: "rule"))
    var spareRule: SpareCapacity.Rule = .atArrival

    /// How spare places are matched to the children who may take them.
    enum SpareMatching: String, ExpressibleByArgument, CaseIterable {
      /// Spare in the children's own phase and in the setting types as a whole that year.
      case phaseAndSetting = "phase-and-setting"
      /// Children take spare places of their own phase only.
      case phase
      /// Any spare state special or RP place offsets any child's need.
      case setting

      /// Why the rule is used, for the statement and provenance.
      var reason: String {
        switch self {
        case .phaseAndSetting:
          return
            "a place offsets a need only if it is spare in the children's own phase and the state special and RP places as a whole have places free that year once the places plan has placed its children, INMS-bound children included (the rule a planning inspector would accept: spare secondary places do not meet a primary need, and a place the LA's own plan fills is not spare)"
        case .phase:
          return
            "a place offsets a need if it is spare in the children's own phase (places less demand), even in a year the setting types as a whole have none free"
        case .setting:
          return "any spare state special or RP place offsets any child's need, whatever its phase"
        }
      }
    }

    @Option(
      help: ArgumentHelp(
        "Match spare places: phase-and-setting (spare in the children's phase and in the setting types as a whole; needs --ages), phase (own phase only) or setting (any spare place offsets any need).",
        valueName: "how"))
    var spareBy: SpareMatching = .phaseAndSetting

    @Option(
      help: ArgumentHelp(
        "SEN2 caseload by single year of age and setting, for spare places by phase.",
        valueName: "file"))
    var ages: String = "SampleData/ehcp_caseload_by_age_2024_2025.csv"

    @Flag(help: "Print a plain-text statement per development, for a consultation response.")
    var statement = false

    func validate() throws {
      if data.la.lowercased() == "all" {
        throw ValidationError("--la all is not supported for s106; name one LA")
      }
      if statement, let asked = data.formatAsked, asked != .table {
        throw ValidationError("--statement is plain text; leave out --format")
      }
    }

    func run() throws {
      let yield = try Self.load { () throws(InputError) in
        try PupilYieldReader.read(path: DataOptions.resolve(pupilYield))
      }
      let shares = try Self.load { () throws(InputError) in
        try PupilYieldDashboardReader.read(path: DataOptions.resolve(ehcpShares))
      }
      let inputs = try LoadedInputs.load(
        data, population: model.loadsPopulation,
        requests: model.method.usesPlan, projection: nil)
      guard let series = try inputs.select(data.la).first else { throw ExitCode.failure }
      let knownDistricts = shares.names(level: .district) + [series.laName]
      let trajectory = try Self.load { () throws(InputError) in
        try DevelopmentsReader.read(
          path: DataOptions.resolve(developments), knownDistricts: knownDistricts)
      }
      guard let laShare = shares.latest(series.laName, level: .countyUnitary) else {
        Output.warn(
          "\(InputError.noRecords(file: DataOptions.resolve(ehcpShares), expected: "a County/Unitary EHCP row for \(series.laName); use the dashboard's EHCP table with the LA's rows"))"
        )
        throw ExitCode.failure
      }
      let register = try PlacesRegisterInput.load(placesOptions.places, inputs: inputs)
      let costModels = try costOptions.load()

      // Forecast far enough to cover the last year of completions.
      var forecastModel = model
      let lastCensus = model.through ?? inputs.latestCensus ?? 0
      let lastCompletion =
        trajectory.flatMap { $0.completions.map(\.academicYear) }.max()?.censusYear ?? 0
      forecastModel.horizon = min(15, max(model.horizon, lastCompletion - lastCensus))
      guard let forecast = try inputs.forecasts(series.laCode, model: forecastModel).first else {
        throw ExitCode.failure
      }
      let codes = series.codes
      guard let englandShare = shares.latest("England", level: .england) else {
        Output.warn(
          "\(InputError.noRecords(file: DataOptions.resolve(ehcpShares), expected: "England's EHCP row (the adjustment is the area's share against England's); use the dashboard's EHCP table with its England rows"))"
        )
        throw ExitCode.failure
      }
      let rows = placesOptions.planner.plan(
        forecast: forecast, register: register, codes: codes)
      if rows.allSatisfy({ $0.plannedPlaces == nil }) {
        Output.warn(
          "the places register has no rows for \(series.laName) (\(codes.joined(separator: ", "))); no spare places are assumed"
        )
      }
      let calculator = S106Calculator(
        yield: yield, ehcpShares: shares, laEHCPShare: laShare, englandEHCPShare: englandShare,
        laCode: series.laCode, laName: series.laName,
        costModel: try costOptions.model(costModels, codes: codes, laName: series.laName))
      var spare = SpareCapacity(rows: rows, rule: spareRule)
      var phaseInputs: [Provenance.Input] = []
      var phaseNote: String?
      if spareBy != .setting {
        let (splitter, inputs) = try PhaseInputs.load(
          ages: ages, data: data, agesRequired: false, flowsRequired: false)
        let baseline = AcademicYear(censusYear: forecast.throughYear)
        if let split = splitter?.split(forecast, codes: codes) {
          let phaseRows = PhaseCapacityPlanner.plan(
            phases: split.rows, register: register, codes: codes
          ).filter { $0.academicYear >= baseline }
          // Every spare-place setting type with places must be split, or its spare places
          // would drop out.
          let placed = Set(rows.filter { $0.plannedPlaces != nil }.map(\.setting))
            .intersection(CapacityPlanner.overflowingSettings)
          let splitSettings = Set(phaseRows.filter { $0.plannedPlaces != nil }.map(\.setting))
          if !placed.isEmpty, placed.isSubset(of: splitSettings) {
            spare = SpareCapacity(
              phaseRows: phaseRows, wholeRows: spareBy == .phaseAndSetting ? rows : nil,
              rule: spareRule)
            phaseInputs = inputs
            phaseNote = split.note
          }
        }
        if !spare.isPhased {
          Output.warn(
            "spare places are matched by setting, not phase, for \(series.laName): the ages could not be split by phase for every setting type with places, or the register gives no phases"
          )
        }
      }
      let result = calculator.assess(trajectory, spare: spare)

      var parameters = forecastModel.parameters(la: data.la)
      parameters["overflow_share"] = String(placesOptions.overflowShare)
      parameters["inms_to_spare"] = String(placesOptions.inmsToSpare)
      parameters["spare_rule"] = spareRule.rawValue
      let used: SpareMatching = spare.isPhased ? spareBy : .setting
      parameters["spare_by"] = used.rawValue + ": " + used.reason
      if let phaseNote { parameters["phases"] = phaseNote }
      parameters["horizon"] =
        "\(forecastModel.horizon) (covers the last year of completions, \(AcademicYear(censusYear: max(lastCompletion, lastCensus + 1))))"
      parameters["prices"] =
        "cost per place in the cash of each development's first year of completions"
      let provenance = Provenance(
        command: "s106",
        inputs: inputs.provenance + [
          Provenance.Input(
            role: "developments", file: DataOptions.resolve(developments),
            layout: "housing trajectory (long)"),
          Provenance.Input(
            role: "pupil yield", file: DataOptions.resolve(pupilYield),
            layout: "pupil-yield model YAML"),
          Provenance.Input(
            role: "EHCP share", file: DataOptions.resolve(ehcpShares),
            layout: "DfE pupil yield dashboard EHCP table"),
          Provenance.Input(
            role: "places", file: DataOptions.resolve(placesOptions.places),
            layout: "places register"),
          Provenance.Input(
            role: "costs", file: DataOptions.resolve(costOptions.costs), layout: "cost model YAML"),
        ] + phaseInputs, parameters: parameters)
      do {
        // The statement is plain text whatever --out's extension.
        switch statement ? .table : data.format {
        case .csv:
          // The provenance first, so a failure to make it leaves no CSV behind (as
          // `Output.deliverCSV`, whose own reporting this block's catch replaces).
          let sidecar = try data.out.map { _ in try S106Writer.json(result, provenance: provenance)
          }
          try Output.emit(S106Writer.csv(result), to: data.out)
          if let out = data.out, let sidecar {
            try Output.emit(sidecar, to: out + ".provenance.json")
          }
        case .json:
          try Output.emit(S106Writer.json(result, provenance: provenance), to: data.out)
        case .xlsx:
          try Output.workbook(
            XLSXOutputs.table(
              S106Writer.csv(result), name: "S106",
              title: "\(result.laName): Section 106 specialist-place contributions"),
            provenance: provenance, to: data.out)
        case .table:
          let text =
            statement
            ? S106Writer.statements(result, provenance: provenance)
            : S106Writer.table(result, provenance: provenance)
          try Output.emit(text, to: data.out)
        }
      } catch {
        Output.warn("\(error)")
        throw ExitCode.failure
      }
    }

    /// Runs a reader, reporting a located error and failing on bad input.
    static func load<T>(_ read: () throws(InputError) -> T) throws -> T {
      do {
        return try read()
      } catch {
        Output.warn("\(error)")
        throw ExitCode.failure
      }
    }
  }
}

extension SpareCapacity.Rule: ExpressibleByArgument {}
