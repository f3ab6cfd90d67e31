extension OpsState {
  /// The machine-readable state of spec/events.md ("Machine-readable state"), with a few
  /// extra members (`load`, `priority`, `requested_by`, `summary`, `reported_at`). Lists are
  /// sorted by id in byte order.
  public func json(_ tables: SymbolTables, pretty: Bool = true) -> String {
    var out = JSONWriter(pretty: pretty)
    writeJSON(tables, to: &out)
    return out.text
  }

  /// Writes ``json(_:pretty:)`` to `out` as it goes: a writer to a descriptor keeps only its
  /// buffer, however many facilities, airlifts and incidents the state holds.
  public func writeJSON(_ tables: SymbolTables, to out: inout JSONWriter) {
    out.beginObject()
    out.string("as_of", lastApplied.isMissing ? nil : tables.text(lastApplied))
    counts.write(to: &out)

    out.beginArray("facilities")
    for symbol in tables.facilities.sortedByBytes(facilities.symbols) {
      guard let facility = facilities[symbol] else { continue }
      out.beginObject()
      out.string("facility", symbol, in: tables.facilities)
      out.string("name", facility.name, in: tables.texts)
      out.string("region", facility.region, in: tables.texts)
      out.string("side", facility.side.name)
      out.string("security", facility.security.name)
      out.string("status", facility.status.name)
      out.integer("capacity", facility.capacity)
      out.integer("occupancy", facility.occupancy)
      out.integer("inbound", facility.inboundCount)
      out.integer("projected", facility.projected)
      out.number("load", facility.load)
      out.endObject()
    }
    out.endArray()

    out.beginArray("airlifts")
    for symbol in tables.airlifts.sortedByBytes(progress.symbols) {
      guard let airlift = airlift(symbol) else { continue }
      out.beginObject()
      out.string("airlift", symbol, in: tables.airlifts)
      out.string("status", airlift.status.name)
      out.string("origin", airlift.origin, in: tables.facilities)
      out.string("destination", airlift.destination, in: tables.facilities)
      out.integer("detainees", airlift.detainees)
      out.integer("high_value", airlift.highValue)
      out.beginArray("approvals")
      for officer in airlift.progress.approvals { out.string(nil, officer, in: tables.texts) }
      out.endArray()
      out.integer("delivered", airlift.progress.delivered < 0 ? nil : airlift.progress.delivered)
      out.timestamp("etd", airlift.plan.etd, in: tables)
      out.string("priority", airlift.plan.priority.name)
      out.string(
        "requested_by",
        airlift.plan.requestedBy.isNone ? nil : tables.text(airlift.plan.requestedBy))
      out.endObject()
    }
    out.endArray()

    out.beginArray("incidents")
    for symbol in tables.incidents.sortedByBytes(incidents.symbols) {
      guard let incident = incidents[symbol] else { continue }
      out.beginObject()
      out.string("incident", symbol, in: tables.incidents)
      out.string("sector", incident.sector, in: tables.texts)
      out.string("severity", incident.severity.name)
      out.string("kind", incident.kind, in: tables.texts)
      out.string("status", incident.status.name)
      out.string(
        "acknowledged_by",
        incident.acknowledgedBy.isNone ? nil : tables.text(incident.acknowledgedBy))
      out.string("summary", incident.summary, in: tables.texts)
      out.timestamp("reported_at", incident.reportedAt, in: tables)
      out.endObject()
    }
    out.endArray()

    out.beginObject("totals")
    out.integer("moved", moved)
    out.integer("in_flight", inFlight)
    out.integer("pending", pending)
    out.integer("repatriated", repatriated)
    out.integer("discrepancy", discrepancy)
    out.endObject()
    out.endObject()
  }
}

extension LineCounts {
  /// Writes the spec's `counts` member.
  public func write(to out: inout JSONWriter, key: String = "counts") {
    out.beginObject(key)
    out.integer("events", events)
    out.integer("applied", applied)
    out.integer("malformed", malformed)
    out.integer("duplicates", duplicates)
    out.integer("unknown_type", unknownType)
    out.integer("anomalies", anomalies)
    out.integer("out_of_order", outOfOrder)
    out.endObject()
  }
}
