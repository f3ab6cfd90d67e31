import WatchfloorModel

// The events the simulator makes up, each checked against the state it has seen so that it
// folds without an anomaly.
extension Simulator {
  // MARK: Airlifts

  /// Detainees already promised to airlifts that have not left, by origin.
  private func committed(_ state: OpsState) -> [Symbol: Int64] {
    var committed: [Symbol: Int64] = [:]
    state.forEachAirlift { airlift in
      if airlift.status.awaitsDecision || airlift.status == .approved {
        committed[airlift.origin, default: 0] += airlift.detainees
      }
    }
    return committed
  }

  /// A new request from an open Syrian site with detainees to spare to an open Iraqi site.
  func requestAirlift() {
    let state = timeline.current
    let tables = timeline.tables
    guard state.awaitingDecision < rates.maxAwaitingDecision else { return }
    let committed = committed(state)
    var origins: [(facility: Symbol, spare: Int64)] = []
    var destinations: [(facility: Symbol, state: Facility)] = []
    state.facilities.forEachEntry { symbol, facility in
      guard facility.status == .open else { return }
      if facility.side == .syria {
        let spare = facility.occupancy - committed[symbol, default: 0]
        if spare >= 40 { origins.append((symbol, spare)) }
      } else {
        destinations.append((symbol, facility))
      }
    }
    guard let originIndex = random.weightedIndex(origins.map { Double($0.spare) }) else { return }
    let origin = origins[originIndex]

    var wantsHighValue = random.chance(0.35)
    var candidates = destinations
    if wantsHighValue {
      let secure = destinations.filter { $0.state.security == .maximum }
      if secure.isEmpty { wantsHighValue = false } else { candidates = secure }
    }
    // Bigger sites take more flights, crowded ones fewer (but still some: most run at 200%).
    let weights = candidates.map { candidate -> Double in
      let facility = candidate.state
      guard facility.capacity > 0 else { return 50 }
      return Double(facility.capacity) / max(0.5, facility.projectedLoad ?? 1)
    }
    guard let destinationIndex = random.weightedIndex(weights) else { return }
    let destination = candidates[destinationIndex]

    // Smaller numbers go to sites below maximum security.
    let ceiling = destination.state.security == .maximum ? 200 : 100
    let most = Int(min(Int64(ceiling), origin.spare)) / 5
    guard most >= 8 else { return }
    let detainees = 5 * random.int(in: 8...most)
    let highValue =
      wantsHighValue ? 5 * random.int(in: 1...max(1, min(detainees, 80) / 5)) : 0
    let urgent = highValue >= 40 ? random.chance(0.6) : random.chance(0.1)
    let lead = random.int(in: 60 * 60...240 * 60)
    let etd = (now.seconds + Int64(lead) + 299) / 300 * 300
    let requester = requester(origin: tables.facility(origin.facility), highValue: highValue > 0)

    var event = line(.airliftRequested)
    event.string("airlift", nextAirliftID())
    event.string("origin", tables.facility(origin.facility))
    event.string("destination", tables.facility(destination.facility))
    event.integer("detainees", Int64(detainees))
    event.integer("high_value", Int64(highValue))
    event.string("etd", RFC3339.utcText(Timestamp(seconds: etd)))
    if urgent { event.string("priority", Priority.urgent.name) }
    if highValue > 0 { event.string("note", SimulationVocabulary.highValueNote) }
    event.string("by", requester)
    emit(event)
  }

  /// Who asks for an airlift: CENTCOM's liaison for high-value detainees, otherwise the
  /// liaison of the origin's area; never a name the log shows deciding.
  private func requester(origin: String, highValue: Bool) -> String {
    let preferred =
      highValue ? "centcom-liaison" : origin == "qamishli" ? "qamishli-liaison" : "hasakah-liaison"
    let candidates = [preferred] + SimulationVocabulary.liaisons
    return candidates.first { !deciders.contains($0) } ?? SimulationVocabulary.fallbackLiaison
  }

  /// The departure of an approved airlift, or a wait on the ground while its origin or
  /// destination is in lockdown or closed.
  func depart(_ symbol: Symbol) {
    let state = timeline.current
    guard let airlift = state.airlift(symbol), airlift.status == .approved else { return }
    guard state.facilities[airlift.origin]?.status == .open,
      state.facilities[airlift.destination]?.status == .open
    else {
      holdOnGround(symbol)
      return
    }
    var event = line(.airliftDeparted)
    event.string("airlift", timeline.tables.airlift(symbol))
    emit(event)
  }

  /// The landing of an airlift in flight; rarely a few detainees short, which the
  /// destination's duty desk then reports.
  func land(_ symbol: Symbol) {
    let state = timeline.current
    let tables = timeline.tables
    guard let airlift = state.airlift(symbol), airlift.status == .inFlight else { return }
    let shortfall =
      airlift.detainees > 3 && random.chance(rates.shortfallShare) ? random.int(in: 1...3) : 0
    let delivered = airlift.detainees - Int64(shortfall)
    let id = tables.airlift(symbol)
    var event = line(.airliftLanded)
    event.string("airlift", id)
    if shortfall > 0 { event.integer("delivered", delivered) }
    emit(event)
    guard shortfall > 0, let facility = state.facilities[airlift.destination] else { return }
    let destination = tables.facility(airlift.destination)
    var report = line(.incidentReported)
    report.string("incident", nextIncidentID())
    report.string("sector", tables.text(facility.region))
    report.string("severity", Severity.medium.name)
    report.string("kind", "headcount")
    report.string(
      "summary",
      "\(id) landed at \(tables.text(facility.name)) with \(delivered) of "
        + "\(airlift.detainees) detainees on the manifest")
    report.string("facility", destination)
    report.string("by", SimulationVocabulary.dutyDesk(destination, side: facility.side))
    emit(report)
  }

  // MARK: Incidents

  /// A new report from a border sector in Anbar or Nineveh.
  func reportIncident() {
    let critical = random.chance(rates.criticalShare)
    let templates =
      critical ? SimulationVocabulary.criticalReports : SimulationVocabulary.reports
    guard let sector = random.pick(SimulationVocabulary.sectors),
      let report = random.pick(templates),
      let severity = random.pick(report.severities)
    else { return }
    var event = line(.incidentReported)
    event.string("incident", nextIncidentID())
    event.string("sector", sector.id)
    event.string("severity", severity.name)
    event.string("kind", report.kind)
    event.string("summary", report.summary(sector))
    event.string("by", sector.source)
    emit(event)
  }

  /// The unresolved incidents of the border sectors, in incident order, with their sector.
  private func borderIncidents(
    _ include: (Incident) -> Bool
  ) -> [(incident: Symbol, state: Incident, sector: SimulationVocabulary.Sector)] {
    let tables = timeline.tables
    var found: [(Symbol, Incident, SimulationVocabulary.Sector)] = []
    timeline.current.incidents.forEachEntry { symbol, incident in
      guard incident.status != .resolved, include(incident),
        let sector = SimulationVocabulary.sector(tables.text(incident.sector))
      else { return }
      found.append((symbol, incident, sector))
    }
    return found
  }

  /// News on an unresolved border incident: lower, higher (which clears an acknowledgement)
  /// or the same severity.
  func updateIncident() {
    guard let chosen = random.pick(borderIncidents { _ in true }) else { return }
    let tables = timeline.tables
    let followUps = SimulationVocabulary.followUps(kind: tables.text(chosen.state.kind))
    let current = chosen.state.severity
    let roll = random.unit()
    var followUp = followUps.same
    if roll < 0.45, let lower = followUps.lower.severity, lower < current {
      followUp = followUps.lower
    } else if roll >= 0.45 && roll < 0.65, let higher = followUps.raise.severity,
      higher > current
    {
      followUp = followUps.raise
    }
    var event = line(.incidentUpdated)
    event.string("incident", tables.incident(chosen.incident))
    if let severity = followUp.severity { event.string("severity", severity.name) }
    event.string("summary", followUp.summary(chosen.sector))
    event.string("by", chosen.sector.source)
    emit(event)
  }

  /// The reporting unit closes a border incident officers acknowledged a while ago.
  func resolveIncident() {
    let oldest = now.seconds - Int64(seconds(rates.minimumIncidentAge))
    let candidates = borderIncidents { incident in
      incident.status == .acknowledged
        && (incident.reportedAt.isMissing || incident.reportedAt.seconds <= oldest)
    }
    guard let chosen = random.pick(candidates) else { return }
    let tables = timeline.tables
    var event = line(.incidentResolved)
    event.string("incident", tables.incident(chosen.incident))
    event.string("note", SimulationVocabulary.closingNote(kind: tables.text(chosen.state.kind)))
    event.string("by", chosen.sector.source)
    emit(event)
  }

  // MARK: Facilities

  /// A few detainees sent home from an Iraqi facility.
  func repatriate() {
    var candidates: [Symbol] = []
    timeline.current.facilities.forEachEntry { symbol, facility in
      if facility.side == .iraq && facility.status != .closed && facility.occupancy >= 20 {
        candidates.append(symbol)
      }
    }
    guard let facility = random.pick(candidates),
      let country = random.pick(SimulationVocabulary.countries)
    else { return }
    let id = timeline.tables.facility(facility)
    var event = line(.detaineesRepatriated)
    event.string("facility", id)
    event.integer("count", Int64(random.int(in: 1...8)))
    event.string("country", country)
    event.string("by", SimulationVocabulary.dutyDesk(id, side: .iraq))
    emit(event)
  }

  /// A recount corrects a facility's occupancy by a few detainees.
  func correctOccupancy() {
    var candidates: [(Symbol, Facility)] = []
    timeline.current.facilities.forEachEntry { symbol, facility in
      if facility.status != .closed { candidates.append((symbol, facility)) }
    }
    guard let (symbol, facility) = random.pick(candidates) else { return }
    let change = Int64(random.int(in: 1...8)) * (random.chance(0.5) ? 1 : -1)
    let occupancy = max(0, facility.occupancy + change)
    guard occupancy != facility.occupancy else { return }
    let id = timeline.tables.facility(symbol)
    var event = line(.facilityUpdated)
    event.string("facility", id)
    event.integer("occupancy", occupancy)
    event.string("by", SimulationVocabulary.dutyDesk(id, side: facility.side))
    emit(event)
  }

  /// The open Syrian site with the fewest detainees to spare, when fewer than 400, takes in
  /// 100 to 400 from other sites in the north-east, as far as its capacity allows.
  func takeIn() {
    let state = timeline.current
    let committed = committed(state)
    var neediest: (symbol: Symbol, facility: Facility, spare: Int64)?
    state.facilities.forEachEntry { symbol, facility in
      guard facility.side == .syria, facility.status == .open,
        facility.capacity - facility.occupancy >= 100
      else { return }
      let spare = facility.occupancy - committed[symbol, default: 0]
      if spare < 400 && (neediest.map { spare < $0.spare } ?? true) {
        neediest = (symbol, facility, spare)
      }
    }
    guard let (symbol, facility, _) = neediest else { return }
    let intake = min(facility.capacity - facility.occupancy, Int64(5 * random.int(in: 20...80)))
    let id = timeline.tables.facility(symbol)
    var event = line(.facilityUpdated)
    event.string("facility", id)
    event.integer("occupancy", facility.occupancy + intake)
    event.string("by", SimulationVocabulary.dutyDesk(id, side: .syria))
    emit(event)
  }
}
