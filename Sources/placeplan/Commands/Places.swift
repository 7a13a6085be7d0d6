import ArgumentParser
import Foundation
import PlacePlanning
import PlacePlanningIO

extension PlacePlan {
  /// `placeplan places`: planned places against forecast demand.
  struct Places: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Planned places against demand: utilisation, shortfall/excess, INMS overflow.",
      discussion: """
        Per setting type in the register and year: planned places, forecast demand with its \
        80% interval, utilisation (demand / places), shortfall/excess (places - demand, \
        negative is a shortfall), the probability that demand exceeds places, and the \
        children placed once state special and RP demand above places overflows to INMS. \
        Academic year 2026/27's demand is the January 2027 census forecast.
        """)

    @OptionGroup var data: DataOptions
    @OptionGroup var model: ModelOptions
    @OptionGroup var placesOptions: PlacesOptions

    @Option(
      help:
        "Break places and demand down by phase (primary, secondary, post-16), or by need (places designated for a need against its demand; the register's designation column)."
    )
    var by: Forecast.Breakdown?

    @OptionGroup var needOptions: NeedOptions

    @Option(
      help: ArgumentHelp(
        "SEN2 caseload by single year of age and setting, for --by phase.", valueName: "file"))
    var ages: String = "SampleData/ehcp_caseload_by_age_2024_2025.csv"

    func run() throws {
      let inputs = try LoadedInputs.load(
        data, population: model.loadsPopulation,
        requests: model.method.usesPlan, projection: nil)
      let register = try PlacesRegisterInput.load(placesOptions.places, inputs: inputs)
      let forecasts = try inputs.forecasts(data.la, model: model)
      let planner = placesOptions.planner
      var rows: [CapacityRow] = []
      for forecast in forecasts {
        let codes = inputs.codes(of: forecast)
        let planned = planner.plan(forecast: forecast, register: register, codes: codes)
        if planned.allSatisfy({ $0.plannedPlaces == nil }) && data.la.lowercased() != "all" {
          Output.warn(
            "the places register has no rows for \(forecast.laName) (\(codes.joined(separator: ", "))); showing demand only"
          )
        }
        rows += planned
      }
      var parameters = model.parameters(la: data.la)
      parameters["overflow_share"] = String(placesOptions.overflowShare)
      parameters["inms_to_spare"] = String(placesOptions.inmsToSpare)
      let provenance = Provenance(
        command: "places",
        inputs: inputs.provenance + [placesOptions.provenance], parameters: parameters)
      switch by {
      case .phase:
        try deliverPhases(forecasts, inputs: inputs, register: register, provenance: provenance)
        return
      case .need:
        try deliverNeeds(forecasts, inputs: inputs, register: register, provenance: provenance)
        return
      case nil:
        break
      }
      let text: String
      switch data.format {
      case .csv:
        try Output.deliverCSV(PlacesWriter.csv(rows), to: data.out) {
          try PlacesWriter.json(rows, provenance: provenance)
        }
        return
      case .json: text = try PlacesWriter.json(rows, provenance: provenance)
      case .table:
        text = PlacesWriter.table(
          rows, laName: forecasts.first?.laName ?? "", provenance: provenance)
      case .xlsx:
        try Output.workbook(
          XLSXOutputs.places(rows, laName: forecasts.first?.laName ?? ""), provenance: provenance,
          to: data.out)
        return
      }
      try Output.deliver(text, to: data.out)
    }

    private func deliverNeeds(
      _ forecasts: [LAForecast], inputs: LoadedInputs, register: PlacesRegister,
      provenance: Provenance
    ) throws {
      guard register.entries.contains(where: { $0.designation != nil }) else {
        Output.warn(
          "the places register has no designation column (or no designated rows): add one with generic or need codes such as asd, sld/pmld to compare places by need"
        )
        throw ExitCode.failure
      }
      var withNeeds = provenance
      let rows = try NeedInputs.splitAll(
        forecasts, inputs: inputs, options: needOptions, provenance: &withNeeds
      ).items.flatMap {
        NeedCapacityPlanner.plan(needs: $0.split.rows, register: register, codes: $0.codes)
      }
      try Output.deliver(
        data.format, to: data.out, provenance: withNeeds, sheet: "Places by need",
        csv: { PlacesWriter.csv(needs: rows) },
        json: { try PlacesWriter.json(needs: rows, provenance: withNeeds) },
        table: { PlacesWriter.table(needs: rows, provenance: withNeeds) })
    }

    private func deliverPhases(
      _ forecasts: [LAForecast], inputs: LoadedInputs, register: PlacesRegister,
      provenance: Provenance
    ) throws {
      var withAges = provenance
      let rows = try PhaseInputs.splitAll(
        forecasts, inputs: inputs, ages: ages, data: data, provenance: &withAges
      ).flatMap {
        PhaseCapacityPlanner.plan(phases: $0.split.rows, register: register, codes: $0.codes)
      }
      try Output.deliver(
        data.format, to: data.out, provenance: withAges, sheet: "Places by phase",
        csv: { PlacesWriter.csv(phases: rows) },
        json: { try PlacesWriter.json(phases: rows, provenance: withAges) },
        table: { PlacesWriter.table(phases: rows, provenance: withAges) })
    }
  }
}

/// Reads the places register, reporting a located error and failing on bad input.
enum PlacesRegisterInput {
  /// The register; rows whose LA code is in none of the caseload file's series are said on
  /// stderr, with their lines (a mistyped code would otherwise drop places without a word).
  static func load(_ path: String, inputs: LoadedInputs) throws -> PlacesRegister {
    let register: PlacesRegister
    do {
      register = try PlacesReader.read(path: DataOptions.resolve(path))
    } catch {
      Output.warn("\(error)")
      throw ExitCode.failure
    }
    let known = Set(
      inputs.history.series.flatMap(\.codes).flatMap { LocalAuthorityCodes.aliases(of: $0) })
    let unknown = register.entries.filter { !known.contains($0.laCode) }
    if !unknown.isEmpty {
      let codes = Array(Set(unknown.map(\.laCode))).sorted()
      let lines = unknown.prefix(5).map(\.source).joined(separator: ", ")
      Output.warn(
        "places register: \(unknown.count) row(s) have an LA code that is not in the caseload "
          + "file (\(codes.joined(separator: ", ")); \(lines)\(unknown.count > 5 ? ", …" : "")); "
          + "their places are not counted: check the la_code column")
    }
    return register
  }
}
