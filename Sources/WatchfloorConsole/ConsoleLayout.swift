/// Where each part of the console goes: the one place a screen's geometry is declared.
///
/// The header (two lines), the replay's band, the alert line (while an incident waits for
/// acknowledgement), the body and the footer stack. In the body the
/// panes go side by side (airlifts over incidents on the left, occupancy on the right) when
/// the left panes' essential columns and the occupancy's figures both fit, else they stack.
/// Side by side, the left panes get the width their columns want and occupancy the rest,
/// within its narrowest and its widest useful width. Heights follow the rows each pane has,
/// shared evenly where they do not all fit; the incidents take what is left. Below 80×24 the
/// console asks for a larger terminal instead.
public struct ConsoleLayout: Equatable, Sendable {
  public static let minimumWidth = 80
  public static let minimumHeight = 24

  public var header: Rect
  /// The replay's timeline, under the header; empty live.
  public var band: Rect
  /// The alert line, under the header (and a replay's band); empty when nothing waits for
  /// acknowledgement.
  public var alert: Rect
  /// Where the panes go (or, when the log is missing, empty or unreadable, what is wrong).
  public var body: Rect
  public var airlifts: Rect
  public var occupancy: Rect
  public var incidents: Rect
  public var footer: Rect
  /// Whether occupancy sits beside the lists (else the three panes stack).
  public var sideBySide: Bool
  /// The panes' tables as measured for the layout, for the view to reuse.
  var measured: Needs.Measured

  public static func fits(width: Int, height: Int) -> Bool {
    width >= minimumWidth && height >= minimumHeight
  }

  /// What the panes need, measured on their rows: widths include the panes' borders and
  /// margins; heights are in lines, borders and headings included.
  public struct Needs: Equatable, Sendable {
    /// The widths that show every column whole, and the narrowest that keeps the essential
    /// columns (for the incidents: a summary of at least 45 columns).
    public var listsWanted: Int
    public var listsEssential: Int
    /// The narrowest occupancy pane that shows the figures (a facility on two lines: its
    /// figures, then its id and bar), the narrowest with a bar beside the figures, and the
    /// widest that is useful.
    public var occupancyMinimum: Int
    public var occupancyOneLine: Int
    public var occupancyIdeal: Int
    public var airliftLines: Int
    public var incidentLines: Int
    /// Occupancy's lines at a width (a facility takes two lines when its bar does not fit
    /// beside its figures).
    public var occupancyLines: @Sendable (Int) -> Int
    /// The columns' wanted widths the needs were measured from (``Table/measure(_:)``), for the
    /// panes to lay out their tables without measuring again.
    var measured = Measured()

    struct Measured: Equatable, Sendable {
      var airlifts: [Int] = []
      var incidents: [Int] = []
      var facilities: [Int] = []
    }

    public static func == (left: Needs, right: Needs) -> Bool {
      left.listsWanted == right.listsWanted && left.listsEssential == right.listsEssential
        && left.occupancyMinimum == right.occupancyMinimum
        && left.occupancyOneLine == right.occupancyOneLine
        && left.occupancyIdeal == right.occupancyIdeal
        && left.airliftLines == right.airliftLines && left.incidentLines == right.incidentLines
    }
  }

  public init(width: Int, height: Int, alertHeight: Int = 0, bandHeight: Int = 0, needs: Needs) {
    let screen = Layout.vertical([
      .length(2), .length(bandHeight), .length(alertHeight), .fill(1), .length(1),
    ])
    .split(Rect(x: 0, y: 0, width: width, height: height))
    measured = needs.measured
    header = screen[0]
    band = screen[1]
    alert = screen[2]
    footer = screen[4]
    let body = screen[3]
    self.body = body
    sideBySide = width >= needs.listsEssential + needs.occupancyMinimum
    if sideBySide {
      // Occupancy takes what the lists leave, up to its widest useful width; with less than a
      // bar beside its figures needs, it keeps to its narrowest (two lines a facility) and
      // the lists get the rest.
      let room = width - needs.listsWanted
      let occupancyWidth =
        room >= needs.occupancyOneLine
        ? min(needs.occupancyIdeal, room) : needs.occupancyMinimum
      let columns = Layout.horizontal([.fill(1), .length(occupancyWidth)]).split(body)
      occupancy = columns[1]
      let lists = Self.stack(columns[0], [needs.airliftLines, needs.incidentLines])
      airlifts = lists[0]
      incidents = lists[1]
    } else {
      let panes = Self.stack(
        body, [needs.airliftLines, needs.occupancyLines(width), needs.incidentLines])
      airlifts = panes[0]
      occupancy = panes[1]
      incidents = panes[2]
    }
  }

  /// Panes stacked in `rect`, each up to the lines it wants, shared evenly when they do not
  /// all fit; the last takes what is left.
  private static func stack(_ rect: Rect, _ wanted: [Int]) -> [Rect] {
    var parts = Layout.vertical(wanted.map { .max(max(4, $0)) }).split(rect)
    if var last = parts.last {
      last.height = rect.maxY - last.y
      parts[parts.count - 1] = last
    }
    return parts
  }

  public func rect(_ pane: Pane) -> Rect {
    switch pane {
    case .airlifts: airlifts
    case .occupancy: occupancy
    case .incidents: incidents
    }
  }
}

extension ConsoleModel {
  /// What the panes need, measured on the rows they would show.
  func layoutNeeds(_ rows: PaneRows) -> ConsoleLayout.Needs {
    // Measured on the rows a pane could show from its offset (the two lists share the
    // screen's height, occupancy has it all): a frame's work stays in proportion to the
    // screen, not the floor.
    func window<Row>(_ rows: [Row], _ pane: Pane) -> ArraySlice<Row> {
      let reach = max(8, pane == .occupancy ? size.height : size.height / 2)
      let start = min(panes[pane].offset, max(0, rows.count - 1))
      return rows[start..<min(rows.count, start + reach)]
    }
    let airliftTable = self.airliftTable
    let incidentTable = self.incidentTable
    let oneLine = occupancyTable(withID: true)
    // Only the rows in the window are looked up.
    let airlifts = airliftTable.measure(
      window(rows.airlifts, .airlifts).compactMap { state.airlift($0) })
    let incidents = incidentTable.measure(
      window(rows.incidents, .incidents).compactMap { symbol in
        state.incidents[symbol].map { (symbol: symbol, incident: $0) }
      })
    let shownFacilities = window(rows.facilities, .occupancy)
    let facilities = oneLine.measure(shownFacilities)
    // The same columns less the id (the first), for two lines a facility.
    let figures = Array(facilities.dropFirst())
    // A list's border (2), its marker column (2) and its right margin (1).
    let listChrome = 5
    let summaryFloor = 45
    let incidentEssential =
      incidentTable.minimumWidth(measured: incidents, keepingPriority: 60) - 20 + summaryFloor
    let occupancyWanted = oneLine.wantedWidth(measured: facilities)
    let twoLines = occupancyWanted + 1 + Self.shortestBar
    let facilityCount = rows.facilities.count
    let sides = Set(rows.facilities.map(\.facility.side)).count
    return ConsoleLayout.Needs(
      listsWanted: max(
        airliftTable.wantedWidth(measured: airlifts), incidentTable.wantedWidth(measured: incidents)
      )
        + listChrome,
      listsEssential: max(
        airliftTable.minimumWidth(measured: airlifts, keepingPriority: 60), incidentEssential)
        + listChrome,
      // Two lines a facility: the figures with whole names, then the id and the bar.
      occupancyMinimum: occupancyTable(withID: false).wantedWidth(measured: figures) + 5,
      occupancyOneLine: twoLines + 5,
      occupancyIdeal: occupancyWanted + 1 + 40 + 5,
      airliftLines: max(1, rows.airlifts.count) + 3,
      incidentLines: max(1, rows.incidents.count) + 3,
      occupancyLines: { width in
        max(1, facilityCount) * (width - 4 < twoLines ? 2 : 1) + sides + 2
      },
      measured: .init(airlifts: airlifts, incidents: incidents, facilities: facilities))
  }

  /// Where each part of the screen goes for the panes' rows now.
  func layout(for rows: PaneRows) -> ConsoleLayout {
    ConsoleLayout(
      width: size.width, height: size.height, alertHeight: alertLines,
      bandHeight: replay == nil ? 0 : ReplayBand.height, needs: layoutNeeds(rows))
  }

  public var layout: ConsoleLayout { layout(for: paneRows()) }
}
