import WatchfloorModel

/// The alert line: an unacknowledged high or critical incident stays on screen, under the
/// header, whatever pane is focused or scrolled, until it is acknowledged. A critical one left
/// unacknowledged past `escalateAfterSeconds` is marked `UNACKED 7m` and rings once more.
extension ConsoleModel {
  typealias Alert = (symbol: Symbol, incident: Incident)

  /// Unacknowledged high and critical incidents, most urgent first: critical before high, then
  /// the one waiting longest.
  func alertIncidents() -> [Alert] {
    unacknowledgedAlerts().sorted { isMoreUrgent($0, than: $1) }
  }

  /// The most urgent alert and how many there are, in one pass: what a frame draws.
  func alertSummary() -> (first: Alert?, count: Int) {
    var first: Alert?
    var count = 0
    for alert in unacknowledgedAlerts() {
      count += 1
      if let current = first, !isMoreUrgent(alert, than: current) { continue }
      first = alert
    }
    return (first, count)
  }

  private func unacknowledgedAlerts() -> [Alert] {
    state.unresolvedIncidents.compactMap { symbol in
      state.incidents[symbol].flatMap { incident in
        incident.status == .open && incident.severity >= .high
          ? (symbol: symbol, incident: incident) : nil
      }
    }
  }

  private func isMoreUrgent(_ left: Alert, than right: Alert) -> Bool {
    let l = left.incident
    let r = right.incident
    if l.severity != r.severity { return l.severity > r.severity }
    if l.reportedAt != r.reportedAt { return l.reportedAt < r.reportedAt }
    return tables.incidents.precedes(left.symbol, right.symbol)
  }

  /// The lines the alert line takes: one while there is something to acknowledge.
  var alertLines: Int {
    state.unresolvedIncidents.contains { symbol in
      state.incidents[symbol].map { $0.status == .open && $0.severity >= .high } ?? false
    } ? 1 : 0
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
  @discardableResult
  mutating func noteEscalations(ring: Bool) -> Bool {
    var any = false
    for alert in unacknowledgedAlerts() where isEscalated(alert.incident) {
      if escalatedCriticals.insert(alert.symbol).inserted { any = true }
    }
    return any && ring
  }

  /// Takes the incidents past the limit now as already rung for: opening a log (or reading a
  /// replaced one again) does not ring for what was overdue before the console saw it.
  mutating func resetEscalations() {
    escalatedCriticals = []
    noteEscalations(ring: false)
  }

  /// `!`: focuses the incidents pane on the most urgent alert; pressed again there, the next.
  mutating func jumpToAlert() {
    let alerts = alertIncidents().map(\.symbol)
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
    if !rowSymbols(.incidents).contains(target) { panes.incidents.filter = nil }
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
