/// A prison or holding site, as its events left it.
public struct Facility: Sendable {
  public var name: Symbol
  public var region: Symbol
  public var side: Side
  public var security: Security
  public var status: FacilityStatus
  public var capacity: Int64
  public var occupancy: Int64
  /// Detainees on approved and in-flight airlifts bound here (exact; clamped when shown).
  public var inbound: Int128

  /// Occupancy plus inbound, clamped to 64 bits.
  public var projected: Int64 { Int64(clamping: Int128(occupancy) + inbound) }
  public var inboundCount: Int64 { Int64(clamping: inbound) }

  /// Occupancy ÷ capacity; nil when the capacity is 0 ("n/a").
  public var load: Double? { capacity > 0 ? Double(occupancy) / Double(capacity) : nil }
  /// Projected ÷ capacity; nil when the capacity is 0.
  public var projectedLoad: Double? {
    capacity > 0 ? Double(projected) / Double(capacity) : nil
  }
}

/// What an airlift's request fixed; written once, when it is requested.
///
/// The request's fields are read through the request itself, shared with its record, so a
/// plan with its optional tag takes 32 bytes.
public struct AirliftPlan: Sendable {
  /// The `airlift.requested` event that fixed the plan.
  public var request: AirliftRequest
  public var requestedAt: Timestamp
  /// Who asked for it (`by` on the request), or `Symbol.none`.
  public var requestedBy: Symbol

  public var origin: Symbol { request.origin }
  public var detainees: Int64 { request.detainees }
  public var highValue: Int64 { request.highValue }
  public var etd: Timestamp { request.etd }
  public var priority: Priority { request.priority }
  public var note: Symbol { request.note }
}

/// The changing part of an airlift, kept small so timeline checkpoints stay cheap.
///
/// Fields are ordered widest first, so that progress with its optional tag takes 40 bytes.
public struct AirliftProgress: Sendable {
  /// When it took off (the `ts` of its `airlift.departed`); missing until then.
  public var departedAt: Timestamp = .missing
  /// Detainees delivered on landing; -1 until it lands.
  public var delivered: Int64
  public var destination: Symbol
  /// The approvers in order, `Symbol.none` where there is none yet.
  public var firstApproval: Symbol
  public var secondApproval: Symbol
  public var status: AirliftStatus

  public init(
    status: AirliftStatus, destination: Symbol, firstApproval: Symbol, secondApproval: Symbol,
    delivered: Int64, departedAt: Timestamp = .missing
  ) {
    self.status = status
    self.destination = destination
    self.firstApproval = firstApproval
    self.secondApproval = secondApproval
    self.delivered = delivered
    self.departedAt = departedAt
  }

  public var approvals: [Symbol] { [firstApproval, secondApproval].filter { !$0.isNone } }
}

/// An airlift: its plan and where it stands.
public struct Airlift: Sendable {
  public var id: Symbol
  public var plan: AirliftPlan
  public var progress: AirliftProgress

  public var status: AirliftStatus { progress.status }
  public var origin: Symbol { plan.origin }
  public var destination: Symbol { progress.destination }
  public var detainees: Int64 { plan.detainees }
  public var highValue: Int64 { plan.highValue }
  /// High-value airlifts need two different approvers.
  public var needsTwoApprovals: Bool { plan.highValue >= 1 }
}

/// A border or security incident.
public struct Incident: Sendable {
  public var sector: Symbol
  public var kind: Symbol
  public var facility: Symbol
  public var reportedAt: Timestamp
  public var severity: Severity
  public var summary: Symbol
  public var status: IncidentStatus
  public var acknowledgedBy: Symbol
}
