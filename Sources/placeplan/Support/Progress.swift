import Foundation

/// Progress on standard error for long runs, shown only when standard error is a terminal.
struct Progress {
  let label: String
  let enabled: Bool

  init(label: String) {
    self.label = label
    enabled = isatty(FileHandle.standardError.fileDescriptor) == 1
  }

  /// Overwrites the progress line: "label: what (done/total)".
  func step(_ what: String, _ done: Int, of total: Int) {
    guard enabled else { return }
    FileHandle.standardError.write(Data("\r\u{1B}[K\(label): \(what) (\(done)/\(total))".utf8))
  }

  /// Clears the progress line.
  func finish() {
    guard enabled else { return }
    FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
  }
}
