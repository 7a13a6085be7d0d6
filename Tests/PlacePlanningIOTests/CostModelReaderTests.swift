import PlacePlanTestSupport
import PlacePlanning
import XCTest

@testable import PlacePlanningIO

final class CostModelReaderTests: XCTestCase {
  private var costsPath: String {
    TestPaths.packageRoot.appendingPathComponent("Models/costs.yaml").path
  }

  func testShippedCostModel() throws {
    let models = try CostModelReader.read(path: costsPath)
    let model = models.model(for: ["E10000032"])
    XCTAssertEqual(model.priceBase, AcademicYear(startYear: 2024))
    XCTAssertEqual(model.inmsFeePerPlacement.value, 64000)
    XCTAssertEqual(model.discountRate, 0.035)
    // DfE scorecard 2024/25: West Sussex £28,350.26 / England £25,088.72 = 1.13.
    XCTAssertEqual(model.regionalFactor.value, 1.13)
    XCTAssertEqual(models.model(for: ["E99999999"]).regionalFactor.value, 1)
    XCTAssertEqual(Set(model.transportedShare.keys).count, 7)
    for (name, assumption) in model.assumptions {
      XCTAssertFalse(assumption.source.isEmpty, name)
      XCTAssertLessThanOrEqual(assumption.low, assumption.value, name)
      XCTAssertGreaterThanOrEqual(assumption.high, assumption.value, name)
    }
  }

  private func error(_ text: String) -> InputError? {
    do {
      _ = try CostModelReader.parse(text: text, file: "costs.yaml")
      return nil
    } catch {
      return error
    }
  }

  private func shipped() throws -> String { try String(contentsOfFile: costsPath, encoding: .utf8) }

  func testUnknownKeyNamesLineAndValidKeys() throws {
    let text = try shipped().replacingOccurrences(
      of: "transport_per_child:", with: "transport_per_pupil:")
    let failure = try XCTUnwrap(error(text))
    XCTAssertEqual(failure.file, "costs.yaml")
    XCTAssertNotNil(failure.location.line)
    XCTAssertTrue(
      failure.description.contains("unknown key \"transport_per_pupil\""), failure.description)
    XCTAssertTrue(failure.description.contains("transport_per_child"), failure.description)
  }

  func testOutOfRangeValueAndMissingSource() throws {
    let share = try shipped().replacingOccurrences(
      of: "    value: 0.80\n", with: "    value: 1.8\n")
    let failure = try XCTUnwrap(error(share))
    XCTAssertTrue(
      failure.description.contains(
        "transported_share.special_state.value is 1.8, outside the range from 0 to 1"),
      failure.description)
    let noSource = try shipped().replacingOccurrences(
      of: "  source: \"DfE high needs funding: £10,000",
      with: "  note: \"DfE high needs funding: £10,000")
    XCTAssertTrue(try XCTUnwrap(error(noSource)).description.contains("unknown key \"note\""))
  }

  /// Regional factors given as a list, a single value or under a key that is not an LA code
  /// are located errors, not a silent factor of 1.0 for every LA.
  func testRegionalFactorsOfTheWrongShapeAreErrors() throws {
    let text = try shipped()
    let start = try XCTUnwrap(text.range(of: "regional_factors:\n"))
    let head = String(text[..<start.upperBound])
    for (body, expected) in [
      ("  - 1\n  - 2\n", "regional_factors is not a mapping"),
      ("  West Sussex: 1.13\n", "not an LA code"),
    ] {
      let failure = try XCTUnwrap(error(head + body))
      XCTAssertTrue(failure.description.contains(expected), failure.description)
      XCTAssertNotNil(failure.location.line)
    }
    let scalar = try XCTUnwrap(
      error(
        head.replacingOccurrences(
          of: "regional_factors:\n", with: "regional_factors: 1.1\n")))
    XCTAssertTrue(scalar.description.contains("not a mapping"), scalar.description)
  }

  func testYAMLSyntaxErrorIsLocated() {
    let failure = error("price_base: \"2024/25\"\ngeneral_inflation:\n  value: [0.02\n")
    XCTAssertEqual(failure?.file, "costs.yaml")
    XCTAssertNotNil(failure?.location.line)
    XCTAssertTrue(failure?.description.contains("YAML syntax") ?? false, failure?.description ?? "")
  }
}

final class ScenarioReaderTests: XCTestCase {
  private func scenariosFolder() -> URL {
    TestPaths.packageRoot.appendingPathComponent("Models/scenarios")
  }

  func testShippedScenarios() throws {
    let names = ["baseline", "new-special-school-2027", "rp-expansion", "travel-training"]
    for name in names {
      let scenario = try ScenarioReader.read(
        path: scenariosFolder().appendingPathComponent("\(name).yaml").path)
      XCTAssertEqual(scenario.name, name)
      XCTAssertFalse(scenario.rationale.isEmpty, name)
    }
    let school = try ScenarioReader.read(
      path: scenariosFolder().appendingPathComponent("new-special-school-2027.yaml").path)
    XCTAssertEqual(
      school.places,
      [
        Scenario.PlacesChange(
          name: "New special school (100 places)", setting: .specialState,
          fromYear: AcademicYear(startYear: 2027),
          places: 100, capital: .newSchool)
      ])
  }

  func testBadValuesNameLineKeyAndValidValues() throws {
    let text = """
      name: broken
      places:
        - name: Unit
          setting_type: special
          from: "2027/28"
          places: 10
      """
    XCTAssertThrowsError(try ScenarioReader.parse(text: text, file: "broken.yaml")) { error in
      let failure = error as? InputError
      XCTAssertEqual(failure?.location.line, 4)
      XCTAssertTrue(
        failure?.description.contains("places[1].setting_type is \"special\"") ?? false, "\(error)")
      XCTAssertTrue(
        failure?.description.contains("special_state, rp_sen_unit, ap_pru, fe_post16") ?? false)
    }
    let capital =
      text.replacingOccurrences(of: "special\n", with: "special_state\n")
      + "\n    capital: castle\n"
    XCTAssertThrowsError(try ScenarioReader.parse(text: capital, file: "broken.yaml")) { error in
      XCTAssertTrue("\(error)".contains("use one of new_school, expansion, none"), "\(error)")
    }
    XCTAssertThrowsError(
      try ScenarioReader.parse(text: "name: x\nfee_inflation: 0.1\n", file: "x.yaml")
    ) { error in
      XCTAssertTrue("\(error)".contains("x.yaml:2:1: unknown key \"fee_inflation\""), "\(error)")
    }
    XCTAssertThrowsError(
      try ScenarioReader.parse(
        text: "name: x\ntravel_training:\n  from: \"2026/27\"\n  reduction: 1.5\n", file: "t.yaml")
    ) { error in
      XCTAssertTrue(
        "\(error)".contains("travel_training.reduction is 1.5, outside the range from 0 to 1"),
        "\(error)")
    }
  }
}
