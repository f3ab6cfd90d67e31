import WatchfloorModel

/// The console's screen: a pure function of the model.
extension ConsoleModel {
  public func view() -> Canvas {
    var canvas = Canvas(width: max(1, size.width), height: max(1, size.height))
    guard ConsoleLayout.fits(width: size.width, height: size.height) else {
      drawEnlargeMessage(&canvas)
      return asciiOnly ? canvas.asciiFallback() : canvas
    }
    let rows = paneRows()
    let layout = layout(for: rows)
    drawHeader(&canvas, layout.header)
    if let replay { drawReplayBand(&canvas, layout.band, replay) }
    drawAlertLine(&canvas, layout.alert)
    if let problem = logProblem {
      // Panes drawn from no events would read as an all-clear floor.
      drawLogProblem(&canvas, layout.body, problem)
    } else {
      drawAirlifts(&canvas, layout.airlifts, rows.airlifts, measured: layout.measured.airlifts)
      drawOccupancy(
        &canvas, layout.occupancy, rows.facilities, measured: layout.measured.facilities)
      drawIncidents(
        &canvas, layout.incidents, rows.incidents, measured: layout.measured.incidents)
    }
    drawFooter(&canvas, layout.footer)
    switch overlay {
    case .help: drawHelp(&canvas)
    case .detail(let history): drawDetail(&canvas, history)
    case nil: break
    }
    if let dialog { drawDecisionDialog(&canvas, dialog) }
    return asciiOnly ? canvas.asciiFallback() : canvas
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
    if let filter = panes[pane].filter {
      fullTitle += "  /\(filter)" + (editingFilter && focused ? "▏" : "")
    } else if editingFilter && focused {
      fullTitle += "  /▏"
    }
    let waiting = waitingChanges(pane)
    if waiting > 0 {
      fullTitle +=
        " · \(CountText.grouped(Int64(waiting))) \(waiting == 1 ? "change" : "changes") waiting"
    }
    canvas.box(
      rect, glyphs: focused ? .heavy : .light,
      style: Style(focused ? .borderFocused : .border), title: fullTitle,
      titleStyle: Style(.title, focused ? .bold : []))
  }

  /// The parts of a list pane: inside the border, the headings, then the rows; each row has
  /// the selection marker's column on its left and a blank one on its right.
  struct ListGeometry {
    let headings: Rect
    let rows: Rect
    let marker: Int

    init(_ rect: Rect) {
      let inner = rect.inset(by: 1)
      let parts = Layout.vertical([.length(1), .fill(1)]).split(inner)
      let columns = Layout.horizontal([.length(2), .fill(1), .length(1)])
      headings = columns.split(parts[0])[1]
      rows = columns.split(parts[1])[1]
      marker = inner.x
    }
  }

  /// The rows a list pane has room for.
  static func listRows(_ rect: Rect) -> Int { max(1, ListGeometry(rect).rows.height) }

  /// A list pane: frame, headings and the rows in sight (the selected one kept in sight),
  /// with the selection marked, "↑ N more" and "↓ N more" where rows are out of sight, and
  /// `decorate` called on each drawn row.
  func drawList<Row>(
    _ canvas: inout Canvas, _ rect: Rect, _ pane: Pane, title: String, table: Table<Row>,
    rows: [Symbol], row: (Symbol) -> Row?, empty: String, measured: [Int]? = nil,
    decorate: (inout Canvas, Row, Rect) -> Void = { _, _, _ in }
  ) {
    drawFrame(&canvas, rect, pane, title: title)
    let geometry = ListGeometry(rect)
    let state = panes[pane]
    let selected = state.selected.flatMap { rowIndex(pane, of: $0, in: rows) }
    let visible = max(1, geometry.rows.height)
    let top = ListState.viewport(
      offset: state.offset, selected: selected, count: rows.count, visible: visible)
    // Only the rows in sight are looked up.
    let shownSymbols = rows[min(top, rows.count)..<min(rows.count, top + visible)]
    let shown = shownSymbols.compactMap(row)
    // The layout's measure of the rows from the offset, where it has one: no second pass.
    let widths = table.widths(
      measured: measured ?? table.measure(shown), width: geometry.headings.width)
    table.drawHeadings(
      &canvas, x: geometry.headings.x, y: geometry.headings.y, widths: widths,
      style: Style(.dim, .underline))
    if rows.isEmpty {
      canvas.put(
        empty, x: geometry.rows.x, y: geometry.rows.y, width: geometry.rows.width,
        style: Style(.dim), overflow: .ellipsis)
      return
    }
    for (offset, row) in shown.enumerated() {
      let y = geometry.rows.y + offset
      table.drawRow(&canvas, row, x: geometry.rows.x, y: y, widths: widths)
      let rowRect = Rect(
        x: geometry.marker + 1, y: y, width: geometry.rows.maxX - geometry.marker, height: 1)
      decorate(&canvas, row, rowRect)
      if top + offset == selected {
        drawSelection(&canvas, pane, marker: geometry.marker, row: rowRect)
      }
    }
    let unseen = newAbove[pane] ?? []
    let newCount = unseen.count(where: { symbol in
      rowIndex(pane, of: symbol, in: rows).map { $0 < top } ?? false
    })
    drawMore(
      &canvas, rect, above: top, below: rows.count - top - shownSymbols.count,
      newAbove: newCount)
  }

  /// The selection: a marker that shows without colour, and reverse video when focused.
  func drawSelection(_ canvas: inout Canvas, _ pane: Pane, marker: Int, row: Rect) {
    canvas.put("›", x: marker, y: row.y, style: Style(.accent, .bold))
    if focus == pane && overlay == nil {
      canvas.setStyle(Style(.selection, .reverse), in: row)
    }
  }

  /// "↑ N more" in the top border ("↑ 2 new · 8 more" when rows arrived up there unseen), and
  /// "↓ N more" in the bottom one.
  func drawMore(_ canvas: inout Canvas, _ rect: Rect, above: Int, below: Int, newAbove: Int = 0) {
    let count = { (value: Int) in CountText.fitting(Int64(value), width: 5) }
    if newAbove > 0 {
      let rest = above - newAbove
      let text = "↑ \(count(newAbove)) new" + (rest > 0 ? " · \(count(rest)) more" : "")
      canvas.put(
        text, x: rect.maxX - 2 - DisplayWidth.of(text), y: rect.y, style: Style(.warn, .bold))
    } else if above > 0 {
      let text = "↑ \(count(above)) more"
      canvas.put(
        text, x: rect.maxX - 2 - DisplayWidth.of(text), y: rect.y, style: Style(.dim))
    }
    if below > 0 {
      canvas.put(
        "↓ \(CountText.grouped(Int64(below))) more", x: rect.x + 2, y: rect.maxY - 1,
        width: rect.width - 4, style: Style(.dim))
    }
  }
}
