import ForecastCore
import Foundation

/// A plain-English paragraph on how accurate the forecasts have been for one LA.
public enum BacktestNarrative {
  /// "For West Sussex, three years ahead the prevalence method has missed the outturn by
  /// 6.1% on average (mean absolute % error over 4 origins; the table gives medians); the
  /// simple trend (linear-5) by 9.8%."
  ///
  /// The mean, not the median, because one LA has only a few origins: the sentence says
  /// what happened to this LA, the table what is typical across the cases.
  ///
  /// Uses the total caseload, the longest scored horizon up to three, the method the
  /// forecast uses (`chosen`; by default `auto` when it was scored, else the best-scoring
  /// model) and the linear-5 and drift baselines. Nil when nothing was scored.
  public static func summary(
    for series: CaseloadHistory.Series, report: BacktestReport, chosen: ForecastMethod? = nil
  ) -> String? {
    guard let la = report.laCodes.firstIndex(of: series.laCode) else { return nil }
    let cases = report.cases.filter { $0.la == la && $0.setting == .total }
    guard let horizon = cases.map(\.horizon).filter({ $0 <= 3 }).max() else { return nil }
    func accuracy(_ method: ForecastMethod) -> AccuracySummary {
      AccuracySummary(cases.filter { $0.method == method && $0.horizon == horizon }.map(\.outcome))
    }
    let scoredMethods = Set(cases.map(\.method))
    let preferred = chosen ?? (scoredMethods.contains(.auto) ? .auto : nil)
    let candidates = preferred.map { [$0] } ?? ForecastMethod.models
    let scored = candidates.compactMap { method in
      accuracy(method).meanAPE.map { (method: method, ape: $0, count: accuracy(method).count) }
    }
    guard let best = scored.min(by: { $0.ape < $1.ape }) else { return nil }
    let ahead = ["", "one year", "two years", "three years"][horizon]
    let name = best.method == .auto ? "chosen (auto)" : best.method.rawValue
    var text =
      "For \(series.laName), \(ahead) ahead the \(name) method has missed the outturn by "
      + "\(percent(best.ape)) on average (mean absolute % error over \(best.count) "
      + "origin\(best.count == 1 ? "" : "s"); the table gives medians)"
    if let simple = accuracy(.linearRecent).meanAPE {
      text += "; the simple trend (linear-5) by \(percent(simple))"
    }
    if let drift = accuracy(.drift).meanAPE {
      text += " and last three years' growth (drift) by \(percent(drift))"
    }
    if let bias = accuracy(best.method).bias {
      text +=
        bias < 0
        ? "; it has under-forecast by \(percent(-bias)) on average"
        : "; it has over-forecast by \(percent(bias)) on average"
    }
    return text + "."
  }

  static func percent(_ value: Double) -> String { String(format: "%.1f%%", value) }
}
