import ForecastCore
import Foundation

/// Projects INMS, transport, state specialist and capital costs from a forecast, a places
/// register, a scenario and a cost model.
///
/// For each academic year (the baseline census, then the forecast years), with placed
/// numbers from `CapacityPlanner` after the scenario's demand and places changes:
/// ```
/// INMS cost       = INMS placed × fee(t)
/// transport       = Σ_s placed_s × share_s (× (1 − travel-training cut)) × cost per child(t)
/// state special   = places × place funding(t) + placed × top-up(t)     (RP alike)
/// capital         = new places × cost per place(t) × regional factor, in the year before opening
/// new places      = the scenario's places open that year (its fill ramp); filled =
///                   min(open, max(0, placed − places without the scenario))
/// revenue         = INMS + transport + state special + RP + travel training
/// ```
/// Each cost line is uprated from its price year by its own inflation.
public struct CostProjector: Sendable {
  public let model: CostModel
  public let register: PlacesRegister
  public let codes: [String]
  public let overflowShare: Double
  /// The share of INMS demand spare state special places take (see `CapacityPlanner`).
  public let inmsToSpare: Double

  public init(
    model: CostModel, register: PlacesRegister, codes: [String], overflowShare: Double = 1,
    inmsToSpare: Double = 0
  ) {
    self.model = model
    self.register = register
    self.codes = codes
    self.overflowShare = overflowShare
    self.inmsToSpare = inmsToSpare
  }

  /// The setting types whose children's transport is costed (RP is within mainstream).
  public static let transportedSettings: [SettingType] = [
    .mainstream, .specialState, .inms, .apPRU, .fePost16, .earlyYears, .other,
  ]

  /// The projection with central values (or `values`), for each year of the forecast.
  public func project(
    _ forecast: LAForecast, scenario: Scenario, values: AssumptionValues? = nil
  ) -> [CostYear] {
    let values = values ?? .central(model)
    let adjusted = ScenarioDemand.apply(scenario, to: forecast)
    let adjustedRegister = ScenarioDemand.apply(scenario, to: register, laCode: forecast.laCode)
    let capacity = CapacityPlanner(overflowShare: overflowShare, inmsToSpare: inmsToSpare).plan(
      forecast: adjusted, register: adjustedRegister, codes: codes + [forecast.laCode])
    let years =
      [forecast.throughYear]
      + Array(
        Set(adjusted.rows.filter { $0.kind == .forecast }.map(\.censusYear))
      ).sorted()
    let feeAssumption =
      scenario.inmsFeeInflation.map { inflation in
        CostAssumption(
          value: model.inmsFeePerPlacement.value, priceYear: model.inmsFeePerPlacement.priceYear,
          annualInflation: inflation, source: "scenario \(scenario.name)")
      } ?? model.inmsFeePerPlacement

    let firstForecastStart = (years.dropFirst().first ?? forecast.throughYear + 1) - 1
    let anchored = Set(register.settingTypes(codes: codes + [forecast.laCode]))
    let appliedChanges = scenario.places.filter { anchored.contains($0.setting) }
    return years.map { censusYear in
      let year = AcademicYear(censusYear: censusYear)
      func demand(_ setting: SettingType) -> Double {
        adjusted.rows.first { $0.setting == setting && $0.censusYear == censusYear }?.value ?? 0
      }
      func row(_ setting: SettingType) -> CapacityRow? {
        capacity.first { $0.setting == setting && $0.academicYear == year }
      }
      func placed(_ setting: SettingType) -> Double {
        if setting == .mainstream {
          return demand(.mainstream) - (row(.rpSENUnit)?.overflowToINMS ?? 0)
        }
        return row(setting)?.placed ?? demand(setting)
      }
      let kind =
        adjusted.rows.first { $0.setting == .total && $0.censusYear == censusYear }?.kind
        ?? .forecast
      let fee = feeAssumption.cash(
        in: year, value: values["inms_fee_per_placement", feeAssumption.value])
      let perChild = model.transportPerChild.cash(
        in: year, value: values["transport_per_child", model.transportPerChild.value])
      var transported: [SettingType: Double] = [:]
      var transportCost: [SettingType: Double] = [:]
      for setting in Self.transportedSettings {
        guard let share = model.transportedShare[setting] else { continue }
        var fraction = values["transported_share.\(setting.rawValue)", share.value]
        if let training = scenario.travelTraining, year >= training.fromYear,
          training.settings.contains(setting)
        {
          fraction *= 1 - training.reduction
        }
        transported[setting] = placed(setting) * fraction
        transportCost[setting] = placed(setting) * fraction * perChild
      }
      let specialPlaces = row(.specialState)?.plannedPlaces
      let rpPlaces = row(.rpSENUnit)?.plannedPlaces
      let specialCost =
        (specialPlaces ?? placed(.specialState))
        * model.specialPlaceFunding.cash(
          in: year, value: values["special_place_funding", model.specialPlaceFunding.value])
        + placed(.specialState)
        * model.specialTopUp.cash(
          in: year, value: values["special_top_up", model.specialTopUp.value])
      let rpPlaced = row(.rpSENUnit)?.placed ?? demand(.rpSENUnit)
      let rpCost =
        (rpPlaces ?? rpPlaced)
        * model.rpPlaceFunding.cash(
          in: year, value: values["rp_place_funding", model.rpPlaceFunding.value])
        + rpPlaced * model.rpTopUp.cash(in: year, value: values["rp_top_up", model.rpTopUp.value])
      var training = 0.0
      if let travel = scenario.travelTraining, year >= travel.fromYear, kind == .forecast {
        training = travel.costPerYear
      }
      // Capital is spent the year before opening, or in the first forecast year when the
      // places open then (the baseline year is a census, never re-costed).
      let capital = appliedChanges.filter {
        $0.places > 0 && max($0.fromYear.startYear - 1, firstForecastStart) == year.startYear
          && kind == .forecast
      }.reduce(0.0) { sum, change in
        sum + capitalCost(change, year: year, values: values)
      }
      var newOpen = 0.0
      var newFilled = 0.0
      for setting in CapacityPlanner.overflowingSettings {
        let open = appliedChanges.filter { $0.setting == setting && $0.places > 0 }
          .reduce(0.0) { $0 + $1.placesOpen(in: year) }
        guard open > 0, kind == .forecast else { continue }
        let existing = register.plannedPlaces(codes: codes, setting: setting, year: year) ?? 0
        newOpen += open
        newFilled += min(open, max(0, placed(setting) - existing))
      }
      var costYear = CostYear(
        academicYear: year, kind: kind, demandSpecial: demand(.specialState),
        demandRP: demand(.rpSENUnit), placesSpecial: specialPlaces, placesRP: rpPlaces,
        shortfallExcessSpecial: row(.specialState)?.shortfallExcess,
        shortfallExcessRP: row(.rpSENUnit)?.shortfallExcess,
        inmsPlacements: placed(.inms), transported: transported,
        transportCostBySetting: transportCost, inmsCost: placed(.inms) * fee,
        transportCost: Self.transportedSettings.reduce(0.0) { $0 + (transportCost[$1] ?? 0) },
        specialCost: specialCost,
        rpCost: rpCost, travelTrainingCost: training, capitalCost: capital)
      costYear.newPlacesOpen = newOpen
      costYear.newPlacesFilled = newFilled
      return costYear
    }
  }

  /// Capital cost of a places change, £ cash in the year it is spent.
  func capitalCost(_ change: Scenario.PlacesChange, year: AcademicYear, values: AssumptionValues)
    -> Double
  {
    if let cost = change.capitalCost { return cost }
    let perPlace: Double
    if change.setting == .rpSENUnit, change.capital != .none, let rp = model.capitalRPPerPlace {
      // An RP/SEN unit place is built within a mainstream school.
      let perRPPlace = rp.cash(in: year, value: values["capital_rp_per_place", rp.value])
      return change.places * perRPPlace * values["regional_factor", model.regionalFactor.value]
    }
    switch change.capital {
    case .newSchool:
      perPlace = model.capitalNewSchoolPerPlace.cash(
        in: year,
        value: values["capital_new_school_per_place", model.capitalNewSchoolPerPlace.value])
    case .expansion:
      perPlace = model.capitalExpansionPerPlace.cash(
        in: year, value: values["capital_expansion_per_place", model.capitalExpansionPerPlace.value]
      )
    case .none:
      return 0
    }
    return change.places * perPlace * values["regional_factor", model.regionalFactor.value]
  }

  /// Net present value of cash flows by academic year, £ at price-base prices:
  /// `Σ_t c_t / (1 + g)^(t − b) / (1 + r)^(t − b₀)`, deflating by general inflation g from
  /// the price base b and discounting at the real rate r from the first year b₀.
  public func presentValue(_ flows: [(AcademicYear, Double)]) -> Double {
    guard let first = flows.map(\.0).min() else { return 0 }
    return flows.reduce(0.0) { sum, flow in
      let real =
        flow.1
        / pow(1 + model.generalInflation, Double(flow.0.startYear - model.priceBase.startYear))
      return sum + real / pow(1 + model.discountRate, Double(flow.0.startYear - first.startYear))
    }
  }
}
