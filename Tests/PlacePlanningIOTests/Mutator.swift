import ForecastCore

/// Seeded damage to a file's bytes, as a careless export or a bad edit would do it: byte
/// flips, deletions, insertions (delimiters, quotes, line ends, BOMs, NUL, bytes that are not
/// UTF-8), truncation, absurd numbers, duplicated lines and swapped bytes.
enum Mutator {
  static let alphabet: [UInt8] =
    Array(",,,\"\n\r;\t-0123456789.exzc:E ".utf8) + [0xEF, 0xBB, 0xBF, 0xFF, 0x00]

  /// Numbers a field may be replaced with: huge, negative, not a number, tiny, odd years.
  static let numbers = [
    "1e308", "-1", "nan", "inf", "99999999999999999999", "0.0000001", "202526", "1900", "NaN",
    "1e19",
  ]

  static func mutate(_ bytes: [UInt8], using generator: inout SeededGenerator) -> [UInt8] {
    var data = bytes
    let edits = Int.random(in: 1...4, using: &generator)
    for _ in 0..<edits {
      guard !data.isEmpty else { break }
      let position = Int.random(in: 0..<data.count, using: &generator)
      switch Int.random(in: 0..<7, using: &generator) {
      case 0: data[position] = alphabet.randomElement(using: &generator) ?? 0
      case 1: data.remove(at: position)
      case 2: data.insert(alphabet.randomElement(using: &generator) ?? 0, at: position)
      case 3: data = Array(data.prefix(position))  // truncate
      case 4:  // replace a field with a large, tiny or odd number
        let text = Array((numbers.randomElement(using: &generator) ?? "0").utf8)
        data.replaceSubrange(position..<min(data.count, position + 3), with: text)
      case 5:  // duplicate a line
        let lines = data.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
        if let line = lines.randomElement(using: &generator) {
          data.append(contentsOf: [UInt8(ascii: "\n")] + line)
        }
      default: data.swapAt(position, Int.random(in: 0..<data.count, using: &generator))
      }
    }
    return data
  }
}
