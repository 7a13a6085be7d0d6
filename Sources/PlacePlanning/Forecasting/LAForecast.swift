/// An LA's caseload forecast by setting type, with what it was made from.
public struct LAForecast: Sendable {
  public let laCode: String
  public let laName: String
  /// The last census the forecast used.
  public let throughYear: Int
  /// The census years the models were fitted on.
  public let censusYearsUsed: [Int]
  /// The method asked for; `rows` say per setting type if a fallback was used.
  public let method: ForecastMethod
  /// Actuals up to `throughYear`, then forecasts for `throughYear + 1 …`, by setting type.
  public let rows: [ForecastRow]
  /// One line per fitted model: setting type and its fitted formula.
  public let fits: [SettingType: String]
  /// What a reader must know: joins, cuts, fallbacks, population assumptions.
  public let notes: [String]

  public init(
    laCode: String, laName: String, throughYear: Int, censusYearsUsed: [Int],
    method: ForecastMethod, rows: [ForecastRow], fits: [SettingType: String], notes: [String]
  ) {
    self.laCode = laCode
    self.laName = laName
    self.throughYear = throughYear
    self.censusYearsUsed = censusYearsUsed
    self.method = method
    self.rows = rows
    self.fits = fits
    self.notes = notes
  }
}
