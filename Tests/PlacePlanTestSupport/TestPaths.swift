import Foundation

/// Locations of the package, its fixtures and the shared real data, for tests.
public enum TestPaths {
  /// The package root (the folder holding Package.swift).
  public static let packageRoot: URL = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

  /// The shared data folder beside the package (`../shared`).
  public static let shared: URL = packageRoot.deletingLastPathComponent()
    .appendingPathComponent("shared")

  /// A file under `Tests/Fixtures/`.
  public static func fixture(_ name: String) -> String {
    packageRoot.appendingPathComponent("Tests/Fixtures").appendingPathComponent(name).path
  }

  /// A file under `SampleData/`.
  public static func sample(_ name: String) -> String {
    packageRoot.appendingPathComponent("SampleData").appendingPathComponent(name).path
  }

  /// A file under the shared data folder, e.g. `data/ehcp_sen2/ehcp2025_caseload.csv`.
  public static func sharedFile(_ relative: String) -> String {
    shared.appendingPathComponent(relative).path
  }
}
