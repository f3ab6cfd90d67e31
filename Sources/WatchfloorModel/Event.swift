/// One decoded event of the log, compact: identifiers and free text are symbols of the
/// log's `SymbolTables`, absent optional values are `Symbol.none` or `-1`.
public enum EventBody: Sendable {
  // The payloads above 16 bytes are boxed (a request is a shared class), so that every
  // record is not as large as they are (a body is 17 bytes, a record 40).
  indirect case facilityRegistered(FacilityRegistration)
  indirect case facilityUpdated(FacilityUpdate)
  case airliftRequested(AirliftRequest)
  case airliftApproved(airlift: Symbol, note: Symbol)
  case airliftDenied(airlift: Symbol, reason: Symbol)
  case airliftHeld(airlift: Symbol, reason: Symbol)
  case airliftCancelled(airlift: Symbol, reason: Symbol)
  case airliftDiverted(airlift: Symbol, destination: Symbol, reason: Symbol)
  case airliftDeparted(airlift: Symbol)
  /// `delivered` is -1 when absent (it then defaults to the airlift's detainees).
  case airliftLanded(airlift: Symbol, delivered: Int64)
  /// The count comes first so that the payload packs into 16 bytes.
  case detaineesRepatriated(count: Int64, facility: Symbol, country: Symbol)
  indirect case incidentReported(IncidentReport)
  case incidentUpdated(IncidentUpdate)
  case incidentAcknowledged(incident: Symbol)
  case incidentResolved(incident: Symbol, note: Symbol)
  /// A line that is not an event to apply (malformed, duplicate, unknown type).
  case none

  public var type: EventType? {
    switch self {
    case .facilityRegistered: .facilityRegistered
    case .facilityUpdated: .facilityUpdated
    case .airliftRequested: .airliftRequested
    case .airliftApproved: .airliftApproved
    case .airliftDenied: .airliftDenied
    case .airliftHeld: .airliftHeld
    case .airliftCancelled: .airliftCancelled
    case .airliftDiverted: .airliftDiverted
    case .airliftDeparted: .airliftDeparted
    case .airliftLanded: .airliftLanded
    case .detaineesRepatriated: .detaineesRepatriated
    case .incidentReported: .incidentReported
    case .incidentUpdated: .incidentUpdated
    case .incidentAcknowledged: .incidentAcknowledged
    case .incidentResolved: .incidentResolved
    case .none: nil
    }
  }

  /// The airlift the event is about, if any.
  public var airlift: Symbol? {
    switch self {
    case .airliftRequested(let request): request.airlift
    case .airliftApproved(let airlift, _), .airliftDenied(let airlift, _),
      .airliftHeld(let airlift, _), .airliftCancelled(let airlift, _),
      .airliftDiverted(let airlift, _, _), .airliftDeparted(let airlift),
      .airliftLanded(let airlift, _):
      airlift
    default: nil
    }
  }

  /// The incident the event is about, if any.
  public var incident: Symbol? {
    switch self {
    case .incidentReported(let report): report.incident
    case .incidentUpdated(let update): update.incident
    case .incidentAcknowledged(let incident), .incidentResolved(let incident, _): incident
    default: nil
    }
  }
}

public struct FacilityRegistration: Sendable {
  public var facility: Symbol
  public var name: Symbol
  public var region: Symbol
  public var side: Side
  public var security: Security
  public var capacity: Int64
  public var occupancy: Int64
}

/// Values a `facility.updated` replaces; -1 or nil where absent.
public struct FacilityUpdate: Sendable {
  public var facility: Symbol
  public var capacity: Int64
  public var occupancy: Int64
  public var status: FacilityStatus?
}

/// What an `airlift.requested` event asks for. Immutable and shared: the record and the
/// airlift's plan hold the same copy, so a request is kept once however many states hold it.
public final class AirliftRequest: Sendable {
  public let etd: Timestamp
  public let detainees: Int64
  public let highValue: Int64
  public let airlift: Symbol
  public let origin: Symbol
  public let destination: Symbol
  public let note: Symbol
  public let priority: Priority

  public init(
    airlift: Symbol, origin: Symbol, destination: Symbol, detainees: Int64, highValue: Int64,
    etd: Timestamp, priority: Priority, note: Symbol
  ) {
    self.airlift = airlift
    self.origin = origin
    self.destination = destination
    self.detainees = detainees
    self.highValue = highValue
    self.etd = etd
    self.priority = priority
    self.note = note
  }
}

public struct IncidentReport: Sendable {
  public var incident: Symbol
  public var sector: Symbol
  public var severity: Severity
  public var kind: Symbol
  public var summary: Symbol
  public var facility: Symbol
}

/// Values an `incident.updated` replaces; nil or `Symbol.none` where absent.
public struct IncidentUpdate: Sendable {
  public var incident: Symbol
  public var severity: Severity?
  public var summary: Symbol
}

/// How a line of the log was classified (spec/events.md, "How each line is classified").
public enum Disposition: UInt8, Sendable {
  case applied, anomaly, malformed, duplicate, unknownType
}

/// One non-blank line of the log as the timeline keeps it: what the line said and how it was
/// classified. Where it was read (file and line) is kept by the timeline, in runs
/// (`Timeline.location(ofRecord:)`), since consecutive records are mostly consecutive lines.
public struct LogRecord: Sendable {
  // Fields in this order pack into 40 bytes (a body is 17).
  /// The line's `ts`; `Timestamp.missing` when it had no valid one.
  public var ts: Timestamp
  public var body: EventBody
  public var disposition: Disposition
  /// The `by` field, or `Symbol.none`.
  public var by: Symbol

  public init(ts: Timestamp, body: EventBody, by: Symbol, disposition: Disposition) {
    self.ts = ts
    self.body = body
    self.by = by
    self.disposition = disposition
  }
}
