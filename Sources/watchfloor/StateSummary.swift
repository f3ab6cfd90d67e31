import WatchfloorConsole
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
      lines += table(
        symbols.compactMap { symbol in
          guard let facility = state.facilities[symbol] else { return nil }
          let load = facility.load.map { "\(Int(($0 * 100).rounded()))%" } ?? "n/a"
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
      "  lines: \(counts.events) events, \(counts.applied) applied, \(counts.malformed) malformed, "
        + "\(counts.duplicates) duplicates, \(counts.unknownType) unknown type, "
        + "\(counts.anomalies) anomalies, \(counts.outOfOrder) out of order")
    return lines.joined(separator: "\n")
  }
}

/// `12345` as `12,345`, as the console writes figures.
func grouped(_ value: Int64) -> String { CountText.grouped(value) }

/// Rows of cells as aligned, indented lines, `gap` spaces between columns; a cell starting
/// with `>` is right-aligned.
func table(_ rows: [[String]], gap: Int = 1) -> [String] {
  // Text from the log may hold escape sequences: never send them to the terminal.
  let rows = rows.map { $0.map(Sanitizer.sanitize) }
  let columns = rows.map(\.count).max() ?? 0
  var widths = [Int](repeating: 0, count: columns)
  for row in rows {
    for (index, cell) in row.enumerated() {
      widths[index] = max(widths[index], cell.hasPrefix(">") ? cell.count - 1 : cell.count)
    }
  }
  let separator = String(repeating: " ", count: gap)
  return rows.map { row in
    var line = " "
    for (index, cell) in row.enumerated() {
      let last = index == row.count - 1
      // The first column keeps the two-space indent whatever the gap.
      let before = index == 0 ? " " : separator
      if cell.hasPrefix(">") {
        let text = String(cell.dropFirst())
        line += before + String(repeating: " ", count: widths[index] - text.count) + text
      } else {
        line +=
          before + (last ? cell : cell + String(repeating: " ", count: widths[index] - cell.count))
      }
    }
    return String(line.reversed().drop { $0 == " " }.reversed())
  }
}
