import Foundation

/// Locations of the reference data shared next to the repository.
enum SharedData {
  /// `<repository root>/../shared`; this file is `<root>/Tests/ForecastCoreTests/SharedData.swift`.
  static let folder = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent()
    .deletingLastPathComponent()
    .deletingLastPathComponent()
    .deletingLastPathComponent()
    .appendingPathComponent("shared")

  /// Folder with the NIST StRD linear least-squares `.dat` files.
  static let nistLinearLeastSquares =
    folder
    .appendingPathComponent("reference")
    .appendingPathComponent("nist-strd-lls")
}
