import PlacePlanning
import Yams

/// Reads pupil-yield factors (Models/pupil_yield.yaml, or an LA's own in the same shape):
/// ```
/// name:                 whose factors, e.g. "DfE pupil yield dashboard, England, 2021/22"
/// one_bedroom:          {exclude: false, source: …}
/// ehcp_share:           {district_minimum_pupils: 1000, source: …}
/// special:
///   per_dwelling:       {value: 0.0089}        # special/AP pupils per dwelling, all phases
///   source:             …
///   phase_split:        {primary: 0.34, secondary: 0.527, post-16: 0.133}   # sums to 1
///   phase_split_source: …
///   reference_primary:  0.2528                 # all-dwellings primary yield
///   multiplier_source:  …
///   adjustment_source:  …
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
  static let topKeys = ["name", "one_bedroom", "ehcp_share", "special", "yields"]
  static let entryKeys =
    ["dwelling_type", "bedrooms", "tenure", "source"] + PupilYield.Phase.allCases.map(\.rawValue)
  static let specialKeys = [
    "per_dwelling", "source", "phase_split", "phase_split_source", "reference_primary",
    "multiplier_source", "adjustment_source",
  ]

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

    let name = try tree.string(tree.require(top, "name", in: tree.root, path: path), path: "name")
    let special = try readSpecial(
      tree.require(top, "special", in: tree.root, path: path), tree: tree)

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
      name: name, entries: entries, excludesOneBedroom: .init(value: exclude, source: oneSource),
      districtMinimumPupils: .init(value: minimum, source: shareSource), special: special)
    let missing = model.requiredMixes.filter { entries[$0] == nil }
    guard missing.isEmpty else {
      throw tree.failure(
        yieldsNode,
        "yields has no entry for \(missing.prefix(4).map(\.description).joined(separator: "; "))\(missing.count > 4 ? " and \(missing.count - 4) more" : "")",
        fix: "add an entry for every dwelling type, tenure and bedroom band")
    }
    return model
  }

  /// The `special` block: the special/AP yield, its split by phase and the rules around it.
  static func readSpecial(_ node: Node, tree: YAMLTree) throws(InputError) -> PupilYield.Special {
    let values = try tree.mapping(node, path: "special", allowed: specialKeys)
    func text(_ key: String) throws(InputError) -> String {
      try tree.string(tree.require(values, key, in: node, path: "special"), path: "special.\(key)")
    }
    let factorNode = try tree.require(values, "per_dwelling", in: node, path: "special")
    let factor = try readFactor(factorNode, name: "special.per_dwelling", tree: tree, range: 0...1)
    let splitNode = try tree.require(values, "phase_split", in: node, path: "special")
    let splitValues = try tree.mapping(
      splitNode, path: "special.phase_split",
      allowed: PupilYield.specialistPhases.map(\.rawValue))
    var split: [PupilYield.Phase: Double] = [:]
    for phase in PupilYield.specialistPhases {
      split[phase] = try tree.number(
        tree.require(splitValues, phase.rawValue, in: splitNode, path: "special.phase_split"),
        path: "special.phase_split.\(phase.rawValue)", range: 0...1)
    }
    let total = split.values.reduce(0, +)
    guard abs(total - 1) <= 0.001 else {
      throw tree.failure(
        splitNode, "special.phase_split adds up to \(total), not 1",
        fix: "give each phase's share of the special yield so that they add up to 1")
    }
    let reference = try tree.number(
      tree.require(values, "reference_primary", in: node, path: "special"),
      path: "special.reference_primary", range: 0.001...3)
    return PupilYield.Special(
      perDwelling: factor, source: try text("source"), phaseSplit: split,
      phaseSplitSource: try text("phase_split_source"), referencePrimary: reference,
      multiplierSource: try text("multiplier_source"),
      adjustmentSource: try text("adjustment_source"))
  }

  /// A `{value, low, high}` factor, `low ≤ value ≤ high` within `range`.
  static func readFactor(
    _ node: Node, name: String, tree: YAMLTree, range: ClosedRange<Double>
  ) throws(InputError) -> PupilYield.Factor {
    let parts = try tree.mapping(node, path: name, allowed: ["value", "low", "high"])
    let value = try tree.number(
      tree.require(parts, "value", in: node, path: name), path: "\(name) value", range: range)
    var low: Double?
    var high: Double?
    if let lowNode = parts["low"] {
      low = try tree.number(lowNode, path: "\(name) low", range: range.lowerBound...value)
    }
    if let highNode = parts["high"] {
      high = try tree.number(highNode, path: "\(name) high", range: value...range.upperBound)
    }
    return PupilYield.Factor(value: value, low: low, high: high)
  }

  static func readEntry(_ node: Node, tree: YAMLTree) throws(InputError) -> PupilYield.Entry {
    let values = try tree.mapping(node, path: "a yields entry", allowed: entryKeys)
    func text(_ key: String) throws(InputError) -> (String, Node) {
      let child = try tree.require(values, key, in: node, path: "a yields entry")
      return (try tree.string(child, path: key).trimmedSpaces, child)
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
      factors[phase] = try readFactor(child, name: name, tree: tree, range: 0...3)
    }
    let (source, _) = try text("source")
    return PupilYield.Entry(mix: mix, factors: factors, source: source)
  }
}
