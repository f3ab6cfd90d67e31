import WatchfloorModel

extension ConsoleModel {
  static func severityLabel(_ severity: Severity) -> (text: String, style: Style) {
    switch severity {
    case .critical: ("CRIT", Style(.critical, [.bold, .reverse]))
    case .high: ("HIGH", Style(.danger, .bold))
    case .medium: ("MED", Style(.warn))
    case .low: ("LOW", Style(.text))
    case .info: ("INFO", Style(.dim))
    }
  }

  func drawIncidents(_ canvas: inout Canvas, _ rect: Rect) {
    let rows = incidentRows()
    let open = rows.filter { $0.incident.status == .open }.count
    drawFrame(
      &canvas, rect, .incidents,
      title: "Incidents (\(open) open, \(rows.count - open) acknowledged)")
    let inner = rect.x + 1
    let width = rect.width - 2
    let headingY = rect.y + 1
    let sectorWidth = 14
    // The kind column only where there is room for it and a useful summary.
    let kindWidth = width >= 100 ? 14 : 0
    let summaryX = 22 + sectorWidth + 1 + (kindWidth > 0 ? kindWidth + 1 : 0)
    let summaryWidth = max(10, width - summaryX - 6)
    let heading = Style(.dim, .underline)
    canvas.put("SEV", x: inner + 4, y: headingY, style: heading)
    canvas.put("ID", x: inner + 9, y: headingY, style: heading)
    canvas.put("SECTOR", x: inner + 22, y: headingY, style: heading)
    if kindWidth > 0 {
      canvas.put("KIND", x: inner + 22 + sectorWidth + 1, y: headingY, style: heading)
    }
    canvas.put("SUMMARY", x: inner + summaryX, y: headingY, style: heading)
    canvas.put("AGE", x: inner + width - 4, y: headingY, width: 4, style: heading, align: .right)
    if rows.isEmpty {
      canvas.put(
        filters[.incidents] == nil ? "No open incidents." : "No incident matches the filter.",
        x: inner + 2, y: headingY + 1, style: Style(.dim))
      return
    }
    let selectedIndex = selectedIncident.flatMap { symbol in rows.firstIndex { $0.symbol == symbol }
    }
    drawRows(
      &canvas, .incidents, rows, selected: selectedIndex, firstY: headingY + 1, rect: rect,
      visible: layout.visibleRows(.incidents)
    ) { canvas, row, y in
      let incident = row.incident
      let unacknowledged = incident.status == .open
      let fresh = freshCriticals[row.symbol] != nil
      canvas.put(
        unacknowledged ? "●" : "○", x: inner + 2, y: y,
        style: unacknowledged ? Style(.danger, .bold) : Style(.dim))
      let severity = Self.severityLabel(incident.severity)
      canvas.put(severity.text, x: inner + 4, y: y, width: 4, style: severity.style)
      let textStyle = unacknowledged ? Style(.text, .bold) : Style(.text)
      canvas.put(
        tables.incident(row.symbol), x: inner + 9, y: y, width: 12, style: textStyle,
        overflow: .ellipsis)
      canvas.put(
        tables.text(incident.sector), x: inner + 22, y: y, width: sectorWidth, overflow: .ellipsis)
      if kindWidth > 0 {
        canvas.put(
          tables.text(incident.kind), x: inner + 22 + sectorWidth + 1, y: y, width: kindWidth,
          style: Style(.dim), overflow: .ellipsis)
      }
      canvas.put(
        tables.text(incident.summary), x: inner + summaryX, y: y, width: summaryWidth,
        style: textStyle, overflow: .ellipsis)
      canvas.put(
        ConsoleTime.age(from: incident.reportedAt, to: now, width: 4), x: inner + width - 4, y: y,
        width: 4,
        style: Style(.dim), align: .right)
      if fresh {
        canvas.setStyle(
          Style(.critical, [.bold, .reverse]),
          in: Rect(x: inner + 1, y: y, width: width - 1, height: 1))
      }
    }
  }
}
