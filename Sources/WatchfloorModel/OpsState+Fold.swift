extension OpsState {
  /// Folds one line of the log into the state and counts it.
  ///
  /// Malformed, duplicate and unknown-type lines (as the record's disposition says) are only
  /// counted; events are applied, or counted as anomalies and leave the state as it was.
  @discardableResult
  public mutating func fold(_ record: LogRecord) -> FoldOutcome {
    counts.events += 1
    switch record.disposition {
    case .malformed:
      counts.malformed += 1
      return .skipped
    case .duplicate:
      counts.duplicates += 1
      return .skipped
    case .unknownType:
      counts.unknownType += 1
      return .skipped
    case .applied, .anomaly:
      let revision = changes.revision
      if let anomaly = apply(record.body, ts: record.ts, by: record.by) {
        counts.anomalies += 1
        return .anomaly(anomaly)
      }
      counts.applied += 1
      // An event that changed no airlift or incident still makes a new state.
      if changes.revision == revision { changes.record(.other, .none) }
      if !latest.isMissing && record.ts < latest {
        counts.outOfOrder += 1
      } else {
        latest = record.ts
      }
      lastApplied = record.ts
      return .applied
    }
  }

  /// Applies one event; returns the anomaly instead when it does not fit, changing nothing.
  mutating func apply(_ body: EventBody, ts: Timestamp, by: Symbol) -> Anomaly? {
    switch body {
    case .facilityRegistered(let registration):
      return register(registration)
    case .facilityUpdated(let update):
      guard var facility = facilities[update.facility] else {
        return .unknownFacility(update.facility)
      }
      if update.capacity >= 0 { facility.capacity = update.capacity }
      if update.occupancy >= 0 { facility.occupancy = update.occupancy }
      if let status = update.status { facility.status = status }
      facilities[update.facility] = facility
      return nil
    case .airliftRequested(let request):
      return requestAirlift(request, ts: ts, by: by)
    case .airliftApproved(let airlift, _):
      return approve(airlift, by: by)
    case .airliftDenied(let airlift, _):
      return decide(airlift, .airliftDenied, from: [.pending, .awaitingSecond, .held]) {
        $0.status = .denied
      }
    case .airliftHeld(let airlift, _):
      return decide(airlift, .airliftHeld, from: [.pending, .awaitingSecond]) {
        $0.status = .held
        $0.firstApproval = .none
        $0.secondApproval = .none
      }
    case .airliftCancelled(let airlift, _):
      return decide(
        airlift, .airliftCancelled, from: [.pending, .awaitingSecond, .held, .approved]
      ) { $0.status = .cancelled }
    case .airliftDiverted(let airlift, let destination, _):
      return divert(airlift, to: destination)
    case .airliftDeparted(let airlift):
      guard let plan = plans[airlift] else { return .unknownAirlift(airlift) }
      let anomaly = decide(airlift, .airliftDeparted, from: [.approved]) {
        $0.status = .inFlight
        $0.departedAt = ts
      }
      if anomaly == nil {
        facilities.update(plan.origin) { $0.occupancy = max(0, $0.occupancy - plan.detainees) }
      }
      return anomaly
    case .airliftLanded(let airlift, let delivered):
      return land(airlift, delivered: delivered)
    case .detaineesRepatriated(let count, let facility, _):
      guard facilities.contains(facility) else { return .unknownFacility(facility) }
      facilities.update(facility) { $0.occupancy = max(0, $0.occupancy - count) }
      repatriatedSum += Int128(count)
      return nil
    case .incidentReported(let report):
      guard incidents[report.incident] == nil else { return .incidentExists(report.incident) }
      setIncident(
        report.incident,
        Incident(
          sector: report.sector, kind: report.kind, facility: report.facility, reportedAt: ts,
          severity: report.severity, summary: report.summary, status: .open,
          acknowledgedBy: .none))
      return nil
    case .incidentUpdated(let update):
      return changeIncident(update.incident, .incidentUpdated) { incident in
        if let severity = update.severity {
          if severity > incident.severity && incident.status == .acknowledged {
            incident.status = .open
            incident.acknowledgedBy = .none
          }
          incident.severity = severity
        }
        if !update.summary.isNone { incident.summary = update.summary }
        return nil
      }
    case .incidentAcknowledged(let symbol):
      return changeIncident(symbol, .incidentAcknowledged) { incident in
        guard incident.status == .open else {
          return .incidentNotOpen(incident: symbol, status: incident.status)
        }
        incident.status = .acknowledged
        incident.acknowledgedBy = by
        return nil
      }
    case .incidentResolved(let symbol, _):
      return changeIncident(symbol, .incidentResolved) { incident in
        incident.status = .resolved
        return nil
      }
    case .none:
      return nil
    }
  }

  private mutating func register(_ registration: FacilityRegistration) -> Anomaly? {
    guard !facilities.contains(registration.facility) else {
      return .facilityExists(registration.facility)
    }
    facilities[registration.facility] = Facility(
      name: registration.name, region: registration.region, side: registration.side,
      security: registration.security, status: .open, capacity: registration.capacity,
      occupancy: registration.occupancy, inbound: 0)
    return nil
  }

  private mutating func requestAirlift(_ request: AirliftRequest, ts: Timestamp, by: Symbol)
    -> Anomaly?
  {
    guard !progress.contains(request.airlift) else { return .airliftExists(request.airlift) }
    guard request.origin != request.destination else {
      return .originIsDestination(airlift: request.airlift, facility: request.origin)
    }
    guard facilities.contains(request.origin) else { return .unknownFacility(request.origin) }
    guard facilities.contains(request.destination) else {
      return .unknownFacility(request.destination)
    }
    plans[request.airlift] = AirliftPlan(request: request, requestedAt: ts, requestedBy: by)
    setProgress(
      request.airlift,
      AirliftProgress(
        status: .pending, destination: request.destination, firstApproval: .none,
        secondApproval: .none, delivered: -1))
    return nil
  }

  private mutating func approve(_ airlift: Symbol, by: Symbol) -> Anomaly? {
    guard let plan = plans[airlift], var current = progress[airlift] else {
      return .unknownAirlift(airlift)
    }
    switch current.status {
    case .pending, .held:
      current.firstApproval = by
      current.secondApproval = .none
      current.status = plan.highValue >= 1 ? .awaitingSecond : .approved
    case .awaitingSecond:
      guard by != current.firstApproval else {
        return .sameApproverTwice(airlift: airlift, officer: by)
      }
      current.secondApproval = by
      current.status = .approved
    default:
      return .notAllowed(airlift: airlift, event: .airliftApproved, status: current.status)
    }
    setProgress(airlift, current)
    return nil
  }

  /// Applies `change` when the airlift's status is one of `allowed`.
  private mutating func decide(
    _ airlift: Symbol, _ event: EventType, from allowed: [AirliftStatus],
    _ change: (inout AirliftProgress) -> Void
  ) -> Anomaly? {
    guard var current = progress[airlift] else { return .unknownAirlift(airlift) }
    guard allowed.contains(current.status) else {
      return .notAllowed(airlift: airlift, event: event, status: current.status)
    }
    change(&current)
    setProgress(airlift, current)
    return nil
  }

  private mutating func divert(_ airlift: Symbol, to destination: Symbol) -> Anomaly? {
    guard let plan = plans[airlift], var current = progress[airlift] else {
      return .unknownAirlift(airlift)
    }
    guard current.status == .approved || current.status == .inFlight else {
      return .notAllowed(airlift: airlift, event: .airliftDiverted, status: current.status)
    }
    guard facilities.contains(destination) else { return .unknownFacility(destination) }
    guard destination != plan.origin else {
      return .divertedToOrigin(airlift: airlift, facility: destination)
    }
    current.destination = destination
    setProgress(airlift, current)
    return nil
  }

  private mutating func land(_ airlift: Symbol, delivered: Int64) -> Anomaly? {
    guard let plan = plans[airlift], var current = progress[airlift] else {
      return .unknownAirlift(airlift)
    }
    guard current.status == .inFlight else {
      return .notAllowed(airlift: airlift, event: .airliftLanded, status: current.status)
    }
    let count = delivered < 0 ? plan.detainees : delivered
    guard count <= plan.detainees else {
      return .deliveredAboveDetainees(
        airlift: airlift, delivered: count, detainees: plan.detainees)
    }
    current.status = .landed
    current.delivered = count
    setProgress(airlift, current)
    facilities.update(current.destination) {
      $0.occupancy =
        $0.occupancy.addingReportingOverflow(count).overflow
        ? Int64.max : $0.occupancy + count
    }
    movedSum += Int128(count)
    discrepancySum += Int128(plan.detainees - count)
    return nil
  }

  /// Replaces an airlift's progress, keeping the tallies and inbound figures in step.
  private mutating func setProgress(_ airlift: Symbol, _ new: AirliftProgress) {
    let detainees = Int128(plans[airlift]?.detainees ?? 0)
    let old = progress[airlift]
    if let old {
      airliftTally[Int(old.status.rawValue)] -= 1
      detaineeTally[Int(old.status.rawValue)] -= detainees
      if old.status.isInbound { facilities.update(old.destination) { $0.inbound -= detainees } }
    }
    airliftTally[Int(new.status.rawValue)] += 1
    detaineeTally[Int(new.status.rawValue)] += detainees
    if new.status.isInbound { facilities.update(new.destination) { $0.inbound += detainees } }
    let wasActive = old.map { !$0.status.isFinal } ?? false
    if wasActive != !new.status.isFinal {
      if wasActive { activeAirlifts.remove(airlift) } else { activeAirlifts.insert(airlift) }
    }
    progress[airlift] = new
    changes.record(.airlift, airlift)
  }

  private mutating func changeIncident(
    _ symbol: Symbol, _ event: EventType, _ change: (inout Incident) -> Anomaly?
  ) -> Anomaly? {
    guard var incident = incidents[symbol] else { return .unknownIncident(symbol) }
    guard incident.status != .resolved else {
      return .incidentResolved(incident: symbol, event: event)
    }
    if let anomaly = change(&incident) { return anomaly }
    setIncident(symbol, incident)
    return nil
  }

  /// Replaces an incident, keeping the open-incident tally in step.
  private mutating func setIncident(_ symbol: Symbol, _ new: Incident) {
    if let old = incidents[symbol], old.status == .open {
      openIncidentTally[Int(old.severity.rawValue)] -= 1
    }
    if new.status == .open { openIncidentTally[Int(new.severity.rawValue)] += 1 }
    let wasUnresolved = incidents[symbol].map { $0.status != .resolved } ?? false
    if wasUnresolved != (new.status != .resolved) {
      if wasUnresolved {
        unresolvedIncidents.remove(symbol)
      } else {
        unresolvedIncidents.insert(symbol)
      }
    }
    incidents[symbol] = new
    changes.record(.incident, symbol)
  }
}
