/// Where a set of numbers came from: tool version, input files, method and parameters.
public struct Provenance: Sendable, Codable, Equatable {
  /// An input file and what it was read as.
  public struct Input: Sendable, Codable, Equatable {
    public var role: String
    public var file: String
    public var layout: String

    public init(role: String, file: String, layout: String) {
      self.role = role
      self.file = file
      self.layout = layout
    }
  }

  public var tool: String
  public var version: String
  public var command: String
  public var inputs: [Input]
  /// Method and parameter settings, as `name = value` pairs in a fixed order.
  public var parameters: [String: String]

  public init(
    command: String, inputs: [Input], parameters: [String: String],
    version: String = PlacePlanVersion.current
  ) {
    self.tool = "placeplan"
    self.version = version
    self.command = command
    self.inputs = inputs
    self.parameters = parameters
  }
}

/// The tool's version, printed with every output.
public enum PlacePlanVersion {
  public static let current = "0.1.0"
}
