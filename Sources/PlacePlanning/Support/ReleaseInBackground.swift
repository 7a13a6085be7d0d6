import Dispatch

/// Hands the last reference to `value` to a background thread, which releases it there.
///
/// A national backtest ends holding some hundred thousand small allocations (every cached
/// forecast, its points and errors); freeing them one by one takes tens of milliseconds
/// that the report and its output need not wait for. When the process ends first, the
/// system reclaims the memory at once. The caller must not use `value` afterwards (no other
/// thread may hold it), which is what makes the unchecked transfer sound.
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
