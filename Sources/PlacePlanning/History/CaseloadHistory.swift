import Foundation

/// All LAs' caseload series, with recoded LAs joined under one code.
///
/// The code an LA is known by is the one on its latest census record (so Buckinghamshire is
/// E10000002, as in the 2025 SEN2 release); records under its other codes are joined into
/// the same series. LAs whose boundaries changed are not joined (see `LocalAuthorityCodes`).
public struct CaseloadHistory: Sendable {
  /// One LA's series: records sorted by census year, one per year.
  public struct Series: Sendable {
    public let laCode: String
    public let laName: String
    /// Every code the series was published under, `laCode` first.
    public let codes: [String]
    public let records: [CaseloadRecord]

    /// The census years with a record.
    public var censusYears: [Int] { records.map(\.censusYear) }

    /// The record for a census year, if any.
    public func record(for censusYear: Int) -> CaseloadRecord? {
      position(of: censusYear).map { records[$0] }
    }

    /// The count of a setting type at a census year, if published (read in place, without
    /// copying the record).
    public func count(of setting: SettingType, at censusYear: Int) -> Double? {
      guard let index = position(of: censusYear) else { return nil }
      return records[index].counts[setting]
    }

    /// Where a census year's record is in `records`. Records run year by year from the
    /// first, so it is usually at its year's offset; a gap falls back to the search.
    func position(of censusYear: Int) -> Int? {
      if let first = records.first?.censusYear {
        let offset = censusYear &- first
        if offset >= 0, offset < records.count, records[offset].censusYear == censusYear {
          return offset
        }
      }
      return records.firstIndex { $0.censusYear == censusYear }
    }

    /// The records up to and including a census year.
    public func through(_ censusYear: Int) -> [CaseloadRecord] {
      records.filter { $0.censusYear <= censusYear }
    }

    /// The latest census from `earliest` to `censusYear` that publishes both the LA's total
    /// and its count of a setting type, with the two counts. A release that suppresses an
    /// LA's breakdown by setting type (Cambridgeshire's and North East Lincolnshire's in
    /// January 2025) leaves the total alone, so the setting type is read from the census
    /// before; nil when none in the range has it.
    public func latestCount(
      of setting: SettingType, through censusYear: Int, earliest: Int
    ) -> (censusYear: Int, count: Double, total: Double)? {
      for record in records.reversed()
      where record.censusYear <= censusYear && record.censusYear >= earliest {
        if let count = record[setting], let total = record[.total], total > 0 {
          return (record.censusYear, count, total)
        }
      }
      return nil
    }

    /// The setting types an earlier census (from `earliest(setting)`) counted for this LA
    /// but census `censusYear` does not: its breakdown was suppressed or not returned.
    public func settingsMissing(at censusYear: Int, earliest: (SettingType) -> Int)
      -> [SettingType]
    {
      guard let record = record(for: censusYear) else { return [] }
      return SettingType.allCases.filter { setting in
        setting != .total && record[setting] == nil
          && records.contains {
            $0.censusYear < censusYear && $0.censusYear >= earliest(setting)
              && $0[setting] != nil
          }
      }
    }
  }

  /// England's code, under which national rows are kept.
  public static let englandCode = "E92000001"

  /// LA series in the order of their codes.
  public let series: [Series]
  /// England's series, when the file has national rows.
  public let national: Series?

  /// Groups records by LA, joining recoded LAs. Where two codes of one area both have a
  /// record for a year, the record under the latest code is kept.
  public init(records: [CaseloadRecord]) {
    var groups: [String: [CaseloadRecord]] = [:]
    for record in records {
      let key = LocalAuthorityCodes.aliases(of: record.laCode).sorted().first ?? record.laCode
      groups[key, default: []].append(record)
    }
    var built: [Series] = []
    for (_, group) in groups {
      let sorted = group.sorted { $0.censusYear < $1.censusYear }
      guard let latest = sorted.last else { continue }
      var byYear: [Int: CaseloadRecord] = [:]
      for record in sorted {
        if let existing = byYear[record.censusYear], existing.laCode == latest.laCode {
          continue
        }
        byYear[record.censusYear] = record
      }
      let kept = byYear.values.sorted { $0.censusYear < $1.censusYear }
      var codes = [latest.laCode]
      for record in sorted where !codes.contains(record.laCode) { codes.append(record.laCode) }
      built.append(
        Series(laCode: latest.laCode, laName: latest.laName, codes: codes, records: kept))
    }
    series = built.filter { $0.laCode != Self.englandCode }.sorted { $0.laCode < $1.laCode }
    national = built.first { $0.laCode == Self.englandCode }
  }

  /// England's series: the national rows when the file has them, otherwise the sum of the
  /// LAs' counts in each census year (nil when there are no LAs).
  public var englandSeries: Series? {
    if let national { return national }
    var sums: [Int: PerSetting<Double>] = [:]
    for item in series {
      for record in item.records {
        for (setting, value) in record.counts {
          sums[record.censusYear, default: [:]][setting, default: 0] += value
        }
      }
    }
    guard !sums.isEmpty else { return nil }
    let records = sums.keys.sorted().map { year in
      CaseloadRecord(
        laCode: Self.englandCode, laName: "England (sum of LAs)", censusYear: year,
        counts: sums[year] ?? PerSetting(), source: "sum of LA records")
    }
    return Series(
      laCode: Self.englandCode, laName: "England (sum of LAs)", codes: [Self.englandCode],
      records: records)
  }

  /// The series for an LA given by any of its codes or its name (case-insensitive).
  public func find(_ query: String) -> Series? {
    let trimmed = query.trimmingCharacters(in: .whitespaces)
    if let byCode = series.first(where: { $0.codes.contains(trimmed.uppercased()) }) {
      return byCode
    }
    let lowered = trimmed.lowercased()
    return series.first { $0.laName.lowercased() == lowered }
  }

  /// Names or codes that look like a query, for a "did you mean" hint.
  public func suggestions(for query: String, limit: Int = 3) -> [String] {
    let lowered = query.lowercased()
    var matches = series.filter {
      $0.laName.lowercased().contains(lowered) || lowered.contains($0.laName.lowercased())
    }
    if matches.isEmpty {
      // Near misses of spelling: names within a third of the query's length in edits
      // (at most 3), nearest first; "West Sussx" → West Sussex.
      let allowed = min(3, max(1, lowered.count / 3))
      matches =
        series.map { (series: $0, distance: Self.editDistance(lowered, $0.laName.lowercased())) }
        .filter { $0.distance <= allowed }
        .sorted { ($0.distance, $0.series.laName) < ($1.distance, $1.series.laName) }
        .map(\.series)
    }
    return matches.prefix(limit).map { "\($0.laCode) \($0.laName)" }
  }

  /// Levenshtein distance: the fewest single-character insertions, deletions and
  /// substitutions that turn `a` into `b`.
  static func editDistance(_ a: String, _ b: String) -> Int {
    let a = Array(a)
    let b = Array(b)
    guard !a.isEmpty else { return b.count }
    guard !b.isEmpty else { return a.count }
    var previous = Array(0...b.count)
    var current = [Int](repeating: 0, count: b.count + 1)
    for i in 1...a.count {
      current[0] = i
      for j in 1...b.count {
        let substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)
        current[j] = min(previous[j] + 1, current[j - 1] + 1, substitution)
      }
      swap(&previous, &current)
    }
    return previous[b.count]
  }
}
