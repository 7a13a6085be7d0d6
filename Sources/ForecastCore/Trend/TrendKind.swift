/// The functional form of a yearly trend model.
///
/// ```
/// linear:      yₜ = a + b (t − t̄) + εₜ
/// log-linear:  log yₜ = a + b (t − t̄) + εₜ
/// prevalence:  yₜ ~ quasi-Poisson(μₜ),  μₜ = exposureₜ · exp(a + b (t − t̄))
/// ```
public enum TrendKind: String, Sendable, CaseIterable {
  case linear
  case logLinear = "log-linear"
  case prevalence
}
