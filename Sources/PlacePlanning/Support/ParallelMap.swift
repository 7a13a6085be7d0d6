import Dispatch

/// `transform(0) … transform(count − 1)` computed on every core, returned in index order, so
/// the result (and anything built from it in order) does not depend on how the work was
/// scheduled.
public func parallelMap<T: Sendable>(_ count: Int, _ transform: @Sendable (Int) -> T) -> [T] {
  guard count > 1 else { return (0..<max(count, 0)).map(transform) }
  let slots = Slots<T>(count: count)
  DispatchQueue.concurrentPerform(iterations: count) { index in
    slots.store(transform(index), at: index)
  }
  return slots.values()
}

/// Result slots written concurrently, each by exactly one iteration of `parallelMap`, and
/// read only after every iteration has finished; that discipline is what makes the
/// unchecked `Sendable` sound.
private final class Slots<T>: @unchecked Sendable {
  private let count: Int
  private let buffer: UnsafeMutablePointer<T?>

  init(count: Int) {
    self.count = count
    buffer = .allocate(capacity: count)
    buffer.initialize(repeating: nil, count: count)
  }

  deinit {
    buffer.deinitialize(count: count)
    buffer.deallocate()
  }

  func store(_ value: T, at index: Int) { buffer[index] = value }

  func values() -> [T] { (0..<count).compactMap { buffer[$0] } }
}
