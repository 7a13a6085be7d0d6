/// The keys of the rows read so far and the line each first appeared on: a second row with
/// the same key is a located `duplicateRow` error naming both lines.
struct RowKeys {
  private var lines: [String: Int] = [:]

  /// Records the key of a row, or throws if an earlier row had it.
  mutating func check(_ key: String, table: CSVTable, row: Int) throws(InputError) {
    let line = table.line(ofRow: row)
    if let first = lines[key] {
      throw .duplicateRow(file: table.file, line: line, firstLine: first, key: key)
    }
    lines[key] = line
  }
}
