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

    drawFigures(&canvas, rect)
  }

  /// The second line: `awaiting 3 (1 need 2nd) │ in flight 1 (170) │ alerts 2 unacked │
  /// moved 2,418/7,000 ▕███░░▏ 35%`. Counts are whole when the line fits, all compact when not
  /// (``CountText``), never cut.
  private func drawFigures(_ canvas: inout Canvas, _ rect: Rect) {
    let y = rect.y + 1
    let awaiting = state.awaitingDecision
    let second = state.airlifts(.awaitingSecond)
    let alerts = state.unacknowledgedIncidents
    let critical = state.openIncidentTally[Int(Severity.critical.rawValue)]
    let target: Int64 = 7000
    let percent = Int64(min(999, Double(state.moved) * 100 / Double(target)))
    func parts(_ count: (Int64) -> String) -> [(text: String, style: Style)] {
      var parts: [(text: String, style: Style)] = [
        (
          "awaiting \(count(Int64(awaiting)))",
          Style(awaiting > 0 ? .warn : .dim, awaiting > 0 ? .bold : [])
        )
      ]
      if second > 0 {
        parts.append((" (\(count(Int64(second))) need 2nd)", Style(.warn, .underline)))
      }
      parts.append((" │ ", Style(.dim)))
      parts.append(
        (
          "in flight \(count(Int64(state.airlifts(.inFlight)))) (\(count(state.inFlight)))",
          Style(.text)
        ))
      parts.append((" │ ", Style(.dim)))
      parts.append(
        (
          "alerts \(count(Int64(alerts))) unacked",
          critical > 0
            ? Style(.critical, [.bold, .reverse])
            : Style(alerts > 0 ? .danger : .dim, alerts > 0 ? .bold : [])
        ))
      if critical > 0 {
        parts.append((" \(count(Int64(critical))) CRITICAL", Style(.critical, .bold)))
      }
      parts.append((" │ ", Style(.dim)))
      parts.append(("moved \(count(state.moved))/\(count(target)) ", Style(.text)))
      return parts
    }
    let room = rect.width - 1
    let percentText = " \(percent)%"
    var figures = parts(CountText.grouped)
    if figures.reduce(0, { $0 + DisplayWidth.of($1.text) }) + percentText.count > room {
      figures = parts { CountText.fitting($0, width: 5) }
    }
    var x = rect.x + 1
    for (index, part) in figures.enumerated() {
      // A part that does not fit whole is left out, and what follows it: never a cut count;
      // nor a separator with nothing after it.
      let followed = index + 1 < figures.count ? DisplayWidth.of(figures[index + 1].text) : 0
      let needed = DisplayWidth.of(part.text) + (part.text == " │ " ? followed : 0)
      guard x + needed <= rect.maxX else { return }
      x += canvas.put(part.text, x: x, y: y, style: part.style)
    }
    drawProgressBar(&canvas, x: x, y: y, room: rect.maxX - x - 1, percent: percentText)
  }

  /// `▕███░░░░░▏ 35%` after the moved label, the bar when there is room for it.
  private func drawProgressBar(
    _ canvas: inout Canvas, x: Int, y: Int, room: Int, percent: String
  ) {
    let target: Int64 = 7000
    let moved = state.moved
    var used = 0
    let barWidth = min(12, room - 7)
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
    if percent.count <= room - used {
      canvas.put(percent, x: x + used, y: y)
    }
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
    if malformed > 0 { parts.append("\(CountText.grouped(Int64(malformed))) malformed") }
    if state.counts.anomalies > 0 {
      parts.append("\(CountText.grouped(Int64(state.counts.anomalies))) anomalies")
    }
    let style = malformed > 0 ? Style(.warn, .bold) : Style(.header)
    if mode == .replay { parts.append(feed.source) }
    return ((mode == .replay ? "" : "feed ") + parts.joined(separator: " · ") + " ", style)
  }
}
