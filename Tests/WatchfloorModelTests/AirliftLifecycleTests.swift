import Testing
import WatchfloorModel

@Suite("Airlift life cycle")
struct AirliftLifecycleTests {
  @Test("request, approve, depart, land with a shortfall: occupancy, inbound and totals")
  func fullLifecycle() throws {
    var log = LogBuilder()
    log.twoFacilities()
    #expect(log.request("AL-1", detainees: 100).isApplied)
    #expect(log.airlift("AL-1")?.status == .pending)
    #expect(log.state.pending == 100)
    #expect(log.facilityState("karkh")?.inboundCount == 0)

    #expect(log.decide("airlift.approved", "AL-1").isApplied)
    #expect(log.airlift("AL-1")?.status == .approved)
    #expect(log.approvers("AL-1") == ["hassan"])
    #expect(log.state.pending == 0)
    #expect(log.facilityState("karkh")?.inboundCount == 100)
    #expect(log.facilityState("karkh")?.projected == 6100)

    #expect(log.event("airlift.departed", #""airlift":"AL-1""#).isApplied)
    #expect(log.airlift("AL-1")?.status == .inFlight)
    #expect(log.facilityState("hasakah")?.occupancy == 800)
    #expect(log.state.inFlight == 100)
    #expect(log.facilityState("karkh")?.inboundCount == 100)

    #expect(log.event("airlift.landed", #""airlift":"AL-1","delivered":97"#).isApplied)
    let landed = try #require(log.airlift("AL-1"))
    #expect(landed.status == .landed)
    #expect(landed.progress.delivered == 97)
    #expect(log.facilityState("karkh")?.occupancy == 6097)
    #expect(log.facilityState("karkh")?.inboundCount == 0)
    #expect(log.state.inFlight == 0)
    #expect(log.state.moved == 97)
    #expect(log.state.discrepancy == 3)
  }

  @Test("landing without delivered delivers every detainee")
  func landingDefaultsToAllDetainees() {
    var log = LogBuilder()
    log.twoFacilities()
    log.request("AL-1", detainees: 150)
    log.decide("airlift.approved", "AL-1")
    log.event("airlift.departed", #""airlift":"AL-1""#)
    #expect(log.event("airlift.landed", #""airlift":"AL-1""#).isApplied)
    #expect(log.state.moved == 150)
    #expect(log.state.discrepancy == 0)
    #expect(log.facilityState("karkh")?.occupancy == 6150)
  }

  @Test("two-person rule: a second approval by someone else, never by the same officer")
  func twoPersonRule() {
    var log = LogBuilder()
    log.twoFacilities()
    log.request("AL-2", detainees: 40, highValue: 5)
    #expect(log.decide("airlift.approved", "AL-2", by: "hassan").isApplied)
    #expect(log.airlift("AL-2")?.status == .awaitingSecond)
    #expect(log.facilityState("karkh")?.inboundCount == 0)
    #expect(log.state.pending == 40)

    let again = log.decide("airlift.approved", "AL-2", by: "hassan")
    guard case .sameApproverTwice = again.anomaly else {
      Issue.record("expected a same-approver anomaly, got \(again)")
      return
    }
    #expect(log.airlift("AL-2")?.status == .awaitingSecond)
    #expect(log.decide("airlift.approved", "AL-2", by: "layla").isApplied)
    #expect(log.airlift("AL-2")?.status == .approved)
    #expect(log.approvers("AL-2") == ["hassan", "layla"])
    #expect(log.facilityState("karkh")?.inboundCount == 40)
    #expect(log.decide("airlift.approved", "AL-2", by: "karim").anomaly != nil)
  }

  @Test("a hold clears a first approval; approving from held starts over")
  func holdClearsFirstApproval() {
    var log = LogBuilder()
    log.twoFacilities()
    log.request("AL-3", highValue: 2)
    log.decide("airlift.approved", "AL-3", by: "hassan")
    #expect(log.decide("airlift.held", "AL-3", by: "layla").isApplied)
    #expect(log.airlift("AL-3")?.status == .held)
    #expect(log.approvers("AL-3").isEmpty)
    #expect(log.state.pending == 100)
    #expect(log.decide("airlift.held", "AL-3").anomaly != nil)
    #expect(log.decide("airlift.approved", "AL-3", by: "hassan").isApplied)
    #expect(log.airlift("AL-3")?.status == .awaitingSecond)
    #expect(log.decide("airlift.approved", "AL-3", by: "layla").isApplied)
    #expect(log.airlift("AL-3")?.status == .approved)
  }

  @Test("an airlift without high-value detainees is approved from held by one officer")
  func approveFromHeld() {
    var log = LogBuilder()
    log.twoFacilities()
    log.request("AL-4")
    log.decide("airlift.held", "AL-4")
    #expect(log.decide("airlift.approved", "AL-4").isApplied)
    #expect(log.airlift("AL-4")?.status == .approved)
  }

  @Test("deny from pending, awaiting-second and held; denied is final")
  func denials() {
    var log = LogBuilder()
    log.twoFacilities()
    log.request("AL-5")
    log.request("AL-6", highValue: 1)
    log.request("AL-7")
    log.decide("airlift.approved", "AL-6")
    log.decide("airlift.held", "AL-7")
    for id in ["AL-5", "AL-6", "AL-7"] {
      #expect(log.decide("airlift.denied", id, by: "noor").isApplied)
      #expect(log.airlift(id)?.status == .denied)
    }
    #expect(log.state.pending == 0)
    #expect(log.state.airlifts(.denied) == 3)
    for type in ["airlift.approved", "airlift.denied", "airlift.held"] {
      #expect(
        log.decide(type, "AL-5").anomaly
          == .notAllowed(
            airlift: log.airlift("AL-5")?.id ?? .none,
            event: EventType.named(type) ?? .airliftApproved, status: .denied))
    }
  }

  @Test("decisions after approval are not allowed except cancel")
  func afterApproval() {
    var log = LogBuilder()
    log.twoFacilities()
    log.request("AL-8")
    log.decide("airlift.approved", "AL-8")
    #expect(log.decide("airlift.denied", "AL-8").anomaly != nil)
    #expect(log.decide("airlift.held", "AL-8").anomaly != nil)
    #expect(log.decide("airlift.approved", "AL-8", by: "layla").anomaly != nil)
    #expect(log.facilityState("karkh")?.inboundCount == 100)
    #expect(log.event("airlift.cancelled", #""airlift":"AL-8","reason":"weather""#).isApplied)
    #expect(log.airlift("AL-8")?.status == .cancelled)
    #expect(log.facilityState("karkh")?.inboundCount == 0)
    #expect(log.event("airlift.cancelled", #""airlift":"AL-8","reason":"again""#).anomaly != nil)
  }

  @Test("cancel is allowed from pending, awaiting-second, held and approved, not in flight")
  func cancellation() {
    var log = LogBuilder()
    log.twoFacilities()
    for id in ["C-1", "C-2", "C-3", "C-4", "C-5"] {
      log.request(id, highValue: id == "C-2" ? 1 : 0)
    }
    log.decide("airlift.approved", "C-2")
    log.decide("airlift.held", "C-3")
    log.decide("airlift.approved", "C-4")
    log.decide("airlift.approved", "C-5")
    log.event("airlift.departed", #""airlift":"C-5""#)
    for id in ["C-1", "C-2", "C-3", "C-4"] {
      #expect(log.event("airlift.cancelled", #""airlift":"\#(id)","reason":"r""#).isApplied)
    }
    #expect(log.event("airlift.cancelled", #""airlift":"C-5","reason":"r""#).anomaly != nil)
    #expect(log.state.airlifts(.cancelled) == 4)
    #expect(log.state.inFlight == 100)
  }

  @Test("depart only when approved, land only when in flight")
  func departAndLandOrder() {
    var log = LogBuilder()
    log.twoFacilities()
    log.request("AL-9")
    #expect(log.event("airlift.departed", #""airlift":"AL-9""#).anomaly != nil)
    #expect(log.event("airlift.landed", #""airlift":"AL-9""#).anomaly != nil)
    log.decide("airlift.approved", "AL-9")
    #expect(log.event("airlift.landed", #""airlift":"AL-9""#).anomaly != nil)
    #expect(log.facilityState("hasakah")?.occupancy == 900)
    log.event("airlift.departed", #""airlift":"AL-9""#)
    #expect(log.event("airlift.departed", #""airlift":"AL-9""#).anomaly != nil)
    #expect(log.facilityState("hasakah")?.occupancy == 800)
    #expect(
      log.event("airlift.landed", #""airlift":"AL-9","delivered":101"#).anomaly
        == .deliveredAboveDetainees(
          airlift: log.airlift("AL-9")?.id ?? .none, delivered: 101, detainees: 100))
    #expect(log.airlift("AL-9")?.status == .inFlight)
    #expect(log.event("airlift.landed", #""airlift":"AL-9","delivered":0"#).isApplied)
    #expect(log.state.discrepancy == 100)
    #expect(log.event("airlift.landed", #""airlift":"AL-9""#).anomaly != nil)
  }

  @Test("diversion moves inbound detainees and the landing to the new destination")
  func diversion() {
    var log = LogBuilder()
    log.twoFacilities()
    log.facility("nasiriyah", capacity: 4000, occupancy: 8000)
    log.request("AL-10", detainees: 60)
    #expect(
      log.event("airlift.diverted", #""airlift":"AL-10","destination":"nasiriyah""#).anomaly
        != nil)
    log.decide("airlift.approved", "AL-10")
    #expect(
      log.event("airlift.diverted", #""airlift":"AL-10","destination":"nasiriyah""#)
        .isApplied)
    #expect(log.facilityState("karkh")?.inboundCount == 0)
    #expect(log.facilityState("nasiriyah")?.inboundCount == 60)
    log.event("airlift.departed", #""airlift":"AL-10""#)
    #expect(
      log.event("airlift.diverted", #""airlift":"AL-10","destination":"karkh","by":"ops""#)
        .isApplied)
    #expect(log.airlift("AL-10")?.status == .inFlight)
    #expect(log.facilityState("karkh")?.inboundCount == 60)
    #expect(log.facilityState("nasiriyah")?.inboundCount == 0)
    #expect(
      log.event("airlift.diverted", #""airlift":"AL-10","destination":"nowhere""#).anomaly
        != nil)
    #expect(
      log.event("airlift.diverted", #""airlift":"AL-10","destination":"hasakah""#).anomaly
        != nil)
    log.event("airlift.landed", #""airlift":"AL-10""#)
    #expect(log.facilityState("karkh")?.occupancy == 6060)
    #expect(log.facilityState("nasiriyah")?.occupancy == 8000)
    #expect(
      log.event("airlift.diverted", #""airlift":"AL-10","destination":"nasiriyah""#).anomaly
        != nil)
  }
}
