/// A child's place in the LA's EHCP caseload at a January: setting, primary need and
/// national curriculum year (NCY, −5 … 25), as the LA's own case records hold them.
public struct ChildState: Hashable, Sendable, Comparable, CustomStringConvertible {
  public var setting: String
  public var need: String
  public var ncy: Int

  public init(setting: String, need: String, ncy: Int) {
    self.setting = setting
    self.need = need
    self.ncy = ncy
  }

  public static func < (lhs: ChildState, rhs: ChildState) -> Bool {
    (lhs.setting, lhs.need, lhs.ncy) < (rhs.setting, rhs.need, rhs.ncy)
  }

  public var description: String { "\(setting)/\(need)/NCY \(ncy)" }
}

/// One child's year: the January state of `calendarYear` and that of the next January; nil
/// is outside the caseload (NONSEND): a joiner has no `from`, a leaver no `to`.
public struct ChildTransition: Sendable, Equatable {
  public var calendarYear: Int
  public var from: ChildState?
  public var to: ChildState?

  public init(calendarYear: Int, from: ChildState?, to: ChildState?) {
    self.calendarYear = calendarYear
    self.from = from
    self.to = to
  }
}

/// What states the LA's settings allow: each setting's NCY range and needs.
public struct ValidStates: Sendable {
  public struct Setting: Sendable, Equatable {
    public var name: String
    public var group: String
    public var ncys: ClosedRange<Int>
    public var needs: [String]
    /// Settings a child may move to from this one.
    public var moves: [String]

    public init(
      name: String, group: String, ncys: ClosedRange<Int>, needs: [String], moves: [String]
    ) {
      self.name = name
      self.group = group
      self.ncys = ncys
      self.needs = needs
      self.moves = moves
    }
  }

  public let settings: [String: Setting]
  /// Setting names in file order.
  public let order: [String]

  public init(settings: [Setting]) {
    self.settings = Dictionary(
      settings.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
    self.order = settings.map(\.name)
  }

  /// Whether a state is allowed.
  public func allows(_ state: ChildState) -> Bool {
    guard let setting = settings[state.setting] else { return false }
    return setting.ncys.contains(state.ncy) && setting.needs.contains(state.need)
  }
}
