import WatchfloorModel

/// The rows each pane shows, in display order, after the pane's filter. The update loop and
/// the view both use these, so what a key moves over is exactly what is on screen.
extension ConsoleModel {
  /// Airlifts that are not final: awaiting a decision first (second approvals first among
  /// them, then urgent), then approved, then in flight; by ETD within each group.
  public func airliftRows() -> [Airlift] {
    var rows = state.activeAirlifts.compactMap { state.airlift($0) }
    let filter = (panes.airlifts.filter ?? "").lowercased()
    if !filter.isEmpty {
      rows = rows.filter { airliftSearchText($0).contains(filter) }
    }
    return rows.sorted { left, right in
      let l = (Self.airliftGroup(left), left.plan.priority == .urgent ? 0 : 1, left.plan.etd)
      let r = (Self.airliftGroup(right), right.plan.priority == .urgent ? 0 : 1, right.plan.etd)
      if l.0 != r.0 { return l.0 < r.0 }
      if l.1 != r.1 { return l.1 < r.1 }
      if l.2 != r.2 { return l.2 < r.2 }
      return tables.airlifts.precedes(left.id, right.id)
    }
  }

  static func airliftGroup(_ airlift: Airlift) -> Int {
    switch airlift.status {
    case .awaitingSecond: 0
    case .pending: 1
    case .held: 2
    case .approved: 3
    default: 4
    }
  }

  func airliftSearchText(_ airlift: Airlift) -> String {
    [
      tables.airlift(airlift.id), tables.facility(airlift.origin),
      tables.facility(airlift.destination), airlift.status.name,
      airlift.plan.priority.name,
    ].joined(separator: " ").lowercased()
  }

  /// Iraqi facilities, then Syrian origins; by id within each.
  public func facilityRows() -> [(symbol: Symbol, facility: Facility)] {
    var rows: [(symbol: Symbol, facility: Facility)] = []
    state.facilities.forEachEntry { rows.append(($0, $1)) }
    let filter = (panes.occupancy.filter ?? "").lowercased()
    if !filter.isEmpty {
      rows = rows.filter { row in
        [
          tables.facility(row.symbol), tables.text(row.facility.name),
          tables.text(row.facility.region),
        ]
        .joined(separator: " ").lowercased().contains(filter)
      }
    }
    return rows.sorted { left, right in
      if left.facility.side != right.facility.side { return left.facility.side == .iraq }
      return tables.facilities.precedes(left.symbol, right.symbol)
    }
  }

  /// Incidents not resolved: open (unacknowledged) first, then by severity, newest first.
  public func incidentRows() -> [(symbol: Symbol, incident: Incident)] {
    var rows = state.unresolvedIncidents.compactMap { symbol in
      state.incidents[symbol].map { (symbol: symbol, incident: $0) }
    }
    let filter = (panes.incidents.filter ?? "").lowercased()
    if !filter.isEmpty {
      rows = rows.filter { row in
        [
          tables.incident(row.symbol), tables.text(row.incident.sector),
          tables.text(row.incident.kind), tables.text(row.incident.summary),
          row.incident.severity.name,
        ].joined(separator: " ").lowercased().contains(filter)
      }
    }
    return rows.sorted { left, right in
      let l = left.incident
      let r = right.incident
      if (l.status == .open) != (r.status == .open) { return l.status == .open }
      if l.severity != r.severity { return l.severity > r.severity }
      if l.reportedAt != r.reportedAt { return l.reportedAt > r.reportedAt }
      return tables.incidents.precedes(left.symbol, right.symbol)
    }
  }

  /// The symbols of the focused pane's rows, in order.
  func rowSymbols(_ pane: Pane) -> [Symbol] {
    switch pane {
    case .airlifts: airliftRows().map(\.id)
    case .occupancy: facilityRows().map(\.symbol)
    case .incidents: incidentRows().map(\.symbol)
    }
  }
}

/// The rows of the three list panes, built once for a frame: the layout measures them and the
/// panes draw them.
struct PaneRows {
  let airlifts: [Airlift]
  let facilities: [ConsoleModel.FacilityRow]
  let incidents: [ConsoleModel.IncidentRow]
}

extension ConsoleModel {
  func paneRows() -> PaneRows {
    PaneRows(airlifts: airliftRows(), facilities: facilityRows(), incidents: incidentRows())
  }
}
