import PlacePlanning
import Yams

/// Reads pupil-yield factors (Models/pupil_yield.yaml):
/// ```
/// one_bedroom:          {exclude: true, source: …}
/// ehcp_share:           {district_minimum_pupils: 1000, source: …}
/// specialist_settings:  {settings: [special_state, rp_sen_unit, inms], source: …}
/// yields:
///   - dwelling_type: house        # house | flat
///     bedrooms: "3"               # 1 | 2 | 3 | 4+
///     tenure: market              # market | affordable
///     early-years: {value: 0.12, low: 0.08, high: 0.16}
///     primary:     {value: 0.30, low: 0.21, high: 0.39}
///     secondary:   {value: 0.20, low: 0.14, high: 0.26}
///     post-16:     {value: 0.04, low: 0.02, high: 0.06}
///     source: …
/// ```
/// Values are pupils per dwelling (0–3), `low ≤ value ≤ high`. Every house and flat, tenure
/// and bedroom band needs one entry, except one-bedroom ones when `one_bedroom.exclude` is
/// true, which must then be left out.
public enum PupilYieldReader {
  static let topKeys = ["one_bedroom", "ehcp_share", "specialist_settings", "yields"]
  static let entryKeys =
    ["dwelling_type", "bedrooms", "tenure", "source"] + PupilYield.Phase.allCases.map(\.rawValue)
  /// The setting types that may be claimed as specialist places.
  public static let claimableSettings: [SettingType] = [.specialState, .rpSENUnit, .inms]

  public static func read(path: String) throws(InputError) -> PupilYield {
    try read(YAMLTree.load(path: path))
  }

  public static func parse(text: String, file: String) throws(InputError) -> PupilYield {
    try read(YAMLTree.parse(text: text, file: file))
  }

  static func read(_ tree: YAMLTree) throws(InputError) -> PupilYield {
    let path = "the pupil-yield model"
    let top = try tree.mapping(tree.root, path: path, allowed: topKeys)

    let oneNode = try tree.require(top, "one_bedroom", in: tree.root, path: path)
    let one = try tree.mapping(oneNode, path: "one_bedroom", allowed: ["exclude", "source"])
    let excludeNode = try tree.require(one, "exclude", in: oneNode, path: "one_bedroom")
    guard let exclude = excludeNode.bool else {
      throw tree.failure(
        excludeNode, "one_bedroom.exclude is \"\(excludeNode.string ?? "")\"",
        fix: "write true or false")
    }
    let oneSource = try tree.string(
      tree.require(one, "source", in: oneNode, path: "one_bedroom"), path: "one_bedroom.source")

    let shareNode = try tree.require(top, "ehcp_share", in: tree.root, path: path)
    let share = try tree.mapping(
      shareNode, path: "ehcp_share", allowed: ["district_minimum_pupils", "source"])
    let minimum = try tree.number(
      tree.require(share, "district_minimum_pupils", in: shareNode, path: "ehcp_share"),
      path: "ehcp_share.district_minimum_pupils", range: 0...1_000_000)
    let shareSource = try tree.string(
      tree.require(share, "source", in: shareNode, path: "ehcp_share"), path: "ehcp_share.source")

    let settingsNode = try tree.require(top, "specialist_settings", in: tree.root, path: path)
    let settingsMap = try tree.mapping(
      settingsNode, path: "specialist_settings", allowed: ["settings", "source"])
    let listNode = try tree.require(
      settingsMap, "settings", in: settingsNode, path: "specialist_settings")
    guard let list = listNode.sequence, !list.isEmpty else {
      throw tree.failure(
        listNode, "specialist_settings.settings should be a list of setting types",
        fix: "write [special_state, rp_sen_unit, inms] or a part of it")
    }
    var settings: [SettingType] = []
    for item in list {
      let setting = try tree.setting(
        item, path: "specialist_settings.settings", valid: claimableSettings)
      guard !settings.contains(setting) else {
        throw tree.failure(
          item, "\(setting.rawValue) is listed twice in specialist_settings.settings",
          fix: "list it once")
      }
      settings.append(setting)
    }
    let settingsSource = try tree.string(
      tree.require(settingsMap, "source", in: settingsNode, path: "specialist_settings"),
      path: "specialist_settings.source")

    let yieldsNode = try tree.require(top, "yields", in: tree.root, path: path)
    guard let yields = yieldsNode.sequence else {
      throw tree.failure(
        yieldsNode, "yields should be a list of dwelling mixes",
        fix: "start each entry with \"- dwelling_type:\"")
    }
    var entries: [DwellingMix: PupilYield.Entry] = [:]
    for node in yields {
      let entry = try readEntry(node, tree: tree)
      guard entries[entry.mix] == nil else {
        throw tree.failure(
          node, "yields has \(entry.mix) twice", fix: "keep one entry for each dwelling mix")
      }
      if exclude && entry.mix.bedrooms == .one {
        throw tree.failure(
          node, "yields has \(entry.mix), but one_bedroom.exclude is true",
          fix: "remove the one-bedroom entries, or set one_bedroom.exclude: false")
      }
      entries[entry.mix] = entry
    }
    let model = PupilYield(
      entries: entries, excludesOneBedroom: .init(value: exclude, source: oneSource),
      districtMinimumPupils: .init(value: minimum, source: shareSource),
      specialistSettings: .init(value: settings, source: settingsSource))
    let missing = model.requiredMixes.filter { entries[$0] == nil }
    guard missing.isEmpty else {
      throw tree.failure(
        yieldsNode,
        "yields has no entry for \(missing.prefix(4).map(\.description).joined(separator: "; "))\(missing.count > 4 ? " and \(missing.count - 4) more" : "")",
        fix: "add an entry for every dwelling type, tenure and bedroom band")
    }
    return model
  }

  static func readEntry(_ node: Node, tree: YAMLTree) throws(InputError) -> PupilYield.Entry {
    let values = try tree.mapping(node, path: "a yields entry", allowed: entryKeys)
    func text(_ key: String) throws(InputError) -> (String, Node) {
      let child = try tree.require(values, key, in: node, path: "a yields entry")
      return (try tree.string(child, path: key).trimmingCharacters(in: .whitespaces), child)
    }
    let (typeText, typeNode) = try text("dwelling_type")
    guard let type = DwellingMix.DwellingType(rawValue: typeText) else {
      throw tree.failure(typeNode, "dwelling_type is \"\(typeText)\"", fix: "use house or flat")
    }
    let (bedroomsText, bedroomsNode) = try text("bedrooms")
    guard let bedrooms = DwellingMix.Bedrooms(rawValue: bedroomsText) else {
      throw tree.failure(
        bedroomsNode, "bedrooms is \"\(bedroomsText)\"", fix: "use \"1\", \"2\", \"3\" or \"4+\"")
    }
    let (tenureText, tenureNode) = try text("tenure")
    guard let tenure = DwellingMix.Tenure(rawValue: tenureText) else {
      throw tree.failure(
        tenureNode, "tenure is \"\(tenureText)\"", fix: "use market or affordable")
    }
    let mix = DwellingMix(type: type, bedrooms: bedrooms, tenure: tenure)
    var factors: [PupilYield.Phase: PupilYield.Factor] = [:]
    for phase in PupilYield.Phase.allCases {
      let name = "\(mix) \(phase.rawValue)"
      let child = try tree.require(values, phase.rawValue, in: node, path: "the \(mix) entry")
      let parts = try tree.mapping(child, path: name, allowed: ["value", "low", "high"])
      let range = 0.0...3.0
      let value = try tree.number(
        tree.require(parts, "value", in: child, path: name), path: "\(name) value", range: range)
      var low: Double?
      var high: Double?
      if let lowNode = parts["low"] {
        low = try tree.number(lowNode, path: "\(name) low", range: 0...value)
      }
      if let highNode = parts["high"] {
        high = try tree.number(highNode, path: "\(name) high", range: value...range.upperBound)
      }
      factors[phase] = PupilYield.Factor(value: value, low: low, high: high)
    }
    let (source, _) = try text("source")
    return PupilYield.Entry(mix: mix, factors: factors, source: source)
  }
}
