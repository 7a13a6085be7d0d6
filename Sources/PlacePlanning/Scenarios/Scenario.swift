/// A named set of changes to the baseline: demand growth, INMS placements moved to state
/// provision, places opened, expanded or closed, travel training, fee inflation.
public struct Scenario: Sendable {
  /// Growth in a setting type's demand after the year before `fromYear` multiplied by
  /// `multiplier`: `D'(t) = D(f−1) + m (D(t) − D(f−1))` for t ≥ f.
  public struct GrowthChange: Sendable, Equatable {
    public let setting: SettingType
    public let fromYear: AcademicYear
    public let multiplier: Double

    public init(setting: SettingType, fromYear: AcademicYear, multiplier: Double) {
      self.setting = setting
      self.fromYear = fromYear
      self.multiplier = multiplier
    }
  }

  /// A share of new INMS placements (INMS demand above its level the year before
  /// `fromYear`) met in state special or RP provision instead.
  public struct INMSMove: Sendable, Equatable {
    public let share: Double
    public let fromYear: AcademicYear
    public let to: SettingType

    public init(share: Double, fromYear: AcademicYear, to: SettingType) {
      self.share = share
      self.fromYear = fromYear
      self.to = to
    }
  }

  /// Places added (positive) or removed (negative) from an academic year on.
  public struct PlacesChange: Sendable, Equatable {
    /// How a change of places is built, which sets its capital cost.
    public enum Capital: String, Sendable, CaseIterable {
      case newSchool = "new_school"
      case expansion
      case none
    }

    public let name: String
    public let setting: SettingType
    public let fromYear: AcademicYear
    public let places: Double
    public let capital: Capital
    /// Capital cost in £ when known; otherwise places × cost per place × regional factor.
    public let capitalCost: Double?
    /// Places open in the first, second, … academic year from `fromYear`; `places` from the
    /// year after the list ends. Empty: the default ramp of `capital` (`defaultFill`).
    public let fill: [Double]

    public init(
      name: String, setting: SettingType, fromYear: AcademicYear, places: Double,
      capital: Capital, capitalCost: Double? = nil, fill: [Double]? = nil
    ) {
      self.name = name
      self.setting = setting
      self.fromYear = fromYear
      self.places = places
      self.capital = capital
      self.capitalCost = capitalCost
      self.fill = fill ?? Self.defaultFill(capital: capital, places: places)
    }

    /// How places open when the scenario does not say (assumptions of this model, to be
    /// replaced by the LA's own plan with `fill`): a new school opens with its lowest year
    /// groups and takes a quarter of its places a year (25%, 50%, 75%, then all); an
    /// expansion opens half its places, then all; closures and changes without building
    /// take effect at once.
    public static func defaultFill(capital: Capital, places: Double) -> [Double] {
      guard places > 0 else { return [] }
      switch capital {
      case .newSchool: return [0.25, 0.5, 0.75].map { $0 * places }
      case .expansion: return [0.5 * places]
      case .none: return []
      }
    }

    /// Places open in an academic year: 0 before `fromYear`, then the fill, then `places`.
    public func placesOpen(in year: AcademicYear) -> Double {
      let offset = year.startYear - fromYear.startYear
      guard offset >= 0 else { return 0 }
      return offset < fill.count ? fill[offset] : places
    }
  }

  /// Travel training: the transported share of the given setting types cut by `reduction`
  /// (0.1 = a tenth fewer transported) from `fromYear`, at `costPerYear` £.
  public struct TravelTraining: Sendable, Equatable {
    public let fromYear: AcademicYear
    public let reduction: Double
    public let settings: [SettingType]
    public let costPerYear: Double

    public init(
      fromYear: AcademicYear, reduction: Double, settings: [SettingType], costPerYear: Double
    ) {
      self.fromYear = fromYear
      self.reduction = reduction
      self.settings = settings
      self.costPerYear = costPerYear
    }
  }

  public let name: String
  public let description: String
  public let rationale: String
  public let growth: [GrowthChange]
  public let inmsMove: INMSMove?
  public let places: [PlacesChange]
  public let travelTraining: TravelTraining?
  /// Replaces the INMS fee's annual inflation when given.
  public let inmsFeeInflation: Double?
  /// Changes to the child-level model's rates (with `--child-model`); nil: none.
  public let child: ChildScenario?
  /// Source file, for tracing.
  public let source: String

  public init(
    name: String, description: String = "", rationale: String = "", growth: [GrowthChange] = [],
    inmsMove: INMSMove? = nil, places: [PlacesChange] = [], travelTraining: TravelTraining? = nil,
    inmsFeeInflation: Double? = nil, child: ChildScenario? = nil, source: String = ""
  ) {
    self.name = name
    self.description = description
    self.rationale = rationale
    self.growth = growth
    self.inmsMove = inmsMove
    self.places = places
    self.travelTraining = travelTraining
    self.inmsFeeInflation = inmsFeeInflation
    self.child = child
    self.source = source
  }

  /// The baseline: no changes.
  public static let baseline = Scenario(
    name: "baseline", description: "the forecast and the places register as they are")
}
