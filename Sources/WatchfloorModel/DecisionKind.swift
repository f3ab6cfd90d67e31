/// What an officer decides: the one list of decisions shared by the policy, the journal, the
/// console's dialog and the decision commands, so that each knows the same event type, verb
/// and rules for every kind.
public enum DecisionKind: String, CaseIterable, Sendable {
  case approve, deny, hold, acknowledge

  /// The event the decision is written as.
  public var eventType: EventType {
    switch self {
    case .approve: .airliftApproved
    case .deny: .airliftDenied
    case .hold: .airliftHeld
    case .acknowledge: .incidentAcknowledged
    }
  }

  /// The event's exact `type` string: `airlift.approved`, `incident.acknowledged`…
  public var eventTypeName: String { eventType.name }

  /// The verb in a sentence: "approve", "deny", "hold" or "acknowledge".
  public var verb: String { rawValue }

  /// The verb as a title: "Approve", "Deny", "Hold" or "Acknowledge".
  public var title: String { rawValue.prefix(1).uppercased() + rawValue.dropFirst() }

  /// Deny and hold must say why (spec/events.md); approve and acknowledge need no reason.
  public var needsReason: Bool { self == .deny || self == .hold }

  /// Acknowledge acts on an incident; the others on an airlift.
  public var targetsIncident: Bool { self == .acknowledge }

  /// `incident` or `airlift`: the noun of the decision's subject, and its field in the event.
  public var subjectNoun: String { targetsIncident ? "incident" : "airlift" }
}
