import Foundation

/// Writes output files so that a failure leaves no partial file.
///
/// The text goes to a temporary file in the destination's folder, which is then renamed over
/// the destination (rename is atomic on one file system).
public enum AtomicFile {
  /// Why an output file cannot go where asked, before anything is written: its folder does
  /// not exist, or is a file; nil when the folder is there.
  public static func folderProblem(for path: String) -> String? {
    let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory) else {
      return "the folder \(folder) does not exist; create it first"
    }
    return isDirectory.boolValue ? nil : "\(folder) is a file, not a folder"
  }

  public static func write(_ text: String, to path: String) throws(InputError) {
    let url = URL(fileURLWithPath: path)
    let folder = url.deletingLastPathComponent()
    if let problem = folderProblem(for: path) { throw .cannotWrite(file: path, reason: problem) }
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
