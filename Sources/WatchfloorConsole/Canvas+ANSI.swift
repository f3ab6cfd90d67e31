extension Canvas {
  /// The canvas as text with SGR escape sequences, for `render --color always`.
  ///
  /// Each row is one line ending in "\n". A style change emits its full ``ResolvedStyle/sgr``
  /// (which starts with a reset); a line that changed the style ends with `ESC[0m` before
  /// its newline, so lines stand alone. Trailing blanks whose style draws nothing (no
  /// colour, no attribute) are left out. In ``ColorMode/monochrome`` only attribute
  /// escapes are written. Cell text is already sanitised, so nothing but these escapes
  /// reaches the terminal.
  public func ansi(theme: Theme, mode: ColorMode) -> String {
    var output = ""
    output.reserveCapacity(width * height * 2)
    var escapes: [Style: (sgr: String, plain: Bool)] = [:]
    func escape(for style: Style) -> (sgr: String, plain: Bool) {
      if let known = escapes[style] { return known }
      let resolved = theme.resolve(style, mode: mode)
      let entry = (resolved.sgr, resolved.isPlain)
      escapes[style] = entry
      return entry
    }
    for y in 0..<height {
      let start = y * width
      var end = start + width
      while end > start, cells[end - 1].text == " ", escape(for: cells[end - 1].style).plain {
        end -= 1
      }
      var current: Style?
      var changed = false
      for index in start..<end {
        let cell = cells[index]
        if cell.isContinuation { continue }
        if cell.style != current {
          let (sgr, plain) = escape(for: cell.style)
          if changed || !plain {
            output += sgr
            changed = true
          }
          current = cell.style
        }
        output += cell.text
      }
      if changed { output += "\u{1B}[0m" }
      output += "\n"
    }
    return output
  }
}
