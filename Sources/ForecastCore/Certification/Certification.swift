import Foundation

/// Accuracy check of `LeastSquares` against the NIST StRD certified values.
public enum Certification {
  /// LRE = -log10(|est - cert| / |cert|), capped at 15 (and = 15 when exactly equal); when cert == 0 use -log10|est|.
  ///
  /// ```
  /// LRE = −log₁₀(|est − cert| / |cert|)   (cert ≠ 0)
  /// LRE = −log₁₀|est|                     (cert = 0)
  /// ```
  ///
  /// The result is the number of agreeing significant digits, clamped to `[0, 15]`
  /// (15 for exact agreement, 0 for a non-finite estimate or no agreement).
  public static func logRelativeError(estimate: Double, certified: Double) -> Double {
    guard estimate.isFinite else { return 0 }
    if estimate == certified { return 15 }
    let error = certified == 0 ? abs(estimate) : abs(estimate - certified) / abs(certified)
    return min(15, max(0, -log10(error)))
  }

  /// Fits the dataset's certified model with `LeastSquares.fit` and scores it.
  public static func certify(_ dataset: StRDDataset) throws(LeastSquaresError)
    -> CertificationResult
  {
    let fit = try LeastSquares.fit(
      design: dataset.designMatrix(), response: dataset.y, hasIntercept: dataset.hasIntercept)
    func minimumLRE(_ estimates: [Double], _ certified: [Double]) -> Double {
      zip(estimates, certified).map { logRelativeError(estimate: $0, certified: $1) }.min() ?? 0
    }
    return CertificationResult(
      dataset: dataset.name,
      minimumLRECoefficients: minimumLRE(fit.coefficients, dataset.certifiedCoefficients),
      minimumLREStandardErrors: minimumLRE(fit.standardErrors, dataset.certifiedStandardErrors),
      lreResidualStandardDeviation: logRelativeError(
        estimate: fit.residualStandardDeviation,
        certified: dataset.certifiedResidualStandardDeviation),
      lreRSquared: logRelativeError(estimate: fit.rSquared, certified: dataset.certifiedRSquared))
  }
}
