import Foundation

/// Renders rows of text as an aligned plain-text table.
public enum TextTable {
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
    func format(_ cells: [String]) -> String {
      cells.enumerated().map { index, cell in
        let pad = String(repeating: " ", count: max(0, widths[index] - cell.count))
        return rightAligned.contains(index) ? pad + cell : cell + pad
      }.joined(separator: "  ").replacingOccurrences(
        of: "\\s+$", with: "", options: .regularExpression)
    }
    var lines = [
      format(header), widths.map { String(repeating: "-", count: $0) }.joined(separator: "  "),
    ]
    lines += rows.map(format)
    return lines.joined(separator: "\n") + "\n"
  }
}
