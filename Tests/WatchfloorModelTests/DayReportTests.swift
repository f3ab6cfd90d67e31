import Testing
import WatchfloorModel

@Suite("Day report: the shift handover built from a day's records")
struct DayReportTests {
  /// The UTC day of `date`.
  private func day(_ date: String, offsetMinutes: Int = 0) throws -> DayWindow {
    try #require(DayWindow(date: date, offsetMinutes: offsetMinutes))
  }

  /// The instant in UTC; "missing" for none, which no row of a report should hold.
  private func utc(_ time: Timestamp) -> String {
    time.isMissing ? "missing" : RFC3339.utcText(time)
  }

  private func approve(_ log: inout LogBuilder, _ airlift: String, by: String, at ts: String) {
    log.event("airlift.approved", #""airlift":"\#(airlift)","by":"\#(by)""#, ts: ts)
  }

  @Test("a first approval made the day before pairs with the second made today")
  func firstApprovalFromTheDayBefore() throws {
    var log = LogBuilder()
    log.twoFacilities()
    log.request("AL-1", detainees: 40, highValue: 5)
    approve(&log, "AL-1", by: "hassan", at: "2026-01-21T22:10:00Z")
    approve(&log, "AL-1", by: "layla", at: "2026-01-22T09:25:00Z")

    let report = DayReport.build(timeline: log.timeline, day: try day("2026-01-22"))
    #expect(report.records == 4..<5)
    #expect(report.twoPersonApprovals.count == 1)
    let pair = try #require(report.twoPersonApprovals.first)
    #expect(pair.airlift == "AL-1")
    #expect(pair.first.by == "hassan")
    #expect(utc(pair.first.at) == "2026-01-21T22:10:00Z")
    guard case .paired(let second) = pair.outcome else {
      Issue.record("expected a pair, got \(pair.outcome)")
      return
    }
    #expect(second.by == "layla" && utc(second.at) == "2026-01-22T09:25:00Z")
    #expect(report.decisions.map(\.effect) == [.secondApproval(firstBy: "hassan")])
    #expect(report.airlifts.first { $0.status == .approved }?.airlifts == ["AL-1"])

    // The day before, the same first approval is shown still waiting for its second.
    let dayBefore = DayReport.build(timeline: log.timeline, day: try day("2026-01-21"))
    #expect(dayBefore.twoPersonApprovals.map(\.outcome) == [.awaitingSecond])
    #expect(dayBefore.decisions.map(\.effect) == [.firstApproval(releasesHold: false)])
    #expect(dayBefore.airlifts.first { $0.status == .awaitingSecond }?.airlifts == ["AL-1"])
  }

  @Test("a hold clears a first approval; two officers approve anew and pair")
  func holdClearsFirstApproval() throws {
    var log = LogBuilder()
    log.twoFacilities()
    log.request("AL-1", detainees: 40, highValue: 5)
    log.decide("airlift.approved", "AL-1", by: "hassan")
    log.decide("airlift.held", "AL-1", by: "karim")
    log.decide("airlift.approved", "AL-1", by: "hassan")
    log.decide("airlift.approved", "AL-1", by: "noor")
    log.request("AL-2", detainees: 30, highValue: 1)
    log.decide("airlift.approved", "AL-2", by: "layla")
    log.decide("airlift.denied", "AL-2", by: "karim")
    log.request("AL-3", detainees: 20, highValue: 2)
    log.decide("airlift.approved", "AL-3", by: "noor")

    let report = DayReport.build(timeline: log.timeline, day: try day("2026-01-21"))
    #expect(
      report.decisions.map(\.effect) == [
        .firstApproval(releasesHold: false),
        .hold(clearsApprovalBy: "hassan", reason: "test"),
        .firstApproval(releasesHold: true),
        .secondApproval(firstBy: "hassan"),
        .firstApproval(releasesHold: false),
        .denial(reason: "test"),
        .firstApproval(releasesHold: false),
      ])
    let rows = report.twoPersonApprovals
    #expect(rows.map(\.airlift) == ["AL-1", "AL-1", "AL-2", "AL-3"])
    #expect(rows.map(\.first.by) == ["hassan", "hassan", "layla", "noor"])
    guard case .clearedByHold(let hold) = rows[0].outcome else {
      Issue.record("expected the first approval cleared by the hold, got \(rows[0].outcome)")
      return
    }
    #expect(hold.by == "karim")
    guard case .paired(let second) = rows[1].outcome else {
      Issue.record("expected the approvals after the hold paired, got \(rows[1].outcome)")
      return
    }
    #expect(second.by == "noor")
    guard case .denied(let denial) = rows[2].outcome else {
      Issue.record("expected a denial, got \(rows[2].outcome)")
      return
    }
    #expect(denial.by == "karim")
    #expect(rows[3].outcome == .awaitingSecond)
    #expect(report.stops.map(\.event) == [.airliftHeld, .airliftDenied])
    #expect(report.stops.map(\.by) == ["karim", "karim"])
    #expect(report.stops.allSatisfy { $0.reason == "test" })
  }

  @Test(
    "single approvals, a release from hold and a cancellation of an airlift awaiting its second")
  func singleApprovalsAndCancellation() throws {
    var log = LogBuilder()
    log.twoFacilities()
    log.request("AL-1", detainees: 40)
    log.decide("airlift.held", "AL-1", by: "karim")
    log.decide("airlift.approved", "AL-1", by: "hassan")
    log.request("AL-2", detainees: 30, highValue: 3)
    log.decide("airlift.approved", "AL-2", by: "layla")
    log.event("airlift.cancelled", #""airlift":"AL-2","reason":"aircraft unserviceable""#)

    let report = DayReport.build(timeline: log.timeline, day: try day("2026-01-21"))
    #expect(
      report.decisions.map(\.effect) == [
        .hold(clearsApprovalBy: nil, reason: "test"), .singleApproval(releasesHold: true),
        .firstApproval(releasesHold: false),
      ])
    guard case .cancelled(_, let by) = report.twoPersonApprovals.first?.outcome else {
      Issue.record("expected the first approval ended by the cancellation")
      return
    }
    #expect(by == nil)
    #expect(report.stops.last?.event == .airliftCancelled)
    #expect(report.stops.last?.reason == "aircraft unserviceable")
    #expect(report.stops.last?.by == nil)
    #expect(report.airlifts.first { $0.status == .cancelled }?.airlifts == ["AL-2"])
    #expect(report.airlifts.first { $0.status == .approved }?.airlifts == ["AL-1"])
  }

  @Test("the day's airlifts: those with an applied event, and those not final at its start")
  func airliftsOfTheDay() throws {
    var log = LogBuilder()
    log.twoFacilities()
    log.request("AL-done", detainees: 10)
    log.decide("airlift.approved", "AL-done")
    log.event("airlift.departed", #""airlift":"AL-done""#)
    log.event("airlift.landed", #""airlift":"AL-done""#)
    log.request("AL-waiting", detainees: 20)
    log.request("AL-flying", detainees: 30)
    log.decide("airlift.approved", "AL-flying")
    log.event("airlift.departed", #""airlift":"AL-flying""#)
    log.event(
      "airlift.landed", #""airlift":"AL-flying","delivered":27"#, ts: "2026-01-22T01:00:00Z")
    log.event(
      "airlift.requested",
      #""airlift":"AL-new","origin":"hasakah","destination":"karkh","detainees":5,"#
        + #""etd":"2026-01-22T12:00:00Z""#, ts: "2026-01-22T02:00:00Z")
    // An anomaly is no applied event: AL-done stays out of the day.
    log.event("airlift.approved", #""airlift":"AL-done","by":"x""#, ts: "2026-01-22T03:00:00Z")

    let report = DayReport.build(timeline: log.timeline, day: try day("2026-01-22"))
    let byStatus = Dictionary(
      uniqueKeysWithValues: report.airlifts.map { ($0.status, $0.airlifts) })
    #expect(report.airlifts.map(\.status) == DayReport.outcomeOrder)
    #expect(byStatus[.landed] == ["AL-flying"])
    #expect(byStatus[.pending] == ["AL-new", "AL-waiting"])
    #expect(report.airliftCount == 3)
    #expect(report.headline.events == 3)
    #expect(report.headline.landings == 1)
    #expect(report.headline.moved == 27)
    #expect(report.headline.totals.moved == 37)
    #expect(report.headline.totals.discrepancy == 3)
    #expect(report.headline.totals.pending == 25)
    #expect(report.discrepancies.count == 1)
    let shortfall = try #require(report.discrepancies.first)
    #expect(shortfall.airlift == "AL-flying" && shortfall.destination == "karkh")
    #expect(shortfall.detainees == 30 && shortfall.delivered == 27 && shortfall.shortfall == 3)
    #expect(report.problems.map(\.kind) == [.anomaly])
    #expect(report.problems.first?.reason.contains("airlift \"AL-done\" is landed") == true)
  }

  @Test(
    "incidents: critical first, time to acknowledge from the report to the first acknowledgement")
  func incidentsBySeverity() throws {
    var log = LogBuilder()
    func incident(_ id: String, _ severity: String, at ts: String) {
      log.event(
        "incident.reported",
        #""incident":"\#(id)","sector":"rabia","severity":"\#(severity)","kind":"k","summary":"s""#,
        ts: ts)
    }
    func acknowledge(_ id: String, by: String, at ts: String) {
      log.event("incident.acknowledged", #""incident":"\#(id)","by":"\#(by)""#, ts: ts)
    }
    incident("INC-old", "low", at: "2026-01-21T20:00:00Z")
    acknowledge("INC-old", by: "noor", at: "2026-01-21T20:45:00Z")
    incident("INC-done", "high", at: "2026-01-21T21:00:00Z")
    log.event("incident.resolved", #""incident":"INC-done""#, ts: "2026-01-21T21:30:00Z")
    incident("INC-raised", "high", at: "2026-01-22T07:40:00Z")
    acknowledge("INC-raised", by: "layla", at: "2026-01-22T07:44:00Z")
    log.event(
      "incident.updated", #""incident":"INC-raised","severity":"critical""#,
      ts: "2026-01-22T08:55:00Z")
    acknowledge("INC-raised", by: "hassan", at: "2026-01-22T09:01:00Z")
    log.event("incident.resolved", #""incident":"INC-raised""#, ts: "2026-01-22T11:30:00Z")
    incident("INC-open", "critical", at: "2026-01-22T21:40:00Z")
    incident("INC-slow", "low", at: "2026-01-22T10:00:00Z")
    acknowledge("INC-slow", by: "karim", at: "2026-01-22T12:14:30Z")

    let report = DayReport.build(timeline: log.timeline, day: try day("2026-01-22"))
    #expect(report.incidents.map(\.severity) == [.critical, .high, .medium, .low, .info])
    #expect(report.incidentCount == 4)
    let critical = report.incidents[0]
    #expect(critical.incidents.map(\.incident) == ["INC-raised", "INC-open"])
    #expect(critical.unacknowledged == 1)
    #expect(critical.longestTimeToAcknowledge == 240)  // 4m
    let raised = critical.incidents[0]
    #expect(raised.timeToAcknowledge == 240)
    #expect(raised.acknowledgements.map(\.by) == ["layla", "hassan"])
    #expect(raised.raises.map { "\($0.from.name)>\($0.to.name)" } == ["high>critical"])
    #expect(raised.status == .resolved)
    #expect(raised.resolvedAt.map(utc) == "2026-01-22T11:30:00Z")
    #expect(critical.incidents[1].timeToAcknowledge == nil)
    #expect(report.incidents[1].incidents.isEmpty)

    // The incident from the day before keeps its acknowledgement, found in the log before.
    let low = report.incidents[3]
    #expect(low.incidents.map(\.incident) == ["INC-old", "INC-slow"])
    #expect(low.incidents[0].acknowledgements.map(\.by) == ["noor"])
    #expect(low.incidents[0].timeToAcknowledge == 2700)  // 45m
    #expect(low.incidents[1].timeToAcknowledge == 8070)  // 2h 14m 30s
    #expect(low.longestTimeToAcknowledge == 8070)
    #expect(low.unacknowledged == 0)

    let acknowledgements = report.decisions.filter { $0.event == .incidentAcknowledged }
    #expect(
      acknowledgements.map(\.effect) == [.acknowledgement, .reacknowledgement, .acknowledgement])
  }

  @Test("peak load: the start counts, the first time of the peak is kept, capacity 0 is n/a")
  func peakLoads() throws {
    var log = LogBuilder()
    log.facility("hasakah", side: "SY", capacity: 1000, occupancy: 900)
    log.facility("karkh", capacity: 100, occupancy: 150)
    log.facility("annex", capacity: 0, occupancy: 5)
    log.event(
      "facility.updated", #""facility":"karkh","occupancy":200"#, ts: "2026-01-22T08:00:00Z")
    log.event(
      "facility.updated", #""facility":"karkh","occupancy":100"#, ts: "2026-01-22T09:00:00Z")
    // The same load again, on a larger capacity: the peak keeps the first time.
    log.event(
      "facility.updated", #""facility":"karkh","capacity":200,"occupancy":400"#,
      ts: "2026-01-22T10:00:00Z")
    log.event(
      "detainees.repatriated", #""facility":"hasakah","count":100,"country":"FR""#,
      ts: "2026-01-22T11:00:00Z")
    log.event(
      "facility.registered",
      #""facility":"south","name":"South","region":"S","side":"IQ","capacity":50,"occupancy":10"#,
      ts: "2026-01-22T12:00:00Z")

    let report = DayReport.build(timeline: log.timeline, day: try day("2026-01-22"))
    #expect(report.peakLoads.map(\.facility) == ["karkh", "hasakah", "south", "annex"])
    let karkh = report.peakLoads[0]
    #expect(karkh.load == 2.0 && karkh.occupancy == 200 && karkh.capacity == 100)
    #expect(utc(karkh.reachedAt) == "2026-01-22T08:00:00Z" && !karkh.atStart)
    let hasakah = report.peakLoads[1]
    #expect(hasakah.atStart && hasakah.occupancy == 900)
    #expect(utc(hasakah.reachedAt) == "2026-01-22T00:00:00Z")
    #expect(report.peakLoads[2].load == 0.2)
    let annex = report.peakLoads[3]
    #expect(annex.load == nil && annex.occupancy == 5 && annex.capacity == 0)
  }

  @Test("problem lines of the day: reasons as read, anomalies from the fold, out of order")
  func problemLines() throws {
    var log = LogBuilder()
    log.facility("karkh")
    log.raw(#"{"ts":"2026-01-22T06:00:00Z","type":"facility.registered","id":"a"}"#)
    log.raw(#"{"ts":"2026-01-22T06:01:00Z","type":"radar.contact","id":"b"}"#)
    log.raw(#"{"ts":"2026-01-22T06:02:00Z","type":"radar.contact","id":"b"}"#)
    log.event("airlift.departed", #""airlift":"AL-9""#, ts: "2026-01-22T06:03:00Z")
    log.event(
      "facility.updated", #""facility":"karkh","status":"lockdown""#, ts: "2026-01-22T06:04:00Z")
    log.event(
      "facility.updated", #""facility":"karkh","status":"open""#, ts: "2026-01-22T05:00:00Z")

    let reasons = [1: "missing field \"facility\"", 2: "unknown type \"radar.contact\""]
    let report = DayReport.build(
      timeline: log.timeline, day: try day("2026-01-22"), lineReasons: reasons)
    #expect(
      report.problems.map(\.kind) == [.malformed, .unknownType, .duplicate, .anomaly, .outOfOrder])
    #expect(report.problems.map(\.source.line) == [2, 3, 4, 5, 7])
    #expect(report.problems[0].reason == "missing field \"facility\"")
    #expect(report.problems[1].reason == "unknown type \"radar.contact\"")
    #expect(report.problems[3].reason == "unknown airlift \"AL-9\"")
    #expect(report.problems[4].latestBefore.map(utc) == "2026-01-22T06:04:00Z")
    let counts = report.lineCounts
    #expect(counts.events == 6 && counts.applied == 2 && counts.malformed == 1)
    #expect(counts.unknownType == 1 && counts.duplicates == 1 && counts.anomalies == 1)
    #expect(counts.outOfOrder == 1)
  }

  @Test("the zone moves the day's edges: a late evening in UTC is the next morning at +03:00")
  func zoneShiftsTheDay() throws {
    var log = LogBuilder()
    log.twoFacilities()
    log.request("AL-1", detainees: 10)
    log.event(
      "airlift.approved", #""airlift":"AL-1","by":"hassan""#, ts: "2026-01-21T22:30:00Z")

    let utcDay = DayReport.build(timeline: log.timeline, day: try day("2026-01-22"))
    #expect(utcDay.decisions.isEmpty)
    #expect(utcDay.headline.events == 0)
    let local = DayReport.build(
      timeline: log.timeline, day: try day("2026-01-22", offsetMinutes: 180))
    #expect(local.decisions.map(\.subject) == ["AL-1"])
    #expect(local.headline.events == 1)
    let dayBefore = DayReport.build(
      timeline: log.timeline, day: try day("2026-01-21", offsetMinutes: 180))
    #expect(dayBefore.decisions.isEmpty)
    #expect(dayBefore.headline.events == 3)
  }

  @Test("a quiet day inside the log is a report of what it started with")
  func quietDay() throws {
    var log = LogBuilder()
    log.twoFacilities()
    log.request("AL-1", detainees: 10)
    log.event(
      "incident.reported",
      #""incident":"INC-1","sector":"s","severity":"medium","kind":"k","summary":"s""#)
    log.event(
      "facility.updated", #""facility":"karkh","status":"open""#, ts: "2026-01-23T06:00:00Z")

    let report = DayReport.build(timeline: log.timeline, day: try day("2026-01-22"))
    #expect(report.records.isEmpty)
    #expect(report.records.lowerBound == 4)
    #expect(report.decisions.isEmpty && report.problems.isEmpty && report.stops.isEmpty)
    #expect(report.airlifts.first { $0.status == .pending }?.airlifts == ["AL-1"])
    #expect(report.incidents.first { $0.severity == .medium }?.unacknowledged == 1)
    #expect(report.peakLoads.allSatisfy { $0.atStart })
    #expect(report.headline.totals.pending == 10)
  }
}
