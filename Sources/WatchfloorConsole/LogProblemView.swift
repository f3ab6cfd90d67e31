import WatchfloorModel

/// A log that is empty, missing or unreadable must not look like a quiet floor: the panes give
/// way to what is wrong.
extension ConsoleModel {
  /// `LOG EMPTY: waiting for the first event in PATH`, `LOG MISSING: PATH` or
  /// `LOG UNREADABLE: PATH: reason`; nil when the log has events to show (and in a replay).
  var logProblem: String? {
    guard mode == .live else { return nil }
    let path = feed.source
    switch feed.condition {
    case .missing: return "LOG MISSING: \(path)"
    case .unreadable(let reason): return "LOG UNREADABLE: \(path): \(reason)"
    case .open, .reconnecting, .readOnly:
      return timeline.count == 0 ? "LOG EMPTY: waiting for the first event in \(path)" : nil
    }
  }

  /// The problem in a frame over the body, in the danger role, with what it means.
  func drawLogProblem(_ canvas: inout Canvas, _ rect: Rect, _ problem: String) {
    canvas.box(
      rect, glyphs: .heavy, style: Style(.danger, .bold), title: "Log",
      titleStyle: Style(.title, .bold))
    let inner = rect.inset(by: 2)
    guard inner.width > 0, inner.height > 0 else { return }
    var lines: [(String, Style)] = []
    for line in Self.wrapWords(problem, columns: inner.width) {
      lines.append((line, Style(.danger, [.bold, .reverse])))
    }
    lines.append(("", Style(.text)))
    let next =
      switch feed.condition {
      case .missing: "The console is waiting for it to appear. "
      case .unreadable: "The console tries it again every second. "
      case .open, .readOnly: ""
      case .reconnecting: "The console reconnects by itself. "
      }
    let meaning =
      next + "No airlift, facility or incident can be shown: this is not an all-clear. "
      + "The panes come back as soon as the log has events."
    for line in Self.wrapWords(meaning, columns: inner.width) {
      lines.append((line, Style(.text)))
    }
    for (index, line) in lines.prefix(inner.height).enumerated() {
      canvas.put(
        line.0, x: inner.x, y: inner.y + index, width: inner.width, style: line.1,
        overflow: .ellipsis)
    }
  }

  /// Lines of at most `columns` cells, broken between words (a path longer than a line is
  /// broken inside, so it shows whole).
  static func wrapWords(_ text: String, columns: Int) -> [String] {
    var lines: [String] = []
    var line = ""
    for word in text.split(separator: " ") {
      let candidate = line.isEmpty ? String(word) : line + " " + word
      if DisplayWidth.of(candidate) <= columns {
        line = candidate
        continue
      }
      if !line.isEmpty { lines.append(line) }
      line = ""
      for character in word {
        if DisplayWidth.of(line + String(character)) > columns {
          lines.append(line)
          line = ""
        }
        line.append(character)
      }
    }
    if !line.isEmpty { lines.append(line) }
    return lines
  }
}
