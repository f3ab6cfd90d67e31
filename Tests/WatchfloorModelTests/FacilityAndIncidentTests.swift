import Testing
import WatchfloorModel

@Suite("Facilities, repatriation and incidents")
struct FacilityAndIncidentTests {
  @Test("registration defaults: status open, security high; a second registration is an anomaly")
  func registration() throws {
    var log = LogBuilder()
    log.facility("karkh", capacity: 3000, occupancy: 6000)
    let karkh = try #require(log.facilityState("karkh"))
    #expect(karkh.status == .open)
    #expect(karkh.security == .high)
    #expect(karkh.load == 2.0)
    log.facility("karkh", capacity: 1, occupancy: 1)
    #expect(
      log.verdicts.last?.anomaly == .facilityExists(log.tables.facilities.lookup("karkh") ?? .none))
    #expect(log.facilityState("karkh")?.capacity == 3000)
  }

  @Test("facility.updated replaces only the values it carries")
  func update() throws {
    var log = LogBuilder()
    log.facility("karkh", capacity: 3000, occupancy: 6000)
    #expect(log.event("facility.updated", #""facility":"karkh","status":"lockdown""#).isApplied)
    #expect(log.facilityState("karkh")?.status == .lockdown)
    #expect(log.facilityState("karkh")?.capacity == 3000)
    #expect(
      log.event("facility.updated", #""facility":"karkh","capacity":0,"occupancy":10"#)
        .isApplied)
    let karkh = try #require(log.facilityState("karkh"))
    #expect(karkh.capacity == 0 && karkh.occupancy == 10 && karkh.status == .lockdown)
    #expect(karkh.load == nil)
    #expect(
      log.event("facility.updated", #""facility":"ghost","status":"closed""#).anomaly
        == .unknownFacility(log.tables.facilities.lookup("ghost") ?? .none))
  }

  @Test("repatriation lowers occupancy, never below zero, and adds to the total")
  func repatriation() {
    var log = LogBuilder()
    log.facility("karkh", capacity: 3000, occupancy: 50)
    #expect(
      log.event("detainees.repatriated", #""facility":"karkh","count":20,"country":"FR""#)
        .isApplied)
    #expect(log.facilityState("karkh")?.occupancy == 30)
    #expect(
      log.event("detainees.repatriated", #""facility":"karkh","count":45,"country":"DE""#)
        .isApplied)
    #expect(log.facilityState("karkh")?.occupancy == 0)
    #expect(log.state.repatriated == 65)
    #expect(
      log.event("detainees.repatriated", #""facility":"x","count":1,"country":"BE""#)
        .anomaly != nil)
    #expect(log.state.repatriated == 65)
  }

  @Test("a departure larger than the headcount leaves the origin at zero and is applied")
  func departureFloor() {
    var log = LogBuilder()
    log.facility("hasakah", side: "SY", capacity: 100, occupancy: 30)
    log.facility("karkh")
    log.request("AL-1", detainees: 80)
    log.decide("airlift.approved", "AL-1")
    #expect(log.event("airlift.departed", #""airlift":"AL-1""#).isApplied)
    #expect(log.facilityState("hasakah")?.occupancy == 0)
  }

  @Test("requests need two different known facilities and a new id")
  func requestAnomalies() {
    var log = LogBuilder()
    log.twoFacilities()
    #expect(log.request("AL-1", from: "karkh", to: "karkh").anomaly != nil)
    #expect(log.request("AL-1", from: "nowhere", to: "karkh").anomaly != nil)
    #expect(log.request("AL-1", from: "hasakah", to: "nowhere").anomaly != nil)
    #expect(log.airlift("AL-1") == nil)
    #expect(log.request("AL-1").isApplied)
    #expect(
      log.request("AL-1", detainees: 5).anomaly
        == .airliftExists(log.tables.airlifts.lookup("AL-1") ?? .none))
    #expect(log.airlift("AL-1")?.detainees == 100)
    #expect(log.decide("airlift.approved", "AL-404").anomaly != nil)
    #expect(log.state.counts.anomalies == 5)
  }

  @Test("incident: acknowledge, raise severity clears the acknowledgement, resolve is final")
  func incidentLifecycle() throws {
    var log = LogBuilder()
    let report =
      #""incident":"INC-1","sector":"anbar-west","severity":"high","kind":"infiltration","#
      + #""summary":"Vehicle crossing at night""#
    #expect(log.event("incident.reported", report).isApplied)
    #expect(log.state.unacknowledgedIncidents == 1)
    #expect(log.event("incident.reported", report).anomaly != nil)
    #expect(log.event("incident.acknowledged", #""incident":"INC-1","by":"noor""#).isApplied)
    #expect(log.incident("INC-1")?.status == .acknowledged)
    #expect(log.state.unacknowledgedIncidents == 0)
    #expect(
      log.event("incident.acknowledged", #""incident":"INC-1","by":"karim""#).anomaly
        != nil)
    // Same or lower severity keeps the acknowledgement.
    #expect(log.event("incident.updated", #""incident":"INC-1","severity":"medium""#).isApplied)
    #expect(log.incident("INC-1")?.status == .acknowledged)
    #expect(
      log.event("incident.updated", #""incident":"INC-1","severity":"critical""#)
        .isApplied)
    let raised = try #require(log.incident("INC-1"))
    #expect(raised.status == .open && raised.acknowledgedBy.isNone && raised.severity == .critical)
    #expect(log.state.openIncidentTally[Int(Severity.critical.rawValue)] == 1)
    #expect(log.event("incident.updated", #""incident":"INC-1","summary":"Arrested""#).isApplied)
    #expect(log.tables.text(log.incident("INC-1")?.summary ?? .none) == "Arrested")
    #expect(log.event("incident.acknowledged", #""incident":"INC-1","by":"karim""#).isApplied)
    #expect(log.event("incident.resolved", #""incident":"INC-1","by":"karim""#).isApplied)
    let resolved = try #require(log.incident("INC-1"))
    #expect(resolved.status == .resolved && log.tables.text(resolved.acknowledgedBy) == "karim")
    #expect(log.event("incident.resolved", #""incident":"INC-1""#).anomaly != nil)
    #expect(log.event("incident.updated", #""incident":"INC-1","severity":"low""#).anomaly != nil)
    #expect(log.event("incident.acknowledged", #""incident":"INC-1","by":"x""#).anomaly != nil)
    #expect(
      log.event("incident.updated", #""incident":"INC-9","severity":"low""#).anomaly
        == .unknownIncident(log.tables.incidents.lookup("INC-9") ?? .none))
    #expect(log.state.unacknowledgedIncidents == 0)
  }
}
