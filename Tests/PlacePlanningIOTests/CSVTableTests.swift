import PlacePlanTestSupport
import XCTest

@testable import PlacePlanningIO

/// The byte-scanning CSV reader: RFC 4180 quoting, line numbers where rows start, line ends.
final class CSVTableTests: XCTestCase {
  /// Quoted fields keep commas, doubled quotes and line breaks; the row after a quoted
  /// line break starts on line 4 (header 1, row 2 spans lines 2–3); CRLF and a missing last
  /// line end read the same; a blank line is skipped but counted.
  func testQuotingLineNumbersAndLineEnds() throws {
    let text = "a,b,c\r\n1,\"x, \"\"y\"\"\",\"two\nlines\"\r\n2,,\r\n\r\n3,z,\u{00A3}5"
    let table = try CSVTable.parse(text: text, file: "t.csv")
    XCTAssertEqual(table.header, ["a", "b", "c"])
    XCTAssertEqual(
      table.rows.map(Array.init),
      [["1", "x, \"y\"", "two\nlines"], ["2", "", ""], ["3", "z", "£5"]])
    XCTAssertEqual(table.lines, [2, 4, 6])
  }

  /// Fields are kept where they lie and made text when read: a quoted field with nothing to
  /// undo, one with doubled quotes, one with text after its closing quote (kept, as
  /// Python's csv keeps it), an empty quoted field, a trailing comma at the end of the
  /// file; a line holding only `""` is skipped as blank.
  func testFieldsReadLazilyMatchPythonsCSV() throws {
    // Python: list(csv.reader(io.StringIO(text))) gives these rows (the `""` line is [''],
    // which the table drops as blank).
    let text = "a,b,c\n\"plain\",\"say \"\"hi\"\"\",\"q\"tail\n\"\"\n\"\",x,\n4,5,"
    let table = try CSVTable.parse(text: text, file: "t.csv")
    XCTAssertEqual(
      table.rows.map(Array.init),
      [["plain", "say \"hi\"", "qtail"], ["", "x", ""], ["4", "5", ""]])
    XCTAssertEqual(table.lines, [2, 4, 5])
    XCTAssertEqual(table.rows[1][1], "x")
    XCTAssertEqual(table.rows[2].count, 3)
  }

  /// Errors come in a fixed order whatever their place in the file: a quote never closed
  /// before a row of the wrong length above it; a header of one column holding semicolons
  /// before its rows' lengths.
  func testErrorOrder() {
    XCTAssertThrowsError(try CSVTable.parse(text: "a,b\n1\n2,3\n\"open\n", file: "t.csv")) {
      XCTAssertEqual(
        $0 as? InputError,
        .malformedCSV(file: "t.csv", line: 4, reason: "a quoted field is never closed"))
    }
    XCTAssertThrowsError(try CSVTable.parse(text: "a;b\n1;2\n3,4\n", file: "t.csv")) {
      XCTAssertEqual($0 as? InputError, .wrongDelimiter(file: "t.csv", found: "semicolons"))
    }
    XCTAssertThrowsError(try CSVTable.parse(text: "a,b\n\n\"\"\n", file: "t.csv")) {
      XCTAssertEqual($0 as? InputError, .headerOnly(file: "t.csv"))
    }
  }

  /// A byte-order mark is dropped from the header; a quote never closed is located at the
  /// line its row starts on; a short row names its line and the counts.
  func testBOMUnclosedQuoteAndShortRow() {
    XCTAssertEqual(
      try CSVTable.parse(text: "\u{FEFF}a,b\n1,2\n", file: "t.csv").header, ["a", "b"])
    XCTAssertThrowsError(try CSVTable.parse(text: "a,b\n1,2\n3,\"open\n4,5\n", file: "t.csv")) {
      XCTAssertEqual(
        $0 as? InputError,
        .malformedCSV(file: "t.csv", line: 3, reason: "a quoted field is never closed"))
    }
    XCTAssertThrowsError(try CSVTable.parse(text: "a,b,c\n1,2,3\n4,5\n", file: "t.csv")) {
      XCTAssertEqual(
        $0 as? InputError, .wrongFieldCount(file: "t.csv", line: 3, expected: 3, found: 2))
    }
  }

  /// The same rows as Python's csv module on a real file, the SEN2 2025 caseload extract
  /// (Tests/Fixtures/caseload2025_extract.csv), read with `csv.reader` (encoding
  /// utf-8-sig): 27 rows with the header, 60 fields each; the last row's first six fields
  /// and its last field as below.
  func testAgreesWithPythonsCSVOnTheExtract() throws {
    let table = try CSVTable.read(path: TestPaths.fixture("caseload2025_extract.csv"))
    XCTAssertEqual(table.rows.count + 1, 27)
    XCTAssertEqual(table.header.count, 60)
    XCTAssertEqual(
      table.rows.last.map { Array($0.prefix(6)) },
      ["202425", "Academic year", "Local authority", "E92000001", "England", "E12000008"])
    XCTAssertEqual(table.rows.last?.last, "x")
  }

  /// A field compared in place says what comparing its text would: for ASCII, quoted
  /// fields, other lengths, and non-ASCII text equal only under Unicode equivalence
  /// ("é" precomposed in the file, decomposed in the query).
  func testFieldComparedInPlaceAgreesWithItsText() throws {
    let table = try CSVTable.parse(
      text: "a,b,c,d\nRegional,\"All, EHC plans\",Caf\u{E9},R\n", file: "t.csv")
    let row = table.rows[0]
    let queries = [
      "Regional", "Regiona", "Regional ", "All, EHC plans", "Cafe\u{301}", "Café", "R", "",
    ]
    for position in 0..<4 {
      for query in queries {
        XCTAssertEqual(
          row.field(position, is: query), row[position] == query, "\(position) \(query)")
      }
    }
    XCTAssertTrue(row.field(2, is: "Cafe\u{301}"))
  }

}

/// The fast fixed-point formatter against printf (`String(format: "%.Nf")`, with the sign
/// of a value that rounds to zero dropped as `CSVFormat.number` does): 200,000 seeded random
/// values over sixteen orders of magnitude, both signs, 0 to 6 decimals, plus exact ties
/// (0.125, 2.5, 0.05) and values just either side of them, must agree to the byte.
final class CSVNumberTests: XCTestCase {
  func testFastFormatAgreesWithPrintf() {
    func printf(_ value: Double, _ places: Int) -> String {
      let formatted = String(format: "%.\(places)f", value)
      return formatted == "-0" || formatted.hasPrefix("-0.") && Double(formatted) == 0
        ? String(formatted.dropFirst()) : formatted
    }
    var state: UInt64 = 20_250_101
    func next() -> UInt64 {
      state &+= 0x9E37_79B9_7F4A_7C15
      var z = state
      z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
      z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
      return z ^ (z >> 31)
    }
    var values: [Double] = [0, -0.0, 0.125, 2.5, 0.05, 1.005, 2.675, -0.04, 1e14, 123_456.5]
    for tie in [0.125, 2.5, 0.05, 0.5, 1.5] {
      values += [tie.nextUp, tie.nextDown, -tie]
    }
    for _ in 0..<200_000 {
      let unit = Double(next() >> 11) * 0x1.0p-53
      let magnitude = pow(10, Double(Int(next() % 16)) - 6)
      values.append((next() % 2 == 0 ? 1 : -1) * unit * magnitude)
    }
    var fast = 0
    for (index, value) in values.enumerated() {
      let places = index % 7
      if CSVFormat.fixed(value, places: places) != nil { fast += 1 }
      XCTAssertEqual(
        CSVFormat.number(value, decimals: places), printf(value, places), "\(value) \(places)")
      var bytes = Array("x,".utf8)
      CSVFormat.append(number: value, decimals: places, to: &bytes)
      XCTAssertEqual(String(decoding: bytes, as: UTF8.self), "x," + printf(value, places))
    }
    XCTAssertGreaterThan(fast, values.count * 9 / 10, "the fast path should take nearly all")
  }

  /// Text cells appended as bytes are escaped exactly as `CSVFormat.text` escapes them.
  func testAppendedTextIsEscapedAsText() {
    let cells = [
      "", "West Sussex", "=SUM(A1)", "+44", "-3", "@x", "\tindent", "a,b", "say \"hi\"",
      "two\nlines", "cr\rhere", "Bournemouth, Christchurch and Poole", "é", "a-b", "1,5",
    ]
    for cell in cells {
      var bytes: [UInt8] = []
      CSVFormat.append(text: cell, to: &bytes)
      XCTAssertEqual(String(decoding: bytes, as: UTF8.self), CSVFormat.text(cell), cell)
    }
    var none: [UInt8] = []
    CSVFormat.append(number: nil, decimals: 1, to: &none)
    CSVFormat.append(number: .nan, decimals: 1, to: &none)
    XCTAssertEqual(none, [])
  }
}
