extension DayReport {
  /// The handover for `day`: the state as of the start of the day, then the day's records
  /// folded one by one, noting what each did.
  ///
  /// `lineReasons` holds, by record index, the reasons the timeline does not keep: the
  /// decoder's reason for a malformed line and the words for an unknown type (what
  /// `LineVerdict` said when the line was read); a line without one gets a generic reason.
  ///
  /// Looks back before the day only for what the day's rows need: the time of a first
  /// approval still awaiting its second at the start, and the acknowledgements of incidents
  /// unresolved at the start. O(records of the day + records back to the oldest of those).
  public static func build(
    timeline: Timeline, day: DayWindow, lineReasons: [Int: String] = [:]
  ) -> DayReport {
    var builder = DayReportBuilder(timeline: timeline, day: day, lineReasons: lineReasons)
    builder.readHistory()
    for index in builder.range { builder.fold(index) }
    return builder.report()
  }
}

/// The walk behind `DayReport.build`: the running state and what the report collects.
private struct DayReportBuilder {
  let timeline: Timeline
  let tables: SymbolTables
  let day: DayWindow
  let range: Range<Int>
  let lineReasons: [Int: String]
  let start: OpsState
  var state: OpsState

  var airliftsSeen = Set<Symbol>()
  var landings = 0
  var moved: Int64 = 0
  var decisions: [DayReport.Decision] = []
  /// First approvals awaiting their second, with the record index that orders their row.
  var firstApprovals: [Symbol: (signature: DayReport.Signature, order: Int)] = [:]
  var twoPersonApprovals: [(row: DayReport.TwoPersonApproval, order: Int)] = []
  var stops: [DayReport.AirliftStop] = []
  /// The incidents in the report, in the order they came into it.
  var incidentOrder: [Symbol] = []
  var acknowledgements: [Symbol: [DayReport.Signature]] = [:]
  var raises: [Symbol: [DayReport.SeverityRaise]] = [:]
  var resolvedAt: [Symbol: Timestamp] = [:]
  var peaks: [Symbol: PeakCandidate] = [:]
  var discrepancies: [DayReport.Discrepancy] = []
  var problems: [DayReport.ProblemLine] = []

  init(timeline: Timeline, day: DayWindow, lineReasons: [Int: String]) {
    self.timeline = timeline
    tables = timeline.tables
    self.day = day
    self.lineReasons = lineReasons
    range = timeline.records(of: day)
    let start = timeline.state(afterRecords: range.lowerBound)
    self.start = start
    state = start
    var unresolved: [Symbol] = []
    start.incidents.forEachEntry { symbol, incident in
      if incident.status != .resolved { unresolved.append(symbol) }
    }
    incidentOrder = unresolved
    var startingLoads: [Symbol: PeakCandidate] = [:]
    start.facilities.forEachEntry { symbol, facility in
      startingLoads[symbol] = PeakCandidate(
        occupancy: facility.occupancy, capacity: facility.capacity, at: day.start, atStart: true)
    }
    peaks = startingLoads
  }

  /// Reads back from the start of the day for the first approvals awaiting their second and
  /// the acknowledgements of the unresolved incidents, stopping once each is complete.
  mutating func readHistory() {
    var airliftsToFind = Set<Symbol>()
    start.progress.forEachEntry { symbol, progress in
      if progress.status == .awaitingSecond { airliftsToFind.insert(symbol) }
    }
    var incidentsToFind = Set(incidentOrder)
    var index = range.lowerBound - 1
    while index >= 0 && !(airliftsToFind.isEmpty && incidentsToFind.isEmpty) {
      let record = timeline[index]
      defer { index -= 1 }
      guard record.disposition == .applied else { continue }
      switch record.body {
      case .airliftApproved(let airlift, _) where airliftsToFind.contains(airlift):
        // The last approval before the day is the one that left it awaiting the second.
        firstApprovals[airlift] = (signature(record), index)
        airliftsToFind.remove(airlift)
      case .incidentAcknowledged(let incident) where incidentsToFind.contains(incident):
        acknowledgements[incident, default: []].insert(signature(record), at: 0)
      case .incidentReported(let report) where incidentsToFind.contains(report.incident):
        incidentsToFind.remove(report.incident)
      default:
        break
      }
    }
  }

  mutating func fold(_ index: Int) {
    let record = timeline[index]
    let latestBefore = state.latest
    let airliftBefore = record.body.airlift.flatMap { state.progress[$0] }
    let incidentBefore = record.body.incident.flatMap { state.incidents[$0] }
    switch state.fold(record) {
    case .skipped:
      noteSkipped(record, index)
    case .anomaly(let anomaly):
      problems.append(
        DayReport.ProblemLine(
          source: reference(index), at: record.ts, kind: .anomaly,
          reason: anomaly.message(tables)))
    case .applied:
      if !latestBefore.isMissing && record.ts < latestBefore {
        problems.append(
          DayReport.ProblemLine(
            source: reference(index), at: record.ts, kind: .outOfOrder, reason: "",
            latestBefore: latestBefore))
      }
      if let airlift = record.body.airlift {
        airliftsSeen.insert(airlift)
        noteAirlift(record, index, airlift, before: airliftBefore)
      } else if let incident = record.body.incident {
        noteIncident(record, index, incident, before: incidentBefore)
      } else {
        noteFacilityEvent(record)
      }
    }
  }

  private mutating func noteSkipped(_ record: LogRecord, _ index: Int) {
    let kind: DayReport.ProblemLine.Kind
    let reason: String
    switch record.disposition {
    case .duplicate:
      kind = .duplicate
      reason = lineReasons[index] ?? "id seen before"
    case .unknownType:
      kind = .unknownType
      reason = lineReasons[index] ?? "unknown type"
    default:
      kind = .malformed
      reason = lineReasons[index] ?? "malformed line"
    }
    problems.append(
      DayReport.ProblemLine(source: reference(index), at: record.ts, kind: kind, reason: reason))
  }

  // MARK: Airlifts

  private mutating func noteAirlift(
    _ record: LogRecord, _ index: Int, _ airlift: Symbol, before: AirliftProgress?
  ) {
    switch record.body {
    case .airliftApproved:
      noteApproval(record, index, airlift, before: before)
    case .airliftHeld(_, let reason):
      let cleared = before?.status == .awaitingSecond ? before?.firstApproval : nil
      closeFirstApproval(airlift, .clearedByHold(signature(record)))
      let reasonText = tables.text(reason)
      addDecision(
        record, index, subject: tables.airlift(airlift),
        .hold(clearsApprovalBy: cleared.map { tables.text($0) }, reason: reasonText))
      addStop(record, index, airlift, reason: reasonText)
    case .airliftDenied(_, let reason):
      closeFirstApproval(airlift, .denied(signature(record)))
      let reasonText = tables.text(reason)
      addDecision(record, index, subject: tables.airlift(airlift), .denial(reason: reasonText))
      addStop(record, index, airlift, reason: reasonText)
    case .airliftCancelled(_, let reason):
      closeFirstApproval(airlift, .cancelled(at: record.ts, by: name(record.by)))
      let reasonText = tables.text(reason)
      if !record.by.isNone {
        addDecision(
          record, index, subject: tables.airlift(airlift), .cancellation(reason: reasonText))
      }
      addStop(record, index, airlift, reason: reasonText)
    case .airliftDiverted(_, let destination, let reason):
      // Diversions by an officer are decisions; one a feed wrote without `by` is not.
      guard !record.by.isNone, let from = before?.destination, from != destination else { break }
      addDecision(
        record, index, subject: tables.airlift(airlift),
        .diversion(
          from: tables.facility(from), to: tables.facility(destination),
          reason: tables.text(reason)))
    case .airliftDeparted:
      if let origin = state.plans[airlift]?.origin { notePeak(origin, at: record.ts) }
    case .airliftLanded:
      noteLanding(record, airlift)
    default:
      break
    }
  }

  private mutating func noteApproval(
    _ record: LogRecord, _ index: Int, _ airlift: Symbol, before: AirliftProgress?
  ) {
    let subject = tables.airlift(airlift)
    let by = signature(record)
    if before?.status == .awaitingSecond {
      let first =
        firstApprovals.removeValue(forKey: airlift)
        // Not reached: every airlift awaiting its second has its first approval on record.
        ?? (DayReport.Signature(by: name(before?.firstApproval) ?? "", at: .missing), index)
      twoPersonApprovals.append(
        (
          DayReport.TwoPersonApproval(
            airlift: subject, first: first.signature, outcome: .paired(second: by)),
          first.order
        ))
      addDecision(record, index, subject: subject, .secondApproval(firstBy: first.signature.by))
      return
    }
    let releasesHold = before?.status == .held
    if let plan = state.plans[airlift], plan.highValue >= 1 {
      firstApprovals[airlift] = (by, index)
      addDecision(record, index, subject: subject, .firstApproval(releasesHold: releasesHold))
    } else {
      addDecision(record, index, subject: subject, .singleApproval(releasesHold: releasesHold))
    }
  }

  /// Ends a first approval that will get no second, with why.
  private mutating func closeFirstApproval(
    _ airlift: Symbol, _ outcome: DayReport.TwoPersonApproval.Outcome
  ) {
    guard let first = firstApprovals.removeValue(forKey: airlift) else { return }
    twoPersonApprovals.append(
      (
        DayReport.TwoPersonApproval(
          airlift: tables.airlift(airlift), first: first.signature, outcome: outcome),
        first.order
      ))
  }

  private mutating func noteLanding(_ record: LogRecord, _ airlift: Symbol) {
    guard let landed = state.airlift(airlift) else { return }
    let delivered = max(0, landed.progress.delivered)
    landings += 1
    moved += delivered
    if delivered < landed.detainees {
      discrepancies.append(
        DayReport.Discrepancy(
          at: record.ts, airlift: tables.airlift(airlift),
          destination: tables.facility(landed.destination), detainees: landed.detainees,
          delivered: delivered))
    }
    notePeak(landed.destination, at: record.ts)
  }

  private mutating func addDecision(
    _ record: LogRecord, _ index: Int, subject: String, _ effect: DayReport.Decision.Effect
  ) {
    guard let event = record.body.type else { return }
    decisions.append(
      DayReport.Decision(
        at: record.ts, event: event, subject: subject, by: name(record.by) ?? "",
        effect: effect, source: reference(index)))
  }

  private mutating func addStop(
    _ record: LogRecord, _ index: Int, _ airlift: Symbol, reason: String
  ) {
    guard let event = record.body.type else { return }
    stops.append(
      DayReport.AirliftStop(
        at: record.ts, event: event, airlift: tables.airlift(airlift), by: name(record.by),
        reason: reason, source: reference(index)))
  }

  // MARK: Incidents

  private mutating func noteIncident(
    _ record: LogRecord, _ index: Int, _ incident: Symbol, before: Incident?
  ) {
    switch record.body {
    case .incidentReported:
      incidentOrder.append(incident)
    case .incidentUpdated(let update):
      if let before, let severity = update.severity, severity > before.severity {
        raises[incident, default: []].append(
          DayReport.SeverityRaise(at: record.ts, from: before.severity, to: severity))
      }
    case .incidentAcknowledged:
      let isFirst = acknowledgements[incident, default: []].isEmpty
      acknowledgements[incident, default: []].append(signature(record))
      addDecision(
        record, index, subject: tables.incident(incident),
        isFirst ? .acknowledgement : .reacknowledgement)
    case .incidentResolved:
      resolvedAt[incident] = record.ts
    default:
      break
    }
  }

  // MARK: Facilities

  private mutating func noteFacilityEvent(_ record: LogRecord) {
    switch record.body {
    case .facilityRegistered(let registration):
      notePeak(registration.facility, at: record.ts)
    case .facilityUpdated(let update):
      notePeak(update.facility, at: record.ts)
    case .detaineesRepatriated(_, let facility, _):
      notePeak(facility, at: record.ts)
    default:
      break
    }
  }

  /// Compares the facility's load now with its peak so far; only a higher one replaces it,
  /// so the peak keeps the first time it was reached.
  private mutating func notePeak(_ facility: Symbol, at time: Timestamp) {
    guard let current = state.facilities[facility] else { return }
    let candidate = PeakCandidate(
      occupancy: current.occupancy, capacity: current.capacity, at: time, atStart: false)
    if let peak = peaks[facility], !candidate.isHigher(than: peak) { return }
    peaks[facility] = candidate
  }

  // MARK: The report

  func report() -> DayReport {
    let counts = state.counts
    let startCounts = start.counts
    var dayCounts = LineCounts()
    dayCounts.events = counts.events - startCounts.events
    dayCounts.applied = counts.applied - startCounts.applied
    dayCounts.malformed = counts.malformed - startCounts.malformed
    dayCounts.duplicates = counts.duplicates - startCounts.duplicates
    dayCounts.unknownType = counts.unknownType - startCounts.unknownType
    dayCounts.anomalies = counts.anomalies - startCounts.anomalies
    dayCounts.outOfOrder = counts.outOfOrder - startCounts.outOfOrder

    var rows = twoPersonApprovals
    for (airlift, first) in firstApprovals {
      rows.append(
        (
          DayReport.TwoPersonApproval(
            airlift: tables.airlift(airlift), first: first.signature, outcome: .awaitingSecond),
          first.order
        ))
    }
    rows.sort { $0.order < $1.order }

    return DayReport(
      day: day, records: range,
      headline: DayReport.Headline(
        events: range.count, landings: landings, moved: moved,
        inFlightAirlifts: state.airlifts(.inFlight), inFlightDetainees: state.inFlight,
        totals: DayReport.Totals(
          moved: state.moved, inFlight: state.inFlight, pending: state.pending,
          repatriated: state.repatriated, discrepancy: state.discrepancy)),
      airlifts: airliftOutcomes(), decisions: decisions,
      twoPersonApprovals: rows.map { $0.row }, stops: stops, incidents: incidentGroups(),
      peakLoads: peakLoads(), discrepancies: discrepancies, problems: problems,
      lineCounts: dayCounts)
  }

  /// The day's airlifts (an applied event in the day, or not final at its start) by their
  /// status at its end.
  private func airliftOutcomes() -> [DayReport.AirliftOutcome] {
    var airlifts = airliftsSeen
    start.progress.forEachEntry { symbol, progress in
      if !progress.status.isFinal { airlifts.insert(symbol) }
    }
    let sorted = airlifts.sorted { tables.airlifts.precedes($0, $1) }
    return DayReport.outcomeOrder.map { status in
      DayReport.AirliftOutcome(
        status: status,
        airlifts: sorted.filter { state.progress[$0]?.status == status }.map {
          tables.airlift($0)
        })
    }
  }

  private func incidentGroups() -> [DayReport.IncidentGroup] {
    var entries: [DayReport.IncidentEntry] = []
    for symbol in incidentOrder {
      guard let incident = state.incidents[symbol] else { continue }
      entries.append(
        DayReport.IncidentEntry(
          incident: tables.incident(symbol), sector: tables.text(incident.sector),
          kind: tables.text(incident.kind), summary: tables.text(incident.summary),
          severity: incident.severity, reportedAt: incident.reportedAt,
          acknowledgements: acknowledgements[symbol] ?? [], raises: raises[symbol] ?? [],
          status: incident.status, resolvedAt: resolvedAt[symbol]))
    }
    entries.sort { left, right in
      if left.reportedAt != right.reportedAt { return left.reportedAt < right.reportedAt }
      return left.incident.utf8.lexicographicallyPrecedes(right.incident.utf8)
    }
    return Severity.allCases.reversed().map { severity in
      DayReport.IncidentGroup(
        severity: severity, incidents: entries.filter { $0.severity == severity })
    }
  }

  private func peakLoads() -> [DayReport.PeakLoad] {
    let ordered = peaks.sorted { left, right in
      if left.value.isHigher(than: right.value) { return true }
      if right.value.isHigher(than: left.value) { return false }
      return tables.facilities.precedes(left.key, right.key)
    }
    return ordered.compactMap { symbol, peak in
      guard let facility = state.facilities[symbol] else { return nil }
      return DayReport.PeakLoad(
        facility: tables.facility(symbol), name: tables.text(facility.name),
        load: peak.capacity > 0 ? Double(peak.occupancy) / Double(peak.capacity) : nil,
        occupancy: peak.occupancy, capacity: peak.capacity, reachedAt: peak.at,
        atStart: peak.atStart)
    }
  }

  // MARK: Names

  private func signature(_ record: LogRecord) -> DayReport.Signature {
    DayReport.Signature(by: name(record.by) ?? "", at: record.ts)
  }

  private func name(_ symbol: Symbol?) -> String? {
    guard let symbol, !symbol.isNone else { return nil }
    return tables.text(symbol)
  }

  private func reference(_ index: Int) -> DayReport.LineReference {
    let location = timeline.location(ofRecord: index)
    return DayReport.LineReference(file: timeline.sourceName(location) ?? "", line: location.line)
  }
}

/// A facility's load at one moment, compared exactly (occupancy × capacity cross products)
/// so that equal loads are equal and the first time a peak is reached is kept.
private struct PeakCandidate {
  var occupancy: Int64
  var capacity: Int64
  var at: Timestamp
  var atStart: Bool

  /// A defined load beats "n/a"; between two "n/a" the higher occupancy wins.
  func isHigher(than other: PeakCandidate) -> Bool {
    switch (capacity > 0, other.capacity > 0) {
    case (true, false): return true
    case (false, true): return false
    case (false, false): return occupancy > other.occupancy
    case (true, true):
      return Int128(occupancy) * Int128(other.capacity)
        > Int128(other.occupancy) * Int128(capacity)
    }
  }
}
