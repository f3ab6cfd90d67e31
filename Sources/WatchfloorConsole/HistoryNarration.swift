import WatchfloorModel

/// Says what each event of an item's history changed: `status open → lockdown`,
/// `occupancy 6,200 → 6,350 (AL-0124-04 landed, 150)`, an incident's report and each update
/// old → new, a request's note, reasons.
///
/// It walks the item's records in log order keeping the few values they change (a facility's
/// capacity, occupancy and status; an incident's severity and summary; the airlifts that
/// touch a facility), applying only records the fold applied, as the fold does; so a history
/// costs the item's records, never the log's.
struct HistoryNarration {
  let tables: SymbolTables
  /// The display zone's offset at a time (a zone's offset may change with the date).
  let offsetMinutes: (Timestamp) -> Int

  private var capacity: Int64 = 0
  private var occupancy: Int64 = 0
  private var status = "open"
  private var severity: Severity?
  private var summary = ""
  /// Airlifts touching the facility: detainees, origin and destination as last known.
  private var airlifts: [Symbol: (detainees: Int64, origin: Symbol, destination: Symbol)] = [:]

  init(tables: SymbolTables, offsetMinutes: @escaping (Timestamp) -> Int) {
    self.tables = tables
    self.offsetMinutes = offsetMinutes
  }

  /// The line for one record of the history of `subject`.
  mutating func line(_ record: LogRecord, subject: DetailSubject) -> String {
    let type = record.body.type?.name ?? "?"
    var text = ConsoleTime.dayTime(record.ts, offsetMinutes: offsetMinutes(record.ts)) + "  " + type
    if !record.by.isNone { text += "  by \(tables.text(record.by))" }
    let applied = record.disposition == .applied
    let change = describe(record.body, subject: subject, applied: applied)
    if !change.isEmpty { text += "  " + change }
    if !applied { text += "  (anomaly: not applied)" }
    return text
  }

  private func count(_ value: Int64) -> String { CountText.grouped(value) }

  private mutating func describe(_ body: EventBody, subject: DetailSubject, applied: Bool)
    -> String
  {
    switch body {
    case .facilityRegistered(let registration):
      guard applied else { return "" }
      capacity = registration.capacity
      occupancy = registration.occupancy
      status = "open"
      return "\(tables.text(registration.name)), \(registration.security.name) security: "
        + "occupancy \(count(occupancy)) of \(count(capacity))"
    case .facilityUpdated(let update):
      var changes: [String] = []
      if let new = update.status?.name, new != status || !applied {
        changes.append("status \(status) → \(new)")
        if applied { status = new }
      }
      if update.capacity >= 0 {
        changes.append("capacity \(count(capacity)) → \(count(update.capacity))")
        if applied { capacity = update.capacity }
      }
      if update.occupancy >= 0 {
        changes.append("occupancy \(count(occupancy)) → \(count(update.occupancy))")
        if applied { occupancy = update.occupancy }
      }
      return changes.joined(separator: ", ")
    case .detaineesRepatriated(let number, _, let country):
      let before = occupancy
      if applied { occupancy = max(0, occupancy - number) }
      return "occupancy \(count(before)) → \(count(occupancy)) "
        + "(\(count(number)) repatriated to \(tables.text(country)))"
    case .airliftRequested(let request):
      if applied {
        airlifts[request.airlift] = (request.detainees, request.origin, request.destination)
      }
      var text =
        "\(tables.airlift(request.airlift)) \(tables.facility(request.origin)) → "
        + "\(tables.facility(request.destination)), \(count(request.detainees)) detainees"
      if request.highValue > 0 { text += " (\(count(request.highValue)) high-value)" }
      text +=
        ", \(request.priority.name), ETD "
        + ConsoleTime.dayTime(request.etd, offsetMinutes: offsetMinutes(request.etd))
      if !request.note.isNone { text += "; note: \(tables.text(request.note))" }
      return text
    case .airliftDeparted(let airlift):
      guard case .facility(let facility) = subject, let known = airlifts[airlift],
        known.origin == facility
      else { return tables.airlift(airlift) }
      let before = occupancy
      if applied { occupancy = max(0, occupancy - known.detainees) }
      return "occupancy \(count(before)) → \(count(occupancy)) "
        + "(\(tables.airlift(airlift)) departed, \(count(known.detainees)))"
    case .airliftLanded(let airlift, let delivered):
      guard case .facility(let facility) = subject, let known = airlifts[airlift],
        known.destination == facility
      else {
        return tables.airlift(airlift) + (delivered >= 0 ? ", delivered \(count(delivered))" : "")
      }
      let landed = delivered >= 0 ? delivered : known.detainees
      let before = occupancy
      if applied { occupancy = occupancy &+ landed }
      return "occupancy \(count(before)) → \(count(occupancy)) "
        + "(\(tables.airlift(airlift)) landed, \(count(landed)))"
    case .airliftDiverted(let airlift, let destination, let reason):
      let from = airlifts[airlift].map { tables.facility($0.destination) }
      if applied, var known = airlifts[airlift] {
        known.destination = destination
        airlifts[airlift] = known
      }
      return "\(tables.airlift(airlift)) destination \(from.map { "\($0) → " } ?? "to ")"
        + tables.facility(destination) + (reason.isNone ? "" : ": \(tables.text(reason))")
    case .airliftApproved(let airlift, let note):
      return tables.airlift(airlift) + (note.isNone ? "" : "; note: \(tables.text(note))")
    case .airliftDenied(let airlift, let reason), .airliftHeld(let airlift, let reason),
      .airliftCancelled(let airlift, let reason):
      return tables.airlift(airlift) + (reason.isNone ? "" : ": \(tables.text(reason))")
    case .incidentReported(let report):
      if applied {
        severity = report.severity
        summary = tables.text(report.summary)
      }
      return "\(report.severity.name) \(tables.text(report.kind)) in "
        + "\(tables.text(report.sector)): \(tables.text(report.summary))"
    case .incidentUpdated(let update):
      var changes: [String] = []
      if let new = update.severity {
        changes.append("severity \(severity?.name ?? "?") → \(new.name)")
        if applied { severity = new }
      }
      if !update.summary.isNone {
        let new = tables.text(update.summary)
        changes.append("summary \"\(summary)\" → \"\(new)\"")
        if applied { summary = new }
      }
      return changes.joined(separator: ", ")
    case .incidentResolved(_, let note):
      return note.isNone ? "" : "note: \(tables.text(note))"
    default:
      return ""
    }
  }
}
