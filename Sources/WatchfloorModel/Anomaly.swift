/// Why an event that is well formed does not fit the state (spec/events.md, "Anomalies").
/// An anomalous event is kept in the log, changes nothing, and is counted.
public enum Anomaly: Sendable, Equatable {
  case unknownFacility(Symbol)
  case unknownAirlift(Symbol)
  case unknownIncident(Symbol)
  case facilityExists(Symbol)
  case airliftExists(Symbol)
  case incidentExists(Symbol)
  case originIsDestination(airlift: Symbol, facility: Symbol)
  case divertedToOrigin(airlift: Symbol, facility: Symbol)
  /// A life-cycle transition the spec does not allow from the airlift's status.
  case notAllowed(airlift: Symbol, event: EventType, status: AirliftStatus)
  case sameApproverTwice(airlift: Symbol, officer: Symbol)
  case deliveredAboveDetainees(airlift: Symbol, delivered: Int64, detainees: Int64)
  case incidentNotOpen(incident: Symbol, status: IncidentStatus)
  case incidentResolved(incident: Symbol, event: EventType)

  /// The reason in words, with the identifiers spelled out.
  public func message(_ tables: SymbolTables) -> String {
    switch self {
    case .unknownFacility(let facility):
      "unknown facility \"\(tables.facility(facility))\""
    case .unknownAirlift(let airlift):
      "unknown airlift \"\(tables.airlift(airlift))\""
    case .unknownIncident(let incident):
      "unknown incident \"\(tables.incident(incident))\""
    case .facilityExists(let facility):
      "facility \"\(tables.facility(facility))\" is already registered"
    case .airliftExists(let airlift):
      "airlift \"\(tables.airlift(airlift))\" was already requested"
    case .incidentExists(let incident):
      "incident \"\(tables.incident(incident))\" was already reported"
    case .originIsDestination(let airlift, let facility):
      "airlift \"\(tables.airlift(airlift))\" has origin and destination "
        + "\"\(tables.facility(facility))\""
    case .divertedToOrigin(let airlift, let facility):
      "airlift \"\(tables.airlift(airlift))\" diverted to its own origin "
        + "\"\(tables.facility(facility))\""
    case .notAllowed(let airlift, let event, let status):
      "\(event.name) not allowed: airlift \"\(tables.airlift(airlift))\" is \(status.name)"
    case .sameApproverTwice(let airlift, let officer):
      "second approval of airlift \"\(tables.airlift(airlift))\" by the same officer "
        + "\"\(tables.text(officer))\" (two-person rule)"
    case .deliveredAboveDetainees(let airlift, let delivered, let detainees):
      "airlift \"\(tables.airlift(airlift))\" delivered \(delivered), above its "
        + "\(detainees) detainees"
    case .incidentNotOpen(let incident, let status):
      "incident \"\(tables.incident(incident))\" cannot be acknowledged: it is \(status.name)"
    case .incidentResolved(let incident, let event):
      "\(event.name) not allowed: incident \"\(tables.incident(incident))\" is resolved"
    }
  }
}
