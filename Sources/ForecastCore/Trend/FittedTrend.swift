import Foundation

/// A trend model fitted to a yearly series, ready to forecast.
///
/// With `x(t) = (1, t − t̄)`, Student t quantile `t_q` with the residual degrees of
/// freedom `n − 2`, and `q = 0.90` (80%) or `0.975` (95%):
///
/// ```
/// linear:      ŷ = x·β̂,  bounds ŷ ± t_q √(xᵀCx + s²)                      floored at 0
/// log-linear:  m = x·β̂ (log scale), point exp(m) (the median, not the mean),
///              bounds exp(m ± t_q √(xᵀCx + s²))
/// prevalence:  η = x·β̂ + log(exposure),  μ = exp(η),
///              φ* = max(1, φ),  Var = φ* μ + μ² xᵀC*x   (overdispersed Poisson noise +
///              parameter error, C* = C φ*/φ),  bounds μ ± t_q √Var          floored at 0
/// ```
///
/// `C` is the estimated covariance of `β̂` (for the GLM already multiplied by the Pearson
/// dispersion `φ`). For prediction the dispersion is floored at 1: an underdispersed fit
/// (φ < 1, common with seven smooth census points) would otherwise give intervals narrower
/// than Poisson noise alone, which a forecast of next year's count should not claim. The linear point forecast is also floored at 0, since the series are
/// counts.
public struct FittedTrend: Sendable {
  /// The fitted model's form.
  public let kind: TrendKind
  /// Number of points fitted.
  let observations: Int

  /// The underlying fit.
  enum Model: Sendable {
    case ordinary(LinearFit)
    case poisson(PoissonGLMFit)
  }

  /// Centre `t̄` of the fitted times.
  let centre: Double
  let model: Model

  init(kind: TrendKind, centre: Double, model: Model, observations: Int) {
    self.kind = kind
    self.centre = centre
    self.model = model
    self.observations = observations
  }

  /// One line: the fitted formula with parameters, spread, size and (for the GLM) the
  /// IRLS status (written when asked for, not at every fit).
  public var description: String {
    let centreText = Self.format(centre)
    switch model {
    case .ordinary(let fit):
      let a = fit.coefficients[0]
      let b = fit.coefficients[1]
      let s = fit.residualStandardDeviation
      if kind == .logLinear {
        return
          "log y = \(Self.format(a)) \(Self.signed(b)) (t - \(centreText)), growth "
          + "\(Self.percent(expm1(b)))/yr, s = \(Self.format(s)) (log scale), n = \(observations)"
      }
      return
        "y = \(Self.format(a)) \(Self.signed(b)) (t - \(centreText)), s = \(Self.format(s)), "
        + "n = \(observations)"
    case .poisson(let fit):
      let a = fit.coefficients[0]
      let b = fit.coefficients[1]
      return
        "count = exposure × exp(\(Self.format(a)) \(Self.signed(b)) (t - \(centreText))), growth "
        + "\(Self.percent(expm1(b)))/yr, dispersion \(Self.format(fit.dispersion)), IRLS "
        + "\(fit.iterations) iterations, \(fit.converged ? "converged" : "NOT converged"), "
        + "n = \(observations)"
    }
  }

  /// Forecasts (or back-casts) at `times`; `exposure` (one per time, `> 0`) is required
  /// for `.prevalence` and ignored otherwise.
  ///
  /// - Throws: `.missingExposure`, `.nonPositiveValue(time:)` for exposure ≤ 0, or
  ///   `.fit(.dimensionMismatch)` when the exposure count differs from the time count.
  public func forecast(times: [Int], exposure: [Double]? = nil) throws(TrendError)
    -> [ForecastPoint]
  {
    let logExposure = kind == .prevalence ? try Self.logExposure(exposure, times: times) : nil
    // The design row (1, t − t̄), one array rewritten for each time.
    var x: [Double] = [1, 0]
    return times.enumerated().map { index, time in
      x[1] = Double(time) - centre
      switch model {
      case .ordinary(let fit):
        let mean = fit.mean(at: x)
        let p80 = fit.predictionInterval(at: x, level: 0.80)
        let p95 = fit.predictionInterval(at: x, level: 0.95)
        if kind == .logLinear {
          return ForecastPoint(
            time: time, mean: exp(mean), lower80: exp(p80.lower), upper80: exp(p80.upper),
            lower95: exp(p95.lower), upper95: exp(p95.upper))
        }
        return ForecastPoint(
          time: time, mean: max(0, mean), lower80: max(0, p80.lower), upper80: max(0, p80.upper),
          lower95: max(0, p95.lower), upper95: max(0, p95.upper))
      case .poisson(let fit):
        let offset = logExposure?[index] ?? 0
        let mu = exp(fit.linearPredictor(at: x, offset: offset))
        let dispersion = max(1, fit.dispersion)
        let inflation = fit.dispersion > 0 ? dispersion / fit.dispersion : 1
        let seEta = fit.standardErrorOfLinearPredictor(at: x) * inflation.squareRoot()
        let sd = (dispersion * mu + mu * mu * seEta * seEta).squareRoot()
        let df = Double(fit.residualDegreesOfFreedom)
        let t80 = StudentT.centralQuantile(level: 0.80, degreesOfFreedom: df)
        let t95 = StudentT.centralQuantile(level: 0.95, degreesOfFreedom: df)
        return ForecastPoint(
          time: time, mean: mu, lower80: max(0, mu - t80 * sd), upper80: mu + t80 * sd,
          lower95: max(0, mu - t95 * sd), upper95: mu + t95 * sd)
      }
    }
  }

  /// Design rows `(1, t − t̄)`.
  static func design(times: [Int], centre: Double) -> Matrix {
    Matrix(
      rows: times.count, columns: 2,
      columnMajor: times.map { _ in 1.0 } + times.map { Double($0) - centre })
  }

  /// `log(exposure)` after checking presence, length and positivity.
  static func logExposure(_ exposure: [Double]?, times: [Int]) throws(TrendError) -> [Double] {
    guard let exposure else { throw .missingExposure }
    guard exposure.count == times.count else {
      throw .fit(.dimensionMismatch("\(times.count) times but \(exposure.count) exposures"))
    }
    for (i, value) in exposure.enumerated() {
      guard value.isFinite else { throw .fit(.nonFiniteInput(row: i, column: nil)) }
      guard value > 0 else { throw .nonPositiveValue(time: times[i]) }
    }
    return exposure.map { log($0) }
  }

  /// About four significant digits; whole numbers from 1000 up.
  static func format(_ value: Double) -> String {
    if abs(value) >= 1000 && abs(value) < 1e15 { return Printf.format("%.0f", value) }
    return Printf.format("%.4g", value)
  }

  /// `+ 1.2` / `- 1.2` for the slope term.
  static func signed(_ value: Double) -> String {
    value < 0 ? "- \(format(-value))" : "+ \(format(value))"
  }

  /// A fraction as a percentage with one decimal, e.g. `6.1%`.
  static func percent(_ fraction: Double) -> String {
    Printf.format("%.1f%%", fraction * 100)
  }
}
