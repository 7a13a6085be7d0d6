import Foundation
import PlacePlanning
import Yams

/// Reads a scenario YAML (Models/scenarios/*.yaml). Keys: `name`, `description`,
/// `rationale`, and any of `places` (list of name, setting_type, from, places, capital,
/// capital_cost), `growth` (list of setting_type, from, multiplier), `inms_to_state` (share,
/// from, to), `travel_training` (from, reduction, settings, cost_per_year) and
/// `inms_fee_inflation`, and `child` (changes to the child-level model, used with
/// `--child-model`; `ScenarioReader.child`).
public enum ScenarioReader {
  static let topKeys = [
    "name", "description", "rationale", "places", "growth", "inms_to_state", "travel_training",
    "inms_fee_inflation", "child",
  ]

  public static func read(path: String) throws(InputError) -> Scenario {
    try read(YAMLTree.load(path: path), source: (path as NSString).lastPathComponent)
  }

  public static func parse(text: String, file: String) throws(InputError) -> Scenario {
    try read(YAMLTree.parse(text: text, file: file), source: file)
  }

  static func read(_ tree: YAMLTree, source: String) throws(InputError) -> Scenario {
    let top = try tree.mapping(tree.root, path: "the scenario", allowed: topKeys)
    let name = try tree.string(
      tree.require(top, "name", in: tree.root, path: "the scenario"), path: "name")
    let description =
      try top["description"].map { node throws(InputError) in
        try tree.string(node, path: "description")
      } ?? ""
    let rationale =
      try top["rationale"].map { node throws(InputError) in
        try tree.string(node, path: "rationale")
      } ?? ""

    var places: [Scenario.PlacesChange] = []
    if let list = top["places"] {
      guard let items = list.sequence else {
        throw tree.failure(list, "places should be a list", fix: "start each change with \"- \"")
      }
      for (index, item) in items.enumerated() {
        let path = "places[\(index + 1)]"
        let values = try tree.mapping(
          item, path: path,
          allowed: ["name", "setting_type", "from", "places", "capital", "capital_cost", "fill"])
        let capitalText =
          try values["capital"].map { node throws(InputError) in
            try tree.string(node, path: "\(path).capital")
          } ?? "none"
        guard let capital = Scenario.PlacesChange.Capital(rawValue: capitalText) else {
          throw tree.failure(
            values["capital"], "\(path).capital is \"\(capitalText)\"",
            fix:
              "use one of \(Scenario.PlacesChange.Capital.allCases.map(\.rawValue).joined(separator: ", "))"
          )
        }
        let total = try tree.number(
          tree.require(values, "places", in: item, path: path), path: "\(path).places",
          range: -5000...5000)
        var fill: [Double]?
        if let node = values["fill"] {
          guard let steps = node.sequence, !steps.isEmpty else {
            throw tree.failure(
              node, "\(path).fill should be a list of places open each year",
              fix: "e.g. fill: [30, 60, 90] (places) or fill: [0.25, 0.5, 0.75] (shares of places)")
          }
          let limit = max(abs(total), 1)
          var numbers: [Double] = []
          for (step, value) in steps.enumerated() {
            numbers.append(
              try tree.number(value, path: "\(path).fill[\(step + 1)]", range: 0...limit))
          }
          // Shares of the places when every step is at most 1 and places are more than 1.
          let shares = abs(total) > 1 && numbers.allSatisfy { $0 <= 1 }
          fill = shares ? numbers.map { $0 * total } : numbers
        }
        places.append(
          Scenario.PlacesChange(
            name: try tree.string(
              tree.require(values, "name", in: item, path: path), path: "\(path).name"),
            setting: try tree.setting(
              tree.require(values, "setting_type", in: item, path: path),
              path: "\(path).setting_type", valid: PlacesEntry.plannableSettings),
            fromYear: try tree.academicYear(
              tree.require(values, "from", in: item, path: path), path: "\(path).from"),
            places: total,
            capital: capital,
            capitalCost: try values["capital_cost"].map { node throws(InputError) in
              try tree.number(node, path: "\(path).capital_cost", range: 0...1e10)
            }, fill: fill))
      }
    }

    var growth: [Scenario.GrowthChange] = []
    if let list = top["growth"] {
      guard let items = list.sequence else {
        throw tree.failure(list, "growth should be a list", fix: "start each change with \"- \"")
      }
      for (index, item) in items.enumerated() {
        let path = "growth[\(index + 1)]"
        let values = try tree.mapping(
          item, path: path, allowed: ["setting_type", "from", "multiplier"])
        growth.append(
          Scenario.GrowthChange(
            setting: try tree.setting(
              tree.require(values, "setting_type", in: item, path: path),
              path: "\(path).setting_type", valid: SettingType.additiveParts + [.rpSENUnit]),
            fromYear: try tree.academicYear(
              tree.require(values, "from", in: item, path: path), path: "\(path).from"),
            multiplier: try tree.number(
              tree.require(values, "multiplier", in: item, path: path),
              path: "\(path).multiplier", range: 0...5)))
      }
    }

    var move: Scenario.INMSMove?
    if let node = top["inms_to_state"] {
      let path = "inms_to_state"
      let values = try tree.mapping(node, path: path, allowed: ["share", "from", "to"])
      move = Scenario.INMSMove(
        share: try tree.number(
          tree.require(values, "share", in: node, path: path), path: "\(path).share", range: 0...1),
        fromYear: try tree.academicYear(
          tree.require(values, "from", in: node, path: path), path: "\(path).from"),
        to: try tree.setting(
          tree.require(values, "to", in: node, path: path), path: "\(path).to",
          valid: [.specialState, .rpSENUnit]))
    }

    var training: Scenario.TravelTraining?
    if let node = top["travel_training"] {
      let path = "travel_training"
      let values = try tree.mapping(
        node, path: path, allowed: ["from", "reduction", "settings", "cost_per_year"])
      var settings = CostProjector.transportedSettings
      if let list = values["settings"] {
        guard let items = list.sequence else {
          throw tree.failure(
            list, "\(path).settings should be a list", fix: "write [special_state, inms]")
        }
        settings = []
        for item in items {
          settings.append(
            try tree.setting(
              item, path: "\(path).settings", valid: CostProjector.transportedSettings))
        }
        guard !settings.isEmpty else {
          throw tree.failure(
            list, "\(path).settings is empty, so the training would change nothing",
            fix:
              "name the setting types trained, e.g. [special_state, fe_post16], or leave out settings for all transported ones"
          )
        }
      }
      training = Scenario.TravelTraining(
        fromYear: try tree.academicYear(
          tree.require(values, "from", in: node, path: path), path: "\(path).from"),
        reduction: try tree.number(
          tree.require(values, "reduction", in: node, path: path), path: "\(path).reduction",
          range: 0...1),
        settings: settings,
        costPerYear: try values["cost_per_year"].map { item throws(InputError) in
          try tree.number(item, path: "\(path).cost_per_year", range: 0...1e9)
        } ?? 0)
    }
    let feeInflation = try top["inms_fee_inflation"].map { node throws(InputError) in
      try tree.number(node, path: "inms_fee_inflation", range: -0.2...0.5)
    }
    var childChanges: ChildScenario?
    if let node = top["child"] { childChanges = try child(node, tree: tree) }
    return Scenario(
      name: name, description: description, rationale: rationale, growth: growth,
      inmsMove: move, places: places, travelTraining: training, inmsFeeInflation: feeInflation,
      child: childChanges, source: source)
  }
}
