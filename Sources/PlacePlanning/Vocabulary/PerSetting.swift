/// A value per setting type, kept in a fixed array in `SettingType.allCases` order: what a
/// `[SettingType: Value]` dictionary holds, without hashing, and iterated in that order
/// (so a sum over setting types is the same on every run).
public struct PerSetting<Value>: Sequence, ExpressibleByDictionaryLiteral {
  private var slots: [Value?]

  /// No value for any setting type.
  public init() {
    slots = Array(repeating: nil, count: SettingType.allCases.count)
  }

  public init(_ dictionary: [SettingType: Value]) {
    self.init()
    for (setting, value) in dictionary { slots[setting.index] = value }
  }

  public init(dictionaryLiteral elements: (SettingType, Value)...) {
    self.init()
    for (setting, value) in elements { slots[setting.index] = value }
  }

  /// The value for a setting type; nil when there is none. Setting nil removes it.
  public subscript(setting: SettingType) -> Value? {
    get { slots[setting.index] }
    set { slots[setting.index] = newValue }
  }

  /// The value for a setting type, or `defaultValue` when there is none (for `+=`).
  public subscript(setting: SettingType, default defaultValue: @autoclosure () -> Value) -> Value {
    get { slots[setting.index] ?? defaultValue() }
    set { slots[setting.index] = newValue }
  }

  /// Runs `body` on the value for a setting type in place, when there is one (taken out
  /// first, so that an array value is changed without being copied).
  public mutating func modifyValue(
    forKey setting: SettingType, _ body: (inout Value) throws -> Void
  ) rethrows {
    guard var value = slots[setting.index] else { return }
    slots[setting.index] = nil
    defer { slots[setting.index] = value }
    try body(&value)
  }

  /// The setting types with a value, in `SettingType.allCases` order.
  public var keys: [SettingType] { SettingType.allCases.filter { slots[$0.index] != nil } }

  public var isEmpty: Bool { slots.allSatisfy { $0 == nil } }

  public func mapValues<T>(_ transform: (Value) throws -> T) rethrows -> PerSetting<T> {
    var result = PerSetting<T>()
    for (setting, value) in self { result[setting] = try transform(value) }
    return result
  }

  public func compactMapValues<T>(_ transform: (Value) throws -> T?) rethrows -> PerSetting<T> {
    var result = PerSetting<T>()
    for (setting, value) in self { result[setting] = try transform(value) }
    return result
  }

  /// The (setting type, value) pairs with a value, in `SettingType.allCases` order.
  public struct Iterator: IteratorProtocol {
    fileprivate let slots: [Value?]
    fileprivate var index = 0

    public mutating func next() -> (key: SettingType, value: Value)? {
      while index < slots.count {
        defer { index += 1 }
        if let value = slots[index] { return (SettingType.allCases[index], value) }
      }
      return nil
    }
  }

  public func makeIterator() -> Iterator { Iterator(slots: slots) }
}

extension PerSetting: Equatable where Value: Equatable {}
extension PerSetting: Sendable where Value: Sendable {}
