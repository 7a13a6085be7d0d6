#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// C `printf` formatting of numbers, as `String(format:)` writes them but without
/// Foundation's string bridging (the larger cost of describing thousands of fits).
public enum Printf {
  /// `format` (one conversion of a number, e.g. `%.4g`, `%.1f%%`) applied to `values`.
  /// Written with `vsnprintf` into a stack buffer; a text longer than 127 bytes is cut, so
  /// keep it to one or two numbers.
  public static func format(_ format: String, _ values: CVarArg...) -> String {
    withVaList(values) { arguments in
      withUnsafeTemporaryAllocation(of: CChar.self, capacity: 128) { buffer in
        guard let base = buffer.baseAddress else { return "" }
        let written = vsnprintf(base, 128, format, arguments)
        guard written >= 0 else { return "" }
        return String(cString: base)
      }
    }
  }
}
