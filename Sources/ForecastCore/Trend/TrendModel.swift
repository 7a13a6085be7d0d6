import Foundation

/// A data-free specification of a yearly trend; `fit` turns it into a `FittedTrend`.
///
/// Time enters centred, `t − t̄` with `t̄` the mean of the fitted times, so intercept and
/// slope are nearly uncorrelated. See `TrendKind` for the three forms and `FittedTrend`
/// for how forecasts and intervals are computed.
public struct TrendModel: Sendable {
  /// Which functional form to fit.
  public let kind: TrendKind

  /// Minimum number of points for any kind (2 parameters plus one residual degree of freedom).
  public static let minimumPoints = 3

  public init(kind: TrendKind) {
    self.kind = kind
  }

  /// times: e.g. census years; values: counts ≥ 0; exposure: required for .prevalence (population at each time), ignored otherwise.
  ///
  /// ```
  /// linear:      OLS of y on (1, t − t̄)
  /// log-linear:  OLS of log y on (1, t − t̄)            (all y > 0)
  /// prevalence:  Poisson GLM y ~ 1 + (t − t̄), offset log(exposure)
  /// ```
  ///
  /// - Throws: `TrendError`.
  public func fit(times: [Int], values: [Double], exposure: [Double]? = nil) throws(TrendError)
    -> FittedTrend
  {
    guard times.count == values.count else {
      throw .fit(.dimensionMismatch("\(times.count) times but \(values.count) values"))
    }
    guard times.count >= Self.minimumPoints else {
      throw .tooFewPoints(times.count, needed: Self.minimumPoints)
    }
    for (i, value) in values.enumerated() {
      guard value.isFinite else { throw .fit(.nonFiniteInput(row: i, column: nil)) }
      guard value >= 0 else { throw .nonPositiveValue(time: times[i]) }
      if kind == .logLinear && value <= 0 { throw .nonPositiveValue(time: times[i]) }
    }
    let centre = Double(times.reduce(0, +)) / Double(times.count)
    let design = FittedTrend.design(times: times, centre: centre)

    let logExposure =
      kind == .prevalence ? try FittedTrend.logExposure(exposure, times: times) : nil

    do throws(LeastSquaresError) {
      switch kind {
      case .linear:
        let fit = try LeastSquares.fit(design: design, response: values, hasIntercept: true)
        return FittedTrend(
          kind: kind, centre: centre, model: .ordinary(fit), observations: times.count)
      case .logLinear:
        let logs = values.map { log($0) }
        let fit = try LeastSquares.fit(design: design, response: logs, hasIntercept: true)
        return FittedTrend(
          kind: kind, centre: centre, model: .ordinary(fit), observations: times.count)
      case .prevalence:
        let fit = try PoissonGLM.fit(design: design, counts: values, offset: logExposure)
        return FittedTrend(
          kind: kind, centre: centre, model: .poisson(fit), observations: times.count)
      }
    } catch {
      throw .fit(error)
    }
  }
}
