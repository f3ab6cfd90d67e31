import CNcurses
import WatchfloorConsole

/// How one ``Style`` is drawn in the current theme and mode: ncurses attributes and pair.
struct CellLook {
  var attributes: attr_t
  var pair: Int32
}

extension Terminal {
  /// Shows `canvas` in `theme`, then sends the frame to the terminal with one `doupdate`.
  ///
  /// - Colours: the mode drawn in is `mode` lowered to what the terminal can show
  ///   (``ColorCapability/mode(for:)``); each cell gets its ``Theme/resolve(_:mode:)``
  ///   colours through a colour pair allocated on first use (``ColorPairCache``; in
  ///   truecolour, 24-bit colours are redefined palette entries, ``PaletteSlots``), and its
  ///   attributes (bold, dim, underline, reverse). `.monochrome` uses attributes only.
  /// - Text: each cell's grapheme goes out as one wide character with its combining marks
  ///   (at most `CCHARW_MAX` scalars); a wide character's continuation cell is skipped. A wide
  ///   character in the screen's last column is drawn as a space.
  /// - Size: the part of the canvas outside the screen is not drawn; the part of the screen
  ///   outside the canvas is cleared.
  /// - Cost: only cells that differ from the previous frame are passed to ncurses (which in
  ///   turn sends only what differs on the screen). A new theme or mode, a new canvas or
  ///   screen size, a resize or ``invalidate()`` repaint every cell.
  ///
  /// Does nothing when the terminal is not started.
  public func draw(_ canvas: Canvas, theme: Theme, mode: ColorMode) {
    guard screen != nil else { return }
    let window = wf_stdscr()
    let drawMode = colorCapability.mode(for: mode)
    if theme != previousTheme || drawMode != previousMode {
      looks.removeAll(keepingCapacity: true)
      colors.reset()
      previousTheme = theme
      previousMode = drawMode
      previousFrame = nil
    }
    let screenSize = (width: Int(wf_cols()), height: Int(wf_lines()))
    var previousCells: [Cell]?
    if let previous = previousFrame, previous.width == canvas.width,
      previous.height == canvas.height, screenSize == previousScreenSize
    {
      previousCells = previous.cells
    } else {
      werase(window)
    }

    let width = min(canvas.width, screenSize.width)
    let height = min(canvas.height, screenSize.height)
    let cells = canvas.cells
    for y in 0..<max(0, height) {
      let rowStart = y * canvas.width
      for x in 0..<max(0, width) {
        let cell = cells[rowStart + x]
        if cell.isContinuation { continue }
        if let previousCells, previousCells[rowStart + x] == cell { continue }
        let look = look(for: cell.style, theme: theme, mode: drawMode)
        let fits = cell.width < 2 || x + 1 < screenSize.width
        put(fits && !cell.text.isEmpty ? cell.text : " ", look: look, x: x, y: y, in: window)
      }
    }

    previousFrame = canvas
    previousScreenSize = screenSize
    wnoutrefresh(window)
    doupdate()
  }

  /// The attributes and pair for `style`, cached until the theme or mode changes.
  private func look(for style: Style, theme: Theme, mode: ColorMode) -> CellLook {
    if let look = looks[style] { return look }
    let resolved = theme.resolve(style, mode: mode)
    var attributes: attr_t = 0
    if resolved.attributes.contains(.bold) { attributes |= wf_attr_bold() }
    if resolved.attributes.contains(.dim) { attributes |= wf_attr_dim() }
    if resolved.attributes.contains(.underline) { attributes |= wf_attr_underline() }
    if resolved.attributes.contains(.reverse) { attributes |= wf_attr_reverse() }
    let look = CellLook(attributes: attributes, pair: colors.pair(for: resolved, mode: mode))
    looks[style] = look
    return look
  }

  /// Writes one grapheme at (x, y) with `look`.
  private func put(
    _ text: String, look: CellLook, x: Int, y: Int, in window: UnsafeMutablePointer<WINDOW>?
  ) {
    let capacity = Int(CCHARW_MAX) + 1
    withUnsafeTemporaryAllocation(of: wchar_t.self, capacity: capacity) { buffer in
      var count = 0
      for scalar in text.unicodeScalars where count < capacity - 1 {
        buffer[count] = wchar_t(truncatingIfNeeded: scalar.value)
        count += 1
      }
      buffer[count] = 0
      var character = cchar_t()
      var pair = look.pair
      let shortPair = Int16(clamping: pair)
      if let base = buffer.baseAddress {
        setcchar(&character, base, look.attributes, shortPair, &pair)
        mvwadd_wch(window, Int32(y), Int32(x), &character)
      }
    }
  }
}
