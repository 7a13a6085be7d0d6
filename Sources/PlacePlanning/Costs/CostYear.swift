/// One academic year of a cost projection, £ in that year's cash.
public struct CostYear: Sendable, Equatable {
  public let academicYear: AcademicYear
  public let kind: ForecastRow.Kind
  /// Demand (after the scenario) and places for state special and RP.
  public let demandSpecial: Double
  public let demandRP: Double
  public let placesSpecial: Double?
  public let placesRP: Double?
  /// Places − demand (negative is a shortfall), state special and RP.
  public let shortfallExcessSpecial: Double?
  public let shortfallExcessRP: Double?
  /// INMS placements after overflow.
  public let inmsPlacements: Double
  /// Children transported and their cost, by setting type.
  public let transported: [SettingType: Double]
  public let transportCostBySetting: [SettingType: Double]
  public let inmsCost: Double
  public let transportCost: Double
  /// State special: place funding on planned places plus top-up per child placed.
  public let specialCost: Double
  /// RP/SEN units: place funding on planned places plus top-up per child placed.
  public let rpCost: Double
  public let travelTrainingCost: Double
  public let capitalCost: Double
  /// The scenario's new state special and RP places open this year (its fill) and the
  /// children in them: `min(open, max(0, placed − places without the scenario))`, children
  /// filling the existing places first.
  public internal(set) var newPlacesOpen: Double = 0
  public internal(set) var newPlacesFilled: Double = 0

  /// Revenue: INMS + transport + state special + RP + travel training.
  public var revenueCost: Double {
    inmsCost + transportCost + specialCost + rpCost + travelTrainingCost
  }

  /// Revenue + capital.
  public var totalCost: Double { revenueCost + capitalCost }

  /// `measures`, then children transported and transport cost by setting type.
  public var detailedMeasures: [(key: String, value: Double?)] {
    var list = measures
    for setting in CostProjector.transportedSettings {
      if let count = transported[setting] {
        list.append(("transported_\(setting.rawValue)", count))
      }
      if let cost = transportCostBySetting[setting] {
        list.append(("transport_cost_\(setting.rawValue)", cost))
      }
    }
    return list
  }

  /// The measures a scenario comparison shows, in order: key and value.
  public var measures: [(key: String, value: Double?)] {
    [
      ("demand_special_state", demandSpecial), ("demand_rp_sen_unit", demandRP),
      ("places_special_state", placesSpecial), ("places_rp_sen_unit", placesRP),
      ("shortfall_excess_special_state", shortfallExcessSpecial),
      ("shortfall_excess_rp_sen_unit", shortfallExcessRP), ("new_places_open", newPlacesOpen),
      ("new_places_filled", newPlacesFilled), ("inms_placements", inmsPlacements),
      ("inms_cost", inmsCost), ("transport_cost", transportCost),
      ("state_special_cost", specialCost), ("rp_cost", rpCost),
      ("travel_training_cost", travelTrainingCost), ("capital_cost", capitalCost),
      ("revenue_cost", revenueCost), ("total_cost", totalCost),
    ]
  }
}
