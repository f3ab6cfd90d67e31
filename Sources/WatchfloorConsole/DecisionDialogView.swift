import WatchfloorModel

extension ConsoleModel {
  /// The confirmation: the item, its consequences, the policy's blocks and warnings, and the
  /// two-person status, over the panes.
  func drawDecisionDialog(_ canvas: inout Canvas, _ dialog: DecisionDialog) {
    if let picker = dialog.picker {
      drawDestinationPicker(&canvas, dialog, picker)
      return
    }
    var lines: [(String, Style)] = []
    let width = min(canvas.width - 4, 96)
    // The columns a line has: counts go compact rather than be cut.
    let room = width - 4
    var bar: (row: Int, facility: Facility)?
    let verdict = evaluate(dialog.decision, state: state, tables: tables, context: policyContext)
    if dialog.kind == .acknowledge {
      if let incident = state.incidents[dialog.subject] {
        let severity = Self.severityLabel(incident.severity)
        lines.append(
          (
            "\(severity.text) · sector \(tables.text(incident.sector)) · \(incident.status.name)",
            severity.style
          ))
        lines.append((tables.text(incident.summary), Style(.text, .bold)))
      }
    } else if let airlift = state.airlift(dialog.subject), dialog.kind != .approve,
      dialog.kind != .deny, dialog.kind != .hold
    {
      lines += stopOrReroute(dialog, airlift, room: room)
      if dialog.kind == .divert, let facility = state.facilities[dialog.destination] {
        var landed = facility
        landed.inbound += Int128(airlift.detainees)
        bar = (lines.count, landed)
        lines.append(("", Style(.text)))
      }
    } else if let airlift = state.airlift(dialog.subject) {
      lines.append(
        (
          airliftSummary(airlift, fitting: room),
          Style(.text, .bold)
        ))
      if let destination = state.facilities[airlift.destination] {
        let after =
          airlift.status.isInbound
          ? destination.projected : destination.projected + airlift.detainees
        /// `216%!!`: the load with its mark (``LoadLevel``), the figure shortened by `count`.
        func percent(_ value: Int64, _ count: (Int64) -> String) -> String {
          guard let whole = LoadLevel.percent(occupancy: value, capacity: destination.capacity)
          else { return "n/a" }
          let level = LoadLevel(occupancy: value, capacity: destination.capacity)
          return count(Int64(clamping: whole)) + "%" + level.mark
        }
        lines.append(
          (
            CountText.sentence(fitting: room) { count in
              "\(tables.facility(airlift.destination)): \(count(destination.occupancy)) of "
                + "\(count(destination.capacity)) now (\(percent(destination.occupancy, count))), "
                + "\(count(after)) after landing (\(percent(after, count)))"
            },
            Self.loadBand(occupancy: after, capacity: destination.capacity).style
          ))
        // The destination after landing, as a bar: this airlift joins the inbound segment.
        var landed = destination
        if !airlift.status.isInbound { landed.inbound += Int128(airlift.detainees) }
        bar = (lines.count, landed)
        lines.append(("", Style(.text)))
      }
      // What the decision would do is said only when nothing stands in its way.
      if let twoPerson = verdict.twoPerson, !dialogIsBlocked(dialog) {
        lines.append(("Two-person rule: \(twoPerson.message)", Style(.warn, .bold)))
      }
    }
    if dialogIsStale(dialog) {
      lines.append(
        (
          "⚠ \(dialog.subjectID) changed since this opened: y will be refused",
          Style(.critical, [.bold, .reverse])
        ))
    }
    for block in verdict.blocks where !(dialog.editingReason && isReasonBlock(block)) {
      lines.append(("✗ " + block.message(tables), Style(.danger, .bold)))
    }
    for warning in verdict.warnings {
      lines.append(("! " + warning.message(tables), Style(.warn)))
    }
    if dialog.kind.takesReason {
      // An optional reason left out says so, rather than an empty "Reason:".
      let reason =
        dialog.reason.isEmpty && !dialog.editingReason && !dialog.kind.needsReason
        ? "none given" : (dialog.editingReason ? dialog.reasonEditor.marked("▏") : dialog.reason)
      lines.append(("Reason: " + reason, Style(.accent, .bold)))
    }
    let keys =
      dialog.editingReason
      ? (dialog.kind.needsReason
        ? "type the reason · Enter continue · Esc cancel"
        : "type a reason (optional) · Enter continue · Esc cancel")
      : dialogIsBlocked(dialog)
        ? "Esc close (blocked)"
        // In a cancellation "cancel" would say the opposite of what n does.
        : (dialog.kind == .cancel
          ? "y cancel the airlift · n or Esc keep it" : "y confirm · n or Esc cancel")
    // Every line whole: wrapped to the dialog's width (what follows indented), never cut —
    // the officer confirms what the lines say.
    var wrapped: [(String, Style)] = []
    var barRow: Int?
    for (index, line) in lines.enumerated() {
      if bar?.row == index {
        barRow = wrapped.count
        wrapped.append(line)
        continue
      }
      for piece in TextFitting.wrap(line.0, toColumns: room, indent: 2) {
        wrapped.append((piece, line.1))
      }
    }
    lines = wrapped
    if let row = barRow, let facility = bar?.facility { bar = (row, facility) }
    let height = min(canvas.height - 2, lines.count + 5)
    let rect = Layout.vertical([.fill(1), .length(height), .fill(1)]).split(
      Layout.horizontal([.fill(1), .length(width), .fill(1)]).split(
        Rect(x: 0, y: 0, width: canvas.width, height: canvas.height))[1])[1]
    canvas.fill(rect, style: Style(.text))
    let noun = dialog.kind == .acknowledge ? "incident" : "airlift"
    canvas.box(
      rect, glyphs: .double, style: Style(.borderFocused),
      title: "\(dialog.kind.title) \(noun) \(dialog.subjectID)", titleStyle: Style(.title, .bold))
    for (index, line) in lines.prefix(height - 4).enumerated() {
      canvas.put(
        line.0, x: rect.x + 2, y: rect.y + 1 + index, width: width - 4, style: line.1,
        overflow: .ellipsis)
    }
    if let bar, bar.row < height - 4 {
      let load = bar.facility.projectedLoad ?? 1
      drawBar(
        &canvas, bar.facility, x: rect.x + 2, y: rect.y + 1 + bar.row, width: width - 4,
        scale: max(1.0, (load * 2).rounded(.up) / 2))
    }
    canvas.put(keys, x: rect.x + 2, y: rect.maxY - 2, width: width - 4, style: Style(.key, .bold))
  }

  /// Whether something stands in the decision's way: a block of the policy (the missing
  /// reason aside while it is being typed), or the item changed since the dialog opened.
  func dialogIsBlocked(_ dialog: DecisionDialog) -> Bool {
    if dialogIsStale(dialog) { return true }
    let verdict = evaluate(dialog.decision, state: state, tables: tables, context: policyContext)
    return verdict.blocks.contains { !(dialog.editingReason && isReasonBlock($0)) }
  }

  private func isReasonBlock(_ block: PolicyBlock) -> Bool {
    if case .reasonRequired = block { return true }
    return false
  }
}
