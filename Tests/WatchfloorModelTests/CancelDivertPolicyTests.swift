import Testing
import WatchfloorModel

/// Hasakah (Syria, the origin), Camp (maximum security, 500 of 1,000) and Annex (high security,
/// 900 of 1,000); airlift "a1", 100 detainees (`highValue` of them high-value) from Hasakah
/// to Camp, approved by hassan.
private func approvedLog(highValue: Int = 0) -> LogBuilder {
  var log = LogBuilder()
  log.facility("hasakah", side: "SY", capacity: 1500, occupancy: 900)
  log.facility("camp", capacity: 1000, occupancy: 500, security: "maximum")
  log.facility("annex", capacity: 1000, occupancy: 900, security: "high")
  log.request("a1", to: "camp", highValue: highValue)
  log.decide("airlift.approved", "a1", by: "karim")
  if highValue > 0 { log.decide("airlift.approved", "a1", by: "noor") }
  return log
}

private let noon = RFC3339.parse("2026-01-21T12:00:00Z", verbatim: Interner()) ?? .missing
private let officer = PolicyContext(
  operatorName: "hassan", role: .approver, rosterIsOpen: false, now: noon)

extension LogBuilder {
  func facilitySymbol(_ id: String) -> Symbol { tables.facilities.lookup(id) ?? .none }

  func divert(_ airlift: String, to facility: String, reason: String = "") -> PolicyVerdict {
    check(.divert(airlift: symbol(airlift), to: facilitySymbol(facility), reason: reason), officer)
  }

  func cancel(_ airlift: String, reason: String = "road closed") -> PolicyVerdict {
    check(.cancel(airlift: symbol(airlift), reason: reason), officer)
  }
}

@Suite("Approval policy: cancel and divert")
struct CancelDivertPolicyTests {
  @Test("cancel is allowed from pending, awaiting-second, held and approved, with a reason")
  func cancelLifeCycle() {
    var log = LogBuilder()
    log.facility("hasakah", side: "SY")
    log.facility("camp")
    for id in ["p", "w", "h", "a", "f", "l", "d"] { log.request(id, to: "camp", highValue: 1) }
    log.decide("airlift.approved", "w", by: "karim")
    log.decide("airlift.held", "h")
    log.decide("airlift.approved", "a", by: "karim")
    log.decide("airlift.approved", "a", by: "noor")
    for id in ["f", "l"] {
      log.decide("airlift.approved", id, by: "karim")
      log.decide("airlift.approved", id, by: "noor")
      log.event("airlift.departed", #""airlift":"\#(id)""#)
    }
    log.event("airlift.landed", #""airlift":"l""#)
    log.decide("airlift.denied", "d")
    for id in ["p", "w", "h", "a"] {
      #expect(log.cancel(id).isAllowed, "cancel from \(id)")
      #expect(log.cancel(id).warnings.isEmpty)
    }
    let inFlight = log.cancel("f")
    #expect(
      inFlight.blocks == [
        .notAllowed(airlift: log.symbol("f"), decision: "cancel", status: .inFlight)
      ])
    #expect(log.blockMessages(inFlight) == [#"cannot cancel airlift "f": it is in-flight"#])
    #expect(
      log.blockMessages(log.cancel("l")) == [#"airlift "l" is already landed: no further decision"#]
    )
    #expect(
      log.blockMessages(log.cancel("d")) == [#"airlift "d" is already denied: no further decision"#]
    )
    #expect(DecisionKind.possible(from: .inFlight) == [.divert])
    #expect(DecisionKind.possible(from: .approved) == [.cancel, .divert])
    #expect(DecisionKind.possible(from: .held) == [.approve, .deny, .cancel])
    #expect(DecisionKind.possible(from: .landed).isEmpty)
  }

  @Test("cancel needs a reason")
  func cancelNeedsReason() {
    let log = approvedLog()
    let verdict = log.cancel("a1", reason: "  ")
    #expect(verdict.blocks == [.reasonRequired(airlift: log.symbol("a1"), decision: "cancel")])
    #expect(log.blockMessages(verdict) == [#"a reason is required to cancel airlift "a1""#])
  }

  @Test("divert is allowed for approved and in-flight airlifts only; the reason is optional")
  func divertLifeCycle() {
    var log = approvedLog()
    #expect(log.divert("a1", to: "annex").isAllowed)
    log.event("airlift.departed", #""airlift":"a1""#)
    #expect(log.divert("a1", to: "annex").isAllowed)
    log.request("a2", to: "camp")
    let pending = log.divert("a2", to: "annex")
    #expect(
      log.blockMessages(pending) == [#"cannot divert airlift "a2": it is pending"#])
    log.event("airlift.landed", #""airlift":"a1""#)
    #expect(
      log.blockMessages(log.divert("a1", to: "annex")) == [
        #"airlift "a1" is already landed: no further decision"#
      ])
  }

  @Test(
    "divert: the destination must exist, be open, and differ from the current one and the origin")
  func divertDestinationBlocks() {
    var log = approvedLog()
    let a1 = log.symbol("a1")
    let ghost = log.tables.facilities.intern("ghost")
    #expect(
      log.check(.divert(airlift: a1, to: ghost, reason: ""), officer).blocks == [
        .unknownFacility(ghost)
      ])
    #expect(
      log.blockMessages(log.check(.divert(airlift: a1, to: ghost, reason: ""), officer)) == [
        #"there is no facility "ghost""#
      ])
    #expect(
      log.blockMessages(log.check(.divert(airlift: a1, to: .none, reason: ""), officer)) == [
        "no destination chosen: a diversion needs one"
      ])
    #expect(
      log.blockMessages(log.divert("a1", to: "camp")) == [
        #"airlift "a1" is already bound for "camp": nothing to divert"#
      ])
    #expect(
      log.blockMessages(log.divert("a1", to: "hasakah")) == [
        #""hasakah" is the origin of airlift "a1": divert it elsewhere, or cancel it"#
      ])
    log.event("facility.updated", #""facility":"annex","status":"lockdown""#)
    #expect(
      log.blockMessages(log.divert("a1", to: "annex")) == [
        #"destination "annex" is in lockdown: it cannot receive detainees"#
      ])
    log.event("facility.updated", #""facility":"annex","status":"closed""#)
    let closed = log.divert("a1", to: "annex")
    #expect(
      closed.blocks == [.destinationNotOpen(facility: log.facilitySymbol("annex"), status: .closed)]
    )
    #expect(closed.warnings.isEmpty)  // no warnings while a block stands
  }

  @Test("divert warns over capacity after landing at the new destination, and far over it")
  func divertLoadWarnings() {
    var log = approvedLog()
    // Annex 900 of 1,000 + a1's 100 = 100%: full, no warning.
    #expect(log.divert("a1", to: "annex").warnings.isEmpty)
    log.event("facility.updated", #""facility":"annex","occupancy":950"#)
    let over = log.divert("a1", to: "annex")
    #expect(
      over.warnings == [
        .overCapacity(facility: log.facilitySymbol("annex"), projected: 1050, capacity: 1000)
      ])
    #expect(
      log.warningMessages(over) == [
        #"destination "annex" will be over capacity after landing: 1050 detainees for 1000 places (105%)"#
      ])
    log.event("facility.updated", #""facility":"annex","occupancy":1450"#)
    #expect(
      log.divert("a1", to: "annex").warnings == [
        .farOverCapacity(facility: log.facilitySymbol("annex"), projected: 1550, capacity: 1000)
      ])
    // Another approved airlift already bound for Annex counts as inbound there.
    log.event("facility.updated", #""facility":"annex","occupancy":900"#)
    log.request("a2", to: "annex", detainees: 60)
    log.decide("airlift.approved", "a2", by: "karim")
    #expect(
      log.divert("a1", to: "annex").warnings == [
        .overCapacity(facility: log.facilitySymbol("annex"), projected: 1060, capacity: 1000)
      ])
  }

  @Test("divert warns of high-value detainees below maximum security and recent incidents near it")
  func divertOtherWarnings() {
    var log = approvedLog(highValue: 5)
    let verdict = log.divert("a1", to: "annex")
    #expect(
      log.warningMessages(verdict) == [
        #"5 high-value detainees bound for "annex", whose security is high, not maximum"#
      ])
    log.incident("i1", sector: "R-annex", severity: "critical")
    log.incident("i2", sector: "R-camp", severity: "critical")  // near the old destination
    let near = log.divert("a1", to: "annex")
    #expect(near.warnings.count == 2)
    #expect(
      log.warningMessages(near).last?.hasPrefix(#"open critical incident "i1" in sector "R-annex""#)
        == true)
    #expect(
      log.warningMessages(near).last?.hasSuffix(#"in the region of the destination "annex""#)
        == true)
  }

  @Test("a facility's unresolved high and critical incidents are counted for the destination list")
  func incidentCount() {
    var log = approvedLog()
    log.incident("i1", sector: "R-annex", severity: "high")
    log.incident("i2", sector: "annex", severity: "critical")
    log.incident("i3", sector: "R-annex", severity: "medium")
    log.incident("i4", sector: "border-north", severity: "critical")
    log.incident("i5", sector: "elsewhere", severity: "high", facility: "annex")
    log.event("incident.resolved", #""incident":"i5""#)
    let annex = log.facilitySymbol("annex")
    #expect(unresolvedSeriousIncidents(near: annex, state: log.state, tables: log.tables) == 2)
    let camp = log.facilitySymbol("camp")
    #expect(unresolvedSeriousIncidents(near: camp, state: log.state, tables: log.tables) == 0)
  }
}
