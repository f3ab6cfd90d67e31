extension OpsState {
  /// A fingerprint of an airlift, in words (so that two timelines of one log agree), to tell
  /// whether it changed.
  public func fingerprint(airlift symbol: Symbol, _ tables: SymbolTables) -> String {
    guard let airlift = airlift(symbol) else { return "gone" }
    let progress = airlift.progress
    return [
      progress.status.name, tables.text(progress.firstApproval),
      tables.text(progress.secondApproval),
      tables.facility(progress.destination),
    ].joined(separator: "|")
  }

  public func fingerprint(incident symbol: Symbol, _ tables: SymbolTables) -> String {
    guard let incident = incidents[symbol] else { return "gone" }
    return [incident.status.name, incident.severity.name, tables.text(incident.acknowledgedBy)]
      .joined(separator: "|")
  }
}
