import PlacePlanning

/// Where each SEN2 type of placement goes among placeplan's setting types: the one mapping
/// every reader uses, in each of the three vocabularies the releases publish it in.
///
/// | setting type | 2025 `Type of placement` label | 2025 caseload column | 2022 establishment type |
/// |---|---|---|---|
/// | mainstream | Mainstream - total | mainstream_total | group total "Mainstream school" |
/// | rp_sen_unit | Mainstream - … (resourced provision), (SEN unit) | mainstream_…_resourced_provision, _senunit | Mainstream - … resourced provision / SEN unit |
/// | special_state | Special - LA maintained, Special - Academy/free schools | special_la_maintained, special_academy_free | Special - LA maintained, Academy/free, Academy, Free school, Hospital School |
/// | inms | Special - independent, Special - non-maintained | special_independent, special_non_maintained | Special - Independent, Non-maintained |
/// | ap_pru | AP/PRU - total | ap_pru_total | group total "Alternative provision/Pupil referral unit" |
/// | fe_post16 | FE - total | fe_total | group total "Further education" |
/// | early_years | Non-maintained early years | nm_early_years | group total "Non-maintained early years" |
/// | other | Educated elsewhere - total, Placement not recorded | the residual | the residual |
///
/// `other` is everything else: elective home education, other arrangements, NEET, awaiting
/// provision, placement not recorded. A test checks the labels against the caseload
/// columns for every LA in January 2025.
public enum PlacementMapping {
  /// The 2025 release's `Type of placement` labels summed for each setting type (total
  /// excepted: it is the `All EHC plans` row). Labels an LA has no row for count as 0.
  public static let placementLabels: [SettingType: [String]] = [
    .mainstream: ["Mainstream - total"],
    .rpSENUnit: [
      "Mainstream - LA maintained (resourced provision)", "Mainstream - LA maintained (SEN unit)",
      "Mainstream - academy (resourced provision)", "Mainstream - academy (SEN unit)",
      "Mainstream - free school (resourced provision)", "Mainstream - free school (SEN unit)",
    ],
    .specialState: ["Special - LA maintained", "Special - Academy/free schools"],
    .inms: ["Special - independent", "Special - non-maintained"],
    .apPRU: ["AP/PRU - total"],
    .fePost16: ["FE - total"],
    .earlyYears: ["Non-maintained early years"],
    .other: ["Educated elsewhere - total", "Placement not recorded"],
  ]

  /// The setting type a `Type of placement` label is summed into (nil for the detail rows
  /// that a total row already counts, e.g. "FE - UKRLP provider").
  public static func setting(ofPlacement label: String) -> SettingType? {
    SettingType.allCases.first { placementLabels[$0]?.contains(label) == true }
  }

  /// 2022 release establishment types counted as state special.
  static let establishmentSpecialState: Set<String> = [
    "Special - LA maintained", "Special - Academy/free", "Special - Academy",
    "Special - Free school", "Hospital School",
  ]
  /// 2022 release establishment types counted as INMS.
  static let establishmentINMS: Set<String> = ["Special - Independent", "Special - Non-maintained"]
  /// 2022 release group totals read as setting types.
  static let establishmentGroupTotals: [String: SettingType] = [
    "Total": .total, "Mainstream school": .mainstream,
    "Alternative provision/Pupil referral unit": .apPRU, "Further education": .fePost16,
    "Non-maintained early years": .earlyYears,
  ]

  /// Whether a 2022 establishment type is a resourced provision or SEN unit.
  static func isEstablishmentRP(_ establishment: String) -> Bool {
    let lower = establishment.lowercased()
    return establishment.hasPrefix("Mainstream")
      && (lower.hasSuffix("sen unit") || lower.hasSuffix("resourced provision"))
  }

  /// The 2025 release's caseload columns behind each setting type; `totalColumn` is the
  /// all-settings count (`new_ehc_plans` in the new plans file). `other` is not a column:
  /// it is `CaseloadReader.residualOther`.
  static func releaseColumns(_ table: CSVTable, totalColumn: String = "ehcplans")
    throws(InputError) -> [SettingType: [Int]]
  {
    let schema = CaseloadReader.Layout.release2025.rawValue
    let names = table.header
    var columns: [SettingType: [Int]] = [:]
    columns[.total] = [try table.require(totalColumn, schema: schema)]
    columns[.mainstream] = [try table.require("mainstream_total", schema: schema)]
    columns[.rpSENUnit] = names.indices.filter {
      names[$0].hasPrefix("mainstream_")
        && (names[$0].hasSuffix("_resourced_provision") || names[$0].hasSuffix("_senunit"))
    }
    guard !(columns[.rpSENUnit] ?? []).isEmpty else {
      throw .missingColumn(
        file: table.file, column: "mainstream_la_maintained_resourced_provision", schema: schema)
    }
    let maintained = try table.require("special_la_maintained", schema: schema)
    if let academyFree = table.index(of: "special_academy_free") {
      columns[.specialState] = [maintained, academyFree]
    } else {
      columns[.specialState] = [
        maintained, try table.require("special_academy", schema: schema),
        try table.require("special_free_school", schema: schema),
      ]
    }
    columns[.inms] = [
      try table.require("special_independent", schema: schema),
      try table.require("special_non_maintained", schema: schema),
    ]
    columns[.apPRU] = [try table.require("ap_pru_total", schema: schema)]
    columns[.fePost16] = [try table.require("fe_total", schema: schema)]
    columns[.earlyYears] = [try table.require("nm_early_years", schema: schema)]
    return columns
  }
}
