/// What a setting's places are designated for: one or more primary needs (a school for
/// autism, a unit for hearing impairment, "SLD/PMLD") or any need (`generic`).
public enum Designation: Sendable, Equatable, Hashable {
  case generic
  /// Needs in DfE order, at least one.
  case needs([PrimaryNeed])

  /// Parses `generic` or need codes joined by `/` or `+` (`asd`, `sld/pmld`), whatever their
  /// case; nil when a code is not a DfE need code.
  public init?(parsing text: String) {
    let cleaned = text.trimmingCharacters(in: .whitespaces).lowercased()
    if cleaned == "generic" {
      self = .generic
      return
    }
    var needs: [PrimaryNeed] = []
    for part in cleaned.split(whereSeparator: { $0 == "/" || $0 == "+" }) {
      guard let need = PrimaryNeed(rawValue: part.trimmingCharacters(in: .whitespaces)) else {
        return nil
      }
      if !needs.contains(need) { needs.append(need) }
    }
    guard !needs.isEmpty else { return nil }
    self = .needs(needs.sorted())
  }

  /// `generic`, or the codes joined by `/` (`sld/pmld`).
  public var code: String {
    switch self {
    case .generic: return "generic"
    case .needs(let needs): return needs.map(\.rawValue).joined(separator: "/")
    }
  }

  /// The valid codes, for an error's fix.
  public static let validCodes =
    "generic, or need codes joined by /: "
    + PrimaryNeed.allCases.map(\.rawValue).joined(separator: ", ")
}
