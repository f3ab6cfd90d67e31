import Testing
import WatchfloorModel

/// The state's sets of airlifts not final and incidents not resolved, which the console lists
/// from, against a walk over every airlift and incident, after every line of a log that takes
/// airlifts and incidents through every end.
@Suite("Active airlifts and unresolved incidents")
struct ActiveSetsTests {
  func walked(_ state: OpsState) -> (airlifts: Set<Symbol>, incidents: Set<Symbol>) {
    var airlifts: Set<Symbol> = []
    state.forEachAirlift { if !$0.status.isFinal { airlifts.insert($0.id) } }
    var incidents: Set<Symbol> = []
    state.incidents.forEachEntry { symbol, incident in
      if incident.status != .resolved { incidents.insert(symbol) }
    }
    return (airlifts, incidents)
  }

  @Test("the sets agree with a full walk after every line, checkpoints included")
  func agreeAfterEveryLine() {
    var log = LogBuilder()
    log.twoFacilities()
    for id in ["A", "B", "C", "D", "E"] { log.request(id) }
    log.decide("airlift.approved", "A")
    log.event("airlift.departed", #""airlift":"A""#)
    log.event("airlift.landed", #""airlift":"A""#)
    log.decide("airlift.denied", "B")
    log.event("airlift.cancelled", #""airlift":"C","reason":"aircraft""#)
    log.decide("airlift.held", "D")
    // An anomaly (landing an airlift that never departed) changes nothing.
    log.event("airlift.landed", #""airlift":"E""#)
    for id in ["I1", "I2"] {
      log.event(
        "incident.reported",
        #""incident":"\#(id)","sector":"rabia","severity":"high","kind":"drone","summary":"s""#)
    }
    log.event("incident.acknowledged", #""incident":"I1","by":"noor""#)
    log.event("incident.resolved", #""incident":"I1""#)
    log.event("incident.resolved", #""incident":"I1""#)
    for count in 0...log.timeline.count {
      let state = log.timeline.state(afterRecords: count)
      let expected = walked(state)
      #expect(Set(state.activeAirlifts) == expected.airlifts, "after \(count) lines")
      #expect(Set(state.unresolvedIncidents) == expected.incidents, "after \(count) lines")
    }
    let names = log.state.activeAirlifts.map { log.tables.airlift($0) }.sorted()
    #expect(names == ["D", "E"])
    #expect(log.state.unresolvedIncidents.map { log.tables.incident($0) } == ["I2"])
  }
}
