import PlacePlanning
import Yams

extension ScenarioReader {
  /// The `child` section of a scenario: changes to the child-level model (`ChildScenario`).
  /// ```
  /// child:
  ///   rates:
  ///     - flow: joiners          # leavers, movers or joiners
  ///       from: "2026/27"        # moves into the January 2027 census and later
  ///       factor: 0.8
  ///       settings: [INMS]       # optional: the LA's setting codes, needs and NCYs
  ///       needs: [ASD]
  ///       ncys: [6, 11]
  ///   redirects:
  ///     - flow: movers           # joiners or movers
  ///       from: "2026/27"
  ///       share: 0.5
  ///       setting: INMS
  ///       to: SS
  ///   closures:                  # no new children from that year
  ///     - setting: AP
  ///       from: "2027/28"
  ///   history:                   # transitions before a calendar year left out of the fit
  ///     - before: 2019
  ///       ncys: [12, 13, 14]     # optional: those NCYs only
  /// ```
  static func child(_ node: Node, tree: YAMLTree) throws(InputError) -> ChildScenario {
    let values = try tree.mapping(
      node, path: "child", allowed: ["rates", "redirects", "closures", "history"])
    var lines: [String: Int] = [:]
    func note(_ node: Node?, _ path: String) {
      if let line = node?.mark?.line { lines[path] = line }
    }
    var rates: [ChildScenario.RateChange] = []
    for (index, item) in try list(values["rates"], path: "child.rates", tree: tree).enumerated() {
      let path = "child.rates[\(index + 1)]"
      let fields = try tree.mapping(
        item, path: path, allowed: ["flow", "from", "factor", "settings", "needs", "ncys"])
      note(fields["settings"], "\(path).settings")
      note(fields["needs"], "\(path).needs")
      rates.append(
        ChildScenario.RateChange(
          flow: try flow(
            tree.require(fields, "flow", in: item, path: path), path: "\(path).flow", tree: tree,
            allowed: ChildScenario.Flow.allCases),
          fromCensus: try tree.academicYear(
            tree.require(fields, "from", in: item, path: path), path: "\(path).from"
          ).censusYear,
          factor: try tree.number(
            tree.require(fields, "factor", in: item, path: path), path: "\(path).factor",
            range: 0...10),
          settings: try strings(fields["settings"], path: "\(path).settings", tree: tree),
          needs: try strings(fields["needs"], path: "\(path).needs", tree: tree),
          ncys: try ncys(fields["ncys"], path: "\(path).ncys", tree: tree)))
    }
    var redirects: [ChildScenario.Redirect] = []
    for (index, item) in try list(values["redirects"], path: "child.redirects", tree: tree)
      .enumerated()
    {
      let path = "child.redirects[\(index + 1)]"
      let fields = try tree.mapping(
        item, path: path, allowed: ["flow", "from", "share", "setting", "to"])
      note(fields["setting"], "\(path).setting")
      note(fields["to"], "\(path).to")
      redirects.append(
        ChildScenario.Redirect(
          flow: try flow(
            tree.require(fields, "flow", in: item, path: path), path: "\(path).flow", tree: tree,
            allowed: [.joiners, .movers]),
          fromCensus: try tree.academicYear(
            tree.require(fields, "from", in: item, path: path), path: "\(path).from"
          ).censusYear,
          share: try tree.number(
            tree.require(fields, "share", in: item, path: path), path: "\(path).share",
            range: 0...1),
          setting: try tree.string(
            tree.require(fields, "setting", in: item, path: path), path: "\(path).setting"),
          to: try tree.string(
            tree.require(fields, "to", in: item, path: path), path: "\(path).to")))
    }
    var closures: [ChildScenario.Closure] = []
    for (index, item) in try list(values["closures"], path: "child.closures", tree: tree)
      .enumerated()
    {
      let path = "child.closures[\(index + 1)]"
      let fields = try tree.mapping(item, path: path, allowed: ["setting", "from"])
      note(fields["setting"], "\(path).setting")
      closures.append(
        ChildScenario.Closure(
          setting: try tree.string(
            tree.require(fields, "setting", in: item, path: path), path: "\(path).setting"),
          fromCensus: try tree.academicYear(
            tree.require(fields, "from", in: item, path: path), path: "\(path).from"
          ).censusYear))
    }
    var history: [ChildScenario.HistoryCut] = []
    for (index, item) in try list(values["history"], path: "child.history", tree: tree)
      .enumerated()
    {
      let path = "child.history[\(index + 1)]"
      let fields = try tree.mapping(item, path: path, allowed: ["before", "ncys"])
      history.append(
        ChildScenario.HistoryCut(
          fromYear: Int(
            try tree.number(
              tree.require(fields, "before", in: item, path: path), path: "\(path).before",
              range: 1990...2100)),
          ncys: try ncys(fields["ncys"], path: "\(path).ncys", tree: tree)))
    }
    guard !rates.isEmpty || !redirects.isEmpty || !closures.isEmpty || !history.isEmpty else {
      throw tree.failure(
        node, "child has no rates, redirects, closures or history",
        fix: "add one, or leave out child")
    }
    return ChildScenario(
      rates: rates, redirects: redirects, closures: closures, history: history, lines: lines)
  }

  /// The items of an optional list.
  private static func list(_ node: Node?, path: String, tree: YAMLTree) throws(InputError)
    -> [Node]
  {
    guard let node else { return [] }
    guard let items = node.sequence else {
      throw tree.failure(node, "\(path) should be a list", fix: "start each change with \"- \"")
    }
    return Array(items)
  }

  /// An optional list of scalars as text, e.g. [INMS, SS] or [6, 11].
  private static func strings(_ node: Node?, path: String, tree: YAMLTree) throws(InputError)
    -> [String]
  {
    guard let node else { return [] }
    guard let items = node.sequence else {
      throw tree.failure(node, "\(path) should be a list", fix: "write e.g. [INMS, SS]")
    }
    var result: [String] = []
    for item in items { result.append(try tree.string(item, path: path)) }
    return result
  }

  /// An optional list of national curriculum years, −5 … 25.
  private static func ncys(_ node: Node?, path: String, tree: YAMLTree) throws(InputError)
    -> [Int]
  {
    var result: [Int] = []
    for text in try strings(node, path: path, tree: tree) {
      guard let ncy = Int(text), (-5...25).contains(ncy) else {
        throw tree.failure(
          node, "\(path) has \"\(text.prefix(20))\"",
          fix: "give national curriculum years from -5 to 25, e.g. [6, 11]")
      }
      result.append(ncy)
    }
    return result
  }

  private static func flow(
    _ node: Node, path: String, tree: YAMLTree, allowed: [ChildScenario.Flow]
  ) throws(InputError) -> ChildScenario.Flow {
    let text = try tree.string(node, path: path)
    guard let flow = ChildScenario.Flow(rawValue: text), allowed.contains(flow) else {
      throw tree.failure(
        node, "\(path) is \"\(text.prefix(20))\"",
        fix: "use one of \(allowed.map(\.rawValue).joined(separator: ", "))")
    }
    return flow
  }
}
