#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// OpenBLAS's own worker threads, which placeplan has no use for.
///
/// When it is loaded, OpenBLAS starts a worker thread per extra core, and each spins for
/// about 0.1 s waiting for work: measured here, a process that loads it and then sleeps for
/// 0.2 s uses about 100 ms of CPU, against 3 ms with the workers stopped. placeplan's
/// matrices are a few rows by two or three columns, which OpenBLAS never splits across
/// threads, and placeplan spreads its own work (LAs, methods, files) over every core, so the
/// spinning workers only take CPU from it: a national backtest took about 4% longer with
/// them.
public enum BLASThreads {
  /// Keeps OpenBLAS's routines on the calling thread and ends its workers. Call once, at
  /// start, before any routine runs.
  ///
  /// The two OpenBLAS controls are looked up when called, not linked: a BLAS without them
  /// (another OpenBLAS build, or another BLAS) is left as it is rather than stopping the
  /// program from loading.
  public static func stopWorkers() {
    guard let process = dlopen(nil, RTLD_NOW) else { return }
    if let symbol = dlsym(process, "openblas_set_num_threads") {
      let setThreads = unsafeBitCast(symbol, to: (@convention(c) (Int32) -> Void).self)
      setThreads(1)
      if let shutdown = dlsym(process, "blas_thread_shutdown_") {
        _ = unsafeBitCast(shutdown, to: (@convention(c) () -> Int32).self)()
      }
    }
  }
}
