// swift-tools-version:6.0
import PackageDescription

let package = Package(
  name: "placeplan",
  platforms: [.macOS(.v13)],
  products: [
    .executable(name: "placeplan", targets: ["placeplan"]),
    .library(name: "ForecastCore", targets: ["ForecastCore"]),
    .library(name: "PlacePlanning", targets: ["PlacePlanning"]),
    .library(name: "PlacePlanningIO", targets: ["PlacePlanningIO"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
  ],
  targets: [
    .systemLibrary(name: "CLAPACK", path: "Sources/CLAPACK"),
    .systemLibrary(
      name: "CXLSXWriter", path: "Sources/CXLSXWriter", providers: [.apt(["libxlsxwriter-dev"])]),
    .target(name: "ForecastCore", dependencies: ["CLAPACK"]),
    .target(name: "PlacePlanning", dependencies: ["ForecastCore"]),
    .target(
      name: "PlacePlanningIO",
      dependencies: [
        "PlacePlanning", "ForecastCore", "CXLSXWriter",
        .product(name: "Yams", package: "Yams"),
      ]),
    .executableTarget(
      name: "placeplan",
      dependencies: [
        "PlacePlanningIO", "PlacePlanning", "ForecastCore",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]),
    .testTarget(name: "ForecastCoreTests", dependencies: ["ForecastCore"]),
    .target(name: "PlacePlanTestSupport", path: "Tests/PlacePlanTestSupport"),
    .testTarget(
      name: "PlacePlanningTests",
      dependencies: ["PlacePlanning", "PlacePlanningIO", "PlacePlanTestSupport"]),
    .testTarget(
      name: "PlacePlanningIOTests",
      dependencies: ["PlacePlanningIO", "ForecastCore", "PlacePlanTestSupport"]),
    // Depends on the executable so that `swift test` builds the binary it runs.
    .testTarget(name: "PlaceplanCLITests", dependencies: ["PlacePlanTestSupport", "placeplan"]),
  ]
)
