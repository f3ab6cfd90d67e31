import WatchfloorModel

extension ConsoleModel {
  /// A facility offered for a diversion, with what the officer weighs: the load once this
  /// airlift has landed there, its security, its status and its unresolved serious incidents.
  struct DestinationRow {
    var symbol: Symbol
    var facility: Facility
    /// Projected occupancy with this airlift's detainees landed.
    var after: Int64
    var incidents: Int
    var highlighted: Bool
  }

  /// The columns of the destination list, declared once (see ``Table``).
  func destinationTable() -> Table<DestinationRow> {
    Table([
      TableColumn("", .fixed(1), priority: 200) { row in
        row.highlighted ? [Span("›", Style(.accent, .bold))] : []
      },
      TableColumn("FACILITY", .whole(max: 24), priority: 100) { row in
        [Span(tables.facility(row.symbol), Style(.text, .bold))]
      },
      TableColumn("NAME", .content(min: 6, max: 32), priority: 30) { row in
        [Span(tables.text(row.facility.name), Style(.dim))]
      },
      TableColumn("AFTER LANDING", .whole(max: 24), priority: 90) { row in
        let capacity = row.facility.capacity
        let band = Self.loadBand(occupancy: row.after, capacity: capacity)
        let percent =
          LoadLevel.percent(occupancy: row.after, capacity: capacity).map {
            CountText.grouped(Int64(clamping: $0)) + "%" + band.mark
          } ?? "n/a"
        return [
          Span(percent, band.style),
          Span(" \(CountText.grouped(row.after))/\(CountText.grouped(capacity))", Style(.dim)),
        ]
      },
      TableColumn("SECURITY", .whole(max: 8), priority: 80) { row in
        let security = row.facility.security
        return [Span(security.name, security == .maximum ? Style(.text) : Style(.warn))]
      },
      TableColumn("STATUS", .whole(max: 8), priority: 85) { row in
        let status = row.facility.status
        return status == .open
          ? [Span("open", Style(.ok))] : [Span(status.name.uppercased(), Style(.danger, .bold))]
      },
      TableColumn("INCIDENTS", .whole(max: 9), align: .right, priority: 70) { row in
        row.incidents == 0
          ? [Span("none", Style(.dim))] : [Span("\(row.incidents) high+", Style(.warn, .bold))]
      },
    ])
  }

  /// The rows of `picker` for `airlift`, in its order.
  func destinationRows(_ picker: DestinationPicker, for airlift: Airlift) -> [DestinationRow] {
    picker.facilities.enumerated().compactMap { index, symbol in
      guard let facility = state.facilities[symbol] else { return nil }
      return DestinationRow(
        symbol: symbol, facility: facility,
        after: Int64(clamping: Int128(facility.projected) + Int128(airlift.detainees)),
        incidents: unresolvedSeriousIncidents(near: symbol, state: state, tables: tables),
        highlighted: index == picker.selected)
    }
  }

  /// The diversion's first step: the airlift, then every facility it may go to as a table,
  /// the highlighted one in the selection's style; its geometry declared with ``Layout``.
  func drawDestinationPicker(
    _ canvas: inout Canvas, _ dialog: DecisionDialog, _ picker: DestinationPicker
  ) {
    guard let airlift = state.airlift(dialog.subject) else { return }
    let rows = destinationRows(picker, for: airlift)
    let width = min(canvas.width - 4, 100)
    let intro = [
      (
        CountText.sentence(fitting: width - 4) { count in
          "\(tables.facility(airlift.origin)) → \(tables.facility(airlift.destination)) · "
            + "\(count(airlift.detainees)) detainees, \(count(airlift.highValue)) high-value · "
            + airlift.status.name
        },
        Style(.text, .bold)
      ),
      ("Divert to (load after this airlift lands there):", Style(.accent, .bold)),
    ]
    // Borders, the intro, headings, the list, a blank line and the keys.
    let wanted = 2 + intro.count + 1 + max(1, rows.count) + 2
    let height = min(canvas.height - 2, wanted)
    let outer = Layout.horizontal([.fill(1), .length(width), .fill(1)]).split(
      Layout.vertical([.fill(1), .length(height), .fill(1)]).split(canvas.bounds)[1])[1]
    canvas.fill(outer, style: Style(.text))
    canvas.box(
      outer, glyphs: .double, style: Style(.borderFocused),
      title: "Divert airlift \(dialog.subjectID)", titleStyle: Style(.title, .bold))
    let inner = Layout.horizontal([.length(2), .fill(1), .length(2)]).split(
      Layout.vertical([.length(1), .fill(1), .length(1)]).split(outer)[1])[1]
    let parts = Layout.vertical([
      .length(intro.count), .length(1), .fill(1), .length(1), .length(1),
    ]).split(inner)
    let (introRect, headingRect, listRect, keysRect) = (parts[0], parts[1], parts[2], parts[4])
    for (index, line) in intro.prefix(introRect.height).enumerated() {
      canvas.put(
        line.0, x: introRect.x, y: introRect.y + index, width: introRect.width, style: line.1,
        overflow: .ellipsis)
    }
    let table = destinationTable()
    let widths = table.widths(for: rows, width: listRect.width)
    table.drawHeadings(
      &canvas, x: headingRect.x, y: headingRect.y, widths: widths, style: Style(.dim, .bold))
    if rows.isEmpty {
      canvas.put(
        "no other facility to divert to", x: listRect.x, y: listRect.y, width: listRect.width,
        style: Style(.dim))
    }
    let top = picker.scrolled(visible: listRect.height)
    for (offset, row) in rows.dropFirst(top).prefix(listRect.height).enumerated() {
      let y = listRect.y + offset
      table.drawRow(&canvas, row, x: listRect.x, y: y, widths: widths)
      if row.highlighted {
        // The selection's style after the marker, as the panes show it.
        let marker = (widths.first ?? nil).map { $0 + table.spacing } ?? 0
        canvas.setStyle(
          Style(.selection, .reverse),
          in: Rect(x: listRect.x + marker, y: y, width: listRect.width - marker, height: 1))
      }
    }
    canvas.put(
      "↑↓ jk choose · Enter this destination · Esc cancel", x: keysRect.x, y: keysRect.y,
      width: keysRect.width, style: Style(.key, .bold), overflow: .ellipsis)
  }
}
