import WatchfloorModel

/// The rows each pane shows, in display order, after the pane's filter. The update loop and
/// the view both use these, so what a key moves over is exactly what is on screen.
///
/// The live lists are kept in order between frames by the model's ``RowCache``: reading them
/// costs nothing when nothing changed, and a frame materializes only the rows it draws.
extension ConsoleModel {
  /// The airlifts pane's rows as shown: in the held order while a movement key holds the
  /// rows still (``HeldOrder``), else live. Every row is looked up: O(rows); the view
  /// looks up only the rows in sight.
  public func airliftRows() -> [Airlift] {
    airliftSymbols().compactMap { state.airlift($0) }
  }

  /// The airlifts pane's items as shown (held, or live).
  func airliftSymbols() -> [Symbol] { shownSymbols(.airlifts) }

  /// Airlifts that are not final, after the filter, in the pane's order (``AirliftOrder``);
  /// by urgency: awaiting a decision first (second approvals first among them, then
  /// pending and held), then approved, then in flight; within each group overdue ones
  /// first, then urgent ones, then by ETD.
  func liveAirliftSymbols() -> [Symbol] {
    refreshAirlifts()
    return rowCache.airlifts.rows.symbols
  }

  /// Brings the airlifts' list to the state, filter, order and clock: the clock first (the
  /// airlifts whose ETD it passed, or went back over, change group), then the journal.
  private func refreshAirlifts() {
    let cache = rowCache
    let filter = (panes.airlifts.filter ?? "").lowercased()
    let inputs = AirliftInputs(
      filter: filter, order: airliftOrder, filteredAt: filter.isEmpty ? nil : now,
      clockKnown: !now.isMissing)
    let timed = filter.isEmpty && airliftOrder == .urgency
    let precedes = Self.airliftPrecedes(tables)
    let keyedAt = cache.airliftsKeyedAt
    if timed, cache.airlifts.inputs == inputs, cache.airlifts.revision != nil, keyedAt != now,
      !keyedAt.isMissing, !now.isMissing
    {
      let low = min(keyedAt, now)
      let high = max(keyedAt, now)
      // Overdue is `etd < now`: what changes between two clocks has its ETD in [low, high).
      let flipped = Array(
        cache.etds.symbols(
          from: EtdKey(etd: low, id: Symbol(0)), below: EtdKey(etd: high, id: Symbol(0)),
          by: EtdKey.precedes))
      if !flipped.isEmpty {
        let moved = flipped.map { (symbol: $0, key: airliftKey($0, filter: filter)) }
        cache.airlifts.rows.apply(moved, by: precedes)
        cache.airlifts.version += 1
        for item in moved {
          cache.etds.set(item.symbol, key: etdKey(item.key), by: EtdKey.precedes)
        }
      }
    }
    cache.airlifts.refresh(
      state: state, inputs: inputs, kind: .airlift, cache: cache,
      candidates: { state.activeAirlifts.members },
      key: { airliftKey($0, filter: filter) }, precedes: precedes,
      onRebuild: { rows in
        // The list is being changed: what it holds comes as `rows`, not through the cache.
        guard timed else { return }
        cache.etds.rebuild(
          rows.symbols.compactMap { symbol in
            rows.key(of: symbol).flatMap(etdKey).map { (symbol, $0) }
          }, by: EtdKey.precedes)
      },
      onSet: { symbol, key in
        guard timed else { return }
        cache.etds.set(symbol, key: key.flatMap(etdKey), by: EtdKey.precedes)
      })
    cache.airliftsKeyedAt = now
  }

  /// The ETD index's key for an airlift listed under `key`; nil without an ETD.
  private func etdKey(_ key: AirliftRowKey?) -> EtdKey? {
    guard let key, !key.etd.isMissing else { return nil }
    return EtdKey(etd: key.etd, id: key.id)
  }

  /// What the airlifts pane sorts `symbol` by now; nil when it is not listed (final, or
  /// not matching `filter`, lowercased).
  func airliftKey(_ symbol: Symbol, filter: String) -> AirliftRowKey? {
    guard state.activeAirlifts.contains(symbol), let airlift = state.airlift(symbol) else {
      return nil
    }
    if !filter.isEmpty && !airliftSearchText(airlift).contains(filter) { return nil }
    let urgency = airliftOrder == .urgency
    return AirliftRowKey(
      group: urgency ? UInt8(Self.airliftGroup(airlift)) : 0,
      overdue: urgency && !isOverdue(airlift) ? 1 : 0,
      urgency: urgency ? UInt8(Self.urgencyRank(airlift)) : 0,
      destination: airliftOrder == .destination ? tables.facility(airlift.destination) : "",
      detainees: airliftOrder == .detainees ? airlift.detainees : 0, etd: airlift.plan.etd,
      id: symbol)
  }

  /// The airlifts pane's order on its keys.
  static func airliftPrecedes(_ tables: SymbolTables) -> (AirliftRowKey, AirliftRowKey) -> Bool {
    { left, right in
      if left.group != right.group { return left.group < right.group }
      if left.overdue != right.overdue { return left.overdue < right.overdue }
      if left.urgency != right.urgency { return left.urgency < right.urgency }
      if left.destination != right.destination {
        return left.destination.utf8.lexicographicallyPrecedes(right.destination.utf8)
      }
      if left.detainees != right.detainees { return left.detainees > right.detainees }
      if left.etd < right.etd { return true }
      if right.etd < left.etd { return false }
      return tables.airlifts.precedes(left.id, right.id)
    }
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

  /// Iraqi facilities, then Syrian origins; by id within each. Kept for the state and
  /// filter (a floor has tens of facilities: they are sorted afresh when either changes).
  func liveFacilityRows() -> [(symbol: Symbol, facility: Facility)] {
    let filter = (panes.occupancy.filter ?? "").lowercased()
    if let kept = rowCache.facilities, kept.revision == state.changes.revision,
      kept.filter == filter
    {
      return kept.rows
    }
    var rows: [(symbol: Symbol, facility: Facility)] = []
    state.facilities.forEachEntry { rows.append(($0, $1)) }
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
    let sorted = rows.sorted { left, right in
      if left.facility.side != right.facility.side { return left.facility.side == .iraq }
      return tables.facilities.precedes(left.symbol, right.symbol)
    }
    rowCache.facilities = (state.changes.revision, filter, sorted)
    return sorted
  }

  /// The incidents pane's rows as shown (held, or live). Every row is looked up: O(rows).
  public func incidentRows() -> [(symbol: Symbol, incident: Incident)] {
    incidentSymbols().compactMap { symbol in
      state.incidents[symbol].map { (symbol: symbol, incident: $0) }
    }
  }

  /// The incidents pane's items as shown (held, or live).
  func incidentSymbols() -> [Symbol] { shownSymbols(.incidents) }

  /// Incidents not resolved: open (unacknowledged) first, then by severity, newest first.
  func liveIncidentSymbols() -> [Symbol] {
    let filter = (panes.incidents.filter ?? "").lowercased()
    rowCache.incidents.refresh(
      state: state, inputs: filter, kind: .incident, cache: rowCache,
      candidates: { state.unresolvedIncidents.members },
      key: { incidentKey($0, filter: filter) }, precedes: Self.incidentPrecedes(tables))
    return rowCache.incidents.rows.symbols
  }

  /// What the incidents pane sorts `symbol` by; nil when it is not listed (resolved, or not
  /// matching `filter`, lowercased).
  func incidentKey(_ symbol: Symbol, filter: String) -> IncidentRowKey? {
    guard state.unresolvedIncidents.contains(symbol), let incident = state.incidents[symbol]
    else { return nil }
    if !filter.isEmpty {
      let text = [
        tables.incident(symbol), tables.text(incident.sector), tables.text(incident.kind),
        tables.text(incident.summary), incident.severity.name,
      ].joined(separator: " ").lowercased()
      if !text.contains(filter) { return nil }
    }
    return IncidentRowKey(
      open: incident.status == .open, severity: incident.severity,
      reportedAt: incident.reportedAt, id: symbol)
  }

  static func incidentPrecedes(_ tables: SymbolTables) -> (IncidentRowKey, IncidentRowKey) -> Bool {
    { left, right in
      if left.open != right.open { return left.open }
      if left.severity != right.severity { return left.severity > right.severity }
      if left.reportedAt > right.reportedAt { return true }
      if left.reportedAt < right.reportedAt { return false }
      return tables.incidents.precedes(left.id, right.id)
    }
  }

  /// How many of the incidents pane's rows as shown are open: the live list's open ones
  /// lead it, found by a binary search.
  func openIncidentsShown() -> Int {
    let live = liveIncidentSymbols()
    let shown = incidentSymbols()
    if shown == live {
      return rowCache.incidents.rows.partition { !$0.open }
    }
    return rowCache.held[.incidents]?.open ?? 0
  }

  /// The symbols of a pane's rows, in the order shown.
  func rowSymbols(_ pane: Pane) -> [Symbol] {
    switch pane {
    case .airlifts: airliftSymbols()
    case .occupancy: facilityRows().map(\.symbol)
    case .incidents: incidentSymbols()
    }
  }

  /// The live rows of a pane (not held).
  private func liveSymbols(_ pane: Pane) -> [Symbol] {
    switch pane {
    case .airlifts: liveAirliftSymbols()
    case .occupancy: liveFacilityRows().map(\.symbol)
    case .incidents: liveIncidentSymbols()
    }
  }

  /// Where `symbol` is among `rows`, a pane's rows as shown: a binary search when they are
  /// the live list, else a scan.
  func rowIndex(_ pane: Pane, of symbol: Symbol, in rows: [Symbol]) -> Int? {
    switch pane {
    case .airlifts where rows == rowCache.airlifts.rows.symbols:
      return rowCache.airlifts.rows.index(of: symbol, by: Self.airliftPrecedes(tables))
    case .incidents where rows == rowCache.incidents.rows.symbols:
      return rowCache.incidents.rows.index(of: symbol, by: Self.incidentPrecedes(tables))
    default:
      return rows.firstIndex(of: symbol)
    }
  }

  /// A list pane's rows as shown: the live list, or, while a movement key holds them, the
  /// held order (rows that left the live list stay; rows new to it wait). Arranged once
  /// for each version of the live list.
  private func shownSymbols(_ pane: Pane) -> [Symbol] {
    let live = liveSymbols(pane)
    guard let held = panes[pane].held else { return live }
    let version =
      pane == .airlifts ? rowCache.airlifts.version : rowCache.incidents.version
    if let memo = rowCache.held[pane], memo.liveVersion == version, memo.order == held.order {
      return memo.rows
    }
    var memo = HeldMemo(order: held.order, liveVersion: version, rows: live, waiting: 0)
    if held.order != live {
      memo.rows = held.order.filter { symbol in
        pane == .airlifts ? state.airlift(symbol) != nil : state.incidents[symbol] != nil
      }
      memo.waiting = held.waitingChanges(live: live)
      if pane == .incidents {
        memo.open = memo.rows.count(where: { state.incidents[$0]?.status == .open })
      }
    }
    rowCache.held[pane] = memo
    return memo.rows
  }

  /// How many changes to a pane's order wait for its held rows to be let go; 0 when the
  /// pane is not held.
  public func waitingChanges(_ pane: Pane) -> Int {
    guard let held = panes[pane].held else { return 0 }
    if pane == .occupancy {
      return held.waitingChanges(live: liveFacilityRows().map(\.symbol))
    }
    _ = shownSymbols(pane)
    return rowCache.held[pane]?.waiting ?? 0
  }
}

/// The rows of the three list panes, found once for a frame: the layout measures them and
/// the panes draw them. The lists' items; a frame looks up only the rows it draws.
struct PaneRows {
  let airlifts: [Symbol]
  let facilities: [ConsoleModel.FacilityRow]
  let incidents: [Symbol]

  /// Each pane's items, in display order.
  var symbols: [Pane: [Symbol]] {
    [.airlifts: airlifts, .occupancy: facilities.map(\.symbol), .incidents: incidents]
  }
}

extension ConsoleModel {
  func paneRows() -> PaneRows {
    PaneRows(airlifts: airliftSymbols(), facilities: facilityRows(), incidents: incidentSymbols())
  }
}
