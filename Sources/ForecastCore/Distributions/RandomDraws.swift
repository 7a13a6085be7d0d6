import Foundation

/// Draws from the distributions a Monte Carlo of counts needs, on a `SeededGenerator`
/// (the same seed gives the same draws).
extension SeededGenerator {
  /// Gamma(shape, 1), by Marsaglia & Tsang (2000), "A simple method for generating gamma
  /// variables", ACM TOMS 26(3); shape < 1 by Gamma(shape + 1) · U^(1/shape). Its normal
  /// draws come from the polar method, several times faster than inverting the normal
  /// distribution function, which the child-level model's millions of draws notice.
  public mutating func gamma(shape: Double) -> Double {
    guard shape > 0, shape.isFinite else { return 0 }
    if shape < 1 {
      let u = max(uniform(), .leastNonzeroMagnitude)
      return gamma(shape: shape + 1) * pow(u, 1 / shape)
    }
    let d = shape - 1.0 / 3
    let c = 1 / (9 * d).squareRoot()
    while true {
      var x = 0.0
      var v = 0.0
      repeat {
        x = polarNormal()
        v = 1 + c * x
      } while v <= 0
      v = v * v * v
      let u = uniform()
      if u < 1 - 0.0331 * x * x * x * x { return d * v }
      if log(max(u, .leastNonzeroMagnitude)) < 0.5 * x * x + d * (1 - v + log(v)) {
        return d * v
      }
    }
  }

  /// A standard normal draw by Marsaglia's polar method (Marsaglia & Bray 1964): a point
  /// uniform in the unit disc, (u, v) with s = u² + v² < 1, gives u·√(−2 ln s / s).
  /// The second normal of the pair is not kept, so a draw depends only on the generator.
  mutating func polarNormal() -> Double {
    while true {
      let u = 2 * uniform() - 1
      let v = 2 * uniform() - 1
      let s = u * u + v * v
      if s > 0 && s < 1 { return u * (-2 * log(s) / s).squareRoot() }
    }
  }

  /// Beta(a, b) as X/(X + Y) with X ~ Gamma(a), Y ~ Gamma(b); a or b of 0 gives 0 or 1.
  public mutating func beta(_ a: Double, _ b: Double) -> Double {
    let x = gamma(shape: a)
    let y = gamma(shape: b)
    return x + y > 0 ? x / (x + y) : (a >= b ? 1 : 0)
  }

  /// Dirichlet(α): independent Gamma(α_i) normalised (all zero weights give zeros).
  public mutating func dirichlet(_ alphas: [Double]) -> [Double] {
    let draws = alphas.map { gamma(shape: $0) }
    let total = draws.reduce(0, +)
    return total > 0 ? draws.map { $0 / total } : draws
  }

  /// Binomial(n, p) as a sum of n Bernoulli trials (the counts here are small).
  public mutating func binomial(_ n: Int, _ p: Double) -> Int {
    guard n > 0, p > 0 else { return 0 }
    guard p < 1 else { return n }
    var count = 0
    for _ in 0..<n where uniform() < p { count += 1 }
    return count
  }

  /// Poisson(λ) by inversion (λ up to a few hundred; larger by the normal approximation,
  /// rounded and floored at 0).
  public mutating func poisson(_ mean: Double) -> Int {
    guard mean > 0, mean.isFinite else { return 0 }
    if mean > 500 { return max(0, Int((mean + mean.squareRoot() * standardNormal()).rounded())) }
    let limit = exp(-mean)
    var product = uniform()
    var count = 0
    while product > limit {
      product *= uniform()
      count += 1
    }
    return count
  }

  /// An index drawn with probabilities proportional to `weights`; nil when they sum to 0.
  public mutating func categorical(_ weights: [Double]) -> Int? {
    let total = weights.reduce(0, +)
    guard total > 0 else { return nil }
    var target = uniform() * total
    for (index, weight) in weights.enumerated() {
      target -= weight
      if target < 0 { return index }
    }
    return weights.lastIndex { $0 > 0 }
  }
}
