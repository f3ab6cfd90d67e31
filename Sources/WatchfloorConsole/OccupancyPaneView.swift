import WatchfloorModel

extension ConsoleModel {
  /// The load band of a facility, by colour and, for monochrome, by the marks after the figure.
  static func loadBand(_ load: Double?) -> (style: Style, mark: String) {
    guard let load else { return (Style(.dim), "") }
    if load >= 1.5 { return (Style(.critical, [.bold, .reverse]), "!!") }
    if load >= 1.0 { return (Style(.danger, .bold), "!") }
    if load >= 0.9 { return (Style(.warn), "") }
    return (Style(.ok), "")
  }

  /// Whether each facility gets two lines (name and figures, then a full-width bar).
  func occupancyUsesTwoLines(_ rect: Rect, rows: Int) -> Bool {
    rows * 2 + 2 <= rect.height - 2 && rect.width < 100
  }

  func drawOccupancy(_ canvas: inout Canvas, _ rect: Rect) {
    let rows = facilityRows()
    drawFrame(&canvas, rect, .occupancy, title: "Occupancy")
    let inner = rect.x + 1
    let width = rect.width - 2
    // One scale for every bar, growing past 100% in steps of 50% so 200% sites fit.
    let highest = rows.compactMap { $0.facility.projectedLoad }.max() ?? 1
    let scale = max(1.0, (highest * 2).rounded(.up) / 2)
    let twoLines = occupancyUsesTwoLines(rect, rows: rows.count)
    let labelWidth = twoLines ? width - 26 : min(14, max(8, width / 6))
    let barWidth = twoLines ? width - 4 : max(6, width - labelWidth - 30 - 3)
    let selectedIndex = selectedFacility.flatMap { symbol in rows.firstIndex { $0.symbol == symbol }
    }
    var y = rect.y + 1
    let top = scroll[.occupancy, default: 0]
    var lastSide: Side?
    for (index, row) in rows.enumerated() where index >= top {
      if row.facility.side != lastSide {
        // A heading needs room for at least one row under it.
        guard y + (twoLines ? 2 : 1) < rect.maxY - 1 else {
          canvas.put(
            "↓ \(CountText.grouped(Int64(rows.count - index))) more", x: inner + 1,
            y: rect.maxY - 1, style: Style(.dim))
          break
        }
        lastSide = row.facility.side
        let heading = row.facility.side == .iraq ? "Iraq" : "Origins (Syria)"
        canvas.put(
          heading + "  scale 0–\(Int(scale * 100))%, ┃ = 100%", x: inner + 1, y: y,
          width: width - 2, style: Style(.dim, .underline), overflow: .ellipsis)
        y += 1
      }
      guard y + (twoLines ? 1 : 0) < rect.maxY - 1 else { break }
      let label =
        twoLines
        ? "\(tables.facility(row.symbol))  \(tables.text(row.facility.name))"
        : tables.facility(row.symbol)
      canvas.put(label, x: inner + 1, y: y, width: labelWidth, overflow: .ellipsis)
      if twoLines {
        drawFigures(&canvas, row.facility, x: inner + labelWidth + 2, y: y, end: rect.maxX - 1)
        drawBar(&canvas, row.facility, x: inner + 3, y: y + 1, width: barWidth, scale: scale)
      } else {
        let barX = inner + labelWidth + 2
        drawBar(&canvas, row.facility, x: barX, y: y, width: barWidth, scale: scale)
        drawFigures(&canvas, row.facility, x: barX + barWidth + 1, y: y, end: rect.maxX - 1)
      }
      if index == selectedIndex {
        canvas.put("›", x: inner, y: y, style: Style(.accent, .bold))
        if focus == .occupancy && overlay == nil {
          canvas.setStyle(
            Style(.selection, .reverse), in: Rect(x: inner + 1, y: y, width: labelWidth, height: 1))
        }
      }
      y += twoLines ? 2 : 1
      if y + (twoLines ? 1 : 0) >= rect.maxY - 1 && index + 1 < rows.count {
        canvas.put(
          "↓ \(CountText.grouped(Int64(rows.count - index - 1))) more", x: inner + 1,
          y: rect.maxY - 1, style: Style(.dim))
        break
      }
    }
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

  /// `216%!! 6,476/3,000 +50 LOCKDOWN`
  private func drawFigures(
    _ canvas: inout Canvas, _ facility: Facility, x: Int, y: Int, end: Int
  ) {
    var x = x
    let band = Self.loadBand(facility.load)
    // The percentage, its mark and the "%" in six columns; a huge load goes compact.
    let percent =
      facility.load.map {
        // Clamped: a load from an absurd occupancy must not trap converting to an integer.
        let whole = min(max(($0 * 100).rounded(), -9e18), 9e18)
        return CountText.fitting(Int64(whole), width: 5 - band.mark.count) + "%"
      } ?? "n/a"
    x += canvas.put((percent + band.mark).padding(6), x: x, y: y, width: 6, style: band.style)
    // The status first: it matters more than the inbound figure when room is short.
    var status: (String, Style)?
    switch facility.status {
    case .open: status = nil
    case .lockdown: status = ("LOCKDOWN", Style(.warn, [.bold, .reverse]))
    case .closed: status = ("CLOSED", Style(.danger, [.bold, .reverse]))
    }
    let statusWidth = status.map { $0.0.count + 1 } ?? 0
    // Figures whole, then compact, or not at all: "6,330/3," would read as a capacity of 3.
    let room = max(0, end - x - statusWidth)
    let occupancy = facility.occupancy
    let compact = { (value: Int64) in CountText.fitting(value, width: 5) }
    let candidates = [
      " \(CountText.grouped(occupancy))/\(CountText.grouped(facility.capacity))",
      " \(compact(occupancy))/\(compact(facility.capacity))",
      " \(CountText.grouped(occupancy))", " \(compact(occupancy))",
    ]
    x += canvas.put(candidates.first { $0.count <= room } ?? "", x: x, y: y, width: room)
    let wholeInbound = " +\(CountText.grouped(facility.inboundCount))"
    let inbound =
      x + wholeInbound.count <= end - statusWidth
      ? wholeInbound : " +\(compact(facility.inboundCount))"
    // A cut number would mislead: show the inbound figure whole or not at all (the bar shows it).
    if facility.inboundCount > 0 && x + inbound.count <= end - statusWidth {
      x += canvas.put(inbound, x: x, y: y, style: Style(.barInbound))
    }
    if let status {
      canvas.put(
        " " + status.0, x: min(x, end - statusWidth), y: y, width: statusWidth, style: status.1)
    }
  }
}

extension String {
  /// Padded with spaces to `width` characters.
  func padding(_ width: Int) -> String {
    count >= width ? self : self + String(repeating: " ", count: width - count)
  }
}
