import WatchfloorModel

/// A screen as a value: `width` x `height` cells, each a grapheme and a ``Style``.
///
/// Views draw into a canvas; the terminal backend, `render` and tests read it. Drawing never
/// fails and never draws outside the canvas: everything is clipped. Text is sanitised as it
/// is drawn (see ``Sanitizer``), so no control character or escape sequence can reach a
/// cell, whatever the caller passes. Wide characters take two cells (see ``Cell``);
/// overwriting either half of one turns the other half into a space.
///
/// Storage is one contiguous row-major array; a 200x60 canvas is about 290 KB and copying it
/// is copy-on-write.
public struct Canvas: Hashable, Sendable {
  /// Columns.
  public let width: Int
  /// Rows.
  public let height: Int
  /// All cells, row by row: the cell at (x, y) is `cells[y * width + x]`.
  public private(set) var cells: [Cell]

  /// A blank canvas of `width` x `height` cells (negative sizes count as zero) in `style`.
  public init(width: Int, height: Int, style: Style = .text) {
    self.width = max(0, width)
    self.height = max(0, height)
    cells = Array(repeating: .blank(style), count: self.width * self.height)
  }

  /// The whole canvas as a rectangle at (0, 0).
  public var bounds: Rect { Rect(x: 0, y: 0, width: width, height: height) }

  /// The cell at (`x`, `y`); both must be inside the canvas.
  public subscript(x: Int, y: Int) -> Cell {
    precondition(x >= 0 && x < width && y >= 0 && y < height, "cell (\(x), \(y)) outside canvas")
    return cells[y * width + x]
  }

  /// The cells of row `y`, which must be inside the canvas.
  public func row(_ y: Int) -> ArraySlice<Cell> {
    precondition(y >= 0 && y < height, "row \(y) outside canvas")
    return cells[y * width..<(y + 1) * width]
  }

  // MARK: - Filling

  /// Fills the whole canvas with blanks in `style`.
  public mutating func clear(style: Style = .text) {
    let blank = Cell.blank(style)
    cells.withUnsafeMutableBufferPointer { buffer in
      for index in buffer.indices {
        buffer[index] = blank
      }
    }
  }

  /// Fills the part of `rect` inside the canvas with `glyph` in `style`. A two-column glyph
  /// is repeated every two columns (a spare last column gets a space); the glyph is
  /// sanitised like any text.
  public mutating func fill(_ rect: Rect, with glyph: Character = " ", style: Style = .text) {
    let area = rect.intersection(bounds)
    guard !area.isEmpty else { return }
    let text = String(glyph)
    guard Sanitizer.isPrintableASCII(text) else {
      let run = String(repeating: text, count: area.width)
      for y in area.y..<area.maxY {
        let used = put(run, x: area.x, y: y, width: area.width, style: style)
        if used < area.width {
          fill(Rect(x: area.x + used, y: y, width: area.width - used, height: 1), style: style)
        }
      }
      return
    }
    let cell = Cell(text: text, style: style, width: 1)
    for y in area.y..<area.maxY {
      let start = y * width + area.x
      let end = start + area.width
      breakWideCharacter(at: start)
      breakWideCharacter(at: end - 1)
      cells.withUnsafeMutableBufferPointer { buffer in
        for index in start..<end {
          buffer[index] = cell
        }
      }
    }
  }

  /// Gives every cell of `rect` (inside the canvas) `style`, keeping its text: how a
  /// selection bar is laid over an already drawn row. A wide character cut by the edge of
  /// `rect` is restyled whole.
  public mutating func setStyle(_ style: Style, in rect: Rect) {
    let area = rect.intersection(bounds)
    guard !area.isEmpty else { return }
    for y in area.y..<area.maxY {
      var start = y * width + area.x
      var end = start + area.width
      if cells[start].isContinuation { start -= 1 }
      if cells[end - 1].width == 2 { end += 1 }
      for index in start..<end {
        cells[index].style = style
      }
    }
  }

  // MARK: - Text

  /// Draws `text` on row `y` from column `x`, within `width` columns from `x` when given,
  /// and always within the canvas.
  ///
  /// The text is sanitised first (controls and escape sequences become visible escapes),
  /// then laid out by ``DisplayWidth``: wide characters take two cells, zero-width marks join
  /// the cell before them (a mark with nothing before it is drawn on a space). With `align`
  /// other than `.left` and a `width`, text narrower than `width` is centred or pushed right. Text
  /// wider than its room is cut as `overflow` says. A wide character that would straddle the
  /// left edge of the canvas shows as a space.
  ///
  /// Nothing is drawn when `y` is outside the canvas or the room is empty.
  ///
  /// - Returns: How far the drawn text reaches from `x`: the first column after it is
  ///   `x + result`. Zero when nothing was drawn.
  /// - Complexity: O(columns drawn) for printable ASCII; for other text, O(length of text)
  ///   when it must be measured (`.ellipsis`, or an alignment), else O(columns drawn).
  @discardableResult
  public mutating func put(
    _ text: String, x: Int, y: Int, width limit: Int? = nil, style: Style = .text,
    overflow: Overflow = .clip, align: Alignment = .left
  ) -> Int {
    guard y >= 0, y < height else { return 0 }
    var roomEnd = width
    if let limit { roomEnd = min(roomEnd, x + max(0, limit)) }
    let clipStart = max(0, x)
    guard clipStart < roomEnd else { return 0 }

    let ascii = Sanitizer.isPrintableASCII(text)
    let safe = ascii ? text : Sanitizer.sanitize(text)
    let measure = overflow == .ellipsis || (align != .left && limit != nil)
    let needed = measure ? (ascii ? safe.utf8.count : DisplayWidth.ofSanitized(safe)) : 0

    var start = x
    if let limit, align != .left, needed < limit {
      start += align == .right ? limit - needed : (limit - needed) / 2
    }
    let truncate = overflow == .ellipsis && start + needed > roomEnd
    let textEnd = truncate ? roomEnd - 1 : roomEnd
    var reached =
      ascii
      ? drawASCII(safe, from: start, clipStart: clipStart, end: textEnd, y: y, style: style)
      : drawScalars(
        safe, from: start, clipStart: clipStart, end: textEnd, y: y, style: style,
        padCutWide: !truncate)
    if truncate {
      let column = max(reached ?? clipStart, clipStart)
      place(TextFitting.ellipsis, width: 1, at: y * width + column, style: style)
      reached = column + 1
    }
    guard let reached else { return 0 }
    return reached - x
  }

  /// Draws printable ASCII; returns the column after the last cell written, nil if none.
  private mutating func drawASCII(
    _ text: String, from start: Int, clipStart: Int, end: Int, y: Int, style: Style
  ) -> Int? {
    let strings = Canvas.asciiStrings
    let rowStart = y * width
    var column = start
    var reached: Int?
    for byte in text.utf8 {
      if column >= end { break }
      if column >= clipStart {
        place(strings[Int(byte)], width: 1, at: rowStart + column, style: style)
        reached = column + 1
      }
      column += 1
    }
    return reached
  }

  /// Draws sanitised text scalar by scalar; returns the column after the last cell written,
  /// nil if none. `padCutWide`: a wide character cut by `end` leaves a space.
  private mutating func drawScalars(
    _ text: String, from start: Int, clipStart: Int, end: Int, y: Int, style: Style,
    padCutWide: Bool
  ) -> Int? {
    let rowStart = y * width
    var column = start
    var reached: Int?
    var lastLead: Int?  // cell index that following zero-width marks join
    var skippingMarks = false  // the last base was clipped: drop its marks too
    for scalar in text.unicodeScalars {
      let scalarWidth = DisplayWidth.of(scalar)
      if scalarWidth == 0 {
        if let lastLead {
          cells[lastLead].text.unicodeScalars.append(scalar)
          continue
        }
        if skippingMarks { continue }
        if column >= end { break }
        if column >= clipStart {
          var spaced = " "
          spaced.unicodeScalars.append(scalar)
          place(spaced, width: 1, at: rowStart + column, style: style)
          lastLead = rowStart + column
          reached = column + 1
        } else {
          skippingMarks = true
        }
        column += 1
        continue
      }
      if column + scalarWidth > end {
        if padCutWide && column < end && column >= clipStart {
          place(" ", width: 1, at: rowStart + column, style: style)
          reached = column + 1
        }
        break
      }
      if column < clipStart {
        if column + scalarWidth > clipStart {
          place(" ", width: 1, at: rowStart + clipStart, style: style)
          reached = clipStart + 1
        }
        lastLead = nil
        skippingMarks = true
      } else {
        place(String(scalar), width: scalarWidth, at: rowStart + column, style: style)
        lastLead = rowStart + column
        skippingMarks = false
        reached = column + scalarWidth
      }
      column += scalarWidth
    }
    return reached
  }

  // MARK: - Cells

  /// Writes one grapheme of `cellWidth` (1 or 2) columns at `index`, keeping wide characters
  /// whole: any wide character it overlaps loses its other half to a space. The caller
  /// ensures the character fits in its row.
  /// Replaces every cell with what `transform` makes of it (for a whole-screen translation
  /// such as ``asciiFallback()``).
  mutating func mapCells(_ transform: (Cell) -> Cell) {
    for index in cells.indices { cells[index] = transform(cells[index]) }
  }

  private mutating func place(_ text: String, width cellWidth: Int, at index: Int, style: Style) {
    breakWideCharacter(at: index)
    if cellWidth == 2 {
      breakWideCharacter(at: index + 1)
      cells[index] = Cell(text: text, style: style, width: 2)
      cells[index + 1] = Cell(text: "", style: style, width: 0)
    } else {
      cells[index] = Cell(text: text, style: style, width: 1)
    }
  }

  /// If the cell at `index` is half of a wide character, turns the other half into a space,
  /// so the cell can be overwritten on its own.
  private mutating func breakWideCharacter(at index: Int) {
    switch cells[index].width {
    case 0: cells[index - 1] = .blank(cells[index - 1].style)
    case 2: cells[index + 1] = .blank(cells[index + 1].style)
    default: break
    }
  }

  /// One-character strings for the ASCII bytes, so drawing ASCII allocates nothing.
  private static let asciiStrings: [String] = (0..<128).map {
    String(Character(Unicode.Scalar(UInt8($0))))
  }
}
