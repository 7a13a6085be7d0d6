import ArgumentParser

/// The SEN2 need breakdowns behind `--by need`.
struct NeedOptions: ParsableArguments {
  @Option(
    help: ArgumentHelp(
      "SEN2 sen_needs_all_plans.csv: plans by primary need and type of placement at the January census, for --by need.",
      valueName: "file"))
  var needs: String = "SampleData/ehcp_needs_all_plans_2025.csv"

  @Option(
    help: ArgumentHelp(
      "SEN2 sen_need_newplans.csv: new plans by primary need and type of placement, which move each setting type's need mix (--by need); 'none' holds the census mix.",
      valueName: "file"))
  var needNewPlans: String = "SampleData/ehcp_need_newplans_2024.csv"
}
