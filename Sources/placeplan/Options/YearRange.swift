import ArgumentParser

/// A range of years or horizons on the command line: `2018-2024`, or one value `2022`.
struct YearRange: ExpressibleByArgument {
  let range: ClosedRange<Int>

  init(_ range: ClosedRange<Int>) {
    self.range = range
  }

  init?(argument: String) {
    let parts = argument.split(separator: "-", omittingEmptySubsequences: false)
    guard (1...2).contains(parts.count),
      let low = Int(parts[0].trimmingCharacters(in: .whitespaces)),
      let high = Int((parts.last ?? "").trimmingCharacters(in: .whitespaces)), low <= high
    else { return nil }
    range = low...high
  }

  var defaultValueDescription: String { "\(range.lowerBound)-\(range.upperBound)" }
}
