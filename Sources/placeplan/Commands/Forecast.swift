import ArgumentParser
import Foundation
import PlacePlanning
import PlacePlanningIO

extension PlacePlan {
  /// `placeplan forecast`: EHCP caseload by setting type with prediction intervals.
  struct Forecast: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Forecast EHCPs 0-25 by setting type, with 80% and 95% intervals.",
      discussion: """
        The default method, auto, backtests the candidates (pooled growth, drift, linear-5, \
        naive) on every LA up to --through and uses, per setting type, the one with the \
        smallest error over horizons 1-5; its intervals come from those backtest errors and \
        are never narrower than counting noise. Pooled growth moves each LA with England's \
        growth, damped as England's own history supports, plus a fading part of its own \
        excess growth, a pull towards England's prevalence and its requests; each setting \
        type follows its own damped share trend, and the shares are closed to sum to 1. \
        Setting types from different methods are reconciled to the total in proportion to \
        their forecast variances. Notes flag a prevalence above any LA's seen so far or a \
        share moving more than 10 points; with --la all, England's sum is printed beside \
        its own trajectory. The output says what was chosen and why.
        """)

    @OptionGroup var data: DataOptions

    @OptionGroup var model: ModelOptions

    @Option(
      help: ArgumentHelp(
        "ONS population projection (long layout as --population, or the SNPP wide layout); otherwise the estimates are aged forward.",
        valueName: "file"))
    var projection: String?

    /// How rows are broken down beyond setting type.
    enum Breakdown: String, ExpressibleByArgument, CaseIterable {
      case phase
      case need
    }

    @Option(
      help:
        "Break the forecast down further: phase (age phases 0-4, 5-10, 11-15, 16-18, 19-25) or need (primary need, from the SEN2 need breakdown); both (--by need --by phase) give need within phase."
    )
    var by: [Breakdown] = []

    @OptionGroup var needOptions: NeedOptions

    @Option(
      help: ArgumentHelp(
        "SEN2 caseload by single year of age and setting (the 2025 release caseload.csv, or its age rows), for --by phase.",
        valueName: "file"))
    var ages: String = "SampleData/ehcp_caseload_by_age_2024_2025.csv"

    func run() throws {
      let inputs = try LoadedInputs.load(
        data,
        population: model.loadsPopulation,
        requests: model.method.usesPlan, projection: projection, pipeline: model.method == .flow)
      let forecasts = try inputs.forecasts(data.la, model: model)

      var provenance = Provenance(
        command: "forecast",
        inputs: inputs.provenance,
        parameters: model.parameters(la: data.la))
      if forecasts.count > 1, let check = inputs.forecaster.nationalCheck(forecasts) {
        provenance.parameters["england_check"] = check.summary
        provenance.parameters["share_check"] = check.sharesSummary
        Output.warn(check.summary)
        Output.warn(check.sharesSummary)
      }
      if by.contains(.need) {
        try deliverNeeds(
          forecasts, inputs: inputs, provenance: provenance, withinPhase: by.contains(.phase))
        return
      }
      if by.contains(.phase) {
        try deliverPhases(forecasts, inputs: inputs, provenance: provenance)
        return
      }
      switch data.format {
      case .csv:
        try Output.deliverCSV(ForecastWriter.csv(forecasts), to: data.out) {
          try ForecastWriter.provenanceJSON(forecasts, provenance: provenance)
        }
      case .json:
        try Output.deliver(ForecastWriter.json(forecasts, provenance: provenance), to: data.out)
      case .table:
        try Output.deliver(ForecastWriter.table(forecasts, provenance: provenance), to: data.out)
      case .xlsx:
        try Output.workbook(
          XLSXOutputs.forecast(forecasts), provenance: provenance, to: data.out)
      }
    }

    /// Splits each forecast by primary need (within age phase when asked) and writes it.
    private func deliverNeeds(
      _ forecasts: [LAForecast], inputs: LoadedInputs, provenance: Provenance, withinPhase: Bool
    ) throws {
      var withNeeds = provenance
      let (splitter, needSplits) = try NeedInputs.splitAll(
        forecasts, inputs: inputs, options: needOptions, provenance: &withNeeds)
      var rows = needSplits.flatMap(\.split.rows)
      if withinPhase {
        rows = try NeedInputs.withinPhase(
          needSplits, census: splitter.caseload, inputs: inputs, ages: ages, data: data,
          options: needOptions, provenance: &withNeeds)
      }
      switch data.format {
      case .csv:
        try Output.deliverCSV(ForecastWriter.csv(needs: rows), to: data.out) {
          try ForecastWriter.provenanceJSON(forecasts, provenance: withNeeds)
        }
      case .json:
        try Output.deliver(ForecastWriter.json(needs: rows, provenance: withNeeds), to: data.out)
      case .table:
        try Output.deliver(ForecastWriter.table(needs: rows, provenance: withNeeds), to: data.out)
      case .xlsx:
        try Output.workbook(
          XLSXOutputs.table(ForecastWriter.csv(needs: rows), name: "Forecast by need"),
          provenance: withNeeds, to: data.out)
      }
    }

    /// Splits each forecast by age phase and writes it.
    private func deliverPhases(
      _ forecasts: [LAForecast], inputs: LoadedInputs, provenance: Provenance
    ) throws {
      var withPhases = provenance
      let splits = try PhaseInputs.splitAll(
        forecasts, inputs: inputs, ages: ages, data: data, provenance: &withPhases)
      let rows = splits.flatMap(\.split.rows)
      let reconciliation = forecasts.count == 1 ? splits.first?.split.reconciliation ?? [] : []
      try Output.deliver(
        data.format, to: data.out, provenance: withPhases, sheet: "Forecast by phase",
        csv: { ForecastWriter.csv(phases: rows) },
        json: {
          try ForecastWriter.json(
            phases: rows, reconciliation: reconciliation, provenance: withPhases)
        },
        table: {
          ForecastWriter.table(phases: rows, reconciliation: reconciliation, provenance: withPhases)
        })
    }
  }
}
