import WatchfloorModel

/// A decision being prepared in the console: reason first for deny and hold, then a
/// confirmation that shows its consequences. It acts on exactly the item it was opened for.
public struct DecisionDialog: Equatable, Sendable {
  public enum Kind: Equatable, Sendable {
    case approve, deny, hold, acknowledge

    public var verb: String {
      switch self {
      case .approve: "Approve"
      case .deny: "Deny"
      case .hold: "Hold"
      case .acknowledge: "Acknowledge"
      }
    }

    var needsReason: Bool { self == .deny || self == .hold }
  }

  public var kind: Kind
  /// The airlift or incident, as a symbol of the log's tables and as its id.
  public var subject: Symbol
  public var subjectID: String
  /// What the item looked like when the dialog opened; a change refuses the decision.
  public var snapshot: String
  public var reason = ""
  /// Still typing the reason (deny and hold).
  public var editingReason: Bool

  /// The policy's decision for the dialog's item.
  public var decision: Decision {
    switch kind {
    case .approve: .approve(airlift: subject)
    case .deny: .deny(airlift: subject, reason: reason)
    case .hold: .hold(airlift: subject, reason: reason)
    case .acknowledge: .acknowledge(incident: subject)
    }
  }
}

/// A decision the officer confirmed, for the run loop to write through the journal.
public struct DecisionRequest: Equatable, Sendable {
  public var kind: DecisionDialog.Kind
  public var subjectID: String
  public var reason: String
  public var snapshot: String

  public init(kind: DecisionDialog.Kind, subjectID: String, reason: String, snapshot: String) {
    self.kind = kind
    self.subjectID = subjectID
    self.reason = reason
    self.snapshot = snapshot
  }
}
