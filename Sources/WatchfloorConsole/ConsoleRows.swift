import WatchfloorModel

/// The rows each pane shows, in display order, after the pane's filter. The update loop and
/// the view both use these, so what a key moves over is exactly what is on screen.
extension ConsoleModel {
  /// The airlifts pane's rows as shown: in the held order while a movement key holds the
  /// rows still (``HeldOrder``), else live.
  public func airliftRows() -> [Airlift] {
    let live = liveAirliftRows()
    return panes.airlifts.held?.arrange(live, id: \.id) { state.airlift($0) } ?? live
  }

  /// Airlifts that are not final, after the filter, in the pane's order (``AirliftOrder``);
  /// by urgency: awaiting a decision first (second approvals first among them, then
  /// pending and held), then approved, then in flight; within each group overdue ones
  /// first, then urgent ones, then by ETD.
  func liveAirliftRows() -> [Airlift] {
    var rows = state.activeAirlifts.compactMap { state.airlift($0) }
    let filter = (panes.airlifts.filter ?? "").lowercased()
    if !filter.isEmpty {
      rows = rows.filter { airliftSearchText($0).contains(filter) }
    }
    // Each row's key computed once (decorate, sort, undecorate): the comparisons then cost
    // no lookups, and a frame sorts a large floor in a fraction of the time.
    let order = airliftOrder
    let keyed = rows.enumerated().map { index, airlift in
      AirliftSortKey(
        primary: order == .urgency
          ? (Self.airliftGroup(airlift), isOverdue(airlift) ? 0 : 1, Self.urgencyRank(airlift))
          : (0, 0, 0),
        destination: order == .destination ? tables.facility(airlift.destination) : "",
        detainees: order == .detainees ? airlift.detainees : 0, etd: airlift.plan.etd,
        id: airlift.id, index: index)
    }
    return keyed.sorted { left, right in
      if left.primary != right.primary { return left.primary < right.primary }
      if left.destination != right.destination {
        return left.destination.utf8.lexicographicallyPrecedes(right.destination.utf8)
      }
      if left.detainees != right.detainees { return left.detainees > right.detainees }
      if left.etd != right.etd { return left.etd < right.etd }
      return tables.airlifts.precedes(left.id, right.id)
    }.map { rows[$0.index] }
  }

  static func urgencyRank(_ airlift: Airlift) -> Int {
    airlift.plan.priority == .urgent ? 0 : 1
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

  /// What the filter looks in: every column the pane shows (status in words, id, ETD as
  /// shown, route, counts, priority, age, who approved), plus the status's and priority's
  /// names in the log.
  func airliftSearchText(_ airlift: Airlift) -> String {
    var words = [
      Self.statusLabel(airlift).text, airlift.status.name, tables.airlift(airlift.id),
      etdCell(airlift).text, tables.facility(airlift.origin), tables.facility(airlift.destination),
      String(airlift.detainees), airlift.plan.priority.name,
      airlift.plan.priority == .urgent ? "URG" : "",
    ]
    if airlift.highValue > 0 { words.append(String(airlift.highValue)) }
    words += ageCell(airlift).map(\.text)
    words += airlift.progress.approvals.map { tables.text($0) }
    return words.joined(separator: " ").lowercased()
  }

  /// The occupancy pane's rows as shown (held, or live).
  public func facilityRows() -> [(symbol: Symbol, facility: Facility)] {
    let live = liveFacilityRows()
    return panes.occupancy.held?.arrange(live, id: \.symbol) { symbol in
      state.facilities[symbol].map { (symbol: symbol, facility: $0) }
    } ?? live
  }

  /// Iraqi facilities, then Syrian origins; by id within each.
  func liveFacilityRows() -> [(symbol: Symbol, facility: Facility)] {
    var rows: [(symbol: Symbol, facility: Facility)] = []
    state.facilities.forEachEntry { rows.append(($0, $1)) }
    let filter = (panes.occupancy.filter ?? "").lowercased()
    if !filter.isEmpty {
      rows = rows.filter { row in
        [
          tables.facility(row.symbol), tables.text(row.facility.name),
          tables.text(row.facility.region),
          // The status column shows LOCKDOWN and CLOSED; open shows nothing.
          row.facility.status == .open ? "" : row.facility.status.name,
          row.facility.inboundCount > 0 ? "+\(CountText.grouped(row.facility.inboundCount))" : "",
          "\(CountText.grouped(row.facility.occupancy))/\(CountText.grouped(row.facility.capacity))",
        ]
        .joined(separator: " ").lowercased().contains(filter)
      }
    }
    return rows.sorted { left, right in
      if left.facility.side != right.facility.side { return left.facility.side == .iraq }
      return tables.facilities.precedes(left.symbol, right.symbol)
    }
  }

  /// The incidents pane's rows as shown (held, or live).
  public func incidentRows() -> [(symbol: Symbol, incident: Incident)] {
    let live = liveIncidentRows()
    return panes.incidents.held?.arrange(live, id: \.symbol) { symbol in
      state.incidents[symbol].map { (symbol: symbol, incident: $0) }
    } ?? live
  }

  /// Incidents not resolved: open (unacknowledged) first, then by severity, newest first.
  func liveIncidentRows() -> [(symbol: Symbol, incident: Incident)] {
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

  /// The symbols of a pane's rows, in the order shown.
  func rowSymbols(_ pane: Pane) -> [Symbol] {
    switch pane {
    case .airlifts: airliftRows().map(\.id)
    case .occupancy: facilityRows().map(\.symbol)
    case .incidents: incidentRows().map(\.symbol)
    }
  }

  /// How many changes to a pane's order wait for its held rows to be let go; 0 when the
  /// pane is not held.
  public func waitingChanges(_ pane: Pane) -> Int {
    guard let held = panes[pane].held else { return 0 }
    let live: [Symbol] =
      switch pane {
      case .airlifts: liveAirliftRows().map(\.id)
      case .occupancy: liveFacilityRows().map(\.symbol)
      case .incidents: liveIncidentRows().map(\.symbol)
      }
    return held.waitingChanges(live: live)
  }
}

/// The rows of the three list panes, built once for a frame: the layout measures them and the
/// panes draw them.
struct PaneRows {
  let airlifts: [Airlift]
  let facilities: [ConsoleModel.FacilityRow]
  let incidents: [ConsoleModel.IncidentRow]

  /// Each pane's items, in display order.
  var symbols: [Pane: [Symbol]] {
    [
      .airlifts: airlifts.map(\.id), .occupancy: facilities.map(\.symbol),
      .incidents: incidents.map(\.symbol),
    ]
  }
}

extension ConsoleModel {
  func paneRows() -> PaneRows {
    PaneRows(airlifts: airliftRows(), facilities: facilityRows(), incidents: incidentRows())
  }
}

/// What the airlifts pane sorts an airlift by, worked out once, and where the airlift is: the
/// sort moves these small keys, not the airlifts.
private struct AirliftSortKey {
  let primary: (Int, Int, Int)
  let destination: String
  let detainees: Int64
  let etd: Timestamp
  let id: Symbol
  let index: Int
}
