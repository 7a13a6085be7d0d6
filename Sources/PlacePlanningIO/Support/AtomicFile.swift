import Foundation

/// Writes output files so that a failure leaves no partial file.
///
/// The text goes to a temporary file in the destination's folder, which is then renamed over
/// the destination (rename is atomic on one file system).
public enum AtomicFile {
  public static func write(_ text: String, to path: String) throws(InputError) {
    let url = URL(fileURLWithPath: path)
    let folder = url.deletingLastPathComponent()
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isDirectory),
      isDirectory.boolValue
    else {
      throw .cannotWrite(file: path, reason: "the folder \(folder.path) does not exist")
    }
    let temporary = folder.appendingPathComponent(
      ".\(url.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).tmp")
    do {
      try Data(text.utf8).write(to: temporary)
    } catch {
      try? FileManager.default.removeItem(at: temporary)
      throw .cannotWrite(file: path, reason: (error as NSError).localizedDescription)
    }
    // rename(2) replaces the destination atomically when both are on one file system.
    guard rename(temporary.path, url.path) == 0 else {
      let reason = String(cString: strerror(errno))
      try? FileManager.default.removeItem(at: temporary)
      throw .cannotWrite(file: path, reason: reason)
    }
  }
}
