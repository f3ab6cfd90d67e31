import WatchfloorModel

/// A decision being prepared in the console: for a diversion the destination first, then the
/// reason (required for deny, hold and cancel, optional for divert), then a confirmation that
/// shows its consequences. It acts on exactly the item it was opened for.
public struct DecisionDialog: Equatable, Sendable {
  public var kind: DecisionKind
  /// The airlift or incident, as a symbol of the log's tables and as its id.
  public var subject: Symbol
  public var subjectID: String
  /// What the item looked like when the dialog opened; a change refuses the decision.
  public var snapshot: String
  /// The reason as typed, with its cursor.
  public var reasonEditor = ReasonEditor()
  public var reason: String {
    get { reasonEditor.text }
    set { reasonEditor = ReasonEditor(newValue) }
  }
  /// Still typing the reason (deny, hold, cancel and divert).
  public var editingReason: Bool
  /// A diversion's list of facilities, while the destination is being chosen.
  public var picker: DestinationPicker?
  /// A diversion's chosen destination; `.none` until chosen and for the other kinds.
  public var destination: Symbol = .none

  /// The policy's decision for the dialog's item.
  public var decision: Decision {
    Decision(kind: kind, subject: subject, reason: reason, destination: destination)
  }
}

/// A decision the officer confirmed, for the run loop to write through the journal.
public struct DecisionRequest: Equatable, Sendable {
  public var kind: DecisionKind
  public var subjectID: String
  public var reason: String
  public var snapshot: String
  /// A diversion's new destination, as a facility id; empty for the other kinds.
  public var destinationID: String

  public init(
    kind: DecisionKind, subjectID: String, reason: String, snapshot: String,
    destinationID: String = ""
  ) {
    self.kind = kind
    self.subjectID = subjectID
    self.reason = reason
    self.snapshot = snapshot
    self.destinationID = destinationID
  }
}
