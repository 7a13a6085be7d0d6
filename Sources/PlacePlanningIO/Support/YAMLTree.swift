import Foundation
import PlacePlanning
import Yams

/// A YAML document read with Yams, with typed look-ups that report file, line, key and the
/// valid values when something is wrong.
struct YAMLTree {
  let file: String
  let root: Node

  /// Reads and parses a YAML file.
  static func load(path: String) throws(InputError) -> YAMLTree {
    let (name, data) = try InputFile.bytes(path: path)
    return try parse(text: UTF8Check.text(data, file: name), file: name)
  }

  static func parse(text: String, file: String) throws(InputError) -> YAMLTree {
    do {
      guard let root = try Yams.compose(yaml: text) else { throw InputError.empty(file: file) }
      return YAMLTree(file: file, root: root)
    } catch let error as InputError {
      throw error
    } catch let error as YamlError {
      switch error {
      case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _),
        .composer(_, let problem, let mark, _):
        throw .invalid(
          file: file, line: mark.line, column: mark.column, problem: "YAML syntax: \(problem)",
          fix: "check indentation and quoting on that line")
      case .duplicatedKeysInMapping(let duplicates, let context):
        throw .invalid(
          file: file, line: context.mark.line, column: context.mark.column,
          problem:
            "the mapping that starts here gives a key twice: \(duplicates.joined(separator: ", "))",
          fix: "keep one of each (the parser reports where the mapping starts, not the repeat)")
      default:
        throw .invalid(
          file: file, line: 1, column: nil, problem: "cannot read the YAML: \(error)",
          fix: "save it as UTF-8 YAML text")
      }
    } catch {
      throw .invalid(
        file: file, line: 1, column: nil, problem: "cannot read the YAML: \(error)",
        fix: "save it as UTF-8 YAML text")
    }
  }

  /// A problem at a node.
  func failure(_ node: Node?, _ problem: String, fix: String) -> InputError {
    .invalid(
      file: file, line: node?.mark?.line ?? 1, column: node?.mark?.column, problem: problem,
      fix: fix)
  }

  /// The keys and values of a mapping, checked against the allowed keys.
  func mapping(_ node: Node, path: String, allowed: [String]) throws(InputError) -> [String: Node] {
    guard let mapping = node.mapping else {
      throw failure(
        node, "\(path) should be a mapping of keys to values", fix: "use key: value lines")
    }
    var result: [String: Node] = [:]
    for (key, value) in mapping {
      let name = key.string ?? ""
      guard allowed.contains(name) else {
        throw failure(
          key, "unknown key \"\(name)\" in \(path)",
          fix: "use \(allowed.joined(separator: ", "))")
      }
      result[name] = value
    }
    return result
  }

  /// A required child of a mapping.
  func require(_ values: [String: Node], _ key: String, in parent: Node, path: String)
    throws(InputError) -> Node
  {
    guard let node = values[key] else {
      throw failure(parent, "\(path) has no \"\(key)\"", fix: "add \(key):")
    }
    return node
  }

  /// A number within a range.
  func number(_ node: Node, path: String, range: ClosedRange<Double>) throws(InputError) -> Double {
    let bounds = "from \(Self.shown(range.lowerBound)) to \(Self.shown(range.upperBound))"
    guard let value = node.float ?? node.int.map(Double.init), value.isFinite else {
      throw failure(
        node, "\(path) is \"\(node.string ?? "")\", not a number", fix: "write a number \(bounds)"
      )
    }
    guard range.contains(value) else {
      throw failure(
        node, "\(path) is \(Self.shown(value)), outside the range \(bounds)",
        fix: "use a value \(bounds)")
    }
    return value
  }

  /// A number as a person writes it: whole numbers grouped (`10,000,000,000`, not
  /// `10000000000.0`), others as they are (`0.5`).
  static func shown(_ value: Double) -> String {
    value == value.rounded() && abs(value) < 1e15 ? NumberFormat.count(value) : String(value)
  }

  /// A string.
  func string(_ node: Node, path: String) throws(InputError) -> String {
    guard let value = node.string else {
      throw failure(
        node, "\(path) should be text", fix: "write it as text, quoted if it has a colon")
    }
    return value
  }

  /// An academic year such as 2026/27.
  func academicYear(_ node: Node, path: String) throws(InputError) -> AcademicYear {
    guard let text = node.string, let year = AcademicYear(parsing: text) else {
      throw failure(
        node, "\(path) is \"\(node.string ?? "")\", not an academic year",
        fix: "write two consecutive years, quoted, like \"2027/28\"")
    }
    return year
  }

  /// A setting type from a list of valid ones.
  func setting(_ node: Node, path: String, valid: [SettingType]) throws(InputError) -> SettingType {
    guard let text = node.string, let setting = SettingType(rawValue: text), valid.contains(setting)
    else {
      throw failure(
        node, "\(path) is \"\(node.string ?? "")\"",
        fix: "use one of \(valid.map(\.rawValue).joined(separator: ", "))")
    }
    return setting
  }
}
