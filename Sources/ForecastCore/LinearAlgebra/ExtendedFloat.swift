/// The floating-point type used to accumulate residuals during iterative refinement.
///
/// On x86-64 this is the 80-bit x87 extended format (64-bit significand, unit roundoff
///
/// ```
/// u = 2^-64 ≈ 5.4e-20
/// ```
///
/// versus `2^-53 ≈ 1.1e-16` for `Double`). Refinement needs residuals computed in
/// higher precision than the factorisation; on platforms without `Float80` it falls back
/// to `Double`, which still converges but only to working accuracy.
#if arch(x86_64) && !os(Windows)
  typealias ExtendedFloat = Float80
#else
  typealias ExtendedFloat = Double
#endif
