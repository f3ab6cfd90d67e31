import WatchfloorModel

/// The alert line: an unacknowledged high or critical incident stays on screen, under the
/// header, whatever pane is focused or scrolled, until it is acknowledged. A critical one left
/// unacknowledged past `escalateAfterSeconds` is marked `UNACKED 7m` and rings once more.
extension ConsoleModel {
  typealias Alert = (symbol: Symbol, incident: Incident)

  /// Unacknowledged high and critical incidents' symbols, most urgent first: critical before
  /// high, then the one waiting longest. Kept in order by the ``RowCache``.
  func alertSymbols() -> [Symbol] {
    rowCache.alerts.refresh(
      state: state, inputs: true, kind: .incident, cache: rowCache,
      candidates: { state.unresolvedIncidents.members }, key: alertKey,
      precedes: Self.alertPrecedes(tables))
    return rowCache.alerts.rows.symbols
  }

  /// The same, with the incidents.
  func alertIncidents() -> [Alert] {
    alertSymbols().compactMap { symbol in
      state.incidents[symbol].map { (symbol: symbol, incident: $0) }
    }
  }

  /// The most urgent alert and how many there are: what a frame draws.
  func alertSummary() -> (first: Alert?, count: Int) {
    let symbols = alertSymbols()
    let first = symbols.first.flatMap { symbol in
      state.incidents[symbol].map { (symbol: symbol, incident: $0) }
    }
    return (first, symbols.count)
  }

  /// Where the alert line sorts an incident; nil when it is not an alert.
  private func alertKey(_ symbol: Symbol) -> AlertKey? {
    guard state.unresolvedIncidents.contains(symbol), let incident = state.incidents[symbol],
      incident.status == .open, incident.severity >= .high
    else { return nil }
    return AlertKey(severity: incident.severity, reportedAt: incident.reportedAt, id: symbol)
  }

  static func alertPrecedes(_ tables: SymbolTables) -> (AlertKey, AlertKey) -> Bool {
    { left, right in
      if left.severity != right.severity { return left.severity > right.severity }
      if left.reportedAt < right.reportedAt { return true }
      if right.reportedAt < left.reportedAt { return false }
      return tables.incidents.precedes(left.id, right.id)
    }
  }

  /// The lines the alert line takes: one while there is something to acknowledge.
  var alertLines: Int {
    state.openIncidentTally[Int(Severity.high.rawValue)]
      + state.openIncidentTally[Int(Severity.critical.rawValue)] > 0 ? 1 : 0
  }

  /// Whether an incident is critical and has waited for acknowledgement past the limit.
  func isEscalated(_ incident: Incident) -> Bool {
    guard incident.severity == .critical, incident.status == .open,
      !incident.reportedAt.isMissing, !now.isMissing
    else { return false }
    // Times from the log may be absurd: a difference past the range is past any limit.
    let (waited, overflow) = now.seconds.subtractingReportingOverflow(incident.reportedAt.seconds)
    return overflow ? now.seconds > incident.reportedAt.seconds : waited > escalateAfterSeconds
  }

  /// Marks critical incidents newly past the limit; returns whether any is new and `ring`.
  ///
  /// The alerts lead with the critical ones, longest waiting first: those past the limit are
  /// a prefix of the list, found by a binary search. A tick that finds the same prefix of the
  /// same list does nothing more.
  @discardableResult
  mutating func noteEscalations(ring: Bool) -> Bool {
    let symbols = alertSymbols()
    let cache = rowCache
    let limit = now
    let escalateAfter = escalateAfterSeconds
    let prefix = cache.alerts.rows.partition { key in
      guard key.severity == .critical else { return true }
      // Past the limit, or with no time (which never escalates but sorts first).
      if key.reportedAt.isMissing || limit.isMissing { return false }
      let (waited, overflow) = limit.seconds.subtractingReportingOverflow(key.reportedAt.seconds)
      let escalated = overflow ? limit.seconds > key.reportedAt.seconds : waited > escalateAfter
      return !escalated
    }
    let mark = EscalationMark(version: cache.alerts.version, prefix: prefix)
    if escalationMark == mark { return false }
    escalationMark = mark
    var any = false
    for symbol in symbols[..<prefix] {
      guard let incident = state.incidents[symbol], isEscalated(incident) else { continue }
      if escalatedCriticals.insert(symbol).inserted { any = true }
    }
    return any && ring
  }

  /// Takes the incidents past the limit now as already rung for: opening a log (or reading a
  /// replaced one again) does not ring for what was overdue before the console saw it.
  mutating func resetEscalations() {
    escalatedCriticals = []
    escalationMark = nil
    noteEscalations(ring: false)
  }

  /// `!`: focuses the incidents pane on the most urgent alert; pressed again there, the next.
  mutating func jumpToAlert() {
    let alerts = alertSymbols()
    guard !alerts.isEmpty else {
      resultLine = "no unacknowledged high or critical incident"
      return
    }
    var target = alerts[0]
    if focus == .incidents, let selected = selectedIncident,
      let index = alerts.firstIndex(of: selected)
    {
      target = alerts[(index + 1) % alerts.count]
    }
    focus = .incidents
    let rows = rowSymbols(.incidents)
    if rowIndex(.incidents, of: target, in: rows) == nil { panes.incidents.filter = nil }
    selectedIncident = target
    keepSelectionsVisible()
  }

  /// ` ALERT  CRIT INC-0123-05 · border-north · Convoy fired on … · UNACKED 7m   +2 more · ! go`
  func drawAlertLine(_ canvas: inout Canvas, _ rect: Rect) {
    let alerts = alertSummary()
    guard let first = alerts.first, rect.height > 0 else { return }
    let incident = first.incident
    let critical = incident.severity == .critical
    let lineStyle = Style(critical ? .critical : .danger, [.bold, .reverse])
    canvas.fill(rect, style: lineStyle)
    let severity = critical ? "CRIT" : "HIGH"
    let head = " ALERT \(severity) \(tables.incident(first.symbol))"
    let sector = " · \(tables.text(incident.sector))"
    let age = ConsoleTime.age(from: incident.reportedAt, to: now, width: 6)
    let waited = isEscalated(incident) ? "UNACKED \(age)" : "\(age) ago"
    let more = alerts.count > 1 ? "  +\(CountText.grouped(Int64(alerts.count - 1))) more" : ""
    let jump = "  ! go "
    let tail = " · \(waited)"
    let fixed = [head, tail, more].reduce(0) { $0 + DisplayWidth.of($1) }
    // The summary takes what the rest leaves, cut at a word; the sector and the key's hint
    // give way first.
    var room = rect.width - fixed
    let showJump = room - DisplayWidth.of(jump) >= 24
    if showJump { room -= DisplayWidth.of(jump) }
    let showSector = room - DisplayWidth.of(sector) >= 20
    if showSector { room -= DisplayWidth.of(sector) }
    var x = rect.x
    x += canvas.put(head, x: x, y: rect.y, width: rect.maxX - x, style: lineStyle)
    if showSector {
      x += canvas.put(sector, x: x, y: rect.y, width: rect.maxX - x, style: lineStyle)
    }
    if room > 4 {
      let summary = TextFitting.truncateAtWord(
        " · " + tables.text(incident.summary), toColumns: room)
      x += canvas.put(summary, x: x, y: rect.y, width: rect.maxX - x, style: lineStyle)
    }
    let waitedStyle =
      isEscalated(incident) ? Style(.critical, [.bold, .reverse, .underline]) : lineStyle
    x += canvas.put(" · ", x: x, y: rect.y, width: rect.maxX - x, style: lineStyle)
    x += canvas.put(waited, x: x, y: rect.y, width: rect.maxX - x, style: waitedStyle)
    x += canvas.put(more, x: x, y: rect.y, width: rect.maxX - x, style: lineStyle)
    if showJump {
      canvas.put(
        jump, x: rect.maxX - DisplayWidth.of(jump), y: rect.y, style: lineStyle)
    }
  }
}
