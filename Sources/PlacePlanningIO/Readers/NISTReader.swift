import ForecastCore
import Foundation

/// Reads the NIST StRD linear-regression datasets (`*.dat`) from a folder.
public enum NISTReader {
  /// The datasets in `directory`, sorted by name.
  public static func read(directory: String) throws(InputError) -> [StRDDataset] {
    let names: [String]
    do {
      names = try FileManager.default.contentsOfDirectory(atPath: directory)
        .filter { $0.hasSuffix(".dat") }.sorted()
    } catch {
      throw .cannotRead(file: directory, reason: (error as NSError).localizedDescription)
    }
    guard !names.isEmpty else {
      throw .noRecords(
        file: directory, expected: "no .dat files (NIST StRD datasets such as Norris.dat)")
    }
    var datasets: [StRDDataset] = []
    for name in names {
      let path = (directory as NSString).appendingPathComponent(name)
      let text: String
      do {
        text = try String(contentsOfFile: path, encoding: .utf8)
      } catch {
        throw .cannotRead(file: path, reason: (error as NSError).localizedDescription)
      }
      do {
        datasets.append(try StRDDataset(name: String(name.dropLast(4)), text: text))
      } catch {
        throw .malformedCSV(file: name, line: 0, reason: "\(error)")
      }
    }
    return datasets
  }
}
