import WatchfloorModel

/// The console's screen: a pure function of the model.
extension ConsoleModel {
  public func view() -> Canvas {
    var canvas = Canvas(width: max(1, size.width), height: max(1, size.height))
    guard ConsoleLayout.fits(width: size.width, height: size.height) else {
      drawEnlargeMessage(&canvas)
      return canvas
    }
    let layout = self.layout
    drawHeader(&canvas, layout.header)
    if let replay { drawReplayBand(&canvas, layout.band, replay) }
    drawAirlifts(&canvas, layout.airlifts)
    drawOccupancy(&canvas, layout.occupancy)
    drawIncidents(&canvas, layout.incidents)
    drawFooter(&canvas, layout.footer)
    switch overlay {
    case .help: drawHelp(&canvas)
    case .detail(let subject): drawDetail(&canvas, subject)
    case nil: break
    }
    if let dialog { drawDecisionDialog(&canvas, dialog) }
    return canvas
  }

  private func drawEnlargeMessage(_ canvas: inout Canvas) {
    let lines = [
      "Enlarge the terminal to 80×24",
      "(now \(size.width)×\(size.height))",
    ]
    let top = max(0, canvas.height / 2 - 1)
    for (index, line) in lines.enumerated() {
      canvas.put(
        line, x: 0, y: top + index, width: canvas.width,
        style: Style(index == 0 ? .warn : .dim, index == 0 ? .bold : []), overflow: .ellipsis,
        align: .center)
    }
  }

  /// A pane's frame: heavy border and bold title when focused, so focus shows without colour.
  func drawFrame(_ canvas: inout Canvas, _ rect: Rect, _ pane: Pane, title: String) {
    let focused = focus == pane && overlay == nil
    var fullTitle = title
    if let filter = filters[pane] {
      fullTitle += "  /\(filter)" + (editingFilter && focused ? "▏" : "")
    } else if editingFilter && focused {
      fullTitle += "  /▏"
    }
    canvas.box(
      rect, glyphs: focused ? .heavy : .light,
      style: Style(focused ? .borderFocused : .border), title: fullTitle,
      titleStyle: Style(.title, focused ? .bold : []))
  }

  /// Draws the rows `rows[scroll...]` of a pane with `draw(row, y, selected)`, and marks the
  /// selected row with a bar when the pane has focus.
  func drawRows<Row>(
    _ canvas: inout Canvas, _ pane: Pane, _ rows: [Row], selected: Int?, firstY: Int, rect: Rect,
    visible: Int, _ draw: (inout Canvas, Row, Int) -> Void
  ) {
    let top = scroll[pane, default: 0]
    guard top < rows.count || rows.isEmpty else { return }
    for offset in 0..<visible {
      let index = top + offset
      guard index < rows.count else { break }
      let y = firstY + offset
      draw(&canvas, rows[index], y)
      if index == selected {
        canvas.put("›", x: rect.x + 1, y: y, style: Style(.accent, .bold))
        if focus == pane && overlay == nil {
          canvas.setStyle(
            Style(.selection, .reverse),
            in: Rect(x: rect.x + 1, y: y, width: rect.width - 2, height: 1))
        }
      }
    }
    if top > 0 {
      canvas.put(
        "↑ \(CountText.fitting(Int64(top), width: 4)) more", x: rect.maxX - 12, y: rect.y,
        width: 11, style: Style(.dim), align: .right)
    }
    if rows.count > top + visible {
      canvas.put(
        "↓ \(CountText.grouped(Int64(rows.count - top - visible))) more", x: rect.x + 2,
        y: rect.maxY - 1,
        style: Style(.dim))
    }
  }
}
