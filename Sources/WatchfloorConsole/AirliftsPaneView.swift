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

  /// The airlifts pane's columns. The route is never cut (it drops last but one); who
  /// approved, the priority and the age give way first.
  public var airliftTable: Table<Airlift> {
    Table([
      TableColumn("STATUS", .whole(max: 11), priority: 100) { airlift in
        let status = Self.statusLabel(airlift)
        return [Span(status.text, status.style)]
      },
      TableColumn("ID", .content(min: 6, max: 16), priority: 95) { airlift in
        [Span(tables.airlift(airlift.id))]
      },
      TableColumn("ETD", .whole(max: 12), priority: 70) { airlift in
        [etdCell(airlift)]
      },
      TableColumn("ROUTE", .whole(max: 60), priority: 99) { airlift in
        // A destination already at 150% or more stands out, with a mark for monochrome.
        let overloaded = state.facilities[airlift.destination].map {
          $0.projectedLoadLevel == .farOverCapacity
        }
        return [
          Span(tables.facility(airlift.origin) + (asciiOnly ? " -> " : " → ")),
          Span(
            tables.facility(airlift.destination) + (overloaded == true ? " !" : ""),
            overloaded == true ? Style(.danger, .bold) : Style(.text)),
        ]
      },
      TableColumn("DET", .whole(max: 5), align: .right, priority: 90) { airlift in
        [Span(CountText.fitting(airlift.detainees, width: 5))]
      },
      TableColumn("HV", .whole(max: 4), align: .right, priority: 85) { airlift in
        airlift.highValue > 0
          ? [Span(CountText.fitting(airlift.highValue, width: 4), Style(.warn, .bold))] : []
      },
      TableColumn("PRI", .whole(max: 3), priority: 40) { airlift in
        airlift.plan.priority == .urgent ? [Span("URG", Style(.danger, .bold))] : []
      },
      TableColumn("AGE", .whole(max: 4), align: .right, priority: 60) { airlift in
        ageCell(airlift)
      },
      TableColumn("APPROVED BY", .content(min: 8, max: 32), priority: 30) { airlift in
        let names = airlift.progress.approvals.map { tables.text($0) }
        return names.isEmpty ? [] : [Span(names.joined(separator: ", "), Style(.dim))]
      },
    ])
  }

  func drawAirlifts(_ canvas: inout Canvas, _ rect: Rect, _ rows: [Symbol], measured: [Int]?) {
    // Filtered: how many of all, so a filter never hides that there are others.
    let shown = CountText.grouped(Int64(rows.count))
    let count =
      panes.airlifts.filter == nil
      ? shown : "\(shown) of \(CountText.grouped(Int64(state.activeAirlifts.count)))"
    let title = "Airlifts (\(count)) \(airliftOrder.title)"
    drawList(
      &canvas, rect, .airlifts, title: title, table: airliftTable, rows: rows,
      row: { state.airlift($0) },
      empty: panes.airlifts.filter == nil
        ? "No airlifts awaiting action." : "No airlift matches the filter.", measured: measured)
  }
}
