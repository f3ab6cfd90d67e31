import WatchfloorModel

extension ConsoleModel {
  /// Two lines: who and when on the first, the figures of the floor on the second. Both are
  /// status lines whose items condense, then drop, by priority (``StatusLine``): the mode,
  /// the feed's health and the moved figure stay longest.
  func drawHeader(_ canvas: inout Canvas, _ rect: Rect) {
    let lines = Layout.vertical([.length(1), .length(1)]).split(rect)
    canvas.fill(lines[0], style: Style(.header))
    identityLine.draw(&canvas, lines[0])
    figuresLine.draw(
      &canvas, Layout.horizontal([.length(1), .fill(1), .length(1)]).split(lines[1])[1])
  }

  /// `WATCHFLOOR  LIVE  2026-01-23 22:41:00 UTC  officer hassan · OPEN ROSTER … feed 3s ago`
  var identityLine: StatusLine {
    let clock = ConsoleTime.dateTime(now, offsetMinutes: timeZoneMinutes)
    let time = String(clock.suffix(8))
    let standing: String
    switch operatorRole {
    case .approver: standing = "approver"
    case .viewer: standing = "viewer"
    case .unknown: standing = "not on roster"
    }
    let role: [String]
    switch roster {
    case .open: role = [" · OPEN ROSTER", " · OPEN"]
    case .personal: role = [" (\(standing), personal roster)", " (\(standing))"]
    case .system, .file: role = [" (\(standing))", " (\(standing))"]
    case .database: role = [" (\(standing), database role)", " (\(standing))"]
    }
    let header = Style(.header)
    return StatusLine(
      [
        StatusItem([" WATCHFLOOR"], style: Style(.header, .bold), priority: 30),
        StatusItem(
          [" \(mode == .live ? "LIVE" : "REPLAY") "], style: Style(.accent, [.bold, .reverse]),
          priority: 100),
        StatusItem(
          [
            "\(clock) \(timeZoneName)", "\(clock.suffix(14)) \(timeZoneName)",
            "\(time) \(timeZoneName)",
          ],
          style: Style(.header, .bold), priorities: [35, 50, 85]),
        StatusItem(
          [" officer \(operatorName)" + role[0], " \(operatorName)" + role[1], " " + operatorName],
          style: header, priorities: [40, 75, 80]),
      ] + [noticeItem, feedItem].compactMap { $0 }, separator: Span(" ", header), gap: 2)
  }

  /// The feed's health, at the right of the first line, after a notice of what changed.
  private var feedItem: StatusItem {
    let health = feedSummary()
    let style = health.style
    return StatusItem(
      health.forms.map { [Span($0, style), Span(" ", Style(.header))] },
      priorities: health.priorities, trailing: true)
  }

  /// `⚠ log replaced: moved 2,418 → 1,295`, beside the feed's health.
  private var noticeItem: StatusItem? {
    guard let notice = feed.notice else { return nil }
    return StatusItem(
      ["⚠ \(notice)", "⚠ \(TextFitting.truncateAtWord(notice, toColumns: 30))"],
      style: Style(.danger, [.bold, .reverse]), priorities: [90, 97], trailing: true)
  }

  /// `awaiting 3 (1 need 2nd) │ in flight 1 (170) │ alerts 2 unacked 1 CRITICAL │ moved
  /// 2,418/7,000 ▕███░░▏ 34%`. Counts are whole, or compact, never cut.
  var figuresLine: StatusLine {
    let awaiting = Int64(state.awaitingDecision)
    let second = Int64(state.airlifts(.awaitingSecond))
    let alerts = Int64(state.unacknowledgedIncidents)
    let critical = Int64(state.openIncidentTally[Int(Severity.critical.rawValue)])
    let flights = Int64(state.airlifts(.inFlight))
    let target: Int64 = 7000
    let moved = state.moved
    let percent = Int64(min(999, Double(moved) * 100 / Double(target)))
    let whole = CountText.grouped
    let compact = { (value: Int64) in CountText.fitting(value, width: 5) }
    let awaitingStyle = Style(awaiting > 0 ? .warn : .dim, awaiting > 0 ? .bold : [])
    let secondSpan = { (count: (Int64) -> String, words: String) -> [Span] in
      second > 0 ? [Span(" (\(count(second)) \(words))", Style(.warn, .underline))] : []
    }
    let alertStyle =
      critical > 0
      ? Style(.critical, [.bold, .reverse])
      : Style(alerts > 0 ? .danger : .dim, alerts > 0 ? .bold : [])
    let criticalSpan = { (text: String) -> [Span] in
      critical > 0 ? [Span(text, Style(.critical, .bold))] : []
    }
    let movedText = { (count: (Int64) -> String) in "\(count(moved))/\(count(target))" }
    return StatusLine(
      [
        StatusItem(
          [
            [Span("awaiting \(whole(awaiting))", awaitingStyle)] + secondSpan(whole, "need 2nd"),
            [Span("awaiting \(compact(awaiting))", awaitingStyle)] + secondSpan(compact, "2nd"),
          ], priorities: [60, 88]),
        StatusItem(
          [
            [Span("in flight \(whole(flights)) (\(whole(state.inFlight)))")],
            [Span("in flight \(compact(flights)) (\(compact(state.inFlight)))")],
            [Span("✈ \(compact(flights))")],
          ], priorities: [55, 62, 75]),
        StatusItem(
          [
            [Span("alerts \(whole(alerts)) unacked", alertStyle)]
              + criticalSpan(" \(whole(critical)) CRITICAL"),
            [Span("alerts \(compact(alerts))", alertStyle)]
              + criticalSpan(" (\(compact(critical)) CRIT)"),
          ], priorities: [58, 92]),
        StatusItem(
          [
            [Span("moved \(movedText(whole)) ")] + progressBar(moved: moved, target: target)
              + [Span(" \(percent)%")],
            [Span("moved \(movedText(whole)) \(percent)%")],
            [Span(movedText(whole))],
            [Span(movedText(compact))],
          ], priorities: [45, 65, 99, 100]),
      ], separator: Span(" │ ", Style(.dim)))
  }

  /// `▕███░░░░░▏`: twelve cells of progress.
  private func progressBar(moved: Int64, target: Int64) -> [Span] {
    let width = 12
    let filled = min(width, Int((Double(moved) / Double(target) * Double(width)).rounded()))
    return [
      Span("▕", Style(.dim)), Span(String(repeating: "█", count: max(0, filled)), Style(.barFill)),
      Span(String(repeating: "░", count: width - max(0, filled)), Style(.barEmpty)),
      Span("▏", Style(.dim)),
    ]
  }

  /// The feed's health, fullest first: the newest event's time in the log and how long since
  /// the log last grew, `feed newest event 23 Jan 22:41 · grew 3s ago · 2 malformed`, then
  /// `feed 23 Jan 22:41 · 3s ago`, then `feed 22:41 · 3s`; past `staleAfterSeconds` without a
  /// new line, `FEED STALE 36h · newest event 23 Jan 22:41` in the danger role; in a replay,
  /// `read-only · LOG`, then `read-only`.
  func feedSummary() -> (forms: [String], priorities: [Int], style: Style) {
    let malformed = state.counts.malformed
    var problems: [String] = []
    if malformed > 0 { problems.append("\(CountText.grouped(Int64(malformed))) malformed") }
    let anomalies = state.counts.anomalies
    if anomalies > 0 {
      problems.append(
        "\(CountText.grouped(Int64(anomalies))) \(anomalies == 1 ? "anomaly" : "anomalies")")
    }
    let style = malformed > 0 ? Style(.warn, .bold) : Style(.header)
    let extra = problems.map { " · " + $0 }.joined()
    // The log's name goes first, the words next, the problems last but one, the age never.
    if mode == .replay {
      return (
        ["read-only · \(feed.source)" + extra, "read-only" + extra, "read-only"], [20, 70, 95],
        style
      )
    }
    switch feed.condition {
    case .reconnecting(let label, let seconds):
      return (
        [
          "\(label): reconnecting (\(seconds)s) · read-only" + extra,
          "\(label): reconnecting (\(seconds)s)", "\(label): reconnecting",
        ], [40, 70, 96], Style(.danger, [.bold, .reverse])
      )
    case .readOnly(let reason):
      return (
        ["read-only · \(reason)" + extra, "read-only" + extra, "read-only"], [40, 70, 96],
        Style(.warn, .bold)
      )
    default: break
    }
    guard let last = feed.lastLineAt else {
      return (["feed: no lines yet" + extra, "feed: no lines"], [60, 95], style)
    }
    let age = ConsoleTime.age(from: last, to: now)
    let newest = newestEventText
    if isFeedStale {
      return (
        [
          "FEED STALE \(age) · newest event \(newest)" + extra, "FEED STALE \(age) · \(newest)",
          "FEED STALE \(age)",
        ], [40, 70, 96], Style(.danger, [.bold, .reverse])
      )
    }
    return (
      [
        "feed newest event \(newest) · grew \(age) ago" + extra,
        "feed \(newest) · \(age) ago" + extra,
        "feed \(newest) · \(age)",
      ], [40, 70, 96], style
    )
  }

  /// Whether the live log has gone longer than `staleAfterSeconds` without a new line.
  var isFeedStale: Bool {
    guard mode == .live, let last = feed.lastLineAt, !now.isMissing, !last.isMissing else {
      return false
    }
    let (silent, overflow) = now.seconds.subtractingReportingOverflow(last.seconds)
    return overflow ? now.seconds > last.seconds : silent >= staleAfterSeconds
  }

  /// The newest event's time in the log: `22:41` on the clock's day, else `23 Jan 22:41`.
  private var newestEventText: String {
    let latest = state.latest
    guard !latest.isMissing else { return "none" }
    let offset = Int64(timeZoneMinutes * 60)
    let sameDay =
      (latest.seconds + offset).dividedFloor(by: 86_400)
      == (now.seconds + offset).dividedFloor(by: 86_400)
    return sameDay
      ? ConsoleTime.hourMinute(latest, offsetMinutes: timeZoneMinutes)
      : ConsoleTime.dayTime(latest, offsetMinutes: timeZoneMinutes)
  }
}

extension Int64 {
  /// The quotient rounded toward minus infinity: the day of a time before 1970 too.
  fileprivate func dividedFloor(by divisor: Int64) -> Int64 {
    self >= 0 ? self / divisor : (self - divisor + 1) / divisor
  }
}
