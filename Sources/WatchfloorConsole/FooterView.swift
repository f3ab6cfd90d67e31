extension ConsoleModel {
  /// The keys that work now.
  func footerKeys() -> [(key: String, action: String)] {
    if let dialog {
      return dialog.editingReason
        ? [("Enter", "continue"), ("Esc", "cancel")] : [("y", "confirm"), ("n Esc", "cancel")]
    }
    if overlay != nil { return [("Esc", "close")] }
    if editingFilter {
      return [("type", "filter \(focus.title.lowercased())"), ("Enter", "keep"), ("Esc", "clear")]
    }
    if let replay {
      if replay.timeEntry != nil { return [("Enter", "go"), ("Esc", "cancel")] }
      return [
        ("Space", replay.isPlaying ? "pause" : "play"), ("+-", "speed"), ("←→ ,.", "step"),
        ("[]", "hour"), ("nN", "decision/incident"), ("g", "go to"), ("Tab", "pane"),
        ("Enter", "details"), ("?", "help"), ("q", "quit"),
      ]
    }
    var keys: [(String, String)] = [
      ("↑↓ jk", "move"), ("Tab", "pane"), ("Enter", "details"), ("/", "filter"),
    ]
    if filters[focus] != nil { keys.append(("Esc", "clear filter")) }
    if focus == .airlifts {
      keys += [("a", "approve"), ("d", "deny"), ("h", "hold")]
    } else if focus == .incidents {
      keys.append(("a", "acknowledge"))
    }
    keys += [("t", "theme"), ("?", "help"), ("q", "quit")]
    return keys
  }

  func drawFooter(_ canvas: inout Canvas, _ rect: Rect) {
    canvas.fill(rect, style: Style(.footer))
    var x = rect.x + 1
    if let resultLine {
      let failed = resultLine.hasPrefix("not written") || resultLine.hasPrefix("cannot")
      x += canvas.put(
        resultLine + "  ", x: x, y: rect.y, width: rect.width * 2 / 3,
        style: Style(failed ? .danger : .ok, .bold), overflow: .ellipsis)
    }
    for (key, action) in footerKeys() {
      guard x < rect.maxX - 2 else { break }
      x += canvas.put(key, x: x, y: rect.y, style: Style(.key, .bold))
      x += canvas.put(" \(action)  ", x: x, y: rect.y, width: rect.maxX - x, style: Style(.footer))
    }
    let themeName = " theme \(theme.name) "
    if x + themeName.count < rect.maxX {
      canvas.put(themeName, x: rect.maxX - themeName.count, y: rect.y, style: Style(.footer))
    }
  }
}
