import PlacePlanTestSupport
import PlacePlanning
import XCTest

@testable import PlacePlanningIO

/// Each kind of bad input gives one located, fixable error.
final class BadInputTests: XCTestCase {
  private let derivedHeader =
    "census_year,geographic_level,region_code,region_name,old_la_code,new_la_code,la_name,source_release,total,statements,ehc_plans,mainstream_total,mainstream_rp_or_senunit,special_state,special_independent,special_non_maintained,special_total,ap_pru_total,fe_total,specialist_post16,neet,early_years_nonmaintained,all_other_settings"
  private let westSussex2025 =
    "2025,Local authority,E12000008,South East,938,E10000032,West Sussex,x,9301,0,9301,3791,390,2147,670,249,3066,43,1764,73,41,91,637"
  private let westSussex2024 =
    "2024,Local authority,E12000008,South East,938,E10000032,West Sussex,x,7684,0,7684,2941,351,2036,516,217,2769,24,1512,75,2,36,438"

  private func caseloadError(_ text: String) -> InputError? {
    do {
      _ = try CaseloadReader.parse(text: text, file: "caseload.csv")
      return nil
    } catch {
      return error
    }
  }

  func testEmptyFile() {
    XCTAssertEqual(caseloadError(""), .empty(file: "caseload.csv"))
    XCTAssertEqual(caseloadError("\u{FEFF}\n  \n"), .empty(file: "caseload.csv"))
  }

  func testHeaderOnly() {
    XCTAssertEqual(caseloadError(derivedHeader + "\n"), .headerOnly(file: "caseload.csv"))
  }

  func testTruncatedLastLine() {
    let truncated = String(westSussex2025.prefix(60))
    let error = caseloadError([derivedHeader, westSussex2024, truncated].joined(separator: "\n"))
    guard case .wrongFieldCount(_, let line, let expected, let found) = error else {
      return XCTFail("got \(String(describing: error))")
    }
    XCTAssertEqual(line, 3)
    XCTAssertEqual(expected, 23)
    XCTAssertLessThan(found, 23)
    XCTAssertTrue(error?.description.hasPrefix("caseload.csv:3: expected 23 fields") ?? false)
  }

  /// Blank lines are skipped but still counted, so the line named is the file's line.
  func testLineNumbersCountBlankLines() {
    let bad = westSussex2025.replacingOccurrences(of: ",9301,0,", with: ",nine,0,")
    XCTAssertEqual(
      caseloadError([derivedHeader, westSussex2024, "", "", bad].joined(separator: "\n")),
      .notANumber(file: "caseload.csv", line: 5, column: 9, name: "total", value: "nine"))
  }

  func testWrongDelimiter() {
    let text = [derivedHeader, westSussex2025].joined(separator: "\n")
      .replacingOccurrences(of: ",", with: ";")
    XCTAssertEqual(caseloadError(text), .wrongDelimiter(file: "caseload.csv", found: "semicolons"))
  }

  func testMissingRequiredColumn() {
    let header = derivedHeader.replacingOccurrences(of: ",special_state,", with: ",special_x,")
    XCTAssertEqual(
      caseloadError([header, westSussex2025].joined(separator: "\n")),
      .missingColumn(
        file: "caseload.csv", column: "special_state",
        schema: CaseloadReader.Layout.derivedBySetting.rawValue))
  }

  func testUnknownSchema() {
    let error = caseloadError("year,code,count\n2025,E10000032,9301\n")
    guard case .unknownSchema(_, let header, let expected) = error else {
      return XCTFail("got \(String(describing: error))")
    }
    XCTAssertEqual(header, ["year", "code", "count"])
    XCTAssertTrue(expected.contains("census_year"))
  }

  func testNonNumericCell() {
    let row = westSussex2025.replacingOccurrences(of: ",3791,", with: ",3,791,")
      .replacingOccurrences(of: ",9301,0,", with: ",nine,0,")
    let error = caseloadError([derivedHeader, row].joined(separator: "\n"))
    // The stray comma makes the row too long, which is found first.
    XCTAssertEqual(error, .wrongFieldCount(file: "caseload.csv", line: 2, expected: 23, found: 24))
    let nonNumeric = westSussex2025.replacingOccurrences(of: ",9301,0,", with: ",nine,0,")
    XCTAssertEqual(
      caseloadError([derivedHeader, nonNumeric].joined(separator: "\n")),
      .notANumber(file: "caseload.csv", line: 2, column: 9, name: "total", value: "nine"))
  }

  func testSuppressionMarkersAreMissingNotZero() throws {
    let row = westSussex2025.replacingOccurrences(of: ",43,", with: ",c,")
    let record = try XCTUnwrap(
      CaseloadReader.parse(text: [derivedHeader, row].joined(separator: "\n"), file: "f").records
        .first)
    XCTAssertNil(record[.apPRU])
    XCTAssertEqual(record[.total], 9301)
  }

  func testNegativeCount() {
    let row = westSussex2025.replacingOccurrences(of: ",43,", with: ",-43,")
    XCTAssertEqual(
      caseloadError([derivedHeader, row].joined(separator: "\n")),
      .negativeCount(file: "caseload.csv", line: 2, column: 18, name: "ap_pru_total", value: "-43"))
  }

  func testDuplicateLAYearRows() {
    let error = caseloadError(
      [derivedHeader, westSussex2025, westSussex2024, westSussex2025].joined(separator: "\n"))
    XCTAssertEqual(
      error,
      .duplicateRow(file: "caseload.csv", line: 4, firstLine: 2, key: "E10000032 census 2025"))
    XCTAssertEqual(
      error?.description,
      "caseload.csv:4: E10000032 census 2025 appears again (first on line 2); fix: remove the repeated row"
    )
  }

  func testUnknownLACode() {
    let row = westSussex2025.replacingOccurrences(of: "E10000032", with: "W06000001")
    XCTAssertEqual(
      caseloadError([derivedHeader, row].joined(separator: "\n")),
      .unknownLACode(file: "caseload.csv", line: 2, column: 6, value: "W06000001"))
  }

  func testYearOutOfRange() {
    let row = westSussex2025.replacingOccurrences(of: "2025,Local", with: "20x5,Local")
    XCTAssertEqual(
      caseloadError([derivedHeader, row].joined(separator: "\n")),
      .yearOutOfRange(file: "caseload.csv", line: 2, column: 1, name: "census_year", value: "20x5"))
  }

  func testMissingFile() {
    XCTAssertThrowsError(try CaseloadReader.read(path: "/nonexistent/caseload.csv")) { error in
      guard case .cannotRead(let file, _) = error as? InputError else {
        return XCTFail("got \(error)")
      }
      XCTAssertEqual(file, "/nonexistent/caseload.csv")
    }
  }

  /// A folder given where a file is expected is said to be a folder (not a system error).
  func testFolderForAFile() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "placeplan-\(UUID().uuidString).csv")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    XCTAssertThrowsError(try CaseloadReader.read(path: folder.path)) { error in
      XCTAssertTrue("\(error)".contains("it is a folder, not a file"), "\(error)")
    }
  }

  func testPopulationNonNumericAge() {
    let text =
      "mid_year,area_code,area_name,geography,age,population\n2024,E10000032,West Sussex,County,ten,8000\n"
    XCTAssertThrowsError(try PopulationReader.parse(text: text, file: "pop.csv")) { error in
      XCTAssertEqual(
        error as? InputError,
        .notANumber(file: "pop.csv", line: 2, column: 5, name: "age", value: "ten"))
    }
  }

  /// A negative age is located, not dropped (dropping it left a year short, and the
  /// forecast then blamed the population without saying where); ages 26 to 120 are other
  /// people's and skipped.
  func testPopulationImpossibleAgeIsLocated() throws {
    let header = "mid_year,area_code,area_name,geography,age,population\n"
    XCTAssertThrowsError(
      try PopulationReader.parse(
        text: header + "2024,E10000032,West Sussex,County,-5,8000\n", file: "pop.csv")
    ) { error in
      guard case .invalid(let file, let line, let column, let problem, _) = error as? InputError
      else { return XCTFail("\(error)") }
      XCTAssertEqual(file, "pop.csv")
      XCTAssertEqual(line, 2)
      XCTAssertEqual(column, 5)
      XCTAssertEqual(problem, "age is -5")
    }
    XCTAssertNoThrow(
      try PopulationReader.parse(
        text: header
          + "2024,E10000032,West Sussex,County,3,8000\n2024,E10000032,West Sussex,County,90,5000\n",
        file: "pop.csv"))
  }

  /// Text fields of the cost model are text: a list (here an alias of one) is located.
  func testCostModelSourceMustBeText() throws {
    let model = try String(
      contentsOf: TestPaths.packageRoot.appendingPathComponent("Models/costs.yaml"),
      encoding: .utf8)
    var lines = model.components(separatedBy: "\n")
    let index = try XCTUnwrap(lines.firstIndex { $0.hasPrefix("  source: \"Bank of England") })
    lines[index] = "  source: [a, b]"
    XCTAssertNoThrow(try CostModelReader.parse(text: model, file: "costs.yaml"))
    XCTAssertThrowsError(
      try CostModelReader.parse(text: lines.joined(separator: "\n"), file: "costs.yaml")
    ) { error in
      XCTAssertTrue(
        "\(error)".hasPrefix("costs.yaml:\(index + 1):")
          && "\(error)".contains("general_inflation.source"), "\(error)")
    }
  }

  /// Travel training for no setting type would change nothing: an error, not a silent 0.
  func testEmptyTravelTrainingSettingsAreAnError() {
    let text = """
      name: t
      travel_training:
        from: "2026/27"
        reduction: 0.1
        settings: []
      """
    XCTAssertThrowsError(try ScenarioReader.parse(text: text, file: "t.yaml")) { error in
      XCTAssertTrue(
        "\(error)".hasPrefix("t.yaml:5:") && "\(error)".contains("settings is empty"), "\(error)")
    }
  }
}

/// Suppression markers are missing values whatever their case, `#N/A` included.
final class SuppressionMarkerTests: XCTestCase {
  func testMarkersAreMissingNotZeroOrErrors() throws {
    let table = try CSVTable.parse(text: "a\n#N/A\n#n/a\nX\nlow\n12\n", file: "markers.csv")
    var values: [Double?] = []
    for row in 0..<5 {
      values.append(try CellParser.count(table.rows[row][0], table: table, row: row, column: 0))
    }
    XCTAssertEqual(values, [nil, nil, nil, nil, 12])
  }
}

/// Absurd counts are located errors, not 309-digit numbers in the output.
final class CountCeilingTests: XCTestCase {
  func testCountsAboveTheCeilingAreLocated() throws {
    let table = try CSVTable.parse(text: "planned_places\n1e308\n9999999\n", file: "places.csv")
    XCTAssertThrowsError(try CellParser.count(table.rows[0][0], table: table, row: 0, column: 0)) {
      error in
      let text = "\(error)"
      XCTAssertTrue(text.hasPrefix("places.csv:2:1: planned_places is 1e308"), text)
      XCTAssertTrue(text.contains("fix:"), text)
    }
    XCTAssertEqual(
      try CellParser.count(table.rows[1][0], table: table, row: 1, column: 0), 9_999_999)
    // A population may be larger: England's residents of all ages.
    XCTAssertEqual(
      try CellParser.count(
        "56490048", table: table, row: 1, column: 0, maximum: CellParser.maximumPopulation),
      56_490_048)
  }
}

/// JSON writing fails loudly: a value JSON cannot hold is an error, not an empty `{}`.
final class JSONFailureTests: XCTestCase {
  func testNonFiniteValueIsAnError() {
    struct Shape: Encodable { let value: Double }
    XCTAssertThrowsError(try ForecastWriter.encode(Shape(value: .infinity), what: "forecast")) {
      error in
      XCTAssertTrue("\(error)".hasPrefix("the forecast could not be written as JSON"), "\(error)")
    }
    XCTAssertEqual(try ForecastWriter.encode(Shape(value: 2)), "{\n  \"value\" : 2\n}\n")
  }
}
