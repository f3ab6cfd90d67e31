extension ConsoleModel {
  /// The keys that work now.
  func footerKeys() -> [(key: String, action: String)] {
    if overlay != nil { return [("Esc", "close")] }
    if editingFilter {
      return [("type", "filter \(focus.title.lowercased())"), ("Enter", "keep"), ("Esc", "clear")]
    }
    var keys: [(String, String)] = [
      ("↑↓ jk", "move"), ("Tab", "pane"), ("Enter", "details"), ("/", "filter"),
    ]
    if filters[focus] != nil { keys.append(("Esc", "clear filter")) }
    keys += [("t", "theme"), ("?", "help"), ("q", "quit")]
    return keys
  }

  func drawFooter(_ canvas: inout Canvas, _ rect: Rect) {
    canvas.fill(rect, style: Style(.footer))
    var x = rect.x + 1
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
