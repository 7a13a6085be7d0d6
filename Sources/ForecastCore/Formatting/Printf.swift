#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// C `printf` formatting of numbers, as `String(format:)` writes them but without
/// Foundation's string bridging (the larger cost of describing thousands of fits).
public enum Printf {
  /// `format` (one conversion of a number, e.g. `%.4g`, `%.1f%%`) applied to `values`,
  /// written with `vsnprintf` into a stack buffer, or a buffer of the length asked for when
  /// the text is longer than 127 bytes.
  public static func format(_ format: String, _ values: CVarArg...) -> String {
    let short = withVaList(values) { arguments in
      withUnsafeTemporaryAllocation(of: CChar.self, capacity: 128) { buffer -> (String, Int32) in
        guard let base = buffer.baseAddress else { return ("", -1) }
        let written = vsnprintf(base, 128, format, arguments)
        return (written >= 0 && written < 128 ? String(cString: base) : "", written)
      }
    }
    guard short.1 >= 128 else { return short.0 }
    let capacity = Int(short.1) + 1
    return withVaList(values) { arguments in
      withUnsafeTemporaryAllocation(of: CChar.self, capacity: capacity) { buffer in
        guard let base = buffer.baseAddress else { return "" }
        _ = vsnprintf(base, capacity, format, arguments)
        return String(cString: base)
      }
    }
  }
}
