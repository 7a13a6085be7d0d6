/// Which of placeplan's setting types each of an LA's own settings is, so a child-level
/// forecast feeds places, costs and the report like the aggregate one.
///
/// A child counts towards its setting's type and the total; a child in an RP/SEN unit
/// counts towards mainstream too, because SEN2's mainstream total includes RP/SEN units.
public struct ChildSettingMap: Sendable, Equatable {
  /// LA setting code → setting type (never `total`).
  public let types: [String: SettingType]

  public init(types: [String: SettingType]) {
    self.types = types
  }

  /// The setting types a child in `setting` counts towards: none when unmapped.
  public func counted(_ setting: String) -> [SettingType] {
    guard let type = types[setting] else { return [] }
    var result = [SettingType.total, type]
    if let parent = type.parent { result.append(parent) }
    return result
  }
}
