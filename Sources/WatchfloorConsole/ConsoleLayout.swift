/// Where each part of the console goes for a terminal size.
///
/// Narrow terminals (under 120 columns) stack the three panes; wider ones put airlifts over
/// incidents on the left and occupancy on the right. Below 80×24 the console asks for a larger
/// terminal instead.
public struct ConsoleLayout: Equatable, Sendable {
  public static let minimumWidth = 80
  public static let minimumHeight = 24

  public var header: Rect
  /// The replay's timeline, under the header; empty live.
  public var band: Rect
  public var airlifts: Rect
  public var occupancy: Rect
  public var incidents: Rect
  public var footer: Rect

  public static func fits(width: Int, height: Int) -> Bool {
    width >= minimumWidth && height >= minimumHeight
  }

  public init(width: Int, height: Int, bandHeight: Int = 0) {
    header = Rect(x: 0, y: 0, width: width, height: 2)
    band = Rect(x: 0, y: 2, width: width, height: bandHeight)
    footer = Rect(x: 0, y: height - 1, width: width, height: 1)
    let top = 2 + bandHeight
    let body = max(0, height - 3 - bandHeight)
    if width >= 120 {
      let left = width * 3 / 5
      let airliftHeight = body * 11 / 20
      airlifts = Rect(x: 0, y: top, width: left, height: airliftHeight)
      incidents = Rect(x: 0, y: top + airliftHeight, width: left, height: body - airliftHeight)
      occupancy = Rect(x: left, y: top, width: width - left, height: body)
    } else {
      let airliftHeight = body * 2 / 5
      let occupancyHeight = body * 3 / 10
      airlifts = Rect(x: 0, y: top, width: width, height: airliftHeight)
      occupancy = Rect(x: 0, y: top + airliftHeight, width: width, height: occupancyHeight)
      incidents = Rect(
        x: 0, y: top + airliftHeight + occupancyHeight, width: width,
        height: body - airliftHeight - occupancyHeight)
    }
  }

  public func rect(_ pane: Pane) -> Rect {
    switch pane {
    case .airlifts: airlifts
    case .occupancy: occupancy
    case .incidents: incidents
    }
  }

  /// Rows of items a pane has room for: inside its border, below its column headings.
  public func visibleRows(_ pane: Pane) -> Int {
    let inner = rect(pane).height - 2
    return max(1, pane == .occupancy ? inner : inner - 1)
  }
}
