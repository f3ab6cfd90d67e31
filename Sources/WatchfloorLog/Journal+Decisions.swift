import WatchfloorModel

/// A decision to write: what the officer decided, about which item, where to (a diversion's
/// new destination), and what the item looked like when they decided (for the console; nil
/// from scripts).
public struct DecisionOrder: Sendable {
  public var kind: DecisionKind
  public var subjectID: String
  public var reason: String
  /// A diversion's new destination, as a facility id; empty for the other kinds.
  public var destinationID: String
  public var expectedFingerprint: String?

  public init(
    kind: DecisionKind, subjectID: String, reason: String = "", destinationID: String = "",
    expectedFingerprint: String? = nil
  ) {
    self.kind = kind
    self.subjectID = subjectID
    self.reason = reason
    self.destinationID = destinationID
    self.expectedFingerprint = expectedFingerprint
  }

  var isIncident: Bool { kind.targetsIncident }
}

/// What became of a decision.
public enum DecisionOutcome: Sendable {
  case written(JournalReceipt, warnings: [String])
  case refused(String)
}

/// What the policy makes of a decision against a log's state: the line to write, or why not.
public enum DecisionDraft: Sendable {
  case line(String, warnings: [String])
  case refused(String)
}

/// Writes decisions to a log, each checked against the log as it is at that moment (a file
/// under its lock, a database inside one transaction under its advisory lock).
public protocol DecisionWriter: AnyObject {
  /// The one decision path, for the console and for scripts: against the log as it is now,
  /// the item must exist (and be unchanged, when a fingerprint is given), the policy must not
  /// block it, and its warnings must be accepted; then the event is appended durably. Throws
  /// on I/O errors; a refusal is an outcome.
  func write(
    _ order: DecisionOrder, by officer: String, at time: Timestamp, context: PolicyContext,
    acceptingWarnings: Bool
  ) throws -> DecisionOutcome
}

extension DecisionOrder {
  /// The decision's line for the log whose state `timeline` holds, or why it is refused.
  /// `officer` nil leaves `by` out: a database server writes it.
  public func draft(
    in timeline: Timeline, by officer: String?, at time: Timestamp, context: PolicyContext,
    acceptingWarnings: Bool, id: String
  ) -> DecisionDraft {
    let tables = timeline.tables
    let table = isIncident ? tables.incidents : tables.airlifts
    guard let symbol = table.lookup(subjectID) else {
      return .refused("unknown \(kind.subjectNoun) \"\(subjectID)\"")
    }
    let state = timeline.current
    if let expected = expectedFingerprint {
      let now =
        isIncident
        ? state.fingerprint(incident: symbol, tables) : state.fingerprint(airlift: symbol, tables)
      guard now == expected else {
        return .refused("\(subjectID) changed while the dialog was open")
      }
    }
    var destination = Symbol.none
    if kind.needsDestination {
      guard let found = tables.facilities.lookup(destinationID) else {
        return .refused(
          destinationID.isEmpty
            ? "no destination: a diversion needs one"
            : "there is no facility \"\(destinationID)\"")
      }
      destination = found
    }
    let decision = Decision(kind: kind, subject: symbol, reason: reason, destination: destination)
    let verdict = evaluate(decision, state: state, tables: tables, context: context)
    guard verdict.isAllowed else {
      return .refused(verdict.blocks.map { $0.message(tables) }.joined(separator: "; "))
    }
    let warnings = verdict.warnings.map { $0.message(tables) }
    if !warnings.isEmpty && !acceptingWarnings {
      return .refused(
        "warnings (write it anyway with --force): " + warnings.joined(separator: "; "))
    }
    // The spec's fields in its order: the subject, a diversion's destination, the reason.
    var fields = [(kind.subjectNoun, subjectID)]
    if kind.needsDestination { fields.append(("destination", destinationID)) }
    if kind.takesReason && !reason.isEmpty { fields.append(("reason", reason)) }
    return .line(
      Journal.decisionLine(
        type: kind.eventTypeName, fields: fields, by: officer, ts: time, id: id),
      warnings: warnings)
  }
}

extension Journal: DecisionWriter {
  public func write(
    _ order: DecisionOrder, by officer: String, at time: Timestamp, context: PolicyContext,
    acceptingWarnings: Bool
  ) throws -> DecisionOutcome {
    var refusal = "the decision no longer applies"
    var warnings: [String] = []
    let receipt = try append { timeline in
      let draft = order.draft(
        in: timeline, by: officer, at: time, context: context,
        acceptingWarnings: acceptingWarnings, id: Journal.makeEventID())
      switch draft {
      case .line(let line, let found):
        warnings = found
        return line
      case .refused(let reason):
        refusal = reason
        return nil
      }
    }
    guard let receipt else { return .refused(refusal) }
    return .written(receipt, warnings: warnings)
  }
}
