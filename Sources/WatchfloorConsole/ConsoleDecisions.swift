import WatchfloorModel

extension ConsoleModel {
  /// The policy's view of this console's officer.
  public var policyContext: PolicyContext {
    PolicyContext(
      operatorName: operatorName, role: operatorRole, rosterIsOpen: rosterOpen, now: now)
  }

  /// `a`, `d` or `h`: opens a decision for exactly the selected item.
  mutating func openDecision(_ requested: DecisionKind) {
    guard decisionsAllowed else {
      resultLine =
        mode == .replay ? "replay is read-only: no decisions" : "\(operatorName) may not decide"
      return
    }
    if !rosterOpen && operatorRole != .approver {
      resultLine =
        operatorRole == .viewer
        ? "\(operatorName) is a viewer on the roster: watching only, no decisions"
        : "\(operatorName) is not on the roster: no decisions"
      return
    }
    switch (focus, requested) {
    case (.airlifts, _):
      guard let symbol = selectedAirlift else {
        resultLine = "no airlift selected"
        return
      }
      dialog = DecisionDialog(
        kind: requested, subject: symbol, subjectID: tables.airlift(symbol),
        snapshot: state.fingerprint(airlift: symbol, tables), editingReason: requested.needsReason)
    case (.incidents, .approve):
      guard let symbol = selectedIncident else {
        resultLine = "no incident selected"
        return
      }
      dialog = DecisionDialog(
        kind: .acknowledge, subject: symbol, subjectID: tables.incident(symbol),
        snapshot: state.fingerprint(incident: symbol, tables), editingReason: false)
    default:
      resultLine = "select an airlift (or an incident to acknowledge with a)"
    }
  }

  /// Whether the dialog's item changed since the dialog opened.
  public func dialogIsStale(_ dialog: DecisionDialog) -> Bool {
    let now =
      dialog.kind.targetsIncident
      ? state.fingerprint(incident: dialog.subject, tables)
      : state.fingerprint(airlift: dialog.subject, tables)
    return now != dialog.snapshot
  }

  /// Keys while a decision dialog is open.
  mutating func handleDialog(_ key: Key) -> [ConsoleEffect] {
    guard var current = dialog else { return [] }
    if current.editingReason {
      switch key {
      case .escape:
        dialog = nil
        resultLine = "cancelled"
        return []
      case .enter:
        if current.reason.allSatisfy({ $0 == " " || $0 == "\t" }) {
          resultLine = "a reason is required"
        } else {
          current.editingReason = false
          resultLine = nil
        }
      default:
        current.reasonEditor.handle(key)
      }
      dialog = current
      return []
    }
    switch key {
    case .character("y"), .character("Y"):
      dialog = nil
      if dialogIsStale(current) {
        resultLine = "not written: \(current.subjectID) changed while the dialog was open"
        return []
      }
      let verdict = evaluate(current.decision, state: state, tables: tables, context: policyContext)
      guard verdict.isAllowed else {
        resultLine =
          "not written: " + verdict.blocks.map { $0.message(tables) }.joined(separator: "; ")
        return []
      }
      resultLine = "writing \(current.kind.verb) \(current.subjectID)…"
      return [
        .decide(
          DecisionRequest(
            kind: current.kind, subjectID: current.subjectID, reason: current.reason,
            snapshot: current.snapshot))
      ]
    case .character("n"), .character("N"), .escape, .character("q"):
      dialog = nil
      resultLine = "cancelled"
    default:
      break
    }
    return []
  }
}
