extension ConsoleModel {
  /// The keys that work now, each with its priority: a dialog's, a view's, the filter's or
  /// the replay's time entry's own; otherwise the key map's hints for this pane.
  func footerKeys() -> [(key: String, action: String, priority: Int)] {
    if let dialog {
      if dialog.picker != nil {
        return [("↑↓", "choose", 60), ("Enter", "this destination", 100), ("Esc", "cancel", 100)]
      }
      return dialog.editingReason
        ? [("Enter", "continue", 100), ("Esc", "cancel", 100)]
        : [("y", "confirm", 100), ("n Esc", dialog.kind == .cancel ? "keep it" : "cancel", 100)]
    }
    if overlay != nil { return [("Esc", "close", 100)] }
    if editingFilter {
      return [
        ("type", "filter \(focus.title.lowercased())", 50), ("Enter", "keep", 100),
        ("Esc", "clear", 100),
      ]
    }
    if replay?.timeEntry != nil { return [("Enter", "go", 100), ("Esc", "cancel", 100)] }
    var keys = KeyMap.hints(replay: replay != nil, focus: focus).map {
      (key: $0.key, action: $0.hint, priority: $0.priority)
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
    if let resultLine {
      let failed = resultLine.hasPrefix("not written") || resultLine.hasPrefix("cannot")
      let style = Style(failed ? .danger : .ok, .bold)
      let room = max(1, rect.width * 2 / 3)
      items.append(
        StatusItem(
          [[Span(TextFitting.truncateAtWord(resultLine, toColumns: room), style)]],
          priority: 99))
    }
    for key in footerKeys() {
      items.append(
        StatusItem(
          [[Span(key.key, Style(.key, .bold)), Span(" " + key.action, Style(.footer))]],
          priority: key.priority))
    }
    items.append(
      StatusItem(["theme \(theme.name)"], style: Style(.footer), priority: 10, trailing: true))
    let inner = Layout.horizontal([.length(1), .fill(1), .length(1)]).split(rect)[1]
    StatusLine(items, separator: Span("  ", Style(.footer))).draw(&canvas, inner)
  }
}
