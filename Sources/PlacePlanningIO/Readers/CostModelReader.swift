import PlacePlanning
import Yams

/// Reads the cost model YAML (Models/costs.yaml): each cost line with `value`, optional
/// `low`/`high`, `price_year`, `annual_inflation` and `source`; transported shares by
/// setting type; regional factors by LA code.
public enum CostModelReader {
  static let lineKeys = ["value", "low", "high", "price_year", "annual_inflation", "source"]
  static let topKeys = [
    "price_base", "general_inflation", "discount_rate", "inms_fee_per_placement",
    "transport_per_child", "transported_share", "special_place_funding", "special_top_up",
    "rp_place_funding", "rp_top_up", "capital_new_school_per_place",
    "capital_expansion_per_place", "capital_rp_per_place", "regional_factors",
  ]

  public static func read(path: String) throws(InputError) -> CostModelSet {
    try read(YAMLTree.load(path: path))
  }

  public static func parse(text: String, file: String) throws(InputError) -> CostModelSet {
    try read(YAMLTree.parse(text: text, file: file))
  }

  static func read(_ tree: YAMLTree) throws(InputError) -> CostModelSet {
    let top = try tree.mapping(tree.root, path: "the cost model", allowed: topKeys)
    let priceBase = try tree.academicYear(
      tree.require(top, "price_base", in: tree.root, path: "the cost model"), path: "price_base")
    func rate(_ key: String) throws(InputError) -> Double {
      let node = try tree.require(top, key, in: tree.root, path: "the cost model")
      let values = try tree.mapping(node, path: key, allowed: ["value", "source"])
      if let source = values["source"] { _ = try tree.string(source, path: "\(key).source") }
      return try tree.number(
        tree.require(values, "value", in: node, path: key), path: "\(key).value", range: 0...0.5)
    }
    func line(
      _ key: String, in parent: [String: Node], parentNode: Node, path: String,
      range: ClosedRange<Double>
    )
      throws(InputError) -> CostAssumption
    {
      let node = try tree.require(parent, key, in: parentNode, path: path)
      let name = path == "the cost model" ? key : "\(path).\(key)"
      let values = try tree.mapping(node, path: name, allowed: lineKeys)
      let value = try tree.number(
        tree.require(values, "value", in: node, path: name), path: "\(name).value", range: range)
      var low: Double?
      var high: Double?
      if let lowNode = values["low"] {
        low = try tree.number(lowNode, path: "\(name).low", range: range.lowerBound...value)
      }
      if let highNode = values["high"] {
        high = try tree.number(highNode, path: "\(name).high", range: value...range.upperBound)
      }
      let year =
        try values["price_year"].map { node throws(InputError) in
          try tree.academicYear(node, path: "\(name).price_year")
        } ?? priceBase
      let inflation =
        try values["annual_inflation"].map { node throws(InputError) in
          try tree.number(node, path: "\(name).annual_inflation", range: -0.2...0.5)
        } ?? 0
      let source = try tree.string(
        tree.require(values, "source", in: node, path: name), path: "\(name).source")
      return CostAssumption(
        value: value, low: low, high: high, priceYear: year, annualInflation: inflation,
        source: source)
    }
    let pounds = 0.0...10_000_000.0
    let sharesNode = try tree.require(
      top, "transported_share", in: tree.root, path: "the cost model")
    let transportable: [SettingType] = [
      .mainstream, .specialState, .inms, .apPRU, .fePost16, .earlyYears, .other,
    ]
    let shares = try tree.mapping(
      sharesNode, path: "transported_share", allowed: transportable.map(\.rawValue))
    var transported: [SettingType: CostAssumption] = [:]
    for setting in transportable where shares[setting.rawValue] != nil {
      transported[setting] = try line(
        setting.rawValue, in: shares, parentNode: sharesNode, path: "transported_share",
        range: 0...1)
    }
    var factors: [String: Double] = [:]
    if let factorsNode = top["regional_factors"] {
      // A list or a single value is an error, not "no factors": every LA would silently get
      // 1.0.
      guard let mapping = factorsNode.mapping else {
        throw tree.failure(
          factorsNode, "regional_factors is not a mapping of LA code to factor",
          fix: "write one line per LA under regional_factors, e.g. `  E10000032: 1.13`")
      }
      for (key, value) in mapping {
        let code = key.string ?? ""
        guard CellParser.isLACode(code) else {
          throw tree.failure(
            key, "regional_factors has the key \"\(code.prefix(40))\", not an LA code",
            fix: "use the LA's ONS code (E06, E07, E08, E09 or E10 then six digits)")
        }
        factors[code] = try tree.number(value, path: "regional_factors.\(code)", range: 0.5...2)
      }
    }
    let base = CostModel(
      priceBase: priceBase, generalInflation: try rate("general_inflation"),
      discountRate: try rate("discount_rate"),
      inmsFeePerPlacement: try line(
        "inms_fee_per_placement", in: top, parentNode: tree.root, path: "the cost model",
        range: pounds),
      transportPerChild: try line(
        "transport_per_child", in: top, parentNode: tree.root, path: "the cost model", range: pounds
      ),
      transportedShare: transported,
      specialPlaceFunding: try line(
        "special_place_funding", in: top, parentNode: tree.root, path: "the cost model",
        range: pounds),
      specialTopUp: try line(
        "special_top_up", in: top, parentNode: tree.root, path: "the cost model", range: pounds),
      rpPlaceFunding: try line(
        "rp_place_funding", in: top, parentNode: tree.root, path: "the cost model", range: pounds),
      rpTopUp: try line(
        "rp_top_up", in: top, parentNode: tree.root, path: "the cost model", range: pounds),
      capitalNewSchoolPerPlace: try line(
        "capital_new_school_per_place", in: top, parentNode: tree.root, path: "the cost model",
        range: pounds),
      capitalExpansionPerPlace: try line(
        "capital_expansion_per_place", in: top, parentNode: tree.root, path: "the cost model",
        range: pounds),
      regionalFactor: CostAssumption(value: 1, priceYear: priceBase, source: "default")
    ).withRPCapital(
      top["capital_rp_per_place"] == nil
        ? nil
        : try line(
          "capital_rp_per_place", in: top, parentNode: tree.root, path: "the cost model",
          range: pounds))
    return CostModelSet(
      base: base, regionalFactors: factors,
      factorSource:
        "DfE LA school places scorecards 2024/25: LA primary new-school cost per place / England's")
  }
}
