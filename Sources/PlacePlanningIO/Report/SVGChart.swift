import Foundation

/// A chart drawn as standalone SVG: axes with units, gridlines, bands, lines, steps and
/// bars, a legend and a title, in the Okabe–Ito colour-blind-safe palette.
///
/// Every series is a `<g class="series" data-name="…">` and every band a
/// `<g class="band" data-name="…">`, so tests and people can find them.
public struct SVGChart: Sendable {
  /// Okabe & Ito (2008) colours, distinguishable with the common colour-vision deficiencies.
  public enum Colour: String, Sendable, CaseIterable {
    case black = "#000000"
    case orange = "#E69F00"
    case skyBlue = "#56B4E9"
    case green = "#009E73"
    case yellow = "#F0E442"
    case blue = "#0072B2"
    case vermillion = "#D55E00"
    case purple = "#CC79A7"
    case grey = "#6E6E6E"
  }

  /// How a series is drawn.
  public enum Style: Sendable {
    case line
    case dashed
    case step
    case bars
    case points
    /// A solid line with a marker at every point, its shape (circle, square, diamond,
    /// triangle) set by the series' place, so lines that run close stay apart.
    case markedLine
  }

  public struct Series: Sendable {
    public let name: String
    public let colour: Colour
    public let style: Style
    public let points: [(x: Double, y: Double)]

    public init(
      name: String, colour: Colour, style: Style = .line, points: [(x: Double, y: Double)]
    ) {
      self.name = name
      self.colour = colour
      self.style = style
      self.points = points
    }
  }

  /// A shaded interval between a lower and an upper line.
  public struct Band: Sendable {
    public let name: String
    public let colour: Colour
    public let opacity: Double
    public let points: [(x: Double, lower: Double, upper: Double)]

    public init(
      name: String, colour: Colour, opacity: Double,
      points: [(x: Double, lower: Double, upper: Double)]
    ) {
      self.name = name
      self.colour = colour
      self.opacity = opacity
      self.points = points
    }
  }

  public var title: String
  public var xLabel: String
  /// The y axis label, with its unit, e.g. "EHCPs" or "£ million".
  public var yLabel: String
  public var series: [Series] = []
  public var bands: [Band] = []
  /// Horizontal reference lines, e.g. 100% utilisation.
  public var references: [(y: Double, label: String)] = []
  /// Label for an x value (default: the integer, e.g. a year).
  public var xFormat: @Sendable (Double) -> String = { String(Int($0.rounded())) }
  public var width = 640.0
  public var height = 340.0
  /// Whether the y axis starts at zero.
  public var includeZero = true
  /// Upper limit of the y axis; bands and lines above it are clipped (so a wide 95% band
  /// at long horizons does not flatten the history). Nil: fit everything.
  public var yCap: Double?

  public init(title: String, xLabel: String, yLabel: String) {
    self.title = title
    self.xLabel = xLabel
    self.yLabel = yLabel
  }

  // MARK: - Layout

  /// Charts narrower than this are small multiples: drawn at the size they are shown,
  /// with tighter margins, so their text is as large as the full-width charts'.
  static let compactWidth = 480.0

  private var margin: (left: Double, right: Double, top: Double, bottom: Double) {
    width < Self.compactWidth ? (58, 14, 34, 78) : (72, 40, 40, 78)
  }

  private var xValues: [Double] {
    series.flatMap { $0.points.map(\.x) } + bands.flatMap { $0.points.map(\.x) }
  }

  private var yValues: [Double] {
    series.flatMap { $0.points.map(\.y) }
      + bands.flatMap { $0.points.flatMap { [$0.lower, $0.upper] } }
      + references.map(\.y)
  }

  /// "Nice" tick step (1, 2 or 5 × 10^k) for a span and about `count` ticks.
  static func tickStep(span: Double, count: Int) -> Double {
    guard span > 0, span.isFinite else { return 1 }
    let raw = span / Double(max(1, count))
    let magnitude = pow(10, (log10(raw)).rounded(.down))
    let fraction = raw / magnitude
    let nice: Double = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10
    return nice * magnitude
  }

  /// A tick label: thousands separated, no needless decimals.
  static func label(_ value: Double, step: Double) -> String {
    let decimals = step >= 1 ? 0 : min(6, Int((-log10(step)).rounded(.up)))
    let formatted = String(format: "%.\(decimals)f", value)
    guard decimals == 0, abs(value) >= 1000 else { return formatted }
    var digits = String(formatted.drop { $0 == "-" })
    var groups: [String] = []
    while digits.count > 3 {
      groups.insert(String(digits.suffix(3)), at: 0)
      digits = String(digits.dropLast(3))
    }
    groups.insert(digits, at: 0)
    return (value < 0 ? "-" : "") + groups.joined(separator: ",")
  }

  static func escape(_ text: String) -> String {
    text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
      .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
  }

  static func number(_ value: Double) -> String { String(format: "%.1f", value) }

  // MARK: - Drawing

  /// The chart as an `<svg>` element.
  public func render() -> String {
    let finiteX = xValues.filter(\.isFinite)
    let finiteY = yValues.filter(\.isFinite)
    var xMin = finiteX.min() ?? 0
    var xMax = finiteX.max() ?? 1
    if xMax == xMin {
      xMin -= 1
      xMax += 1
    }
    let hasBars = series.contains { $0.style == .bars }
    if hasBars {
      xMin -= 0.5
      xMax += 0.5
    }
    var yMin = finiteY.min() ?? 0
    var yMax = finiteY.max() ?? 1
    if let yCap, yCap < yMax, yCap > yMin { yMax = yCap }
    if includeZero { yMin = min(yMin, 0) }
    if yMax == yMin { yMax = yMin + 1 }
    let step = Self.tickStep(span: yMax - yMin, count: 5)
    yMin = (yMin / step).rounded(.down) * step
    yMax = (yMax / step).rounded(.up) * step
    // Markers on the top or bottom gridline would be cut in half: leave a step of room.
    if series.contains(where: { $0.style == .markedLine }) {
      if let top = finiteY.max(), top >= yMax - step / 20 { yMax += step }
      if let bottom = finiteY.min(), bottom <= yMin + step / 20, yMin < 0 { yMin -= step }
    }

    let m = margin
    let plotWidth = width - m.left - m.right
    let plotHeight = height - m.top - m.bottom
    // The legend's rows beyond the two the bottom margin holds make the picture taller.
    let legend = legendLayout(left: m.left, right: width - m.right, top: m.top + plotHeight + 56)
    let height = self.height + Double(max(0, legend.rows - 2)) * Self.legendRowHeight
    let sx = { (x: Double) in m.left + (x - xMin) / (xMax - xMin) * plotWidth }
    let sy = { (y: Double) in m.top + plotHeight - (y - yMin) / (yMax - yMin) * plotHeight }
    let n = Self.number

    var svg = """
      <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 \(n(width)) \(n(height))" \
      width="\(n(width))" height="\(n(height))" role="img" aria-label="\(Self.escape(title))" \
      font-family="Helvetica, Arial, sans-serif" font-size="12">
      <title>\(Self.escape(title))</title>
      <rect x="0" y="0" width="\(n(width))" height="\(n(height))" fill="#ffffff"/>
      <text x="\(n(m.left))" y="22" font-size="14" font-weight="bold">\(Self.escape(title))</text>

      """
    // Gridlines and y ticks.
    svg += "<g class=\"axis y\">\n"
    var tick = yMin
    while tick <= yMax + step / 2 {
      let y = sy(tick)
      svg +=
        "<line x1=\"\(n(m.left))\" x2=\"\(n(m.left + plotWidth))\" y1=\"\(n(y))\" y2=\"\(n(y))\" stroke=\"#dddddd\"/>\n"
      svg +=
        "<text x=\"\(n(m.left - 6))\" y=\"\(n(y + 4))\" text-anchor=\"end\">\(Self.label(tick, step: step))</text>\n"
      tick += step
    }
    svg +=
      "<text transform=\"translate(16 \(n(m.top + plotHeight / 2))) rotate(-90)\" text-anchor=\"middle\">\(Self.escape(yLabel))</text>\n"
    svg += "</g>\n"
    // X ticks: every distinct x (years), thinned to at most 12 and to as many labels as fit
    // the plot width (7 px a character at 12 px, plus 14 px between labels).
    let distinct = Array(Set(finiteX)).sorted()
    let labelWidth = Double(distinct.map { xFormat($0).count }.max() ?? 4) * 7 + 14
    let maxTicks = max(2, min(12, Int(plotWidth / labelWidth)))
    let stride = max(1, Int((Double(distinct.count) / Double(maxTicks)).rounded(.up)))
    svg += "<g class=\"axis x\">\n"
    for (index, x) in distinct.enumerated() where index % stride == 0 {
      svg +=
        "<text x=\"\(n(sx(x)))\" y=\"\(n(m.top + plotHeight + 16))\" text-anchor=\"middle\">\(Self.escape(xFormat(x)))</text>\n"
    }
    svg +=
      "<line x1=\"\(n(m.left))\" x2=\"\(n(m.left + plotWidth))\" y1=\"\(n(m.top + plotHeight))\" y2=\"\(n(m.top + plotHeight))\" stroke=\"#333333\"/>\n"
    svg +=
      "<line x1=\"\(n(m.left))\" x2=\"\(n(m.left))\" y1=\"\(n(m.top))\" y2=\"\(n(m.top + plotHeight))\" stroke=\"#333333\"/>\n"
    svg +=
      "<text x=\"\(n(m.left + plotWidth / 2))\" y=\"\(n(m.top + plotHeight + 34))\" text-anchor=\"middle\">\(Self.escape(xLabel))</text>\n"
    svg += "</g>\n"

    // Ids are shared by the whole HTML page: two charts with the same title (a setting's
    // fan and its need chart) must not share a clip rectangle of another size.
    let identity = ([title, yLabel, n(width), n(height)] + bands.map(\.name) + series.map(\.name))
      .joined(separator: "\u{1F}")
    let clipID = "clip-" + String(UInt32(truncatingIfNeeded: identity.hashValueStable))
    svg +=
      "<defs><clipPath id=\"\(clipID)\"><rect x=\"\(n(m.left))\" y=\"\(n(m.top))\" width=\"\(n(plotWidth))\" height=\"\(n(plotHeight))\"/></clipPath></defs>\n"
    svg += "<g clip-path=\"url(#\(clipID))\">\n"
    for band in bands where !band.points.isEmpty {
      let upper = band.points.map { "\(n(sx($0.x))),\(n(sy($0.upper)))" }
      let lower = band.points.reversed().map { "\(n(sx($0.x))),\(n(sy($0.lower)))" }
      svg += "<g class=\"band\" data-name=\"\(Self.escape(band.name))\">"
      svg +=
        "<polygon points=\"\((upper + lower).joined(separator: " "))\" fill=\"\(band.colour.rawValue)\" fill-opacity=\"\(band.opacity)\" stroke=\"none\"/></g>\n"
    }
    for reference in references {
      let y = sy(reference.y)
      svg +=
        "<g class=\"reference\" data-name=\"\(Self.escape(reference.label))\"><line x1=\"\(n(m.left))\" x2=\"\(n(m.left + plotWidth))\" y1=\"\(n(y))\" y2=\"\(n(y))\" stroke=\"#333333\" stroke-dasharray=\"2 3\"/>"
      svg +=
        "<text x=\"\(n(m.left + plotWidth - 4))\" y=\"\(n(y - 4))\" text-anchor=\"end\" fill=\"#333333\">\(Self.escape(reference.label))</text></g>\n"
    }
    let barSeries = series.filter { $0.style == .bars }
    // Markers are drawn above the clipped plot, so the ones at its edges stay whole.
    var markers = ""

    let barWidth = plotWidth / max(1, xMax - xMin) * 0.8 / Double(max(1, barSeries.count))
    for (place, item) in series.enumerated() where !item.points.isEmpty {
      svg += "<g class=\"series\" data-name=\"\(Self.escape(item.name))\">"
      let colour = item.colour.rawValue
      switch item.style {
      case .markedLine:
        let path = item.points.map { "\(n(sx($0.x))),\(n(sy($0.y)))" }.joined(separator: " ")
        svg +=
          "<polyline points=\"\(path)\" fill=\"none\" stroke=\"\(colour)\" stroke-width=\"2.2\"/>"
        for point in item.points {
          markers += Self.marker(place, x: sx(point.x), y: sy(point.y), colour: colour)
        }
      case .line, .dashed:
        let path = item.points.map { "\(n(sx($0.x))),\(n(sy($0.y)))" }.joined(separator: " ")
        let dash = item.style == .dashed ? " stroke-dasharray=\"6 4\"" : ""
        svg +=
          "<polyline points=\"\(path)\" fill=\"none\" stroke=\"\(colour)\" stroke-width=\"2.2\"\(dash)/>"
      case .step:
        var path: [String] = []
        for (index, point) in item.points.enumerated() {
          let left = sx(point.x - 0.5)
          let right = sx(point.x + 0.5)
          if index == 0 { path.append("\(n(left)),\(n(sy(point.y)))") }
          path.append("\(n(left)),\(n(sy(point.y)))")
          path.append("\(n(right)),\(n(sy(point.y)))")
        }
        svg +=
          "<polyline points=\"\(path.joined(separator: " "))\" fill=\"none\" stroke=\"\(colour)\" stroke-width=\"2.4\"/>"
      case .bars:
        let offset = Double(barSeries.firstIndex { $0.name == item.name } ?? 0)
        for point in item.points {
          let x = sx(point.x) - barWidth * Double(barSeries.count) / 2 + barWidth * offset
          let top = sy(max(point.y, 0))
          let bottom = sy(min(point.y, 0))
          svg +=
            "<rect x=\"\(n(x))\" y=\"\(n(top))\" width=\"\(n(barWidth))\" height=\"\(n(max(0, bottom - top)))\" fill=\"\(colour)\"/>"
        }
      case .points:
        for point in item.points {
          svg +=
            "<circle cx=\"\(n(sx(point.x)))\" cy=\"\(n(sy(point.y)))\" r=\"3\" fill=\"\(colour)\"/>"
        }
      }
      svg += "</g>\n"
    }
    svg += "</g>\n"
    if !markers.isEmpty { svg += "<g class=\"markers\">\(markers)</g>\n" }
    // Legend, below the axis title, wrapping.
    svg += "<g class=\"legend\">\n"
    for (name, colour, isBand, isDashed, x, y) in legend.entries {
      if let place = series.firstIndex(where: { $0.name == name && $0.style == .markedLine }) {
        svg +=
          "<line x1=\"\(n(x))\" x2=\"\(n(x + 16))\" y1=\"\(n(y - 4))\" y2=\"\(n(y - 4))\" stroke=\"\(colour.rawValue)\" stroke-width=\"3\"/>"
        svg += Self.marker(place, x: x + 8, y: y - 4, colour: colour.rawValue)
      } else if isBand {
        // As strong as the band itself when it is opaque (stacked charts), 0.35 otherwise.
        let opacity = max(0.35, bands.first { $0.name == name }?.opacity ?? 0)
        svg +=
          "<rect x=\"\(n(x))\" y=\"\(n(y - 9))\" width=\"16\" height=\"10\" fill=\"\(colour.rawValue)\" fill-opacity=\"\(opacity)\"/>"
      } else {
        svg +=
          "<line x1=\"\(n(x))\" x2=\"\(n(x + 16))\" y1=\"\(n(y - 4))\" y2=\"\(n(y - 4))\" stroke=\"\(colour.rawValue)\" stroke-width=\"3\"\(isDashed ? " stroke-dasharray=\"5 3\"" : "")/>"
      }
      svg += "<text x=\"\(n(x + 20))\" y=\"\(n(y))\">\(Self.escape(name))</text>\n"
    }
    svg += "</g>\n</svg>\n"
    return svg
  }

  /// A marker whose shape is set by `place`: circle, square, diamond, triangle, in turn.
  static func marker(_ place: Int, x: Double, y: Double, colour: String) -> String {
    let n = number
    let r = 4.0
    switch place % 4 {
    case 0:
      return "<circle cx=\"\(n(x))\" cy=\"\(n(y))\" r=\"\(n(r))\" fill=\"\(colour)\"/>"
    case 1:
      return
        "<rect x=\"\(n(x - r))\" y=\"\(n(y - r))\" width=\"\(n(2 * r))\" height=\"\(n(2 * r))\" fill=\"\(colour)\"/>"
    case 2:
      let d = r * 1.3
      return
        "<polygon points=\"\(n(x)),\(n(y - d)) \(n(x + d)),\(n(y)) \(n(x)),\(n(y + d)) \(n(x - d)),\(n(y))\" fill=\"\(colour)\"/>"
    default:
      let d = r * 1.3
      return
        "<polygon points=\"\(n(x)),\(n(y - d)) \(n(x + d)),\(n(y + d * 0.8)) \(n(x - d)),\(n(y + d * 0.8))\" fill=\"\(colour)\"/>"
    }
  }

  /// Height of a legend row.
  static let legendRowHeight = 16.0

  /// Where each legend entry goes (bands first, then series; whether it is a band, whether
  /// dashed, x, y), wrapping at `right`, and how many rows that takes.
  private func legendLayout(left: Double, right: Double, top: Double) -> (
    entries: [(String, Colour, Bool, Bool, Double, Double)], rows: Int
  ) {
    var x = left
    var y = top
    var rows = 1
    var placed: [(String, Colour, Bool, Bool, Double, Double)] = []
    let entries: [(String, Colour, Bool, Bool)] =
      bands.map { ($0.name, $0.colour, true, false) }
      + series.map { ($0.name, $0.colour, false, $0.style == .dashed) }
    for (name, colour, isBand, isDashed) in entries {
      let widthEstimate = 26 + Double(name.count) * 6.4
      if x + widthEstimate > right, x > left {
        x = left
        y += Self.legendRowHeight
        rows += 1
      }
      placed.append((name, colour, isBand, isDashed, x, y))
      x += widthEstimate + 10
    }
    return (placed, entries.isEmpty ? 0 : rows)
  }
}

extension String {
  /// A hash that is the same in every run (FNV-1a over the UTF-8 bytes), unlike
  /// `hashValue`, which Swift seeds per process.
  var hashValueStable: UInt64 {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    for byte in utf8 {
      hash ^= UInt64(byte)
      hash = hash &* 0x100_0000_01b3
    }
    return hash
  }
}
