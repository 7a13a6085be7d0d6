import Dispatch

/// Work started on another core now and waited for later (reading one input file while
/// another is read here). The result is the work's, whenever it is asked for.
final class Background<Value: Sendable>: @unchecked Sendable {
  private let work: @Sendable () -> Value
  private let done = DispatchSemaphore(value: 0)
  /// Written once, by the work, before `done` is signalled; read only after waiting on it.
  private var result: Value?

  init(_ work: @escaping @Sendable () -> Value) {
    self.work = work
    DispatchQueue.global().async {
      self.result = work()
      self.done.signal()
    }
  }

  /// The work's result, waiting for it to finish.
  var value: Value {
    done.wait()
    done.signal()
    return result ?? work()
  }
}
