import Foundation

extension DemandForecaster {
  /// What follows the setting types' own forecasts, in order: reconciliation to the total
  /// (`SettingReconciliation`, when `reconcile`), interval caps, the counting-noise floor
  /// (`CountingNoise`), the notes on unscored years, plausibility and small counts (for a
  /// reader only, as is the reconciliation's: they change no number), and a check that
  /// every value is finite. Returns the notes.
  func settle(
    _ forecasts: inout PerSetting<[ForecastRow]>, series: CaseloadHistory.Series,
    through: Int, horizon: Int, reconcile: Bool, forReader: Bool = true
  ) throws(ForecastError) -> [String] {
    var notes: [String] = []
    if reconcile, let note = SettingReconciliation.reconcile(&forecasts), forReader {
      notes.append(note.text)
    }
    Self.capIntervals(&forecasts)
    let widened = CountingNoise.widen(&forecasts)
    if widened > 0 {
      notes.append(
        "\(widened) interval(s) widened to counting noise, μ ± z√μ (a count cannot be forecast "
          + "more closely than its Poisson noise)")
    }
    if horizon > Self.scoredHorizons {
      notes.append(
        "years \(through + Self.scoredHorizons + 1)-\(through + horizon) cannot be scored "
          + "on history (setting types are recorded consistently from 2019 only): "
          + (reconcile
            ? "each series' growth (the total's and each setting type's) in \(through + Self.scoredHorizons) is carried on "
              + "damped by φ = \(String(format: "%.2f", LongRunBend.damping)) a year (the most "
              + "cautious damping on the grid), so growth bends; "
            : "")
          + "a projection rather than a tested forecast")
    }
    if forReader {
      notes += readerNotes(forecasts, series: series, through: through)
    }
    let finite = { (value: Double?) in value?.isFinite ?? true }
    for (setting, rows) in forecasts {
      for row in rows
      where
        !(row.value.isFinite && finite(row.lower80) && finite(row.upper80)
        && finite(row.lower95) && finite(row.upper95))
      {
        throw .nonFinite(laCode: series.laCode, setting: setting, censusYear: row.censusYear)
      }
    }
    return notes
  }

  /// The notes on plausibility (against the prevalences LAs have had) and on small counts.
  private func readerNotes(
    _ forecasts: PerSetting<[ForecastRow]>, series: CaseloadHistory.Series, through: Int
  ) -> [String] {
    var notes: [String] = []
    let futureYears = (forecasts[.total] ?? []).map(\.censusYear)
    let futurePopulation = try? populations(
      series: series, censusYears: [], futureYears: futureYears, through: through
    ).future
    notes.append(
      contentsOf: plausibility.notes(
        forecasts: forecasts, origin: series.record(for: through),
        previous: series.record(for: through - 1), through: through,
        futurePopulation: futurePopulation))
    for setting in SettingType.allCases where forecasts[setting] != nil {
      if let count = series.count(of: setting, at: through), count > 0,
        count < CountingNoise.smallCount
      {
        notes.append(
          "\(setting.rawValue): \(String(format: "%.0f", count)) at \(through), too small to "
            + "forecast on its own evidence (its counting noise swamps any trend); its interval "
            + "comes from the errors of other LAs' small counts, which can move several-fold in "
            + "a year (a unit opening or closing, a change of recording), so read the interval "
            + "rather than the central value"
        )
      }
    }
    return notes
  }

  /// Caps each setting type's interval ends at the total's ends of the same level (RP/SEN
  /// units at mainstream's): a part cannot exceed the whole, though setting types with
  /// small counts get wide relative intervals from their own errors.
  static func capIntervals(_ forecasts: inout PerSetting<[ForecastRow]>) {
    func cap(_ setting: SettingType, by whole: SettingType) {
      guard let bounds = forecasts[whole] else { return }
      forecasts.modifyValue(forKey: setting) { rows in
        for index in rows.indices {
          // The whole's row of the same year: at the same position when both run over the
          // same years (as forecasts do), else found by year.
          let year = rows[index].censusYear
          let limit: ForecastRow
          if index < bounds.count, bounds[index].censusYear == year {
            limit = bounds[index]
          } else if let found = bounds.first(where: { $0.censusYear == year }) {
            limit = found
          } else {
            continue
          }
          let value = rows[index].value
          if let upper = limit.upper80 {
            rows[index].upper80 = rows[index].upper80.map { min($0, max(upper, value)) }
          }
          if let upper = limit.upper95 {
            rows[index].upper95 = rows[index].upper95.map { min($0, max(upper, value)) }
          }
        }
      }
    }
    for setting in SettingType.additiveParts { cap(setting, by: .total) }
    cap(.rpSENUnit, by: .mainstream)
  }
}
