import WatchfloorModel

extension ConsoleModel {
  /// What the glyphs and marks mean, for the help's legend.
  static let legend: [(String, String)] = [
    ("◐ ‖ ✓ ✈", "awaiting 2nd approval, held, approved, in flight"),
    ("URG", "urgent airlift"),
    ("! !!", "load at 100% or more, at 150% or more (after a route: destination ≥ 150%)"),
    ("█ ▓ ▒ ┃", "occupancy, beyond capacity, inbound, the 100% mark"),
    ("+50", "detainees inbound"),
    ("● ○", "incident open, acknowledged"),
    ("◆ ! ▼", "replay marks: decision, incident, landing"),
    ("›", "the selected row"),
  ]

  /// Every key (from the key map) and the legend of the glyphs, in a box over the panes that
  /// fits the screen.
  func drawHelp(_ canvas: inout Canvas) {
    let keys = KeyMap.helpLines(replay: replay != nil).map { ($0.keys, $0.help) }
    let lines = keys + [("", "")] + Self.legend
    let labelWidth = lines.map { DisplayWidth.of($0.0) }.max() ?? 0
    let textWidth = lines.map { DisplayWidth.of($0.1) }.max() ?? 0
    // Centred, as wide and tall as its lines want, within the screen less a margin.
    let wanted = (width: labelWidth + textWidth + 7, height: lines.count + 4)
    let box = Layout.horizontal([.fill(1), .length(min(wanted.width, canvas.width - 4)), .fill(1)])
      .split(Rect(x: 0, y: 0, width: canvas.width, height: canvas.height))[1]
    let rect = Layout.vertical([.fill(1), .length(min(wanted.height, canvas.height - 2)), .fill(1)])
      .split(Rect(x: box.x, y: 1, width: box.width, height: canvas.height - 2))[1]
    canvas.fill(rect, style: Style(.text))
    canvas.box(
      rect, glyphs: .double, style: Style(.borderFocused), title: "Keys",
      titleStyle: Style(.title, .bold))
    let inner = Layout.vertical([.length(1), .fill(1), .length(1)]).split(rect.inset(by: 1))[1]
    let columns = Layout.horizontal([.length(1), .length(labelWidth), .fill(1)], spacing: 2)
      .split(inner)
    for (index, line) in lines.prefix(inner.height).enumerated() {
      let y = inner.y + index
      canvas.put(line.0, x: columns[1].x, y: y, width: columns[1].width, style: Style(.key, .bold))
      canvas.put(
        TextFitting.truncateAtWord(line.1, toColumns: columns[2].width), x: columns[2].x, y: y,
        width: columns[2].width)
    }
  }

  /// `ghwayran → karkh · 140 detainees, 50 high-value · urgent · ETD 24 Jan 10:00`, its
  /// counts whole or, to fit `room` columns, compact: the confirmation and the details say
  /// it alike.
  func airliftSummary(_ airlift: Airlift, fitting room: Int) -> String {
    CountText.sentence(fitting: room) { count in
      "\(tables.facility(airlift.origin)) → \(tables.facility(airlift.destination)) · "
        + "\(count(airlift.detainees)) detainees, \(count(airlift.highValue)) high-value · "
        + "\(airlift.plan.priority.name) · ETD "
        + ConsoleTime.dayTime(
          airlift.plan.etd, offsetMinutes: zoneOffsetMinutes(at: airlift.plan.etd))
    }
  }

  /// The lines of a detail view: what the item is now, then every event about it.
  public func detailLines(_ history: DetailHistory) -> (title: String, lines: [(String, Style)]) {
    let subject = history.subject
    // The columns a line has in `drawDetail`: counts go compact rather than be cut.
    let room = size.width - 12
    var lines: [(String, Style)] = []
    let title: String
    switch subject {
    case .airlift(let symbol):
      title = "Airlift \(tables.airlift(symbol))"
      if let airlift = state.airlift(symbol) {
        let status = Self.statusLabel(airlift)
        lines.append(("Status \(status.text)", status.style))
        lines.append(
          (
            airliftSummary(airlift, fitting: room),
            Style(.text)
          ))
        let approvals = airlift.progress.approvals.map { tables.text($0) }
        if airlift.needsTwoApprovals {
          lines.append(
            (
              "Two-person rule: approvals \(approvals.count) of 2"
                + (approvals.isEmpty ? "" : " (" + approvals.joined(separator: ", ") + ")"),
              Style(.warn)
            ))
        } else if !approvals.isEmpty {
          lines.append(("Approved by " + approvals.joined(separator: ", "), Style(.ok)))
        }
      }
    case .incident(let symbol):
      title = "Incident \(tables.incident(symbol))"
      if let incident = state.incidents[symbol] {
        let severity = Self.severityLabel(incident.severity)
        lines.append(
          (
            "\(severity.text) · \(incident.status.name) · sector \(tables.text(incident.sector))",
            severity.style
          ))
        lines.append((tables.text(incident.summary), Style(.text, .bold)))
      }
    case .facility(let symbol):
      title = "Facility \(tables.facility(symbol))"
      if let facility = state.facilities[symbol] {
        lines.append(
          (
            "\(tables.text(facility.name)) · \(tables.text(facility.region)) · \(facility.security.name) security · \(facility.status.name)",
            Style(.text, .bold)
          ))
        lines.append(
          (
            CountText.sentence(fitting: room) { count in
              "occupancy \(count(facility.occupancy)) of \(count(facility.capacity)) · "
                + "inbound \(count(facility.inboundCount)) · projected \(count(facility.projected))"
            },
            Self.loadBand(occupancy: facility.occupancy, capacity: facility.capacity).style
          ))
      }
    }
    lines.append(("", Style(.text)))
    lines.append(("History", Style(.dim, .underline)))
    var narration = HistoryNarration(tables: tables, offsetMinutes: zoneOffsetMinutes(at:))
    for index in history.records(before: min(timeline.count, state.counts.events)) {
      let record = timeline[index]
      lines.append(
        (
          narration.line(record, subject: subject),
          record.disposition == .anomaly ? Style(.dim) : Style(.text)
        ))
    }
    return (title, lines)
  }

  /// Where the detail view goes: the screen less a margin, its text inside a border.
  static func detailRect(width: Int, height: Int) -> (box: Rect, text: Rect) {
    let box = Layout.vertical([.length(3), .fill(1), .length(3)]).split(
      Layout.horizontal([.length(4), .fill(1), .length(4)]).split(
        Rect(x: 0, y: 0, width: width, height: height))[1])[1]
    let text = Layout.horizontal([.length(2), .fill(1), .length(2)]).split(box.inset(by: 1))[1]
    return (box, Rect(x: text.x, y: box.y + 1, width: text.width, height: max(0, box.height - 2)))
  }

  /// The detail view's lines wrapped to its width (a wrapped line's continuation indented).
  func detailWrapped(_ history: DetailHistory) -> (title: String, lines: [(String, Style)]) {
    let detail = detailLines(history)
    let width = Self.detailRect(width: size.width, height: size.height).text.width
    let lines = detail.lines.flatMap { line in
      TextFitting.wrap(line.0, toColumns: width, indent: 2).map { ($0, line.1) }
    }
    return (detail.title, lines)
  }

  /// The first line shown: the view's offset, kept within what there is to scroll.
  func detailOffset(_ history: DetailHistory, lines: Int) -> Int {
    let room = Self.detailRect(width: size.width, height: size.height).text.height
    return max(0, min(history.offset, lines - room))
  }

  /// The detail view: the whole text, wrapped, scrolled by the view's offset, with how much
  /// more there is above and below.
  func drawDetail(_ canvas: inout Canvas, _ history: DetailHistory) {
    let detail = detailWrapped(history)
    let (box, text) = Self.detailRect(width: canvas.width, height: canvas.height)
    canvas.fill(box, style: Style(.text))
    canvas.box(
      box, glyphs: .double, style: Style(.borderFocused), title: detail.title,
      titleStyle: Style(.title, .bold))
    let top = detailOffset(history, lines: detail.lines.count)
    let shown = detail.lines.dropFirst(top).prefix(text.height)
    for (index, line) in shown.enumerated() {
      canvas.put(line.0, x: text.x, y: text.y + index, width: text.width, style: line.1)
    }
    drawMore(&canvas, box, above: top, below: detail.lines.count - top - shown.count)
  }
}
