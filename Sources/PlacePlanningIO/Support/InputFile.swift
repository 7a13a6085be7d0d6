import Foundation

/// Reads an input file whole; a file that cannot be read is a `cannotRead` error naming it.
enum InputFile {
  /// The file's bytes, and its name as errors give it (the last path component).
  static func bytes(path: String) throws(InputError) -> (name: String, data: Data) {
    var isDirectory: ObjCBool = false
    if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory),
      isDirectory.boolValue
    {
      throw .cannotRead(file: path, reason: "it is a folder, not a file; give the file inside it")
    }
    do {
      return (
        (path as NSString).lastPathComponent, try Data(contentsOf: URL(fileURLWithPath: path))
      )
    } catch {
      throw .cannotRead(file: path, reason: (error as NSError).localizedDescription)
    }
  }
}
