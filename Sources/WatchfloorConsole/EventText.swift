import WatchfloorModel

/// One event of the log in words, for the detail view's history and the replay's event line.
extension ConsoleModel {
  /// `14:32:05  airlift.approved  by maj.hassan  AL-0122-03 · now approved`
  public func eventLine(ofRecord index: Int) -> String {
    let record = timeline[index]
    let time = ConsoleTime.timeOfDay(record.ts, offsetMinutes: zoneOffsetMinutes(at: record.ts))
    guard let type = record.body.type else {
      let location = timeline.location(ofRecord: index)
      let file = timeline.sourceName(location) ?? "the log"
      let what: String
      switch record.disposition {
      case .duplicate: what = "duplicate line (skipped)"
      case .unknownType: what = "line of an unknown type (skipped)"
      default: what = "malformed line (skipped)"
      }
      return "\(time)  \(what): line \(location.line) of \(file)"
    }
    var text = "\(time)  \(type.name)"
    if !record.by.isNone { text += "  by \(tables.text(record.by))" }
    let what = subjectText(record.body)
    if !what.isEmpty { text += "  " + what }
    if let reason = reasonText(record.body), !reason.isEmpty { text += ": \(reason)" }
    // Every event a decision is written as, cancellations and diversions included, may carry
    // a link of the chain.
    if let chainMarks, DecisionKind(eventType: type) != nil {
      text += " · " + ChainMarks.label(chainMarks.status(ofRecord: index, in: timeline))
    }
    if record.disposition == .anomaly {
      text += "  (anomaly: not applied)"
    } else if let airlift = record.body.airlift, let current = state.airlift(airlift) {
      text += " · now \(current.status.name)"
    }
    return text
  }

  /// What the event is about: the airlift, incident or facility, with its essentials.
  private func subjectText(_ body: EventBody) -> String {
    switch body {
    case .facilityRegistered(let registration):
      return "\(tables.facility(registration.facility)) (\(tables.text(registration.name))), "
        + "capacity \(CountText.grouped(registration.capacity))"
    case .facilityUpdated(let update):
      var changes: [String] = []
      if update.capacity >= 0 { changes.append("capacity \(CountText.grouped(update.capacity))") }
      if update.occupancy >= 0 {
        changes.append("occupancy \(CountText.grouped(update.occupancy))")
      }
      if let status = update.status { changes.append(status.name) }
      return "\(tables.facility(update.facility)) " + changes.joined(separator: ", ")
    case .airliftRequested(let request):
      return "\(tables.airlift(request.airlift)) \(tables.facility(request.origin)) → "
        + "\(tables.facility(request.destination)), \(request.detainees) detainees"
        + (request.highValue > 0 ? " (\(request.highValue) high-value)" : "")
    case .airliftLanded(let airlift, _), .airliftDeparted(let airlift):
      guard let current = state.airlift(airlift) else { return tables.airlift(airlift) }
      return "\(tables.airlift(airlift)) \(tables.facility(current.origin)) → "
        + "\(tables.facility(current.destination))"
    case .detaineesRepatriated(_, let facility, _):
      return "from \(tables.facility(facility))"
    case .incidentReported(let report):
      return "\(tables.incident(report.incident)) \(report.severity.name) "
        + "\(tables.text(report.kind)) in \(tables.text(report.sector)): "
        + tables.text(report.summary)
    default:
      if let airlift = body.airlift { return tables.airlift(airlift) }
      if let incident = body.incident { return tables.incident(incident) }
      return ""
    }
  }

  /// The free text an event carries: a reason, a note, what changed.
  func reasonText(_ body: EventBody) -> String? {
    switch body {
    case .airliftDenied(_, let reason), .airliftHeld(_, let reason),
      .airliftCancelled(_, let reason):
      return tables.text(reason)
    case .airliftDiverted(_, let destination, let reason):
      return "to \(tables.facility(destination))"
        + (reason.isNone ? "" : ": \(tables.text(reason))")
    case .airliftLanded(_, let delivered):
      return delivered >= 0 ? "delivered \(delivered)" : nil
    case .airliftApproved(_, let note), .incidentResolved(_, let note):
      return note.isNone ? nil : tables.text(note)
    case .incidentUpdated(let update):
      return [update.severity?.name, update.summary.isNone ? nil : tables.text(update.summary)]
        .compactMap { $0 }.joined(separator: ": ")
    case .detaineesRepatriated(let count, _, let country):
      return "\(count) to \(tables.text(country))"
    default:
      return nil
    }
  }
}
