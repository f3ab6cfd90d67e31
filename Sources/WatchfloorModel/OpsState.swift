/// How many lines of each classification a fold has seen (spec/events.md).
/// `events` = applied + malformed + duplicates + unknownType + anomalies.
public struct LineCounts: Sendable, Equatable {
  public var events = 0
  public var applied = 0
  public var malformed = 0
  public var duplicates = 0
  public var unknownType = 0
  public var anomalies = 0
  /// Applied events whose `ts` is earlier than the latest applied before them.
  public var outOfOrder = 0

  public init() {}
}

/// What folding one line did.
public enum FoldOutcome: Sendable, Equatable {
  case applied
  case anomaly(Anomaly)
  /// Malformed, duplicate or unknown type: counted, nothing else.
  case skipped
}

/// The state of the operation: the fold of the log's events in file order.
///
/// A value type: copies are cheap snapshots (storage is shared leaf by leaf until changed,
/// `LeafTree`), which is what the timeline keeps as checkpoints. Identifiers are symbols of the log's
/// `SymbolTables`. Sums that could exceed 64 bits with absurd counts are kept in 128 bits
/// and clamped when shown.
public struct OpsState: Sendable {
  public internal(set) var counts = LineCounts()
  public internal(set) var facilities = Slots<Facility>()
  public internal(set) var plans = Slots<AirliftPlan>()
  public internal(set) var progress = Slots<AirliftProgress>()
  public internal(set) var incidents = IncidentSlots()
  /// The `ts` of the last applied event (the spec's `as_of`), or missing.
  public internal(set) var lastApplied = Timestamp.missing
  /// The largest `ts` of the applied events.
  public internal(set) var latest = Timestamp.missing

  /// Airlifts and their detainees by status, indexed by `AirliftStatus.rawValue`.
  public internal(set) var airliftTally = [Int](repeating: 0, count: AirliftStatus.allCases.count)
  var detaineeTally = [Int128](repeating: 0, count: AirliftStatus.allCases.count)
  /// Airlifts not final and incidents not resolved: what the console lists, without folding
  /// over every airlift and incident the log has ever had (listing them reads one word per
  /// 64 symbols).
  public internal(set) var activeAirlifts = SymbolSet()
  public internal(set) var unresolvedIncidents = SymbolSet()
  /// Open (unacknowledged) incidents by severity, indexed by `Severity.rawValue`.
  public internal(set) var openIncidentTally = [Int](repeating: 0, count: Severity.allCases.count)

  /// This state's revision and what the last events changed (``ChangeJournal``).
  public internal(set) var changes = ChangeJournal()

  /// The same state without its journal's history, to keep aside (a timeline's checkpoint):
  /// views that were following it rebuild instead of replaying changes.
  var withoutHistory: OpsState {
    var state = self
    state.changes = changes.withoutHistory
    return state
  }

  var movedSum: Int128 = 0
  var repatriatedSum: Int128 = 0
  var discrepancySum: Int128 = 0

  public init() {}

  // MARK: Reading

  public func airlift(_ symbol: Symbol) -> Airlift? {
    guard let plan = plans[symbol], let progress = progress[symbol] else { return nil }
    return Airlift(id: symbol, plan: plan, progress: progress)
  }

  public func forEachAirlift(_ body: (Airlift) throws -> Void) rethrows {
    try progress.forEachEntry { symbol, progress in
      if let plan = plans[symbol] { try body(Airlift(id: symbol, plan: plan, progress: progress)) }
    }
  }

  /// Detainees delivered by landed airlifts.
  public var moved: Int64 { Int64(clamping: movedSum) }
  /// Detainees repatriated out of the facilities.
  public var repatriated: Int64 { Int64(clamping: repatriatedSum) }
  /// Detainees missing on landing: the sum of shortfalls.
  public var discrepancy: Int64 { Int64(clamping: discrepancySum) }
  /// Detainees on airlifts in flight.
  public var inFlight: Int64 {
    Int64(clamping: detaineeTally[Int(AirliftStatus.inFlight.rawValue)])
  }
  /// Detainees on pending, awaiting-second and held airlifts.
  public var pending: Int64 {
    Int64(
      clamping: detaineeTally[Int(AirliftStatus.pending.rawValue)]
        + detaineeTally[Int(AirliftStatus.awaitingSecond.rawValue)]
        + detaineeTally[Int(AirliftStatus.held.rawValue)])
  }

  public func airlifts(_ status: AirliftStatus) -> Int { airliftTally[Int(status.rawValue)] }

  /// Airlifts awaiting an officer's decision (pending, awaiting-second, held).
  public var awaitingDecision: Int {
    airlifts(.pending) + airlifts(.awaitingSecond) + airlifts(.held)
  }

  /// Open incidents no officer has acknowledged.
  public var unacknowledgedIncidents: Int { openIncidentTally.reduce(0, +) }
}
