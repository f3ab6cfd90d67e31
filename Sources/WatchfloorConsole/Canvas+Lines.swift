extension Canvas {
  /// Draws `length` copies of `glyph` rightwards from (`x`, `y`), clipped to the canvas.
  public mutating func horizontalLine(
    x: Int, y: Int, length: Int, glyph: Character = BoxGlyphs.light.horizontal,
    style: Style = Style(.border)
  ) {
    fill(Rect(x: x, y: y, width: length, height: 1), with: glyph, style: style)
  }

  /// Draws `length` copies of `glyph` downwards from (`x`, `y`), clipped to the canvas.
  public mutating func verticalLine(
    x: Int, y: Int, length: Int, glyph: Character = BoxGlyphs.light.vertical,
    style: Style = Style(.border)
  ) {
    fill(Rect(x: x, y: y, width: 1, height: length), with: glyph, style: style)
  }

  /// Draws the outline of `rect` (its outermost rows and columns), clipped to the canvas;
  /// the inside is left as it is. A rectangle one row or column thin is drawn as a line.
  ///
  /// A `title` is drawn on the top edge as `┌─ Title ───┐`: the spaces around it in `style`,
  /// the title in `titleStyle`, sanitised and cut with an ellipsis to fit; no title is drawn
  /// in a box narrower than 6 columns.
  public mutating func box(
    _ rect: Rect, glyphs: BoxGlyphs = .light, style: Style = Style(.border),
    title: String? = nil, titleStyle: Style = Style(.title)
  ) {
    guard !rect.isEmpty else { return }
    if rect.height == 1 {
      horizontalLine(
        x: rect.x, y: rect.y, length: rect.width, glyph: glyphs.horizontal, style: style)
      return
    }
    if rect.width == 1 {
      verticalLine(x: rect.x, y: rect.y, length: rect.height, glyph: glyphs.vertical, style: style)
      return
    }
    let right = rect.maxX - 1
    let bottom = rect.maxY - 1
    horizontalLine(
      x: rect.x + 1, y: rect.y, length: rect.width - 2, glyph: glyphs.horizontal, style: style)
    horizontalLine(
      x: rect.x + 1, y: bottom, length: rect.width - 2, glyph: glyphs.horizontal, style: style)
    verticalLine(
      x: rect.x, y: rect.y + 1, length: rect.height - 2, glyph: glyphs.vertical, style: style)
    verticalLine(
      x: right, y: rect.y + 1, length: rect.height - 2, glyph: glyphs.vertical, style: style)
    put(String(glyphs.topLeft), x: rect.x, y: rect.y, style: style)
    put(String(glyphs.topRight), x: right, y: rect.y, style: style)
    put(String(glyphs.bottomLeft), x: rect.x, y: bottom, style: style)
    put(String(glyphs.bottomRight), x: right, y: bottom, style: style)

    guard let title, !title.isEmpty, rect.width >= 6 else { return }
    let room = rect.width - 5  // corner, rule, space ... space, corner
    put(" ", x: rect.x + 2, y: rect.y, style: style)
    let used = put(
      title, x: rect.x + 3, y: rect.y, width: room, style: titleStyle, overflow: .ellipsis)
    put(" ", x: rect.x + 3 + used, y: rect.y, style: style)
  }
}
