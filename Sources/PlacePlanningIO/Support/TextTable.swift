import Foundation

/// Renders rows of text as an aligned plain-text table.
///
/// A table wider than `maximumWidth` characters is printed in parts, each with the first
/// (key) column and as many of the others as fit, one part under the other, so that it
/// reads in a 100-column terminal; `--wide` prints it whole.
public enum TextTable {
  /// The widest line a table may print before it is split into parts (`Int.max`: never).
  /// Set once by the command line before any output.
  nonisolated(unsafe) public static var maximumWidth = 100

  /// - Parameter rightAligned: indices of columns aligned right (numbers).
  public static func render(header: [String], rows: [[String]], rightAligned: Set<Int> = [])
    -> String
  {
    var widths = header.map(\.count)
    for row in rows {
      for (index, cell) in row.enumerated() where index < widths.count {
        widths[index] = max(widths[index], cell.count)
      }
    }
    let parts = split(widths: widths)
    return parts.map { columns in
      renderPart(
        header: header, rows: rows, rightAligned: rightAligned, widths: widths,
        columns: columns)
    }.joined(separator: "\n")
  }

  /// Groups of column indices that each fit `maximumWidth` (the key column repeated in
  /// each); one group holding every column when the table fits.
  static func split(widths: [Int]) -> [[Int]] {
    let total = widths.reduce(0, +) + 2 * max(0, widths.count - 1)
    guard total > maximumWidth, widths.count > 2 else { return [Array(widths.indices)] }
    var parts: [[Int]] = []
    var current = [0]
    var width = widths[0]
    for index in widths.indices.dropFirst() {
      if current.count > 1 && width + 2 + widths[index] > maximumWidth {
        parts.append(current)
        current = [0]
        width = widths[0]
      }
      current.append(index)
      width += 2 + widths[index]
    }
    parts.append(current)
    return parts
  }

  static func renderPart(
    header: [String], rows: [[String]], rightAligned: Set<Int>, widths: [Int], columns: [Int]
  ) -> String {
    func format(_ cells: [String]) -> String {
      columns.compactMap { index -> String? in
        guard index < widths.count else { return nil }
        let cell = index < cells.count ? cells[index] : ""
        let pad = String(repeating: " ", count: max(0, widths[index] - cell.count))
        return rightAligned.contains(index) ? pad + cell : cell + pad
      }.joined(separator: "  ").replacingOccurrences(
        of: "\\s+$", with: "", options: .regularExpression)
    }
    var lines = [
      format(header),
      columns.map { String(repeating: "-", count: widths[$0]) }.joined(separator: "  "),
    ]
    lines += rows.map(format)
    return lines.joined(separator: "\n") + "\n"
  }
}
