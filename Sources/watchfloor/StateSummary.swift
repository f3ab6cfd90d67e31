import WatchfloorModel

/// The readable form of `watchfloor state`: facilities with their load, airlifts by status,
/// open incidents, totals and line counts.
struct StateSummary {
  let state: OpsState
  let tables: SymbolTables

  var text: String {
    var lines: [String] = []
    let asOf = state.lastApplied.isMissing ? "the start" : tables.text(state.lastApplied)
    lines.append("Watchfloor state as of \(asOf)")
    lines.append("")
    for side in [Side.iraq, Side.syria] {
      lines.append(side == .iraq ? "FACILITIES (Iraq)" : "ORIGINS (Syria)")
      let symbols = state.facilities.symbols.filter { state.facilities[$0]?.side == side }
        .sorted { tables.facilities.precedes($0, $1) }
      if symbols.isEmpty { lines.append("  none") }
      for symbol in symbols {
        guard let facility = state.facilities[symbol] else { continue }
        let load = facility.load.map { "\(Int(($0 * 100).rounded()))%" } ?? "n/a"
        lines.append(
          "  " + pad(tables.facility(symbol), 14) + pad(tables.text(facility.name), 28)
            + pad(facility.status.name, 9)
            + leftPad("\(grouped(facility.occupancy)) / \(grouped(facility.capacity))", 17)
            + leftPad(load, 6) + "  inbound " + grouped(facility.inboundCount))
      }
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
    for airlift in active {
      let approvals = airlift.progress.approvals.map { tables.text($0) }
      lines.append(
        "  " + pad(tables.airlift(airlift.id), 14) + pad(airlift.status.name, 16)
          + pad("\(tables.facility(airlift.origin)) → \(tables.facility(airlift.destination))", 26)
          + leftPad(grouped(airlift.detainees), 6)
          + (airlift.highValue > 0 ? "  \(airlift.highValue) high-value" : "")
          + (approvals.isEmpty ? "" : "  approved by " + approvals.joined(separator: ", ")))
    }
    lines.append("")
    lines.append("OPEN INCIDENTS")
    var open: [(Symbol, Incident)] = []
    state.incidents.forEachEntry { symbol, incident in
      if incident.status != .resolved { open.append((symbol, incident)) }
    }
    open.sort { ($0.1.severity, $1.1.reportedAt) > ($1.1.severity, $0.1.reportedAt) }
    if open.isEmpty { lines.append("  none") }
    for (symbol, incident) in open {
      lines.append(
        "  " + pad(tables.incident(symbol), 14) + pad(incident.severity.name, 9)
          + pad(incident.status.name, 13) + pad(tables.text(incident.sector), 16)
          + tables.text(incident.summary))
    }
    lines.append("")
    lines.append("TOTALS")
    lines.append(
      "  moved \(grouped(state.moved)) of 7,000 · in flight \(grouped(state.inFlight)) · "
        + "pending \(grouped(state.pending)) · repatriated \(grouped(state.repatriated)) · "
        + "discrepancy \(grouped(state.discrepancy))")
    let counts = state.counts
    lines.append(
      "  lines: \(counts.events) events, \(counts.applied) applied, \(counts.malformed) malformed, "
        + "\(counts.duplicates) duplicates, \(counts.unknownType) unknown type, "
        + "\(counts.anomalies) anomalies, \(counts.outOfOrder) out of order")
    return lines.joined(separator: "\n")
  }
}

/// `12345` as `12,345`.
func grouped(_ value: Int64) -> String {
  let digits = String(value.magnitude)
  var out = ""
  for (index, digit) in digits.enumerated() {
    if index > 0 && (digits.count - index) % 3 == 0 { out.append(",") }
    out.append(digit)
  }
  return value < 0 ? "-" + out : out
}

func pad(_ text: String, _ width: Int) -> String {
  text.count >= width ? text + " " : text + String(repeating: " ", count: width - text.count)
}

func leftPad(_ text: String, _ width: Int) -> String {
  text.count >= width ? text : String(repeating: " ", count: width - text.count) + text
}
