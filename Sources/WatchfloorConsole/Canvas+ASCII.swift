#if canImport(Glibc)
  import Glibc
#endif

/// The console for a terminal whose character set is not UTF-8 (the C locale, common over
/// SSH): every glyph the console draws has a one-column ASCII stand-in, so states still read
/// (`*` open, `o` acknowledged, `>` selected, `#` `%` `=` `.` bars, `+ - |` frames), and any
/// other character a cell holds (log text in another script) shows as `?`, one per column,
/// so the columns stay where they are.
public enum ASCIIFallback {
  /// The stand-in for each glyph the console draws.
  static let glyphs: [String: String] = [
    "→": ">", "←": "<", "↑": "^", "↓": "v", "›": ">", "●": "*", "○": "o", "◐": "%", "‖": "|",
    "✓": "+", "✈": "^", "✗": "x", "█": "#", "▓": "%", "▒": "=", "░": ".", "·": ".", "┃": "|",
    "▕": "[", "▏": "]", "◆": "*", "▼": "v", "▲": "^", "…": "~", "×": "x", "–": "-", "—": "-",
    "▁": "_", "▂": ".", "▃": ":", "▄": "-", "▅": "=", "▆": "+", "▇": "*", "⚠": "!",
    "─": "-", "━": "-", "═": "=", "│": "|", "║": "|", "┌": "+", "┐": "+", "└": "+", "┘": "+",
    "┏": "+", "┓": "+", "┗": "+", "┛": "+", "╔": "+", "╗": "+", "╚": "+", "╝": "+", "├": "+",
    "┤": "+", "┬": "+", "┴": "+", "┼": "+",
  ]

  /// Whether the terminal's character set is UTF-8, as the C library's locale says (after
  /// `setlocale(LC_ALL, "")`, which the terminal backend calls).
  public static func localeIsUTF8() -> Bool {
    #if canImport(Glibc)
      _ = setlocale(LC_CTYPE, "")
      guard let codeset = nl_langinfo(nl_item(CODESET)) else { return false }
      let name = String(cString: codeset).uppercased()
      return name == "UTF-8" || name == "UTF8"
    #else
      return true
    #endif
  }

  /// One cell's text in ASCII.
  static func ascii(_ text: String) -> String {
    if text.utf8.allSatisfy({ $0 < 0x80 }) { return text }
    return glyphs[text] ?? "?"
  }
}

extension Canvas {
  /// The canvas with every cell in ASCII (``ASCIIFallback``): a wide character becomes `?`
  /// in each of its two columns, so nothing moves.
  public func asciiFallback() -> Canvas {
    var copy = self
    copy.mapCells { cell in
      Cell(
        text: ASCIIFallback.ascii(cell.text.isEmpty ? "?" : cell.text), style: cell.style, width: 1)
    }
    return copy
  }
}
