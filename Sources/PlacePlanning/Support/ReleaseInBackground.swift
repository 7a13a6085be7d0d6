import Dispatch

/// Hands the last reference to `value` to a background thread, which releases it there.
///
/// A national backtest ends holding some hundred thousand small allocations (every cached
/// forecast, its points and errors); freeing them one by one takes tens of milliseconds
/// that the report and its output need not wait for. When the process ends first, the
/// system reclaims the memory at once. Pass locals with `consume` (`releaseInBackground((consume
/// a, consume b))`): a copy would leave the caller a reference of its own, released at the
/// end of its scope, and that release could be the last. No other thread may hold the
/// value, which is what makes the unchecked transfer sound.
public func releaseInBackground<T>(_ value: consuming T) {
  let box = ReleasedValue(value)
  DispatchQueue.global(qos: .utility).async { box.release() }
}

/// A value in transit to the thread that releases it.
private final class ReleasedValue<T>: @unchecked Sendable {
  private var value: T?

  init(_ value: consuming T) { self.value = value }

  func release() { value = nil }
}
