/// The event types of the log (spec/events.md), by their exact `type` strings.
public enum EventType: UInt8, CaseIterable, Sendable {
  case facilityRegistered, facilityUpdated
  case airliftRequested, airliftApproved, airliftDenied, airliftHeld, airliftCancelled
  case airliftDiverted, airliftDeparted, airliftLanded
  case detaineesRepatriated
  case incidentReported, incidentUpdated, incidentAcknowledged, incidentResolved

  public var name: String {
    switch self {
    case .facilityRegistered: "facility.registered"
    case .facilityUpdated: "facility.updated"
    case .airliftRequested: "airlift.requested"
    case .airliftApproved: "airlift.approved"
    case .airliftDenied: "airlift.denied"
    case .airliftHeld: "airlift.held"
    case .airliftCancelled: "airlift.cancelled"
    case .airliftDiverted: "airlift.diverted"
    case .airliftDeparted: "airlift.departed"
    case .airliftLanded: "airlift.landed"
    case .detaineesRepatriated: "detainees.repatriated"
    case .incidentReported: "incident.reported"
    case .incidentUpdated: "incident.updated"
    case .incidentAcknowledged: "incident.acknowledged"
    case .incidentResolved: "incident.resolved"
    }
  }

  /// Decisions an officer makes; they require `by`.
  public var isDecision: Bool {
    switch self {
    case .airliftApproved, .airliftDenied, .airliftHeld, .incidentAcknowledged: true
    default: false
    }
  }

  private static let spellings = ByteNames(allCases.map { ($0.name, $0) })

  /// The type spelled by `bytes`, or nil for a type this version does not know.
  public static func matching(_ bytes: UnsafeRawBufferPointer) -> EventType? {
    spellings.match(bytes)
  }

  public static func named(_ name: String) -> EventType? {
    var name = name
    return name.withUTF8 { matching(UnsafeRawBufferPointer($0)) }
  }
}

/// A string-valued enumeration of the log: its exact spellings, in declaration order.
public protocol LogEnum: CaseIterable, Sendable, Equatable {
  var name: String { get }
}

extension LogEnum {
  /// The case spelled by `bytes`, or nil.
  static func named(_ bytes: UnsafeRawBufferPointer) -> Self? {
    // Lengths first, then the spelling's own bytes: a generic walk of the two sequences cost
    // more than the rest of the field's decoding. The names are literals, so nothing is built.
    for candidate in allCases where candidate.name.utf8.count == bytes.count {
      let same = candidate.name.utf8.withContiguousStorageIfAvailable { name in
        name.elementsEqual(bytes)
      }
      if same ?? candidate.name.utf8.elementsEqual(bytes) { return candidate }
    }
    return nil
  }

  /// The spellings joined for messages: `"a", "b" or "c"`.
  static var spellings: String {
    let names = allCases.map { "\"\($0.name)\"" }
    guard names.count > 1 else { return names.joined() }
    return names.dropLast().joined(separator: ", ") + " or " + (names.last ?? "")
  }
}

public enum Side: UInt8, LogEnum {
  case iraq, syria
  public var name: String { self == .iraq ? "IQ" : "SY" }
}

public enum Security: UInt8, LogEnum {
  case maximum, high, medium
  public var name: String {
    switch self {
    case .maximum: "maximum"
    case .high: "high"
    case .medium: "medium"
    }
  }
}

public enum FacilityStatus: UInt8, LogEnum {
  case open, lockdown, closed
  public var name: String {
    switch self {
    case .open: "open"
    case .lockdown: "lockdown"
    case .closed: "closed"
    }
  }
}

public enum Priority: UInt8, LogEnum {
  case routine, urgent
  public var name: String { self == .routine ? "routine" : "urgent" }
}

public enum Severity: UInt8, LogEnum, Comparable {
  case info, low, medium, high, critical
  public var name: String {
    switch self {
    case .info: "info"
    case .low: "low"
    case .medium: "medium"
    case .high: "high"
    case .critical: "critical"
    }
  }
  public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// Where an airlift stands in its life cycle (spec/events.md, "Airlift life cycle").
public enum AirliftStatus: UInt8, LogEnum {
  case pending, awaitingSecond, held, approved, inFlight, landed, denied, cancelled
  public var name: String {
    switch self {
    case .pending: "pending"
    case .awaitingSecond: "awaiting-second"
    case .held: "held"
    case .approved: "approved"
    case .inFlight: "in-flight"
    case .landed: "landed"
    case .denied: "denied"
    case .cancelled: "cancelled"
    }
  }

  /// Landed, denied and cancelled airlifts take no further event.
  public var isFinal: Bool { self == .landed || self == .denied || self == .cancelled }

  /// Awaiting an officer's decision: counted as `pending` in the totals.
  public var awaitsDecision: Bool {
    self == .pending || self == .awaitingSecond || self == .held
  }

  /// Approved or in flight: its detainees are inbound to the destination.
  public var isInbound: Bool { self == .approved || self == .inFlight }
}

public enum IncidentStatus: UInt8, LogEnum {
  case open, acknowledged, resolved
  public var name: String {
    switch self {
    case .open: "open"
    case .acknowledged: "acknowledged"
    case .resolved: "resolved"
    }
  }
}
