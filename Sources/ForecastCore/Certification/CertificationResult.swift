/// Log relative errors (LRE, "number of correct significant digits") of a fit against
/// the NIST certified values of one StRD dataset.
public struct CertificationResult: Sendable {
  /// Dataset name.
  public let dataset: String
  /// Smallest LRE over the coefficients, in digits (0…15).
  public let minimumLRECoefficients: Double
  /// Smallest LRE over the coefficient standard errors, in digits (0…15).
  public let minimumLREStandardErrors: Double
  /// LRE of the residual standard deviation, in digits (0…15).
  public let lreResidualStandardDeviation: Double
  /// LRE of R², in digits (0…15).
  public let lreRSquared: Double

  public init(
    dataset: String, minimumLRECoefficients: Double, minimumLREStandardErrors: Double,
    lreResidualStandardDeviation: Double, lreRSquared: Double
  ) {
    self.dataset = dataset
    self.minimumLRECoefficients = minimumLRECoefficients
    self.minimumLREStandardErrors = minimumLREStandardErrors
    self.lreResidualStandardDeviation = lreResidualStandardDeviation
    self.lreRSquared = lreRSquared
  }

  /// The acceptance bar:
  ///
  /// ```
  /// min LRE(β) ≥ 7.0,  min LRE(se) ≥ 6.0,  LRE(s) ≥ 6.0
  /// ```
  public var passes: Bool {
    minimumLRECoefficients >= 7.0 && minimumLREStandardErrors >= 6.0
      && lreResidualStandardDeviation >= 6.0
  }
}
