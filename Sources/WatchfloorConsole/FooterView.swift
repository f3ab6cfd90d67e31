extension ConsoleModel {
  /// The keys that work now, each with its priority: a dialog's, a view's, the filter's or
  /// the replay's time entry's own; otherwise the key map's hints for this pane.
  func footerKeys() -> [(key: String, action: String, priority: Int)] {
    if let dialog {
      if dialog.picker != nil {
        return [("↑↓", "choose", 60), ("Enter", "this destination", 100), ("Esc", "cancel", 100)]
      }
      if dialog.editingReason { return [("Enter", "continue", 100), ("Esc", "cancel", 100)] }
      // A blocked decision cannot be confirmed: the dialog offers only to close it.
      return dialogIsBlocked(dialog)
        ? [("Esc", "close", 100)]
        : [("y", "confirm", 100), ("n Esc", dialog.kind == .cancel ? "keep it" : "cancel", 100)]
    }
    if case .detail = overlay {
      return [("↑↓ PgUp PgDn", "scroll", 60), ("Home End", "top/end", 40), ("Esc", "close", 100)]
    }
    if overlay != nil { return [("Esc", "close", 100)] }
    if editingFilter {
      return [
        ("type", "filter \(focus.title.lowercased())", 50), ("Enter", "keep", 100),
        ("Esc", "clear", 100),
      ]
    }
    if replay?.timeEntry != nil { return [("Enter", "go", 100), ("Esc", "cancel", 100)] }
    let alerting = alertLines > 0
    var keys = KeyMap.hints(replay: replay != nil, focus: focus).compactMap {
      alerting || $0.hint != KeyMap.jumpToAlertHint
        ? (key: $0.key, action: $0.hint, priority: $0.priority) : nil
    }
    if replay?.isPlaying == true, let index = keys.firstIndex(where: { $0.action == "play/pause" })
    {
      keys[index].action = "pause"
    }
    if panes[focus].filter != nil { keys.insert(("Esc", "clear filter", 50), at: 0) }
    return keys
  }

  /// The footer: what became of the last decision, the keys that work now, the theme's name;
  /// hints give way by priority (`q quit` and `? help` last), never cut.
  func drawFooter(_ canvas: inout Canvas, _ rect: Rect) {
    canvas.fill(rect, style: Style(.footer))
    var items: [StatusItem] = []
    let keys = footerKeys()
    let inner = Layout.horizontal([.length(1), .fill(1), .length(1)]).split(rect)[1]
    if let resultLine {
      let style = Style(StatusMessage.isError(resultLine) ? .danger : .ok, .bold)
      // The message gives way to no hint but the ones that always stay: whole, or cut at a
      // word to the room they leave, so it never runs into them.
      let kept = keys.filter { $0.priority >= 100 }.reduce(0) {
        $0 + DisplayWidth.of($1.key + " " + $1.action) + 2
      }
      let room = max(1, inner.width - kept)
      items.append(
        StatusItem(
          [
            [Span(resultLine, style)],
            [Span(TextFitting.truncateAtWord(resultLine, toColumns: room), style)],
          ], priorities: [99, 99]))
    }
    for key in keys {
      items.append(
        StatusItem(
          [[Span(key.key, Style(.key, .bold)), Span(" " + key.action, Style(.footer))]],
          priority: key.priority))
    }
    items.append(
      StatusItem(["theme \(theme.name)"], style: Style(.footer), priority: 25, trailing: true))
    StatusLine(items, separator: Span("  ", Style(.footer))).draw(&canvas, inner)
  }
}
