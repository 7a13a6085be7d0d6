import Foundation
import PlacePlanTestSupport

/// Data written on one thread and read on another after a `DispatchGroup.wait()`.
private final class DataBox: @unchecked Sendable {
  var data = Data()
}

/// Runs the built `placeplan` binary and captures its output.
struct CommandRunner {
  struct Result {
    let status: Int32
    let stdout: String
    let stderr: String
  }

  /// The folder the test bundle and the executable were built into.
  static var productsDirectory: URL {
    #if os(macOS)
      for bundle in Bundle.allBundles where bundle.bundlePath.hasSuffix(".xctest") {
        return bundle.bundleURL.deletingLastPathComponent()
      }
      return Bundle.main.bundleURL
    #else
      return Bundle.main.bundleURL
    #endif
  }

  static func run(_ arguments: [String], in directory: URL = TestPaths.packageRoot) throws -> Result
  {
    let process = Process()
    process.executableURL = productsDirectory.appendingPathComponent("placeplan")
    process.arguments = arguments
    process.currentDirectoryURL = directory
    let out = Pipe()
    let err = Pipe()
    process.standardOutput = out
    process.standardError = err
    try process.run()
    // Standard error is read on another thread while standard output is read here, so a
    // child that fills one pipe while the other is unread cannot deadlock the test.
    let errBox = DataBox()
    let group = DispatchGroup()
    group.enter()
    DispatchQueue.global().async {
      errBox.data = err.fileHandleForReading.readDataToEndOfFile()
      group.leave()
    }
    let outData = out.fileHandleForReading.readDataToEndOfFile()
    group.wait()
    let errData = errBox.data
    process.waitUntilExit()
    return Result(
      status: process.terminationStatus,
      stdout: String(decoding: outData, as: UTF8.self),
      stderr: String(decoding: errData, as: UTF8.self))
  }
}
