import ForecastCore

/// Seeded Monte Carlo over the demand forecast and the cost assumptions.
///
/// Each draw moves every demand forecast to the same quantile of its distribution (a split
/// log-normal through the median and the 80% interval, one standard normal deviate z per
/// draw: errors in one setting type's demand go with the others', the cautious choice for
/// totals) and draws every cost assumption from its triangular range. The same seed gives
/// the same draws, and so the same output.
public struct CostSimulation: Sendable {
  /// The 10th and 90th percentiles of one measure in one year.
  public struct Band: Sendable, Equatable {
    public let lower80: Double
    public let upper80: Double
  }

  public let projector: CostProjector

  public init(projector: CostProjector) {
    self.projector = projector
  }

  /// Bands by academic year and measure key (as `CostYear.detailedMeasures`).
  public func run(_ forecast: LAForecast, scenario: Scenario, draws: Int, seed: UInt64)
    -> [AcademicYear: [String: Band]]
  {
    var generator = SeededGenerator(seed: seed)
    var samples: [AcademicYear: [String: [Double]]] = [:]
    for _ in 0..<max(1, draws) {
      let z = generator.standardNormal()
      let values = AssumptionValues.draw(projector.model, using: &generator)
      let drawn = Self.drawDemand(forecast, z: z)
      for year in projector.project(drawn, scenario: scenario, values: values) {
        for (key, value) in year.detailedMeasures {
          if let value { samples[year.academicYear, default: [:]][key, default: []].append(value) }
        }
      }
    }
    var bands: [AcademicYear: [String: Band]] = [:]
    for (year, measures) in samples {
      for (key, values) in measures {
        if let low = AccuracySummary.quantile(values, 0.1),
          let high = AccuracySummary.quantile(values, 0.9)
        {
          bands[year, default: [:]][key] = Band(lower80: low, upper80: high)
        }
      }
    }
    return bands
  }

  /// The forecast with every forecast row moved to standard normal deviate `z`.
  static func drawDemand(_ forecast: LAForecast, z: Double) -> LAForecast {
    let rows = forecast.rows.map { row -> ForecastRow in
      guard row.kind == .forecast, let lower = row.lower80, let upper = row.upper80,
        let distribution = SplitLogNormal(
          median: row.value, lower80: max(lower, 1e-9), upper80: upper)
      else { return row }
      var copy = row
      copy.value = distribution.value(atStandardNormal: z)
      return copy
    }
    return LAForecast(
      laCode: forecast.laCode, laName: forecast.laName, throughYear: forecast.throughYear,
      censusYearsUsed: forecast.censusYearsUsed, method: forecast.method, rows: rows,
      fits: forecast.fits, notes: forecast.notes)
  }
}
