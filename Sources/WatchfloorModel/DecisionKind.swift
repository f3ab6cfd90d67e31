/// What an officer decides: the one list of decisions shared by the policy, the journal, the
/// console's dialog and the decision commands, so that each knows the same event type, verb
/// and rules for every kind.
public enum DecisionKind: String, CaseIterable, Sendable {
  case approve, deny, hold, cancel, divert, acknowledge

  /// The event the decision is written as.
  public var eventType: EventType {
    switch self {
    case .approve: .airliftApproved
    case .deny: .airliftDenied
    case .hold: .airliftHeld
    case .cancel: .airliftCancelled
    case .divert: .airliftDiverted
    case .acknowledge: .incidentAcknowledged
    }
  }

  /// The decision an event of `eventType` records, nil for the feed's events. A cancellation
  /// or diversion may also come from a feed (its `by` is optional): check `by` for an officer.
  public init?(eventType: EventType) {
    guard let kind = Self.allCases.first(where: { $0.eventType == eventType }) else { return nil }
    self = kind
  }

  /// The event's exact `type` string: `airlift.approved`, `incident.acknowledged`…
  public var eventTypeName: String { eventType.name }

  /// The verb in a sentence: "approve", "deny", "hold", "cancel", "divert" or "acknowledge".
  public var verb: String { rawValue }

  /// The verb as a title: "Approve", "Deny", "Hold"…
  public var title: String { rawValue.prefix(1).uppercased() + rawValue.dropFirst() }

  /// Deny, hold and cancel must say why (spec/events.md); the others need no reason.
  public var needsReason: Bool { self == .deny || self == .hold || self == .cancel }

  /// Whether the event carries a reason at all: the required ones, and a diversion's optional
  /// one.
  public var takesReason: Bool { needsReason || self == .divert }

  /// Divert names a new destination; no other decision does.
  public var needsDestination: Bool { self == .divert }

  /// Acknowledge acts on an incident; the others on an airlift.
  public var targetsIncident: Bool { self == .acknowledge }

  /// `incident` or `airlift`: the noun of the decision's subject, and its field in the event.
  public var subjectNoun: String { targetsIncident ? "incident" : "airlift" }

  /// The statuses an airlift decision may be taken from (spec/events.md, "Airlift life
  /// cycle", and the README's choices where the spec is silent); none for acknowledge.
  public var allowedStatuses: [AirliftStatus] {
    switch self {
    case .approve, .deny: [.pending, .awaitingSecond, .held]
    case .hold: [.pending, .awaitingSecond]
    case .cancel: [.pending, .awaitingSecond, .held, .approved]
    case .divert: [.approved, .inFlight]
    case .acknowledge: []
    }
  }

  /// The airlift decisions the life cycle allows from `status`, in the order of this list:
  /// what to offer instead of a decision that is refused.
  public static func possible(from status: AirliftStatus) -> [DecisionKind] {
    allCases.filter { $0.allowedStatuses.contains(status) }
  }
}
