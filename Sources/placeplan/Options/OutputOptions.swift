import ArgumentParser

/// Where a command's result goes and in what format: the two options every command shares.
struct OutputOptions: ParsableArguments {
  @Option(
    name: .customLong("format"),
    help: ArgumentHelp(
      "Output format: table, csv, json or xlsx (default: from the --out file's extension, else table).",
      valueName: "format"))
  var formatAsked: OutputFormat?

  @Option(
    help: ArgumentHelp(
      "Write to this file (atomically) instead of standard output; a CSV also gets its provenance beside it, FILE.provenance.json.",
      valueName: "file"))
  var out: String?

  /// The output format: as asked, else from `--out`'s extension, else a table.
  var format: OutputFormat { OutputFormat.chosen(formatAsked, out: out) }
}
