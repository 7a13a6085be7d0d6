/// A housing development in an LA's housing trajectory: where it is and how many dwellings
/// of each kind are expected to complete in each academic year.
public struct Development: Sendable, Equatable {
  /// Dwellings of one mix completing in one academic year.
  public struct Completions: Sendable, Equatable {
    public var mix: DwellingMix
    public var academicYear: AcademicYear
    /// Dwellings completed (whole dwellings, ≥ 0).
    public var dwellings: Int
    /// File and line, for tracing.
    public var source: String

    public init(mix: DwellingMix, academicYear: AcademicYear, dwellings: Int, source: String = "") {
      self.mix = mix
      self.academicYear = academicYear
      self.dwellings = dwellings
      self.source = source
    }
  }

  public var name: String
  /// The district (lower-tier LA) it is in, as named in the DfE pupil yield dashboard; nil
  /// when not given (the LA's share is used).
  public var district: String?
  public var completions: [Completions]
  /// File and first line, for tracing.
  public var source: String

  public init(name: String, district: String?, completions: [Completions], source: String = "") {
    self.name = name
    self.district = district
    self.completions = completions
    self.source = source
  }

  /// All dwellings over the trajectory.
  public var dwellings: Int { completions.reduce(0) { $0 + $1.dwellings } }

  /// Dwellings of a number of bedrooms.
  public func dwellings(bedrooms: DwellingMix.Bedrooms) -> Int {
    completions.filter { $0.mix.bedrooms == bedrooms }.reduce(0) { $0 + $1.dwellings }
  }

  /// The academic years with completions, in order.
  public var years: [AcademicYear] {
    Array(Set(completions.filter { $0.dwellings > 0 }.map(\.academicYear))).sorted()
  }

  /// The first academic year with completions (the first year of the trajectory when none).
  public var firstYear: AcademicYear? {
    years.first ?? completions.map(\.academicYear).min()
  }
}
