import WatchfloorModel

extension ConsoleModel {
  /// How a load stands out: the ``LoadLevel`` (100% and 150%, with its `!` or `!!` for
  /// monochrome), and a warning colour from 90%, a view's own nudge.
  static func loadBand(occupancy: Int64, capacity: Int64) -> (style: Style, mark: String) {
    let level = LoadLevel(occupancy: occupancy, capacity: capacity)
    switch level {
    case .unknown: return (Style(.dim), "")
    case .farOverCapacity: return (Style(.critical, [.bold, .reverse]), level.mark)
    case .overCapacity, .full: return (Style(.danger, .bold), level.mark)
    case .underCapacity:
      let nearlyFull = Int128(occupancy) * 10 >= Int128(capacity) * 9
      return (nearlyFull ? Style(.warn) : Style(.ok), "")
    }
  }

  /// A facility row: its symbol and what it is now.
  typealias FacilityRow = (symbol: Symbol, facility: Facility)

  /// The figures of each facility: id (on the bar's line when the bar has a line of its own),
  /// full name, load with its marks, occupancy of capacity, inbound and status.
  func occupancyTable(withID: Bool) -> Table<FacilityRow> {
    Table(
      (withID ? [idColumn] : []) + [
        TableColumn("", .content(min: 8, max: 32), priority: 80) { row in
          [Span(tables.text(row.facility.name), Style(.dim))]
        },
        TableColumn("", .whole(max: 6), priority: 100) { row in
          let band = Self.loadBand(
            occupancy: row.facility.occupancy, capacity: row.facility.capacity)
          // A huge load goes compact; clamped, as an absurd occupancy must not trap.
          let percent =
            row.facility.load.map {
              let whole = min(max(($0 * 100).rounded(), -9e18), 9e18)
              return CountText.fitting(Int64(whole), width: 5 - band.mark.count) + "%"
            } ?? "n/a"
          return [Span(percent + band.mark, band.style)]
        },
        TableColumn("", .whole(max: 23), align: .right, priority: 85) { row in
          [
            Span(
              "\(CountText.grouped(row.facility.occupancy))/\(CountText.grouped(row.facility.capacity))"
            )
          ]
        },
        TableColumn("", .whole(max: 14), priority: 50) { row in
          row.facility.inboundCount > 0
            ? [Span("+\(CountText.grouped(row.facility.inboundCount))", Style(.barInbound))] : []
        },
        TableColumn("", .whole(max: 8), priority: 95) { row in
          switch row.facility.status {
          case .open: []
          case .lockdown: [Span("LOCKDOWN", Style(.warn, [.bold, .reverse]))]
          case .closed: [Span("CLOSED", Style(.danger, [.bold, .reverse]))]
          }
        },
      ])
  }

  /// The facility's id, whole: routes name facilities by it.
  private var idColumn: TableColumn<FacilityRow> {
    TableColumn("", .whole(max: 16), priority: 97) { row in [Span(tables.facility(row.symbol))] }
  }

  /// The narrowest a bar beside its figures may be.
  static let shortestBar = 16

  /// Whether facilities take two lines (figures, then a bar under them) in `rect`: when the
  /// figures leave no room for a bar beside them and the pane is tall enough.
  func occupancyUsesTwoLines(_ rect: Rect, rows: [FacilityRow]) -> Bool {
    occupancyUsesTwoLines(
      rect, rows: rows, measured: occupancyTable(withID: true).measure(rows.prefix(64)))
  }

  /// The same, for a one-line table that wants `measured` (``Table/measure(_:)``).
  private func occupancyUsesTwoLines(_ rect: Rect, rows: [FacilityRow], measured: [Int]) -> Bool {
    let room = ListGeometry(rect).rows
    let wanted = occupancyTable(withID: true).wantedWidth(measured: measured)
    return wanted + 1 + Self.shortestBar > room.width && rows.count * 2 + 2 <= room.height + 1
  }

  /// Facilities in sight at once from the row `top` on: a line or two each, and a heading
  /// line before the first of each side.
  func occupancyVisible(_ rect: Rect, rows: [FacilityRow], from top: Int, twoLines: Bool) -> Int {
    let lines = rect.height - 2
    let each = twoLines ? 2 : 1
    var used = 0
    var count = 0
    var side: Side?
    for row in rows[min(top, rows.count)...] {
      let heading = row.facility.side != side ? 1 : 0
      guard used + heading + each <= lines else { break }
      used += heading + each
      side = row.facility.side
      count += 1
    }
    return max(1, count)
  }

  /// The first facility shown, and how many are: the selection kept in sight.
  func occupancyViewport(_ rect: Rect, rows: [FacilityRow], twoLines: Bool) -> (
    top: Int, visible: Int
  ) {
    let selected = panes.occupancy.selected.flatMap { symbol in
      rows.firstIndex { $0.symbol == symbol }
    }
    var top = panes.occupancy.offset
    var visible = occupancyVisible(rect, rows: rows, from: top, twoLines: twoLines)
    top = ListState.viewport(offset: top, selected: selected, count: rows.count, visible: visible)
    visible = occupancyVisible(rect, rows: rows, from: top, twoLines: twoLines)
    return (top, visible)
  }

  func drawOccupancy(
    _ canvas: inout Canvas, _ rect: Rect, _ rows: [FacilityRow], measured known: [Int]? = nil
  ) {
    // Filtered: how many of all, so a filter never hides that there are others.
    let title =
      panes.occupancy.filter == nil
      ? "Occupancy"
      : "Occupancy (\(CountText.grouped(Int64(rows.count))) of "
        + "\(CountText.grouped(Int64(state.facilities.count))))"
    drawFrame(&canvas, rect, .occupancy, title: title)
    let area = Layout.horizontal([.length(1), .fill(1), .length(1)]).split(rect.inset(by: 1))[1]
    let marker = rect.x + 1
    if rows.isEmpty {
      canvas.put(
        panes.occupancy.filter == nil
          ? "No facilities in the log." : "No facility matches the filter.",
        x: area.x + 1, y: area.y, width: area.width - 1, style: Style(.dim), overflow: .ellipsis)
      return
    }
    // One scale for every bar, growing past 100% in steps of 50% so 200% sites fit.
    let highest = rows.compactMap { $0.facility.projectedLoad }.max() ?? 1
    let scale = max(1.0, (highest * 2).rounded(.up) / 2)
    // Measured once, on the rows that could show: the id first, then the figures' columns.
    let measured = known ?? occupancyTable(withID: true).measure(rows.prefix(64))
    let twoLines = occupancyUsesTwoLines(rect, rows: rows, measured: measured)
    let selected = panes.occupancy.selected.flatMap { symbol in
      rows.firstIndex { $0.symbol == symbol }
    }
    let (top, visible) = occupancyViewport(rect, rows: rows, twoLines: twoLines)
    let shown = rows[top..<min(rows.count, top + visible)]
    let table = occupancyTable(withID: !twoLines)
    let tableMeasured = twoLines ? Array(measured.dropFirst()) : measured
    let idTable = Table([idColumn])
    let idWidth = measured.first ?? 0
    // Beside the bar: the figures as wide as they want, the bar the rest; or under them,
    // after the id.
    let figures = Rect(x: area.x + 1, y: 0, width: area.width - 1, height: 1)
    let tableWidth = min(
      table.wantedWidth(measured: tableMeasured), figures.width - 1 - Self.shortestBar)
    let line = Layout.horizontal(
      twoLines ? [.fill(1)] : [.length(tableWidth), .fill(1)], spacing: 1
    ).split(figures)
    let widths = table.widths(measured: tableMeasured, width: line[0].width)
    var y = area.y
    var lastSide: Side?
    for (offset, row) in shown.enumerated() {
      if row.facility.side != lastSide {
        lastSide = row.facility.side
        let heading = row.facility.side == .iraq ? "Iraq" : "Origins (Syria)"
        // The heading, then a rule to the pane's edge: a section, not a row with room to spare.
        let used = canvas.put(
          heading + "  scale 0–\(Int(scale * 100))%, ┃ = 100%", x: area.x + 1, y: y,
          width: area.width - 1, style: Style(.dim, .underline), overflow: .ellipsis)
        if used + 2 < area.width {
          canvas.put(
            " " + String(repeating: "─", count: area.width - used - 2), x: area.x + 1 + used, y: y,
            style: Style(.dim))
        }
        y += 1
      }
      guard y + (twoLines ? 1 : 0) < area.maxY else {
        drawMore(&canvas, rect, above: top, below: rows.count - top - offset)
        return
      }
      table.drawRow(&canvas, row, x: line[0].x, y: y, widths: widths)
      var bar = line[line.count - 1]
      bar.y = y
      if twoLines {
        let under = Layout.horizontal([.length(idWidth), .fill(1)], spacing: 1).split(
          Rect(x: line[0].x, y: y + 1, width: line[0].width, height: 1))
        idTable.drawRow(&canvas, row, x: under[0].x, y: under[0].y, widths: [idWidth])
        bar = under[1]
      }
      drawBar(&canvas, row.facility, x: bar.x, y: bar.y, width: bar.width, scale: scale)
      if top + offset == selected {
        drawSelection(
          &canvas, .occupancy, marker: marker,
          row: Rect(x: line[0].x, y: y, width: widths.compactMap { $0 }.first ?? 1, height: 1))
      }
      y += twoLines ? 2 : 1
    }
    drawMore(&canvas, rect, above: top, below: rows.count - top - shown.count)
  }

  /// A bar: occupancy (█ up to 100%, ▓ beyond), inbound detainees (▒), room (·), and the
  /// 100% mark (┃), on the pane's common scale.
  func drawBar(
    _ canvas: inout Canvas, _ facility: Facility, x: Int, y: Int, width: Int, scale: Double
  ) {
    let capacity = Double(facility.capacity)
    func cells(_ value: Int64) -> Int {
      guard capacity > 0 else { return 0 }
      return min(width, Int((Double(value) / capacity / scale * Double(width)).rounded()))
    }
    let occupied = cells(facility.occupancy)
    let projected = max(occupied, cells(facility.projected))
    let fullAt = min(width - 1, Int((1.0 / scale * Double(width)).rounded()))
    for index in 0..<width {
      let glyph: String
      let style: Style
      if index == fullAt {
        glyph = "┃"
        style = Style(.text, .bold)
      } else if index < occupied {
        let over = index > fullAt
        glyph = over ? "▓" : "█"
        style = over ? Style(.barOver) : Style(.barFill)
      } else if index < projected {
        glyph = "▒"
        style = Style(.barInbound)
      } else {
        glyph = "·"
        style = Style(.barEmpty)
      }
      canvas.put(glyph, x: x + index, y: y, style: style)
    }
  }
}
