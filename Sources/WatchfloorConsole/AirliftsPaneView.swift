import WatchfloorModel

extension ConsoleModel {
  /// How an airlift's status reads and stands out: words first, so it survives monochrome.
  static func statusLabel(_ airlift: Airlift) -> (text: String, style: Style) {
    switch airlift.status {
    case .pending: ("PENDING", Style(.accent, .bold))
    case .awaitingSecond: ("2ND ◐ 1/2", Style(.warn, [.bold, .underline]))
    case .held: ("HELD ‖", Style(.warn))
    case .approved: ("APPROVED ✓", Style(.ok))
    case .inFlight: ("IN FLIGHT ✈", Style(.text, .bold))
    case .landed: ("LANDED", Style(.dim))
    case .denied: ("DENIED", Style(.dim))
    case .cancelled: ("CANCELLED", Style(.dim))
    }
  }

  /// Column positions of the airlifts pane, relative to the pane's inner left edge. The route
  /// takes what is left up to a useful width; wide panes add who approved.
  private struct AirliftColumns {
    let status = 2
    let id = 14
    let etd = 26
    let route = 32
    let routeWidth: Int
    let detainees: Int
    let highValue: Int
    let priority: Int
    let age: Int
    let approvals: Int?

    init(width: Int) {
      routeWidth = max(12, min(34, width - route - 21))
      detainees = route + routeWidth + 1
      highValue = detainees + 6
      priority = highValue + 5
      age = priority + 4
      approvals = width - (age + 6) >= 16 ? age + 6 : nil
    }
  }

  func drawAirlifts(_ canvas: inout Canvas, _ rect: Rect) {
    let rows = airliftRows()
    drawFrame(&canvas, rect, .airlifts, title: "Airlifts (\(CountText.grouped(Int64(rows.count))))")
    let inner = rect.x + 1
    let columns = AirliftColumns(width: rect.width - 2)
    let headingY = rect.y + 1
    let heading = Style(.dim, .underline)
    for (text, x, width, align) in [
      ("STATUS", columns.status, 11, Alignment.left), ("ID", columns.id, 11, .left),
      ("ETD", columns.etd, 5, .left), ("ROUTE", columns.route, columns.routeWidth, .left),
      ("DET", columns.detainees, 5, .right), ("HV", columns.highValue, 4, .right),
      ("PRI", columns.priority, 3, .left), ("AGE", columns.age, 4, .right),
      ("APPROVED BY", columns.approvals ?? -1000, 20, .left),
    ] {
      canvas.put(text, x: inner + x, y: headingY, width: width, style: heading, align: align)
    }
    if rows.isEmpty {
      canvas.put(
        filters[.airlifts] == nil
          ? "No airlifts awaiting action." : "No airlift matches the filter.",
        x: inner + 2, y: headingY + 1, width: rect.width - 4, style: Style(.dim))
      return
    }
    let selectedIndex = selectedAirlift.flatMap { symbol in rows.firstIndex { $0.id == symbol } }
    drawRows(
      &canvas, .airlifts, rows, selected: selectedIndex, firstY: headingY + 1, rect: rect,
      visible: layout.visibleRows(.airlifts)
    ) { canvas, airlift, y in
      let status = Self.statusLabel(airlift)
      canvas.put(status.text, x: inner + columns.status, y: y, width: 11, style: status.style)
      canvas.put(
        tables.airlift(airlift.id), x: inner + columns.id, y: y, width: 11, overflow: .ellipsis)
      canvas.put(
        ConsoleTime.hourMinute(airlift.plan.etd, offsetMinutes: timeZoneMinutes),
        x: inner + columns.etd, y: y, width: 5)
      let destination = state.facilities[airlift.destination]
      let overloaded = (destination?.projectedLoad ?? 0) >= 1.5
      let origin = tables.facility(airlift.origin)
      let routeX = inner + columns.route
      let used = canvas.put(
        origin + " → ", x: routeX, y: y, width: columns.routeWidth, overflow: .ellipsis)
      // A destination already at 150% or more stands out, with a mark for monochrome.
      canvas.put(
        tables.facility(airlift.destination) + (overloaded ? " !" : ""), x: routeX + used, y: y,
        width: columns.routeWidth - used, style: overloaded ? Style(.danger, .bold) : Style(.text),
        overflow: .ellipsis)
      canvas.put(
        CountText.fitting(airlift.detainees, width: 5), x: inner + columns.detainees, y: y,
        width: 5, align: .right)
      if airlift.highValue > 0 {
        canvas.put(
          CountText.fitting(airlift.highValue, width: 4), x: inner + columns.highValue, y: y,
          width: 4,
          style: Style(.warn, .bold), align: .right)
      }
      if airlift.plan.priority == .urgent {
        canvas.put("URG", x: inner + columns.priority, y: y, style: Style(.danger, .bold))
      }
      canvas.put(
        ConsoleTime.age(from: airlift.plan.requestedAt, to: now, width: 4), x: inner + columns.age,
        y: y, width: 4, style: Style(.dim), align: .right)
      if let approvals = columns.approvals {
        let names = airlift.progress.approvals.map { tables.text($0) }.joined(separator: ", ")
        canvas.put(
          names, x: inner + approvals, y: y, width: rect.width - 3 - approvals, style: Style(.dim),
          overflow: .ellipsis)
      }
    }
  }
}
