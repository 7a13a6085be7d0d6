extension Dictionary {
  /// Runs `body` on the value for `key` in place, when there is one: the value is not copied
  /// first, as reading it out, changing it and storing it back would copy an array still
  /// held by the dictionary.
  mutating func modifyValue(forKey key: Key, _ body: (inout Value) throws -> Void) rethrows {
    guard let index = index(forKey: key) else { return }
    try body(&values[index])
  }
}
