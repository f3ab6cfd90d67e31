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

  /// An incident row: its symbol and what it is now.
  typealias IncidentRow = (symbol: Symbol, incident: Incident)

  /// The incidents pane's columns: the summary grows into the room; the kind gives way first.
  var incidentTable: Table<IncidentRow> {
    Table([
      TableColumn("  SEV", .whole(max: 6), priority: 100) { row in
        let open = row.incident.status == .open
        let severity = Self.severityLabel(row.incident.severity)
        return [
          Span(open ? "● " : "○ ", open ? Style(.danger, .bold) : Style(.dim)),
          Span(severity.text, severity.style),
        ]
      },
      TableColumn("ID", .content(min: 8, max: 16), priority: 90) { row in
        [Span(tables.incident(row.symbol), self.incidentTextStyle(row))]
      },
      TableColumn("SECTOR", .content(min: 8, max: 18), priority: 85) { row in
        [Span(tables.text(row.incident.sector))]
      },
      TableColumn("KIND", .content(min: 6, max: 16), priority: 30) { row in
        [Span(tables.text(row.incident.kind), Style(.dim))]
      },
      TableColumn("SUMMARY", .content(min: 20, max: 240), priority: 80) { row in
        [Span(tables.text(row.incident.summary), self.incidentTextStyle(row))]
      },
      TableColumn("AGE", .whole(max: 4), align: .right, priority: 60) { row in
        [Span(ConsoleTime.age(from: row.incident.reportedAt, to: now, width: 4), Style(.dim))]
      },
    ])
  }

  /// Unacknowledged incidents read bold.
  private func incidentTextStyle(_ row: IncidentRow) -> Style {
    row.incident.status == .open ? Style(.text, .bold) : Style(.text)
  }

  func drawIncidents(
    _ canvas: inout Canvas, _ rect: Rect, _ rows: [Symbol], measured: [Int]?
  ) {
    let open = openIncidentsShown()
    let state = self.state
    func row(_ symbol: Symbol) -> IncidentRow? {
      state.incidents[symbol].map { (symbol: symbol, incident: $0) }
    }
    drawList(
      &canvas, rect, .incidents,
      title: "Incidents (\(open) open, \(rows.count - open) acknowledged)",
      table: incidentTable, rows: rows, row: row,
      empty: panes.incidents.filter == nil
        ? "No open incidents." : "No incident matches the filter.", measured: measured
    ) { canvas, row, rowRect in
      // A critical incident new in the last minute is highlighted across the row, and marked
      // `!` where the selection's `›` would be: without colour the two still differ.
      if freshCriticals[row.symbol] != nil {
        canvas.setStyle(Style(.critical, [.bold, .reverse]), in: rowRect)
        canvas.put("!", x: rowRect.x - 1, y: rowRect.y, style: Style(.critical, .bold))
      }
    }
  }
}
