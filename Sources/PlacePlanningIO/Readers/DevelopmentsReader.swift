import PlacePlanning

/// Reads a housing trajectory for Section 106 (CSV, long layout, one row per development,
/// dwelling mix and academic year of completions):
/// ```
/// development,district,dwelling_type,bedrooms,tenure,academic_year,completions
/// ```
/// `dwelling_type` is `house` or `flat`; `bedrooms` `1`, `2`, `3` or `4+`; `tenure` `market`
/// or `affordable`; `academic_year` such as `2027/28`; `completions` a whole number of
/// dwellings ≥ 0. `district` names the district as the DfE pupil yield dashboard does
/// (`Mid Sussex`), or is blank to use the LA's EHCP share; one development has one district.
/// A development, mix and year given twice is an error. Developments keep the order of their
/// first rows.
public enum DevelopmentsReader {
  static let schema =
    "developments (development, district, dwelling_type, bedrooms, tenure, academic_year, completions)"
  /// The columns, in the order written.
  public static let columns = [
    "development", "district", "dwelling_type", "bedrooms", "tenure", "academic_year",
    "completions",
  ]
  /// Academic years a trajectory may name.
  public static let yearRange = 2000...2060

  /// Reads a file. When `knownDistricts` is given, a district not in it is an error (names
  /// compared case-insensitively; the dashboard's spelling is kept).
  public static func read(path: String, knownDistricts: [String]? = nil) throws(InputError)
    -> [Development]
  {
    try read(table: CSVTable.read(path: path), knownDistricts: knownDistricts)
  }

  public static func parse(text: String, file: String, knownDistricts: [String]? = nil)
    throws(InputError) -> [Development]
  {
    try read(table: CSVTable.parse(text: text, file: file), knownDistricts: knownDistricts)
  }

  static func read(table: CSVTable, knownDistricts: [String]?) throws(InputError)
    -> [Development]
  {
    guard table.index(of: "development") != nil, table.index(of: "completions") != nil else {
      throw .unknownSchema(file: table.file, header: table.header, expected: schema)
    }
    var index: [String: Int] = [:]
    for name in columns { index[name] = try table.require(name, schema: schema) }
    let name = index["development"] ?? 0
    let district = index["district"] ?? 0
    let type = index["dwelling_type"] ?? 0
    let bedrooms = index["bedrooms"] ?? 0
    let tenure = index["tenure"] ?? 0
    let year = index["academic_year"] ?? 0
    let completions = index["completions"] ?? 0
    let districts = knownDistricts.map { names in
      Dictionary(names.map { ($0.lowercased(), $0) }, uniquingKeysWith: { first, _ in first })
    }

    var order: [String] = []
    var developments: [String: Development] = [:]
    var districtLine: [String: Int] = [:]
    var seen: [String: Int] = [:]
    for row in table.rows.indices {
      let fields = table.rows[row]
      let line = table.line(ofRow: row)
      func fail(_ column: Int, _ problem: String, _ fix: String) -> InputError {
        .invalid(file: table.file, line: line, column: column + 1, problem: problem, fix: fix)
      }
      let development = fields[name].trimmedSpaces
      guard !development.isEmpty else {
        throw fail(name, "development is blank", "name the development, e.g. its site allocation")
      }
      let districtText = fields[district].trimmedSpaces
      var districtName: String? = districtText.isEmpty ? nil : districtText
      if let given = districtName, let districts {
        guard let known = districts[given.lowercased()] else {
          let suggestions = districts.values.sorted().filter {
            $0.lowercased().hasPrefix(String(given.lowercased().prefix(3)))
          }
          throw fail(
            district, "district \"\(given.prefix(40))\" is not in the pupil yield dashboard",
            suggestions.isEmpty
              ? "name the district as the DfE pupil yield dashboard does, or leave it blank to use the LA's share"
              : "did you mean \(suggestions.prefix(3).joined(separator: " or "))? Or leave it blank to use the LA's share"
          )
        }
        districtName = known
      }
      let typeText = fields[type].trimmedSpaces
      guard let dwellingType = DwellingMix.DwellingType(rawValue: typeText.lowercased()) else {
        throw fail(
          type, "dwelling_type is \"\(typeText.prefix(40))\"",
          "use house or flat (bungalows are houses, maisonettes flats)")
      }
      let bedroomsText = fields[bedrooms].trimmedSpaces
      guard let rooms = DwellingMix.Bedrooms(rawValue: bedroomsText) else {
        throw fail(
          bedrooms, "bedrooms is \"\(bedroomsText.prefix(40))\"",
          "use 1, 2, 3 or 4+ (four or more bedrooms are 4+)")
      }
      let tenureText = fields[tenure].trimmedSpaces
      guard let dwellingTenure = DwellingMix.Tenure(rawValue: tenureText.lowercased()) else {
        throw fail(
          tenure, "tenure is \"\(tenureText.prefix(40))\"",
          "use market or affordable (social and affordable rent and shared ownership are affordable)"
        )
      }
      let yearText = fields[year].trimmedSpaces
      guard let academicYear = AcademicYear(parsing: yearText),
        yearRange.contains(academicYear.startYear)
      else {
        throw fail(
          year, "academic_year is \"\(yearText.prefix(40))\"",
          "write an academic year such as 2027/28, from 2000/01 to 2060/61")
      }
      let countText = fields[completions].trimmedSpaces
      guard let count = Double(countText), count.isFinite else {
        throw fail(
          completions, "completions is \"\(countText.prefix(40))\", not a number",
          "give the number of dwellings completing that year (0 if none)")
      }
      guard count >= 0 else {
        throw .negativeCount(
          file: table.file, line: line, column: completions + 1, name: "completions",
          value: countText)
      }
      guard count == count.rounded(), count <= 1_000_000 else {
        throw fail(
          completions, "completions is \(countText); expected a whole number of dwellings",
          "round to whole dwellings")
      }
      let mix = DwellingMix(type: dwellingType, bedrooms: rooms, tenure: dwellingTenure)
      let key = "\(development) | \(mix) | \(academicYear)"
      if let first = seen[key] {
        throw .invalid(
          file: table.file, line: line, column: nil,
          problem:
            "\(development), \(mix), \(academicYear) appears again (first on line \(first))",
          fix: "add the two rows' completions into one row, or correct the mix or year")
      }
      seen[key] = line
      let entry = Development.Completions(
        mix: mix, academicYear: academicYear, dwellings: Int(count),
        source: "\(table.file):\(line)")
      if var existing = developments[development] {
        if existing.district != districtName {
          throw fail(
            district,
            "\(development) is in \(districtName ?? "no district") here but in \(existing.district ?? "no district") on line \(districtLine[development] ?? 0)",
            "give one district for all of a development's rows")
        }
        existing.completions.append(entry)
        developments[development] = existing
      } else {
        order.append(development)
        districtLine[development] = line
        developments[development] = Development(
          name: development, district: districtName, completions: [entry],
          source: "\(table.file):\(line)")
      }
    }
    return order.compactMap { developments[$0] }
  }
}
