import ArgumentParser
import ForecastCore
import Foundation
import PlacePlanningIO

extension PlacePlan {
  /// `placeplan selftest`: certifies the least-squares core on the installed LAPACK.
  struct SelfTest: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "selftest",
      abstract: "Check least-squares accuracy against the NIST StRD certified values.",
      discussion: """
        Prints, per dataset, the minimum log relative error (LRE, about the number of \
        correct significant digits) of the coefficients and their standard errors, and the \
        LRE of the residual SD and R². Exits 0 only if every dataset has coefficient LRE \
        >= 7.0 and standard-error and residual-SD LRE >= 6.0.
        """)

    @Option(help: ArgumentHelp("Folder holding the NIST StRD .dat files.", valueName: "dir"))
    var nist: String

    @Option(help: ArgumentHelp("Output format: table or csv.", valueName: "format"))
    var format: OutputFormat = .table

    func validate() throws {
      if format == .json { throw ValidationError("--format must be table or csv") }
    }

    func run() throws {
      let datasets: [StRDDataset]
      do {
        datasets = try NISTReader.read(directory: nist)
      } catch {
        Output.warn("\(error)")
        throw ExitCode.failure
      }
      var results: [CertificationResult] = []
      var failures: [String] = []
      for dataset in datasets {
        do {
          results.append(try Certification.certify(dataset))
        } catch {
          failures.append("\(dataset.name): \(error)")
        }
      }
      let header = ["dataset", "min_lre_coef", "min_lre_se", "lre_resid_sd", "lre_r2"]
      let rows = results.map { result in
        [
          result.dataset, lre(result.minimumLRECoefficients),
          lre(result.minimumLREStandardErrors), lre(result.lreResidualStandardDeviation),
          lre(result.lreRSquared),
        ]
      }
      let text: String
      if format == .csv {
        text =
          ([header.joined(separator: ",")] + rows.map { $0.joined(separator: ",") })
          .joined(separator: "\n") + "\n"
      } else {
        text =
          TextTable.render(header: header, rows: rows, rightAligned: [1, 2, 3, 4])
          + "bars: min_lre_coef >= 7.0, min_lre_se >= 6.0, lre_resid_sd >= 6.0\n"
      }
      FileHandle.standardOutput.write(Data(text.utf8))
      for failure in failures { Output.warn("fit failed: \(failure)") }
      let failing = results.filter { !$0.passes }.map(\.dataset)
      if !failing.isEmpty { Output.warn("below the bars: \(failing.joined(separator: ", "))") }
      if !failures.isEmpty || !failing.isEmpty { throw ExitCode.failure }
    }

    private func lre(_ value: Double) -> String { String(format: "%.1f", value) }
  }
}
