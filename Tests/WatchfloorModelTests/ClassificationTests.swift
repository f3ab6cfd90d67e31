import Testing
import WatchfloorModel

@Suite("Line classification and counts")
struct ClassificationTests {
  @Test("malformed comes before duplicate; a malformed line's id is not remembered")
  func malformedBeforeDuplicate() {
    var log = LogBuilder()
    log.facility("karkh")
    #expect(
      log.raw(#"{"ts":"2026-01-21T07:00:00Z","type":"facility.updated","id":"e1"}"#)
        .isMalformed)
    #expect(
      log.raw(
        #"{"ts":"2026-01-21T07:01:00Z","type":"facility.updated","id":"e1","facility":"karkh","status":"closed"}"#
      )
      .isApplied)
    #expect(
      log.raw(#"{"ts":"2026-01-21T07:02:00Z","type":"facility.updated","id":"e1","capacity":-1}"#)
        .isMalformed)
    #expect(
      log.raw(
        #"{"ts":"2026-01-21T07:03:00Z","type":"facility.updated","id":"e1","facility":"karkh","status":"open"}"#
      )
      .isDuplicate)
    #expect(log.facilityState("karkh")?.status == .closed)
  }

  @Test("a line the reader's scan found malformed takes no id from the line decoded before it")
  func scanMalformedTakesNoID() {
    var log = LogBuilder()
    log.facility("karkh")
    let line =
      #"{"ts":"2026-01-21T07:01:00Z","type":"facility.updated","id":"e1","facility":"karkh","status":"closed"}"#
    #expect(log.raw(line).isApplied)
    // The pipeline hands such a line to the timeline without decoding it: had the decoder's
    // last id ("e1") been taken for it, it would count as a duplicate, not as malformed.
    let verdict = log.timeline.ingest(malformed: "not JSON", lineNumber: 3, source: 0)
    guard case .malformed = verdict else {
      Issue.record("expected malformed, got \(verdict)")
      return
    }
    #expect(log.state.counts.duplicates == 0)
    #expect(log.state.counts.malformed == 1)
    guard case .duplicate = log.raw(line) else {
      Issue.record("the same id again must be a duplicate")
      return
    }
  }

  @Test("duplicate comes before unknown type, and unknown types and anomalies remember ids")
  func duplicateBeforeUnknownType() {
    var log = LogBuilder()
    #expect(
      log.raw(#"{"ts":"2026-01-21T07:00:00Z","type":"drone.sighted","id":"a"}"#).isUnknownType)
    #expect(log.raw(#"{"ts":"2026-01-21T07:01:00Z","type":"drone.sighted","id":"a"}"#).isDuplicate)
    #expect(
      log.raw(#"{"ts":"2026-01-21T07:02:00Z","type":"airlift.departed","id":"b","airlift":"X"}"#)
        .anomaly != nil)
    #expect(
      log.raw(#"{"ts":"2026-01-21T07:03:00Z","type":"airlift.departed","id":"b","airlift":"X"}"#)
        .isDuplicate)
    #expect(log.raw(#"{"ts":"2026-01-21T07:04:00Z","type":"drone.sighted","id":"b"}"#).isDuplicate)
    let counts = log.state.counts
    #expect(counts.unknownType == 1 && counts.duplicates == 3 && counts.anomalies == 1)
  }

  @Test("events = applied + malformed + duplicates + unknown + anomalies; blank lines not counted")
  func countsAddUp() {
    var log = LogBuilder()
    log.facility("karkh")
    log.raw("")
    log.raw("   \t  ")
    log.raw("\r")
    log.raw("not json")
    log.raw(#"{"ts":"2026-01-21T07:00:00Z","type":"x.y"}"#)
    log.event("facility.updated", #""facility":"nowhere","status":"open""#)
    log.raw(
      #"{"ts":"2026-01-21T08:00:00Z","type":"facility.updated","id":"k","facility":"karkh","status":"open"}"#
    )
    log.raw(
      #"{"ts":"2026-01-21T08:00:00Z","type":"facility.updated","id":"k","facility":"karkh","status":"open"}"#
    )
    let counts = log.state.counts
    #expect(counts.events == 6)
    #expect(counts.applied == 2)
    #expect(counts.malformed == 1)
    #expect(counts.unknownType == 1)
    #expect(counts.anomalies == 1)
    #expect(counts.duplicates == 1)
    #expect(
      counts.events
        == counts.applied + counts.malformed + counts.duplicates + counts.unknownType
        + counts.anomalies)
  }

  @Test("out of order counts applied events only, against the latest applied ts")
  func outOfOrder() {
    var log = LogBuilder()
    log.facility("a")
    log.event("facility.updated", #""facility":"a","status":"open""#, ts: "2026-01-21T10:00:00Z")
    // Earlier than 10:00 but an anomaly: not counted.
    log.event("facility.updated", #""facility":"zz","status":"open""#, ts: "2026-01-21T08:00:00Z")
    // Earlier and malformed: not counted.
    log.raw(#"{"ts":"2026-01-21T08:00:00Z","type":"facility.updated"}"#)
    #expect(log.state.counts.outOfOrder == 0)
    log.event("facility.updated", #""facility":"a","status":"open""#, ts: "2026-01-21T09:00:00Z")
    #expect(log.state.counts.outOfOrder == 1)
    // 09:30 is still earlier than the latest (10:00).
    log.event("facility.updated", #""facility":"a","status":"open""#, ts: "2026-01-21T09:30:00Z")
    #expect(log.state.counts.outOfOrder == 2)
    // Equal to the latest is in order; the offset form names the same instant.
    log.event(
      "facility.updated", #""facility":"a","status":"open""#, ts: "2026-01-21T13:00:00+03:00")
    #expect(log.state.counts.outOfOrder == 2)
    #expect(log.tables.text(log.state.lastApplied) == "2026-01-21T13:00:00+03:00")
  }
}

@Suite("As of a time, and the timeline")
struct AsOfTests {
  /// Lines at 06:00, 07:00, 06:30 (out of order), a malformed line at 09:00, and 08:00.
  func outOfOrderLog() -> LogBuilder {
    var log = LogBuilder()
    log.facility("karkh", capacity: 100, occupancy: 10)  // 06:01
    log.event(
      "facility.updated", #""facility":"karkh","occupancy":20"#, ts: "2026-01-21T07:00:00Z")
    log.event(
      "facility.updated", #""facility":"karkh","occupancy":30"#, ts: "2026-01-21T06:30:00Z")
    log.raw(#"{"ts":"2026-01-21T09:00:00Z","type":"facility.updated","facility":"karkh"}"#)
    log.event(
      "facility.updated", #""facility":"karkh","occupancy":40"#, ts: "2026-01-21T08:00:00Z")
    return log
  }

  @Test("the prefix ends at the first line later than T, whatever comes after")
  func prefixSemantics() throws {
    let log = outOfOrderLog()
    let timeline = log.timeline
    let tables = log.tables
    func asOf(_ text: String) throws -> OpsState {
      timeline.state(asOf: try #require(RFC3339.parse(text, verbatim: tables.texts)))
    }
    let karkh = try #require(tables.facilities.lookup("karkh"))
    #expect(
      timeline.recordCount(
        asOf: try #require(RFC3339.parse("2026-01-21T05:00:00Z", verbatim: tables.texts))) == 0)
    // 06:45: line 2 (07:00) is the first later one, so line 3 (06:30) is not yet seen.
    #expect(try asOf("2026-01-21T06:45:00Z").facilities[karkh]?.occupancy == 10)
    #expect(try asOf("2026-01-21T06:45:00Z").counts.events == 1)
    // 07:30: lines 1-3; the out-of-order 06:30 line set 30.
    let at0730 = try asOf("2026-01-21T07:30:00Z")
    #expect(at0730.facilities[karkh]?.occupancy == 30)
    #expect(at0730.counts.outOfOrder == 1)
    // 08:30: the malformed line at 09:00 has a valid ts later than T: it ends the prefix,
    // so the 08:00 line after it is not included.
    let at0830 = try asOf("2026-01-21T08:30:00Z")
    #expect(at0830.counts.events == 3)
    #expect(at0830.facilities[karkh]?.occupancy == 30)
    #expect(tables.text(at0830.lastApplied) == "2026-01-21T06:30:00Z")
    let at0900 = try asOf("2026-01-21T09:00:00Z")
    #expect(at0900.counts.events == 5 && at0900.counts.malformed == 1)
    #expect(at0900.facilities[karkh]?.occupancy == 40)
    // Offsets name instants: 09:45+03:00 is 06:45Z.
    #expect(try asOf("2026-01-21T09:45:00+03:00").counts.events == 1)
  }

  @Test("a line without a valid ts never ends the prefix")
  func invalidTimestampDoesNotEndPrefix() throws {
    var log = LogBuilder()
    log.facility("karkh")
    log.raw(
      #"{"ts":"2026-02-30T07:00:00Z","type":"facility.updated","facility":"karkh","status":"closed"}"#
    )
    log.raw(#"{"ts":"2026-01-21T23:00:00Z" "type":"x"}"#)
    log.event("facility.updated", #""facility":"karkh","status":"lockdown""#)
    let time = try #require(RFC3339.parse("2026-01-21T06:05:00Z", verbatim: log.tables.texts))
    #expect(log.timeline.recordCount(asOf: time) == 4)
  }

  @Test("state after every prefix equals a fresh fold of that prefix (checkpoints every 4)")
  func checkpointsReplayExactly() throws {
    var log = LogBuilder()
    log.twoFacilities()
    for index in 0..<12 {
      log.request("AL-\(index)", detainees: 10 + index, highValue: index % 3 == 0 ? 1 : 0)
      log.decide("airlift.approved", "AL-\(index)")
      if index % 3 == 0 { log.decide("airlift.approved", "AL-\(index)", by: "layla") }
      if index % 4 == 1 { log.decide("airlift.held", "AL-\(index)") }
      log.event("airlift.departed", #""airlift":"AL-\#(index)""#)
      if index % 2 == 0 { log.event("airlift.landed", #""airlift":"AL-\#(index)""#) }
    }
    let timeline = log.timeline
    for prefix in 0...timeline.count {
      var fresh = OpsState()
      for index in 0..<prefix { fresh.fold(timeline[index]) }
      let seeked = timeline.state(afterRecords: prefix)
      #expect(seeked.json(log.tables) == fresh.json(log.tables), "prefix \(prefix)")
    }
    #expect(
      timeline.state(afterRecords: timeline.count).json(log.tables)
        == log.state.json(log.tables))
  }

  @Test("derived figures kept incrementally match a recount from the airlifts")
  func derivedFiguresMatchRecount() {
    var log = LogBuilder()
    log.twoFacilities()
    log.facility("nasiriyah", capacity: 4000, occupancy: 8000)
    for index in 0..<20 {
      let id = "AL-\(index)"
      log.request(id, to: index % 2 == 0 ? "karkh" : "nasiriyah", detainees: 5 + index)
      if index % 5 != 4 { log.decide("airlift.approved", id) }
      if index % 5 == 1 { log.event("airlift.departed", #""airlift":"\#(id)""#) }
      if index % 5 == 2 {
        log.event("airlift.diverted", #""airlift":"\#(id)","destination":"nasiriyah""#)
      }
      if index % 5 == 3 { log.event("airlift.cancelled", #""airlift":"\#(id)","reason":"r""#) }
    }
    var inbound: [Symbol: Int64] = [:]
    var pending: Int64 = 0
    var inFlight: Int64 = 0
    log.state.forEachAirlift { airlift in
      if airlift.status.isInbound { inbound[airlift.destination, default: 0] += airlift.detainees }
      if airlift.status.awaitsDecision { pending += airlift.detainees }
      if airlift.status == .inFlight { inFlight += airlift.detainees }
    }
    log.state.facilities.forEachEntry { symbol, facility in
      #expect(facility.inboundCount == inbound[symbol, default: 0])
    }
    #expect(log.state.pending == pending && pending > 0)
    #expect(log.state.inFlight == inFlight && inFlight > 0)
  }
}
