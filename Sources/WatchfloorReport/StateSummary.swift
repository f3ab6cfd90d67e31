import WatchfloorModel

/// The readable form of `watchfloor state`: facilities with their load, airlifts by status,
/// open incidents, totals and line counts. Every line is sanitised: names and summaries come
/// from the log.
public struct StateSummary {
  public let state: OpsState
  public let tables: SymbolTables
  /// The as-of time in the display zone, shown after the log's own when set.
  public var asOfLocal: String?

  public init(state: OpsState, tables: SymbolTables) {
    self.state = state
    self.tables = tables
  }

  /// The summary, lines joined by newlines, without a final newline.
  public var text: String { lines.joined(separator: "\n") }

  /// Writes ``text`` to `out` line by line, without joining the lines into one string.
  public func writeText(to out: inout OutputBuffer) { out.writeLines(lines) }

  private var lines: [String] {
    var lines: [String] = []
    let asOf = state.lastApplied.isMissing ? "the start" : tables.text(state.lastApplied)
    lines.append("Watchfloor state as of \(asOf)" + (asOfLocal.map { " (\($0))" } ?? ""))
    lines.append("")
    for side in [Side.iraq, Side.syria] {
      lines.append(side == .iraq ? "FACILITIES (Iraq)" : "ORIGINS (Syria)")
      let symbols = state.facilities.symbols.filter { state.facilities[$0]?.side == side }
        .sorted { tables.facilities.precedes($0, $1) }
      if symbols.isEmpty { lines.append("  none") }
      lines += table(
        symbols.compactMap { symbol in
          guard let facility = state.facilities[symbol] else { return nil }
          // The console's marks: `!` full or over capacity, `!!` far over.
          let load = ReportWording.loadText(
            occupancy: facility.occupancy, capacity: facility.capacity, markWidth: 2)
          return [
            tables.facility(symbol), tables.text(facility.name), facility.status.name,
            ">\(grouped(facility.occupancy)) / \(grouped(facility.capacity))", ">" + load,
            "inbound " + grouped(facility.inboundCount),
          ]
        })
      lines.append("")
    }
    lines.append("AIRLIFTS")
    lines.append(
      "  "
        + AirliftStatus.allCases.map { "\($0.name) \(state.airlifts($0))" }
        .joined(separator: " · "))
    var active: [Airlift] = []
    state.forEachAirlift { if !$0.status.isFinal { active.append($0) } }
    active.sort { tables.airlifts.precedes($0.id, $1.id) }
    lines += table(
      active.map { airlift in
        let approvals = airlift.progress.approvals.map { tables.text($0) }
        return [
          tables.airlift(airlift.id), airlift.status.name,
          "\(tables.facility(airlift.origin)) → \(tables.facility(airlift.destination))",
          ">" + grouped(airlift.detainees),
          airlift.highValue > 0 ? "\(airlift.highValue) high-value" : "",
          approvals.isEmpty ? "" : "approved by " + approvals.joined(separator: ", "),
        ]
      })
    lines.append("")
    lines.append("OPEN INCIDENTS")
    var open: [(Symbol, Incident)] = []
    state.incidents.forEachEntry { symbol, incident in
      if incident.status != .resolved { open.append((symbol, incident)) }
    }
    open.sort { ($0.1.severity, $1.1.reportedAt) > ($1.1.severity, $0.1.reportedAt) }
    if open.isEmpty { lines.append("  none") }
    lines += table(
      open.map { symbol, incident in
        [
          tables.incident(symbol), incident.severity.name, incident.status.name,
          tables.text(incident.sector), tables.text(incident.summary),
        ]
      })
    lines.append("")
    lines.append("TOTALS")
    lines.append(
      "  moved \(grouped(state.moved)) of 7,000 · in flight \(grouped(state.inFlight)) · "
        + "pending \(grouped(state.pending)) · repatriated \(grouped(state.repatriated)) · "
        + "discrepancy \(grouped(state.discrepancy))")
    let counts = state.counts
    lines.append(
      "  lines: \(counted(counts.events, "event", "events")), \(counts.applied) applied, "
        + "\(counts.malformed) malformed, \(counted(counts.duplicates, "duplicate", "duplicates")), "
        + "\(counts.unknownType) unknown type, \(counted(counts.anomalies, "anomaly", "anomalies")), "
        + "\(counts.outOfOrder) out of order")
    return lines
  }
}
