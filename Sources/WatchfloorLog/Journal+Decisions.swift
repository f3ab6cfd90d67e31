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

extension Journal {
  /// The one decision path, for the console and for scripts: under the log's lock, against the
  /// log as it is now, the item must exist (and be unchanged, when a fingerprint is given),
  /// the policy must not block it, and its warnings must be accepted; then the event is
  /// appended and synced. Throws `JournalError` on I/O errors; a refusal is an outcome.
  public func write(
    _ order: DecisionOrder, by officer: String, at time: Timestamp, context: PolicyContext,
    acceptingWarnings: Bool
  ) throws -> DecisionOutcome {
    var refusal = "the decision no longer applies"
    var warnings: [String] = []
    let receipt = try append { timeline in
      let tables = timeline.tables
      let table = order.isIncident ? tables.incidents : tables.airlifts
      guard let symbol = table.lookup(order.subjectID) else {
        refusal = "unknown \(order.kind.subjectNoun) \"\(order.subjectID)\""
        return nil
      }
      let state = timeline.current
      if let expected = order.expectedFingerprint {
        let now =
          order.isIncident
          ? state.fingerprint(incident: symbol, tables) : state.fingerprint(airlift: symbol, tables)
        guard now == expected else {
          refusal = "\(order.subjectID) changed while the dialog was open"
          return nil
        }
      }
      var destination = Symbol.none
      if order.kind.needsDestination {
        guard let found = tables.facilities.lookup(order.destinationID) else {
          refusal =
            order.destinationID.isEmpty
            ? "no destination: a diversion needs one"
            : "there is no facility \"\(order.destinationID)\""
          return nil
        }
        destination = found
      }
      let decision = Decision(
        kind: order.kind, subject: symbol, reason: order.reason, destination: destination)
      let verdict = evaluate(decision, state: state, tables: tables, context: context)
      guard verdict.isAllowed else {
        refusal = verdict.blocks.map { $0.message(tables) }.joined(separator: "; ")
        return nil
      }
      warnings = verdict.warnings.map { $0.message(tables) }
      if !warnings.isEmpty && !acceptingWarnings {
        refusal = "warnings (write it anyway with --force): " + warnings.joined(separator: "; ")
        return nil
      }
      // The spec's fields in its order: the subject, a diversion's destination, the reason.
      var fields = [(order.kind.subjectNoun, order.subjectID)]
      if order.kind.needsDestination { fields.append(("destination", order.destinationID)) }
      if order.kind.takesReason && !order.reason.isEmpty { fields.append(("reason", order.reason)) }
      return Journal.decisionLine(
        type: order.kind.eventTypeName, fields: fields, by: officer, ts: time,
        id: Journal.makeEventID())
    }
    guard let receipt else { return .refused(refusal) }
    return .written(receipt, warnings: warnings)
  }
}
