import WatchfloorModel

extension ConsoleModel {
  /// Every key, in a box over the panes.
  static let helpLines: [(String, String)] = [
    ("↑ ↓  j k", "move the selection"),
    ("PgUp PgDn", "move a page"),
    ("Home End  g G", "first / last row"),
    ("Tab  Shift-Tab", "next / previous pane"),
    ("Enter", "full history of the selected item"),
    ("/", "filter the focused pane (Enter keeps, Esc clears)"),
    ("Esc", "clear the filter, close a view"),
    ("a", "approve the airlift / acknowledge the incident"),
    ("d  h", "deny / hold the airlift (with a reason)"),
    ("t", "next theme"),
    ("?  F1", "this help"),
    ("q  Ctrl-C", "quit"),
  ]

  /// The replay's keys, which take the place of the decision keys and `g` `G`.
  static let replayHelpLines: [(String, String)] = [
    ("Space", "play / pause"),
    ("+ -", "speed: 1× 10× 60× 600× 3600×"),
    ("→ .  ← ,", "one event forward / back (hold to scrub)"),
    ("] [", "an hour forward / back"),
    ("n N", "next / previous decision or incident"),
    ("g", "go to a time (HH:MM, HH:MM:SS, RFC 3339)"),
    ("Home End", "the day's first / last event"),
    ("◆ ! ▼", "marks: decision, incident, landing"),
    ("↑ ↓  j k", "move the selection"),
    ("Tab  Shift-Tab", "next / previous pane"),
    ("Enter", "full history of the selected item"),
    ("/", "filter the focused pane (Enter keeps, Esc clears)"),
    ("t", "next theme"),
    ("?  F1", "this help"),
    ("q  Ctrl-C", "quit"),
  ]

  func drawHelp(_ canvas: inout Canvas) {
    let lines = replay == nil ? Self.helpLines : Self.replayHelpLines
    let width = min(canvas.width - 4, 66)
    let height = lines.count + 4
    let rect = Rect(
      x: (canvas.width - width) / 2, y: max(2, (canvas.height - height) / 2), width: width,
      height: height)
    canvas.fill(rect, style: Style(.text))
    canvas.box(
      rect, glyphs: .double, style: Style(.borderFocused), title: "Keys",
      titleStyle: Style(.title, .bold))
    for (index, line) in lines.enumerated() {
      canvas.put(line.0, x: rect.x + 2, y: rect.y + 2 + index, width: 16, style: Style(.key, .bold))
      canvas.put(line.1, x: rect.x + 19, y: rect.y + 2 + index, width: width - 21)
    }
  }

  /// The lines of a detail view: what the item is now, then every event about it.
  public func detailLines(_ subject: DetailSubject) -> (title: String, lines: [(String, Style)]) {
    // The columns a line has in `drawDetail`: counts go compact rather than be cut.
    let room = size.width - 12
    var lines: [(String, Style)] = []
    let title: String
    func matches(_ record: LogRecord) -> Bool {
      switch subject {
      case .airlift(let symbol): return record.body.airlift == symbol
      case .incident(let symbol): return record.body.incident == symbol
      case .facility(let symbol):
        switch record.body {
        case .facilityRegistered(let registration): return registration.facility == symbol
        case .facilityUpdated(let update): return update.facility == symbol
        case .detaineesRepatriated(let facility, _, _): return facility == symbol
        case .airliftRequested(let request):
          return request.origin == symbol || request.destination == symbol
        default: return false
        }
      }
    }
    switch subject {
    case .airlift(let symbol):
      title = "Airlift \(tables.airlift(symbol))"
      if let airlift = state.airlift(symbol) {
        let status = Self.statusLabel(airlift)
        lines.append(("Status \(status.text)", status.style))
        lines.append(
          (
            CountText.sentence(fitting: room) { count in
              "\(tables.facility(airlift.origin)) → \(tables.facility(airlift.destination)) · "
                + "\(count(airlift.detainees)) detainees, \(count(airlift.highValue)) high-value · "
                + "\(airlift.plan.priority.name) · ETD "
                + ConsoleTime.dayTime(airlift.plan.etd, offsetMinutes: timeZoneMinutes)
            },
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
            Self.loadBand(facility.load).style
          ))
      }
    }
    lines.append(("", Style(.text)))
    lines.append(("History", Style(.dim, .underline)))
    let end = min(timeline.count, state.counts.events)
    for index in 0..<end {
      let record = timeline[index]
      guard record.disposition == .applied || record.disposition == .anomaly, matches(record)
      else { continue }
      let type = record.body.type?.name ?? "?"
      var text = ConsoleTime.dayTime(record.ts, offsetMinutes: timeZoneMinutes) + "  " + type
      if !record.by.isNone { text += "  by \(tables.text(record.by))" }
      if let reason = reasonText(record.body), !reason.isEmpty { text += "  — \(reason)" }
      if record.disposition == .anomaly { text += "  (anomaly: not applied)" }
      lines.append((text, record.disposition == .anomaly ? Style(.dim) : Style(.text)))
    }
    return (title, lines)
  }

  func drawDetail(_ canvas: inout Canvas, _ subject: DetailSubject) {
    let detail = detailLines(subject)
    let width = canvas.width - 8
    let height = canvas.height - 6
    let rect = Rect(x: 4, y: 3, width: width, height: height)
    canvas.fill(rect, style: Style(.text))
    canvas.box(
      rect, glyphs: .double, style: Style(.borderFocused), title: detail.title,
      titleStyle: Style(.title, .bold))
    let room = height - 2
    // The newest events matter most: when the history is long, show its end.
    let shown = detail.lines.count > room ? Array(detail.lines.suffix(room)) : detail.lines
    for (index, line) in shown.enumerated() {
      canvas.put(
        line.0, x: rect.x + 2, y: rect.y + 1 + index, width: width - 4, style: line.1,
        overflow: .ellipsis)
    }
  }
}
