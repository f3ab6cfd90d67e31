import WatchfloorModel

extension ConsoleModel {
  /// Two lines: who and when on the first, the figures of the floor on the second.
  func drawHeader(_ canvas: inout Canvas, _ rect: Rect) {
    canvas.fill(Rect(x: rect.x, y: rect.y, width: rect.width, height: 1), style: Style(.header))
    var x = rect.x
    x += canvas.put(" WATCHFLOOR ", x: x, y: rect.y, style: Style(.header, .bold))
    let modeText = mode == .live ? " LIVE " : " REPLAY "
    x += canvas.put(modeText, x: x, y: rect.y, style: Style(.accent, [.bold, .reverse]))
    let clock =
      " \(ConsoleTime.dateTime(now, offsetMinutes: timeZoneMinutes)) \(timeZoneName) "
    x += canvas.put(clock, x: x, y: rect.y, style: Style(.header, .bold))
    let role: String
    let standing: String
    switch operatorRole {
    case .approver: standing = "approver"
    case .viewer: standing = "viewer"
    case .unknown: standing = "not on roster"
    }
    switch roster {
    case .open: role = " · OPEN ROSTER "
    case .personal: role = " (\(standing), personal roster) "
    case .system, .file: role = " (\(standing)) "
    }
    let officer = " officer \(operatorName)" + role
    x += canvas.put(officer, x: x, y: rect.y, style: Style(.header))
    var feedText = feedSummary()
    // A replay's log name is the first to go when room is short, then the whole note: the
    // REPLAY banner already says it is read-only.
    if mode == .replay && feedText.text.count > rect.maxX - x - 1 {
      feedText.text = rect.maxX - x - 1 >= 11 ? "read-only " : ""
    }
    canvas.put(
      feedText.text, x: max(x + 1, rect.maxX - feedText.text.count - 1), y: rect.y,
      width: rect.maxX - max(x + 1, rect.maxX - feedText.text.count - 1),
      style: feedText.style, overflow: .ellipsis)

    let y = rect.y + 1
    x = rect.x + 1
    let awaiting = state.awaitingDecision
    let second = state.airlifts(.awaitingSecond)
    x += canvas.put(
      "awaiting \(awaiting)", x: x, y: y,
      style: Style(awaiting > 0 ? .warn : .dim, awaiting > 0 ? .bold : []))
    if second > 0 {
      x += canvas.put(" (\(second) need 2nd)", x: x, y: y, style: Style(.warn, .underline))
    }
    x += canvas.put(" │ ", x: x, y: y, style: Style(.dim))
    x += canvas.put(
      "in flight \(state.airlifts(.inFlight)) (\(ConsoleTime.grouped(state.inFlight)))", x: x, y: y)
    x += canvas.put(" │ ", x: x, y: y, style: Style(.dim))
    let alerts = state.unacknowledgedIncidents
    let critical = state.openIncidentTally[Int(Severity.critical.rawValue)]
    x += canvas.put(
      "alerts \(alerts) unacked", x: x, y: y,
      style: critical > 0
        ? Style(.critical, [.bold, .reverse])
        : Style(alerts > 0 ? .danger : .dim, alerts > 0 ? .bold : []))
    if critical > 0 {
      x += canvas.put(" \(critical) CRITICAL", x: x, y: y, style: Style(.critical, .bold))
    }
    x += canvas.put(" │ ", x: x, y: y, style: Style(.dim))
    x += drawProgress(&canvas, x: x, y: y, room: rect.maxX - x - 1)
  }

  /// `moved 2,418/7,000 ▕███░░░░░▏ 35%`
  private func drawProgress(_ canvas: inout Canvas, x: Int, y: Int, room: Int) -> Int {
    let target: Int64 = 7000
    let moved = state.moved
    let label = "moved \(ConsoleTime.grouped(moved))/\(ConsoleTime.grouped(target)) "
    var used = canvas.put(label, x: x, y: y, width: room)
    let percent = Int(min(999, Double(moved) * 100 / Double(target)))
    let barWidth = min(12, room - used - 7)
    if barWidth >= 4 {
      let filled = min(barWidth, Int((Double(moved) / Double(target) * Double(barWidth)).rounded()))
      used += canvas.put("▕", x: x + used, y: y, style: Style(.dim))
      for index in 0..<barWidth {
        canvas.put(
          index < filled ? "█" : "░", x: x + used + index, y: y,
          style: Style(index < filled ? .barFill : .barEmpty))
      }
      used += barWidth
      used += canvas.put("▏", x: x + used, y: y, style: Style(.dim))
    }
    used += canvas.put(" \(percent)%", x: x + used, y: y, width: max(0, room - used))
    return used
  }

  /// The right side of the first header line: the feed's health.
  private func feedSummary() -> (text: String, style: Style) {
    if let notice = feed.notice {
      return ("⚠ \(notice) ", Style(.danger, [.bold, .reverse]))
    }
    let malformed = state.counts.malformed
    var parts: [String] = []
    if mode == .replay {
      parts.append("read-only")
    } else if let last = feed.lastLineAt {
      parts.append("last line \(ConsoleTime.age(from: last, to: now)) ago")
    } else {
      parts.append("no lines yet")
    }
    if malformed > 0 { parts.append("\(malformed) malformed") }
    if state.counts.anomalies > 0 { parts.append("\(state.counts.anomalies) anomalies") }
    let style = malformed > 0 ? Style(.warn, .bold) : Style(.header)
    if mode == .replay { parts.append(feed.source) }
    return ((mode == .replay ? "" : "feed ") + parts.joined(separator: " · ") + " ", style)
  }
}
