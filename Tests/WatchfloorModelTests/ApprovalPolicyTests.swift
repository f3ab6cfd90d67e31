import Testing
import WatchfloorModel

/// A log with Hasakah (Syria) and Camp (capacity 1000, occupancy 500, maximum security) and
/// airlift "a1": 100 detainees from Hasakah to Camp, requested by "liaison".
private func baseLog() -> LogBuilder {
  var log = LogBuilder()
  log.facility("hasakah", side: "SY", capacity: 1500, occupancy: 900)
  log.facility("camp", capacity: 1000, occupancy: 500, security: "maximum")
  log.request("a1", to: "camp")
  return log
}

private let noon = RFC3339.parse("2026-01-21T12:00:00Z", verbatim: Interner()) ?? .missing

private func context(
  _ name: String = "hassan", role: OperatorRole = .approver, open: Bool = false,
  now: Timestamp = noon
) -> PolicyContext {
  PolicyContext(operatorName: name, role: role, rosterIsOpen: open, now: now)
}

extension LogBuilder {
  func symbol(_ airlift: String) -> Symbol { tables.airlifts.lookup(airlift) ?? .none }

  func check(_ decision: Decision, _ context: PolicyContext = context()) -> PolicyVerdict {
    evaluate(decision, state: state, tables: tables, context: context)
  }

  func approve(_ airlift: String, _ context: PolicyContext = context()) -> PolicyVerdict {
    check(.approve(airlift: symbol(airlift)), context)
  }

  func blockMessages(_ verdict: PolicyVerdict) -> [String] {
    verdict.blocks.map { $0.message(tables) }
  }

  func warningMessages(_ verdict: PolicyVerdict) -> [String] {
    verdict.warnings.map { $0.message(tables) }
  }

  mutating func incident(
    _ id: String, sector: String, severity: String = "high", facility: String? = nil
  ) {
    let facilityMember = facility.map { #","facility":"\#($0)""# } ?? ""
    event(
      "incident.reported",
      #""incident":"\#(id)","sector":"\#(sector)","severity":"\#(severity)","#
        + #""kind":"ambush","summary":"convoy fired on"\#(facilityMember)"#)
  }
}

@Suite("Approval policy")
struct ApprovalPolicyTests {
  @Test("a clean approval is allowed with no warnings, as a single approval")
  func clean() {
    let log = baseLog()
    let verdict = log.approve("a1")
    #expect(verdict.isAllowed)
    #expect(verdict.blocks.isEmpty && verdict.warnings.isEmpty)
    #expect(verdict.twoPerson == .single)
    #expect(verdict.twoPerson?.message == "single approval")
    let deny = log.check(.deny(airlift: log.symbol("a1"), reason: "no escort"))
    #expect(deny.isAllowed && deny.warnings.isEmpty && deny.twoPerson == nil)
    let hold = log.check(.hold(airlift: log.symbol("a1"), reason: "weather"))
    #expect(hold.isAllowed)
  }

  @Test("unknown airlift and unknown incident are blocked")
  func unknown() {
    let log = baseLog()
    let ghost = log.tables.airlifts.intern("ghost")
    let verdict = log.check(.approve(airlift: ghost))
    #expect(verdict.blocks == [.unknownAirlift(ghost)])
    #expect(log.blockMessages(verdict) == [#"there is no airlift "ghost""#])
    #expect(log.check(.deny(airlift: .none, reason: "x")).blocks == [.unknownAirlift(.none)])
    let phantom = log.tables.incidents.intern("phantom")
    let ack = log.check(.acknowledge(incident: phantom))
    #expect(ack.blocks == [.unknownIncident(phantom)])
    #expect(log.blockMessages(ack) == [#"there is no incident "phantom""#])
  }

  @Test("viewers, officers off the roster and nameless operators may not decide")
  func operatorRole() {
    let log = baseLog()
    let viewer = log.approve("a1", context("nadia", role: .viewer))
    #expect(viewer.blocks == [.viewerMayNotDecide(operator: "nadia")])
    #expect(log.blockMessages(viewer) == ["nadia is a viewer on the roster and may not decide"])
    let stranger = log.approve("a1", context("omar", role: .unknown))
    #expect(stranger.blocks == [.notOnRoster(operator: "omar")])
    #expect(log.blockMessages(stranger) == ["omar is not on the roster and may not decide"])
    #expect(!log.check(.acknowledge(incident: .none), context(role: .viewer)).isAllowed)
    // Open roster: anyone named is an approver.
    #expect(log.approve("a1", context("omar", role: .unknown, open: true)).isAllowed)
    #expect(log.approve("a1", context("nadia", role: .viewer, open: true)).isAllowed)
    #expect(log.approve("a1", context(" ", open: true)).blocks == [.unnamedOperator])
    #expect(log.approve("a1", context("")).blocks == [.unnamedOperator])
  }

  @Test("a decision on a landed, denied or cancelled airlift is blocked")
  func finalAirlift() {
    var log = baseLog()
    log.request("a2", to: "camp")
    log.request("a3", to: "camp")
    log.decide("airlift.denied", "a1")
    log.event("airlift.cancelled", #""airlift":"a2","reason":"no aircraft""#)
    log.decide("airlift.approved", "a3")
    log.event("airlift.departed", #""airlift":"a3""#)
    log.event("airlift.landed", #""airlift":"a3""#)
    let denied = log.approve("a1")
    #expect(denied.blocks == [.finalAirlift(airlift: log.symbol("a1"), status: .denied)])
    #expect(
      log.blockMessages(denied) == [#"airlift "a1" is already denied: no further decision"#])
    #expect(denied.warnings.isEmpty && denied.twoPerson == nil)
    #expect(
      log.check(.hold(airlift: log.symbol("a2"), reason: "x")).blocks == [
        .finalAirlift(airlift: log.symbol("a2"), status: .cancelled)
      ])
    #expect(
      log.check(.deny(airlift: log.symbol("a3"), reason: "x")).blocks == [
        .finalAirlift(airlift: log.symbol("a3"), status: .landed)
      ])
  }

  @Test("transitions the life cycle does not allow are blocked")
  func lifeCycle() {
    var log = baseLog()
    log.request("a2", to: "camp")
    log.request("a3", to: "camp")
    log.decide("airlift.approved", "a1")
    log.decide("airlift.held", "a2")
    log.decide("airlift.approved", "a3")
    log.event("airlift.departed", #""airlift":"a3""#)
    let a1 = log.symbol("a1")
    let a2 = log.symbol("a2")
    let a3 = log.symbol("a3")
    let hold = log.check(.hold(airlift: a1, reason: "weather"))
    #expect(hold.blocks == [.notAllowed(airlift: a1, decision: "hold", status: .approved)])
    #expect(log.blockMessages(hold) == [#"cannot hold airlift "a1": it is approved"#])
    #expect(
      log.approve("a1").blocks == [.notAllowed(airlift: a1, decision: "approve", status: .approved)]
    )
    #expect(
      log.check(.deny(airlift: a3, reason: "x")).blocks == [
        .notAllowed(airlift: a3, decision: "deny", status: .inFlight)
      ])
    // Held: approve and deny are allowed, hold again is not.
    #expect(log.approve("a2").isAllowed)
    #expect(log.check(.deny(airlift: a2, reason: "x")).isAllowed)
    #expect(
      log.check(.hold(airlift: a2, reason: "x")).blocks == [
        .notAllowed(airlift: a2, decision: "hold", status: .held)
      ])
  }

  @Test("only an open incident may be acknowledged")
  func acknowledge() {
    var log = baseLog()
    log.incident("i1", sector: "north")
    log.incident("i2", sector: "north")
    log.incident("i3", sector: "north")
    log.event("incident.acknowledged", #""incident":"i2","by":"hassan""#)
    log.event("incident.resolved", #""incident":"i3""#)
    let i1 = log.tables.incidents.lookup("i1") ?? .none
    let i2 = log.tables.incidents.lookup("i2") ?? .none
    let i3 = log.tables.incidents.lookup("i3") ?? .none
    let open = log.check(.acknowledge(incident: i1))
    #expect(open.isAllowed && open.warnings.isEmpty && open.twoPerson == nil)
    let acknowledged = log.check(.acknowledge(incident: i2))
    #expect(acknowledged.blocks == [.incidentNotOpen(incident: i2, status: .acknowledged)])
    #expect(
      log.blockMessages(acknowledged) == [
        #"incident "i2" is acknowledged, not open: nothing to acknowledge"#
      ])
    #expect(
      log.check(.acknowledge(incident: i3)).blocks == [
        .incidentNotOpen(incident: i3, status: .resolved)
      ])
  }

  @Test("approving to a closed or locked-down destination is blocked")
  func destinationNotOpen() {
    var log = baseLog()
    let camp = log.tables.facilities.lookup("camp") ?? .none
    log.event("facility.updated", #""facility":"camp","status":"lockdown""#)
    let lockdown = log.approve("a1")
    #expect(lockdown.blocks == [.destinationNotOpen(facility: camp, status: .lockdown)])
    #expect(
      log.blockMessages(lockdown) == [
        #"destination "camp" is in lockdown: it cannot receive detainees"#
      ])
    log.event("facility.updated", #""facility":"camp","status":"closed""#)
    let closed = log.approve("a1")
    #expect(closed.blocks == [.destinationNotOpen(facility: camp, status: .closed)])
    #expect(
      log.blockMessages(closed) == [#"destination "camp" is closed: it cannot receive detainees"#])
    // Denying or holding towards a closed destination is still allowed.
    #expect(log.check(.deny(airlift: log.symbol("a1"), reason: "closed")).isAllowed)
  }

  @Test("two-person rule: status strings and the same officer twice")
  func twoPerson() {
    var log = baseLog()
    log.request("hv", to: "camp", highValue: 1)
    let first = log.approve("hv")
    #expect(first.isAllowed)
    #expect(first.twoPerson == .first(by: "hassan"))
    #expect(first.twoPerson?.message == "approval 1 of 2, first by hassan")
    log.decide("airlift.approved", "hv", by: "hassan")
    let again = log.approve("hv")
    #expect(again.blocks == [.sameApproverTwice(airlift: log.symbol("hv"), officer: "hassan")])
    #expect(
      log.blockMessages(again) == [
        #"hassan already gave the first approval of airlift "hv": "#
          + "the second must come from another officer (two-person rule)"
      ])
    let second = log.approve("hv", context("rahim"))
    #expect(second.isAllowed)
    #expect(second.twoPerson == .second(firstBy: "hassan"))
    #expect(second.twoPerson?.message == "second approval: this makes it approved")
    // A hold clears the first approval: the same officer may approve afresh.
    log.decide("airlift.held", "hv", by: "rahim")
    let afterHold = log.approve("hv")
    #expect(afterHold.isAllowed && afterHold.twoPerson == .first(by: "hassan"))
  }

  @Test(
    "one officer under another spelling is still the same officer",
    arguments: ["Hassan", "hassan ", "\thassan", "HASSAN\n", "  hAsSaN  "])
  func sameOfficerSpelledOtherwise(spelling: String) {
    var log = baseLog()
    log.request("hv", to: "camp", highValue: 1)
    log.decide("airlift.approved", "hv", by: "hassan")
    let again = log.approve("hv", context(spelling, open: true))
    #expect(again.blocks == [.sameApproverTwice(airlift: log.symbol("hv"), officer: spelling)])
    // The requester likewise, whatever the case.
    #expect(
      log.approve("a1", context("LIAISON ")).blocks == [
        .approverIsRequester(airlift: log.symbol("a1"), officer: "LIAISON ")
      ])
  }

  @Test("the fold keeps the spec's exact comparison of by")
  func foldComparesExactly() {
    var log = baseLog()
    log.request("hv", to: "camp", highValue: 1)
    log.decide("airlift.approved", "hv", by: "hassan")
    log.decide("airlift.approved", "hv", by: "Hassan")
    #expect(log.state.airlift(log.symbol("hv"))?.status == .approved)
  }

  @Test("the requester may not approve their own airlift")
  func requester() {
    let log = baseLog()
    let verdict = log.approve("a1", context("liaison"))
    #expect(verdict.blocks == [.approverIsRequester(airlift: log.symbol("a1"), officer: "liaison")])
    #expect(
      log.blockMessages(verdict) == [#"liaison requested airlift "a1" and may not approve it"#])
    // The requester may still deny or hold it.
    #expect(log.check(.deny(airlift: log.symbol("a1"), reason: "x"), context("liaison")).isAllowed)
  }

  @Test("deny and hold need a reason that is not only whitespace")
  func reasonRequired() {
    let log = baseLog()
    let a1 = log.symbol("a1")
    let deny = log.check(.deny(airlift: a1, reason: ""))
    #expect(deny.blocks == [.reasonRequired(airlift: a1, decision: "deny")])
    #expect(log.blockMessages(deny) == [#"a reason is required to deny airlift "a1""#])
    #expect(
      log.check(.hold(airlift: a1, reason: " \t\n ")).blocks == [
        .reasonRequired(airlift: a1, decision: "hold")
      ])
    #expect(log.check(.hold(airlift: a1, reason: " fuel ")).isAllowed)
  }

  @Test("every block that applies is listed")
  func severalBlocks() {
    var log = baseLog()
    log.event("facility.updated", #""facility":"camp","status":"closed""#)
    let verdict = log.approve("a1", context("liaison", role: .viewer))
    #expect(
      verdict.blocks == [
        .viewerMayNotDecide(operator: "liaison"),
        .destinationNotOpen(
          facility: log.tables.facilities.lookup("camp") ?? .none, status: .closed),
        .approverIsRequester(airlift: log.symbol("a1"), officer: "liaison"),
      ])
    #expect(!verdict.isAllowed)
  }

  @Test("projected load after landing: above 100%, above 150%, and inbound counted")
  func load() {
    var log = baseLog()
    let camp = log.tables.facilities.lookup("camp") ?? .none
    log.request("full", to: "camp", detainees: 500)
    log.request("over", to: "camp", detainees: 600)
    log.request("half", to: "camp", detainees: 1000)
    log.request("far", to: "camp", detainees: 1001)
    #expect(log.approve("full").warnings.isEmpty)  // exactly 100%
    let over = log.approve("over")
    #expect(over.isAllowed)
    #expect(over.warnings == [.overCapacity(facility: camp, projected: 1100, capacity: 1000)])
    #expect(
      log.warningMessages(over) == [
        #"destination "camp" will be over capacity after landing: 1100 detainees for 1000 places (110%)"#
      ])
    // Exactly 150% is over capacity, not yet far over.
    #expect(
      log.approve("half").warnings == [
        .overCapacity(facility: camp, projected: 1500, capacity: 1000)
      ])
    let far = log.approve("far")
    #expect(far.warnings == [.farOverCapacity(facility: camp, projected: 1501, capacity: 1000)])
    #expect(
      log.warningMessages(far) == [
        #"destination "camp" will be more than 150% full after landing: 1501 detainees for 1000 places (150.1%)"#
      ])
    // Approved airlifts already inbound count: 500 + 400 inbound + 100 of a1 = 100%, then over.
    log.request("inbound", to: "camp", detainees: 400)
    log.decide("airlift.approved", "inbound")
    #expect(log.approve("a1").warnings.isEmpty)
    log.request("extra", to: "camp", detainees: 101)
    #expect(
      log.approve("extra").warnings == [
        .overCapacity(facility: camp, projected: 1001, capacity: 1000)
      ])
    // No load warnings on deny or hold.
    #expect(log.check(.deny(airlift: log.symbol("far"), reason: "full")).warnings.isEmpty)
  }

  @Test("capacity 0: capacity unknown instead of a percentage")
  func capacityUnknown() {
    var log = baseLog()
    log.facility("annex", capacity: 0, occupancy: 20, security: "maximum")
    log.request("a2", to: "annex", detainees: 30)
    let annex = log.tables.facilities.lookup("annex") ?? .none
    let verdict = log.approve("a2")
    #expect(verdict.isAllowed)
    #expect(verdict.warnings == [.capacityUnknown(facility: annex, projected: 50)])
    #expect(
      log.warningMessages(verdict) == [
        #"destination "annex" has capacity unknown (recorded as 0): 50 detainees after landing"#
      ])
  }

  @Test("high-value detainees to a facility below maximum security")
  func highValueSecurity() {
    var log = baseLog()
    log.facility("depot", capacity: 1000, occupancy: 0)  // security defaults to high
    log.facility("yard", capacity: 1000, occupancy: 0, security: "medium")
    log.request("hv1", to: "depot", highValue: 3)
    log.request("hv2", to: "yard", highValue: 1)
    log.request("hv3", to: "camp", highValue: 2)
    let depot = log.tables.facilities.lookup("depot") ?? .none
    let verdict = log.approve("hv1")
    #expect(verdict.isAllowed)
    #expect(
      verdict.warnings == [
        .highValueBelowMaximumSecurity(highValue: 3, facility: depot, security: .high)
      ])
    #expect(
      log.warningMessages(verdict) == [
        #"3 high-value detainees bound for "depot", whose security is high, not maximum"#
      ])
    #expect(
      log.warningMessages(log.approve("hv2")) == [
        #"1 high-value detainee bound for "yard", whose security is medium, not maximum"#
      ])
    #expect(log.approve("hv3").warnings.isEmpty)
    #expect(log.approve("a1").warnings.isEmpty)  // no high-value detainees
  }

  @Test("recent high or critical incidents near the destination or in a border sector")
  func incidents() {
    var log = baseLog()
    log.incident("region", sector: "R-camp")  // 06:04
    log.incident("site", sector: "east", severity: "critical", facility: "camp")
    log.incident("border", sector: "Sinjar road")
    log.incident("named", sector: "camp")
    log.incident("medium", sector: "R-camp", severity: "medium")
    log.incident("elsewhere", sector: "R-hasakah", severity: "critical")
    log.incident("resolved", sector: "R-camp")
    log.incident("acked", sector: "Rabia crossing", severity: "critical")
    log.event("incident.resolved", #""incident":"resolved""#)
    log.event("incident.acknowledged", #""incident":"acked","by":"hassan""#)
    let verdict = log.approve("a1")
    #expect(verdict.isAllowed)
    let incidents = verdict.warnings.compactMap { warning -> String? in
      if case .recentIncident(let incident, _, _, _, _, _) = warning {
        return log.tables.incident(incident)
      }
      return nil
    }
    #expect(incidents == ["region", "site", "border", "named", "acked"])
    let places = verdict.warnings.compactMap { warning -> IncidentPlace? in
      if case .recentIncident(_, _, _, _, let place, _) = warning { return place }
      return nil
    }
    #expect(places == [.region, .destination, .borderSector, .destination, .borderSector])
    #expect(
      log.warningMessages(verdict).prefix(3) == [
        #"open high incident "region" in sector "R-camp", reported 2026-01-21T06:04:00Z: "#
          + #"in the region of the destination "camp""#,
        #"open critical incident "site" in sector "east", reported 2026-01-21T06:05:00Z: "#
          + #"at the destination "camp""#,
        #"open high incident "border" in sector "Sinjar road", reported 2026-01-21T06:06:00Z: "#
          + "a border sector",
      ])
    // More than 24 hours later none of them is recent; exactly 24 hours still is.
    let later = RFC3339.parse("2026-01-22T06:04:01Z", verbatim: Interner()) ?? .missing
    let late = log.approve("a1", context(now: later))
    #expect(
      late.warnings.allSatisfy {
        if case .recentIncident(let incident, _, _, _, _, _) = $0 {
          return log.tables.incident(incident) != "region"
        }
        return true
      })
    let dayAfter = RFC3339.parse("2026-01-22T12:00:00Z", verbatim: Interner()) ?? .missing
    #expect(log.approve("a1", context(now: dayAfter)).warnings.isEmpty)
    let exactly = RFC3339.parse("2026-01-22T06:04:00Z", verbatim: Interner()) ?? .missing
    #expect(log.approve("a1", context(now: exactly)).warnings.count == 5)
    // Incidents do not warn on deny, hold or acknowledge.
    #expect(log.check(.hold(airlift: log.symbol("a1"), reason: "wait")).warnings.isEmpty)
  }

  @Test("border sector names are the project's choice")
  func borderSectors() {
    for sector in ["Syrian border", "ANBAR west", "Nineveh plains", "rabia", "al-Qaim", "sinjar"] {
      #expect(isBorderSector(sector), "\(sector)")
    }
    #expect(!isBorderSector("Baghdad"))
    #expect(!isBorderSector(""))
  }
}
