import ForecastCore
import Foundation
import PlacePlanTestSupport
import PlacePlanning
import XCTest

@testable import PlacePlanningIO

/// Every reader against 500 seeded mutations of a real input (`Mutator`), read from a file
/// as the tool reads it: each must give a result or an `InputError` that names the file,
/// and at least 90% of the errors must name the line too (the rest name the file and a
/// reason, such as an empty file). A crash ends the test process and fails the run.
final class ReaderFuzzTests: XCTestCase {
  static let runsPerReader = 500

  struct Target {
    let name: String
    /// The real file the mutations start from, cut to its first `lines` lines.
    let seed: String
    let lines: Int
    let read: (String) throws -> Void
  }

  static var targets: [Target] {
    let models = TestPaths.packageRoot.appendingPathComponent("Models").path
    return [
      Target(name: "caseload.csv", seed: TestPaths.fixture("derived_extract.csv"), lines: 40) {
        _ = try CaseloadReader.read(path: $0)
      },
      Target(name: "population.csv", seed: TestPaths.fixture("population_extract.csv"), lines: 60) {
        _ = try PopulationReader.read(path: $0)
      },
      Target(
        name: "requests.csv", seed: TestPaths.sample("ehcp_requests_2019_2024.csv"), lines: 60
      ) { _ = try RequestsReader.read(path: $0) },
      Target(
        name: "places.csv", seed: TestPaths.sample("west_sussex_places_register_ILLUSTRATIVE.csv"),
        lines: 40
      ) { _ = try PlacesReader.read(path: $0) },
      Target(
        name: "developments.csv",
        seed: TestPaths.sample("west_sussex_developments_ILLUSTRATIVE.csv"), lines: 60
      ) { _ = try DevelopmentsReader.read(path: $0) },
      Target(
        name: "ages.csv", seed: TestPaths.sample("ehcp_caseload_by_age_2024_2025.csv"), lines: 60
      ) { _ = try CaseloadByAgeReader.read(path: $0) },
      Target(
        name: "ehcp_shares.csv",
        seed: TestPaths.sample("dfe_pupil_yield_dashboard_ehcp_west_sussex.csv"), lines: 60
      ) { _ = try PupilYieldDashboardReader.read(path: $0) },
      Target(
        name: "needs.csv", seed: TestPaths.sample("ehcp_needs_all_plans_2025.csv"), lines: 60
      ) { _ = try NeedReader.read(path: $0) },
      Target(
        name: "scenario.yaml", seed: models + "/scenarios/new-special-school-2027.yaml",
        lines: 200
      ) { _ = try ScenarioReader.read(path: $0) },
      Target(name: "costs.yaml", seed: models + "/costs.yaml", lines: 400) {
        _ = try CostModelReader.read(path: $0)
      },
      Target(name: "pupil_yield.yaml", seed: models + "/pupil_yield.yaml", lines: 400) {
        _ = try PupilYieldReader.read(path: $0)
      },
    ]
  }

  func testEveryReaderGivesAResultOrANamedLocatedError() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "placeplan-fuzz-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    var generator = SeededGenerator(seed: 20_261_130)
    var results = 0
    var errors = 0
    var located = 0
    var unlocated: [String: Int] = [:]
    for target in Self.targets {
      let whole = try Data(contentsOf: URL(fileURLWithPath: target.seed))
      let lines = whole.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
      let seed = Array(lines.prefix(target.lines).joined(separator: [UInt8(ascii: "\n")]))
      let path = folder.appendingPathComponent(target.name).path
      for _ in 0..<Self.runsPerReader {
        let bytes = Mutator.mutate(seed, using: &generator)
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        do {
          try target.read(path)
          results += 1
        } catch let error as InputError {
          errors += 1
          XCTAssertTrue(
            error.description.contains(target.name), "\(target.name): \(error.description)")
          XCTAssertFalse(error.fix.isEmpty, error.description)
          if error.location.line != nil {
            located += 1
          } else {
            unlocated[error.problem, default: 0] += 1
          }
        } catch {
          XCTFail("\(target.name): not a located input error: \(error)")
        }
      }
    }
    let share = errors > 0 ? Double(located) / Double(errors) : 1
    print(
      "reader fuzz: \(Self.targets.count) readers x \(Self.runsPerReader) mutations: \(results) read, \(errors) errors, \(located) with a line (\(String(format: "%.1f", 100 * share))%); without a line: \(unlocated.sorted { $0.key < $1.key })"
    )
    XCTAssertGreaterThan(results, 100)
    XCTAssertGreaterThanOrEqual(share, 0.9)
  }

  /// A byte that is not UTF-8 is named by line and byte.
  func testNonUTF8IsLocated() throws {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent(
      "placeplan-latin1-\(UUID().uuidString).csv")
    defer { try? FileManager.default.removeItem(at: path) }
    // A Latin-1 é (0xE9) on line 3, its 14th byte.
    var bytes = Array("la_code,setting_name\nE10000032,Oak\nE10000032,Caf".utf8)
    bytes += [0xE9] + Array(" school\n".utf8)
    try Data(bytes).write(to: path)
    XCTAssertThrowsError(try PlacesReader.read(path: path.path)) { error in
      let failure = error as? InputError
      XCTAssertEqual(failure?.location.line, 3)
      XCTAssertEqual(failure?.location.column, 14)
      XCTAssertTrue(failure?.description.contains("byte 0xE9") ?? false, "\(error)")
      XCTAssertTrue(failure?.description.contains("CSV UTF-8") ?? false, "\(error)")
    }
    XCTAssertNil(UTF8Check.firstInvalid(Data("é, 中文, 🙂\n".utf8)))
    XCTAssertEqual(UTF8Check.firstInvalid(Data([0x41, 0x0A, 0xC0, 0x80]))?.line, 2)
    // A surrogate (ED A0 80) and an overlong (E0 80 80) are not UTF-8.
    XCTAssertNotNil(UTF8Check.firstInvalid(Data([0xED, 0xA0, 0x80])))
    XCTAssertNotNil(UTF8Check.firstInvalid(Data([0xE0, 0x80, 0x80])))
  }

  /// The validator agrees with Foundation's UTF-8 decoding on random bytes (long ASCII runs,
  /// which it skips eight bytes at a time, broken by any byte), and names the same line,
  /// column and byte as a plain byte-by-byte validator written here (RFC 3629).
  func testUTF8CheckAgreesWithFoundationAndAByteByByteValidator() {
    var generator = SplitMix64(seed: 2025)
    for trial in 0..<2000 {
      var bytes: [UInt8] = []
      for _ in 0..<Int(generator.next() % 40) {
        let kind = generator.next() % 10
        if kind < 6 {
          bytes += Array(repeating: UInt8(ascii: "a"), count: Int(generator.next() % 20))
        } else if kind < 7 {
          bytes.append(0x0A)
        } else if kind < 9 {
          bytes += Array("é中🙂".utf8).prefix(Int(generator.next() % 10))
        } else {
          bytes.append(UInt8(truncatingIfNeeded: generator.next()))
        }
      }
      let valid = String(bytes: bytes, encoding: .utf8) != nil
      let found = UTF8Check.firstInvalid(bytes)
      XCTAssertEqual(found == nil, valid, "trial \(trial): \(bytes)")
      let reference = Self.byteByByteFirstInvalid(bytes)
      XCTAssertEqual(found?.line, reference?.line, "trial \(trial): \(bytes)")
      XCTAssertEqual(found?.column, reference?.column, "trial \(trial): \(bytes)")
      XCTAssertEqual(found?.byte, reference?.byte, "trial \(trial): \(bytes)")
    }
  }

  /// The first byte that does not start a valid UTF-8 sequence, or the first byte of one
  /// that breaks off, with its line and byte within the line, checked one byte at a time.
  private static func byteByByteFirstInvalid(_ bytes: [UInt8]) -> (
    line: Int, column: Int, byte: UInt8
  )? {
    var index = 0
    var line = 1
    var lineStart = 0
    while index < bytes.count {
      let lead = bytes[index]
      // (length, allowed range of the second byte) by the lead byte.
      let shape: (Int, ClosedRange<UInt8>)?
      switch lead {
      case 0x00...0x7F: shape = (1, 0x80...0xBF)
      case 0xC2...0xDF: shape = (2, 0x80...0xBF)
      case 0xE0: shape = (3, 0xA0...0xBF)
      case 0xE1...0xEC, 0xEE...0xEF: shape = (3, 0x80...0xBF)
      case 0xED: shape = (3, 0x80...0x9F)
      case 0xF0: shape = (4, 0x90...0xBF)
      case 0xF1...0xF3: shape = (4, 0x80...0xBF)
      case 0xF4: shape = (4, 0x80...0x8F)
      default: shape = nil
      }
      guard let (length, second) = shape else { return (line, index - lineStart + 1, lead) }
      for offset in 1..<length {
        let position = index + offset
        let allowed = offset == 1 ? second : 0x80...0xBF
        guard position < bytes.count, allowed.contains(bytes[position]) else {
          return (line, index - lineStart + 1, lead)
        }
      }
      if lead == 0x0A {
        line += 1
        lineStart = index + 1
      }
      index += length
    }
    return nil
  }
}

/// A small deterministic random number generator (SplitMix64, Steele, Lea and Flood 2014).
private struct SplitMix64 {
  var state: UInt64
  init(seed: UInt64) { state = seed }
  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}
