import WatchfloorModel

extension ConsoleModel {
  /// The policy's view of this console's officer.
  public var policyContext: PolicyContext {
    PolicyContext(
      operatorName: operatorName, role: operatorRole, rosterIsOpen: rosterOpen, now: now)
  }

  /// `a`, `d`, `h`, `c` or `r`: opens a decision for exactly the selected item. A decision the
  /// life cycle does not allow from the airlift's status is refused at once, before any reason
  /// is asked, with the decisions that are possible instead.
  mutating func openDecision(_ requested: DecisionKind) {
    guard decisionsAllowed else {
      switch (mode, feed.condition) {
      case (.replay, _): resultLine = "replay is read-only: no decisions"
      case (_, .reconnecting(let label, _)):
        resultLine = "\(label) reconnecting: no decisions until the log is back"
      case (_, .readOnly(let reason)): resultLine = "\(reason): no decisions"
      default: resultLine = "\(operatorName) may not decide"
      }
      return
    }
    if !rosterOpen && operatorRole != .approver {
      resultLine =
        operatorRole == .viewer
        ? (roster == .database
          ? "\(operatorName) is a viewer (not in watchfloor_officer): watching only, no decisions"
          : "\(operatorName) is a viewer on the roster: watching only, no decisions")
        : "\(operatorName) is not on the roster: no decisions"
      return
    }
    switch (focus, requested) {
    case (.airlifts, _):
      guard let symbol = selectedAirlift, let airlift = state.airlift(symbol) else {
        resultLine = "no airlift selected"
        return
      }
      guard requested.allowedStatuses.contains(airlift.status) else {
        resultLine = lifeCycleRefusal(requested, airlift)
        return
      }
      var opened = DecisionDialog(
        kind: requested, subject: symbol, subjectID: tables.airlift(symbol),
        snapshot: state.fingerprint(airlift: symbol, tables),
        editingReason: requested.takesReason && !requested.needsDestination)
      if requested.needsDestination {
        opened.picker = DestinationPicker(facilities: destinationChoices(for: airlift))
      }
      dialog = opened
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

  /// Why `kind` cannot be taken on `airlift` now, and what can: "cannot hold AL-0123-12: it is
  /// approved · possible: c cancel, r divert".
  func lifeCycleRefusal(_ kind: DecisionKind, _ airlift: Airlift) -> String {
    let id = tables.airlift(airlift.id)
    if airlift.status.isFinal {
      return "cannot \(kind.verb) \(id): it is \(airlift.status.name), no further decision"
    }
    let possible = DecisionKind.possible(from: airlift.status).compactMap { other in
      KeyMap.key(for: Self.action(for: other)).map { "\($0) \(other.verb)" }
    }
    return "cannot \(kind.verb) \(id): it is \(airlift.status.name)"
      + (possible.isEmpty
        ? ", no decision is possible" : " · possible: " + possible.joined(separator: ", "))
  }

  /// The key map's action for a decision on an airlift.
  static func action(for kind: DecisionKind) -> ConsoleAction {
    switch kind {
    case .approve, .acknowledge: .approve
    case .deny: .deny
    case .hold: .hold
    case .cancel: .cancel
    case .divert: .divert
    }
  }

  /// The facilities an airlift may be diverted to: all but its origin and its current
  /// destination, Iraqi sites first, then by id. Closed and locked-down ones stay in the list,
  /// marked, so the officer sees why they cannot be chosen.
  func destinationChoices(for airlift: Airlift) -> [Symbol] {
    var choices: [(symbol: Symbol, side: Side)] = []
    state.facilities.forEachEntry { symbol, facility in
      guard symbol != airlift.origin && symbol != airlift.destination else { return }
      choices.append((symbol, facility.side))
    }
    return choices.sorted { left, right in
      if left.side != right.side { return left.side == .iraq }
      return tables.facilities.precedes(left.symbol, right.symbol)
    }.map(\.symbol)
  }

  /// Keys while a diversion's destination is being chosen: ↑↓ jk move, Enter chooses, Esc
  /// cancels the dialog.
  private mutating func handlePicker(_ key: Key, _ current: inout DecisionDialog) {
    guard var picker = current.picker else { return }
    switch key {
    case .down, .character("j"): picker.move(by: 1)
    case .up, .character("k"): picker.move(by: -1)
    case .pageDown, .control("f"): picker.move(by: 5)
    case .pageUp, .control("b"): picker.move(by: -5)
    case .home, .character("g"): picker.move(by: -picker.facilities.count)
    case .end, .character("G"): picker.move(by: picker.facilities.count)
    case .enter:
      guard let chosen = picker.highlighted else {
        resultLine = "no facility to divert to"
        return
      }
      current.destination = chosen
      current.picker = nil
      current.editingReason = true
      resultLine = nil
      return
    default:
      break
    }
    current.picker = picker
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
    if current.picker != nil {
      if key == .escape || key == .character("q") {
        dialog = nil
        resultLine = "cancelled"
        return []
      }
      handlePicker(key, &current)
      dialog = current
      return []
    }
    if current.editingReason {
      switch key {
      case .escape:
        dialog = nil
        resultLine = "cancelled"
        return []
      case .enter:
        if current.kind.needsReason && current.reason.allSatisfy({ $0 == " " || $0 == "\t" }) {
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
            snapshot: current.snapshot,
            destinationID: current.destination.isNone ? "" : tables.facility(current.destination)
          ))
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
