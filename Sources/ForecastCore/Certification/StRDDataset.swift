/// NIST StRD linear-regression dataset parsed from the .dat text (no file I/O here).
///
/// The Statistical Reference Datasets (NIST/ITL) give certified least-squares results
/// computed in 500-digit arithmetic. A file states its model, e.g.
///
/// ```
/// y = B0 + B1*x + B2*(x**2) + ... + B10*(x**10) + e    (Filip: polynomial, degree 10)
/// y = B0 + B1*x1 + ... + B6*x6 + e                       (Longley: 6 predictors)
/// y = B1*x + e                                           (NoInt1/2: no intercept)
/// ```
///
/// followed by certified estimates, their standard deviations, the residual standard
/// deviation, R², and the data block whose line range the header announces.
public struct StRDDataset: Sendable {
  /// Dataset name, e.g. `"Filip"`.
  public let name: String
  /// Per observation the predictor values (one for polynomial datasets).
  public let x: [[Double]]
  /// Response per observation.
  public let y: [Double]
  /// Certified `B0, B1, …` (or `B1` alone for the no-intercept models).
  public let certifiedCoefficients: [Double]
  /// Certified standard deviations of the estimates, same order.
  public let certifiedStandardErrors: [Double]
  /// Certified residual standard deviation `s`.
  public let certifiedResidualStandardDeviation: Double
  /// Certified R² (uncentred for the no-intercept models).
  public let certifiedRSquared: Double
  /// Whether the model has the constant term `B0`.
  public let hasIntercept: Bool
  /// Polynomial degree when there is one predictor; `nil` for a multiple regression.
  private let polynomialDegree: Int?

  /// Parses the full text of a StRD linear least-squares `.dat` file.
  ///
  /// - Throws: `StRDParseError` with the line number and what was expected there.
  public init(name: String, text: String) throws(StRDParseError) {
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map {
      $0.trimmingSuffix("\r").trimmed()
    }
    func tokens(_ line: Substring) -> [Substring] {
      line.split(whereSeparator: { $0 == " " || $0 == "\t" })
    }

    // "Data   (lines 61 to 142)" in the header.
    guard
      let rangeIndex = lines.firstIndex(where: { $0.hasPrefix("Data") && $0.contains("(lines") })
    else {
      throw StRDParseError(line: 0, expected: "a header line 'Data (lines A to B)'")
    }
    let rangeTokens = tokens(lines[rangeIndex]).map { $0.filter { $0.isNumber } }.compactMap {
      Int($0)
    }
    guard rangeTokens.count == 2, rangeTokens[0] >= 1, rangeTokens[0] <= rangeTokens[1],
      rangeTokens[1] <= lines.count
    else {
      throw StRDParseError(
        line: rangeIndex + 1, expected: "'(lines A to B)' with 1 ≤ A ≤ B ≤ \(lines.count)")
    }
    let firstDataLine = rangeTokens[0]
    let lastDataLine = rangeTokens[1]

    // Model formula.
    guard let modelIndex = lines.firstIndex(where: { $0.hasPrefix("y =") || $0.hasPrefix("y=") })
    else {
      throw StRDParseError(line: 0, expected: "a model line 'y = B0 + ...'")
    }
    let hasIntercept = lines[modelIndex].contains("B0")

    // Certified values: "B3  estimate  sd", "Standard Deviation  s", "R-Squared  r2".
    var coefficients: [Double] = []
    var standardErrors: [Double] = []
    var residualSD: Double?
    var rSquared: Double?
    for index in 0..<(firstDataLine - 1) {
      let line = lines[index]
      let parts = tokens(line)
      if let first = parts.first, first.count >= 2, first.first == "B",
        first.dropFirst().allSatisfy(\.isNumber)
      {
        guard parts.count == 3, let estimate = Double(parts[1]), let sd = Double(parts[2]) else {
          throw StRDParseError(line: index + 1, expected: "'Bk  estimate  standard deviation'")
        }
        coefficients.append(estimate)
        standardErrors.append(sd)
      } else if line.hasPrefix("Standard Deviation"), let last = parts.last,
        let value = Double(last)
      {
        residualSD = value
      } else if line.hasPrefix("R-Squared") {
        guard let last = parts.last, let value = Double(last) else {
          throw StRDParseError(line: index + 1, expected: "'R-Squared  value'")
        }
        rSquared = value
      }
    }
    guard !coefficients.isEmpty else {
      throw StRDParseError(line: 0, expected: "certified parameter lines 'Bk  estimate  sd'")
    }
    guard let residualSD else {
      throw StRDParseError(line: 0, expected: "a line 'Standard Deviation  value'")
    }
    guard let rSquared else {
      throw StRDParseError(line: 0, expected: "a line 'R-Squared  value'")
    }

    // Data block.
    var xs: [[Double]] = []
    var ys: [Double] = []
    for lineNumber in firstDataLine...lastDataLine {
      let values = tokens(lines[lineNumber - 1]).map { Double($0) }
      let width = xs.first.map { $0.count + 1 }
      guard values.count >= 2, values.allSatisfy({ $0 != nil }),
        width == nil || width == values.count
      else {
        throw StRDParseError(
          line: lineNumber,
          expected: "\(width.map(String.init) ?? "≥ 2") numbers (y then the predictors)")
      }
      let numbers = values.compactMap { $0 }
      ys.append(numbers[0])
      xs.append(Array(numbers.dropFirst()))
    }

    let predictorCount = xs.first?.count ?? 0
    let p = coefficients.count
    let interceptTerms = hasIntercept ? 1 : 0
    if predictorCount == 1 {
      let degree = p - interceptTerms
      guard degree >= 1 else {
        throw StRDParseError(line: modelIndex + 1, expected: "a model with at least one slope")
      }
      polynomialDegree = degree
    } else {
      guard p == predictorCount + interceptTerms else {
        throw StRDParseError(
          line: modelIndex + 1,
          expected: "\(predictorCount + interceptTerms) parameters for \(predictorCount) predictors"
        )
      }
      polynomialDegree = nil
    }

    self.name = name
    self.x = xs
    self.y = ys
    self.certifiedCoefficients = coefficients
    self.certifiedStandardErrors = standardErrors
    self.certifiedResidualStandardDeviation = residualSD
    self.certifiedRSquared = rSquared
    self.hasIntercept = hasIntercept
  }

  /// The `n×p` design matrix of the certified model.
  ///
  /// Polynomial datasets (one predictor, degree `d`):
  ///
  /// ```
  /// row i = (1, xᵢ, xᵢ², …, xᵢᵈ)      (without the leading 1 when there is no intercept)
  /// ```
  ///
  /// with powers formed in extended precision and rounded once to `Double`; multiple
  /// regressions (Longley): `(1, x₁, …, x_k)`.
  public func designMatrix() -> Matrix {
    let n = y.count
    let intercept = hasIntercept ? 1 : 0
    let p = certifiedCoefficients.count
    var values = [Double](repeating: 0, count: n * p)
    for i in 0..<n {
      if hasIntercept { values[i] = 1 }
      if let polynomialDegree {
        let xi = ExtendedFloat(x[i][0])
        var power: ExtendedFloat = 1
        for k in 1...polynomialDegree {
          power *= xi
          values[i + (intercept + k - 1) * n] = Double(power)
        }
      } else {
        for (k, value) in x[i].enumerated() {
          values[i + (intercept + k) * n] = value
        }
      }
    }
    return Matrix(rows: n, columns: p, columnMajor: values)
  }
}

extension Substring {
  /// The substring without leading and trailing spaces and tabs.
  fileprivate func trimmed() -> Substring {
    let isBlank: (Character) -> Bool = { $0 == " " || $0 == "\t" }
    guard let start = firstIndex(where: { !isBlank($0) }),
      let end = lastIndex(where: { !isBlank($0) })
    else { return self[endIndex...] }
    return self[start...end]
  }

  /// The substring without a trailing `suffix`, if present.
  fileprivate func trimmingSuffix(_ suffix: String) -> Substring {
    hasSuffix(suffix) ? dropLast(suffix.count) : self
  }
}
