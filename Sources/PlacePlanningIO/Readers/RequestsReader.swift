import PlacePlanning

/// Reads SEN2 `requests.csv` (2025 release layout) for the requests for an EHC needs
/// assessment received in each calendar year: `PipelineReader`'s reading of the requests
/// file ("All requests for EHC needs assessments" rows, Local authority and National).
public enum RequestsReader {
  public static func read(path: String) throws(InputError) -> RequestHistory {
    try PipelineReader.read(PipelineReader.Paths(files: [.requests: path])).requestHistory
  }

  public static func parse(text: String, file: String) throws(InputError) -> RequestHistory {
    try PipelineReader.parse([(file: .requests, text: text, name: file)]).requestHistory
  }
}
