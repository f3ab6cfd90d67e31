import Testing
import WatchfloorFeed
import WatchfloorModel

/// A simulated run from the sample history: the simulator, the log as the file would hold it,
/// and optionally an officer who approves every airlift awaiting a decision at each step.
struct SimulatedRun {
  let simulator: Simulator
  /// The history, then every line in file order (the simulator's and the officer's).
  private(set) var log: [String]
  /// The simulator's lines, with the window (previous time, time] of the step that made them.
  private(set) var emitted: [(line: String, after: Timestamp, upTo: Timestamp)] = []
  /// The officer's approvals.
  private(set) var approvals: [String] = []
  let start = time("2026-01-23T22:41:00Z")
  private var approvalNumber = 0

  init(seed: UInt64) {
    simulator = Simulator(seed: seed)
    log = DemoScenario.lines
    for line in log { simulator.observe(line) }
    _ = simulator.advance(to: start)
  }

  /// Advances in steps of `step` seconds for `hours` simulated hours; with `approving`, after
  /// each step an officer approves what awaits a decision (two officers for high-value ones).
  mutating func run(hours: Int, step: Int64 = 300, approving: Bool = false) {
    var now = simulator.now
    let end = start.adding(seconds: Int64(hours) * 3600)
    while now < end {
      let next = now.adding(seconds: step)
      for line in simulator.advance(to: next) {
        emitted.append((line, now, next))
        log.append(line)
      }
      now = next
      if approving { approveAwaiting(at: now) }
    }
  }

  mutating func approveAwaiting(at now: Timestamp) {
    let state = simulator.timeline.current
    let tables = simulator.timeline.tables
    var decisions: [String] = []
    state.forEachAirlift { airlift in
      let id = tables.airlift(airlift.id)
      switch airlift.status {
      case .pending:
        decisions.append(approval(id, by: "hassan", at: now))
      case .held:
        decisions.append(approval(id, by: "karim", at: now))
      case .awaitingSecond:
        let first = airlift.progress.approvals.first.map { tables.text($0) }
        decisions.append(approval(id, by: first == "layla" ? "noor" : "layla", at: now))
      default:
        break
      }
    }
    for line in decisions {
      #expect(simulator.observe(line) != nil)
      log.append(line)
      approvals.append(line)
    }
  }

  private mutating func approval(_ airlift: String, by officer: String, at now: Timestamp)
    -> String
  {
    approvalNumber += 1
    return "{\"id\": \"officer-\(approvalNumber)\", \"ts\": \"\(RFC3339.utcText(now))\", "
      + "\"type\": \"airlift.approved\", \"airlift\": \"\(airlift)\", \"by\": \"\(officer)\"}"
  }

  var lines: [String] { emitted.map(\.line) }

  func lines(ofType type: String) -> [String] {
    lines.filter { member("type", of: $0) == type }
  }
}

@Suite("Simulator keeps an airlift going")
struct SimulatorTests {
  @Test("24 simulated hours from the sample history fold with no malformed line or anomaly")
  func dayFromTheSamplesFoldsCleanly() {
    var run = SimulatedRun(seed: 20_260_121)
    run.run(hours: 24)
    let folded = Folded(run.log)
    #expect(folded.malformed.isEmpty, "\(folded.malformed)")
    #expect(folded.anomalies.isEmpty, "\(folded.anomalies)")
    let counts = folded.counts
    #expect(counts.duplicates == 0)
    #expect(counts.unknownType == 0)
    #expect(counts.outOfOrder == 1, "only the sample's own late report")
    #expect(counts.applied == run.log.count)

    let types = Set(run.lines.compactMap { member("type", of: $0) })
    for type in ["airlift.requested", "airlift.departed", "airlift.landed", "incident.reported"] {
      #expect(types.contains(type), "no \(type) in a day")
    }
    // The history's approved airlift departs and the one in flight lands.
    #expect(run.lines(ofType: "airlift.departed").contains { $0.contains("\"AL-0123-12\"") })
    #expect(run.lines(ofType: "airlift.landed").contains { $0.contains("\"AL-0123-09\"") })
    // Lively but readable: a few events an hour even with nobody deciding.
    #expect((24...400).contains(run.lines.count), "\(run.lines.count) events in a day")
  }

  @Test("every line has a unique id and the ts of its step, in order")
  func idsAndTimes() {
    var run = SimulatedRun(seed: 7)
    run.run(hours: 24, step: 420, approving: true)
    var ids = Set(DemoScenario.lines.compactMap { member("id", of: $0) })
    var previous = run.start
    for (line, after, upTo) in run.emitted {
      guard let id = member("id", of: line), let ts = member("ts", of: line) else {
        Issue.record("no id or ts: \(line)")
        continue
      }
      #expect(ids.insert(id).inserted, "duplicate id \(id)")
      let stamp = time(ts)
      #expect(after < stamp && stamp <= upTo, "\(ts) outside its step")
      #expect(previous <= stamp, "\(ts) before the previous line")
      #expect(ts.hasSuffix(":00Z") || ts.count == 20)
      previous = stamp
    }
  }

  @Test("requests come from Syrian sites to Iraqi ones, by liaisons, with sane figures")
  func requestsAreSane() {
    var run = SimulatedRun(seed: 99)
    run.run(hours: 48, approving: true)
    let folded = Folded(run.log)
    #expect(folded.anomalies.isEmpty, "\(folded.anomalies)")
    let state = folded.timeline.current
    let tables = folded.timeline.tables
    let deciders = Set(
      run.log.filter {
        ["airlift.approved", "airlift.denied", "airlift.held", "incident.acknowledged"]
          .contains(member("type", of: $0) ?? "")
      }.compactMap { member("by", of: $0) })
    let historyAirlifts = Set(DemoScenario.lines.compactMap { member("airlift", of: $0) })
    let requests = run.lines(ofType: "airlift.requested")
    #expect(requests.count >= 20, "\(requests.count) requests in two busy days")
    var highValue = 0
    for request in requests {
      guard let airlift = member("airlift", of: request),
        let origin = member("origin", of: request),
        let destination = member("destination", of: request),
        let detainees = integerMember("detainees", of: request),
        let high = integerMember("high_value", of: request),
        let etd = member("etd", of: request), let ts = member("ts", of: request),
        let by = member("by", of: request)
      else {
        Issue.record("incomplete request: \(request)")
        continue
      }
      #expect(!historyAirlifts.contains(airlift))
      #expect(airlift.hasPrefix("AL-"))
      #expect((40...200).contains(detainees))
      #expect((0...detainees).contains(high))
      #expect(time(etd) > time(ts))
      #expect(!deciders.contains(by), "\(by) requests and decides")
      let from = tables.facilities.lookup(origin).flatMap { state.facilities[$0] }
      let to = tables.facilities.lookup(destination).flatMap { state.facilities[$0] }
      #expect(from?.side == .syria)
      #expect(to?.side == .iraq)
      if high > 0 {
        highValue += 1
        #expect(to?.security == .maximum, "high-value detainees to \(destination)")
      }
    }
    #expect(highValue > 0)
    // Incidents are reported in the Anbar and Nineveh border sectors (and headcount reports at
    // the facility a short airlift landed at).
    for report in run.lines(ofType: "incident.reported") {
      let sector = member("sector", of: report) ?? ""
      let kind = member("kind", of: report) ?? ""
      #expect(
        ["rabia", "nineveh-sinjar", "anbar-qaim", "anbar-west"].contains(sector)
          || kind == "headcount", "\(report)")
    }
    // The simulator never decides.
    for line in run.lines {
      let type = member("type", of: line) ?? ""
      #expect(
        !["airlift.approved", "airlift.denied", "airlift.held", "incident.acknowledged"]
          .contains(type))
    }
  }

  @Test("an officer's approval leads to the airlift's departure, then its landing")
  func approvalLeadsToDepartureAndLanding() throws {
    var run = SimulatedRun(seed: 3)
    run.run(hours: 1)
    // The officer approves what waits: AL-0123-11 from the history, and whatever the simulator
    // asked for in the first hour.
    let requested = run.lines(ofType: "airlift.requested").compactMap { member("airlift", of: $0) }
    #expect(!requested.isEmpty)
    run.approveAwaiting(at: run.simulator.now)
    run.run(hours: 8, approving: true)
    for airlift in ["AL-0123-11"] + requested {
      let approved = run.approvals.last { member("airlift", of: $0) == airlift }
      let departed = run.lines(ofType: "airlift.departed").first {
        member("airlift", of: $0) == airlift
      }
      let landed = run.lines(ofType: "airlift.landed").first {
        member("airlift", of: $0) == airlift
      }
      let approvedAt = try #require(approved.flatMap { member("ts", of: $0) }.map(time))
      let departedAt = try #require(departed.flatMap { member("ts", of: $0) }.map(time))
      let landedAt = try #require(landed.flatMap { member("ts", of: $0) }.map(time))
      let wait = departedAt.seconds - approvedAt.seconds
      #expect((4 * 60...20 * 60).contains(wait), "\(airlift) left \(wait) s after approval")
      let flight = landedAt.seconds - departedAt.seconds
      #expect((3600...3 * 3600).contains(flight), "\(airlift) flew \(flight) s")
    }
    let folded = Folded(run.log)
    #expect(folded.malformed.isEmpty)
    #expect(folded.anomalies.isEmpty, "\(folded.anomalies)")
    #expect(folded.timeline.current.moved > 2418)
  }

  @Test("an airlift left pending never departs")
  func pendingAirliftsStayOnTheGround() {
    var run = SimulatedRun(seed: 11)
    run.run(hours: 24)
    for airlift in ["AL-0123-10", "AL-0123-11", "AL-0123-13"] {
      #expect(!run.lines.contains { $0.contains("\"\(airlift)\"") })
    }
  }

  @Test("the same seed gives the same lines; another seed other lines")
  func deterministic() {
    var first = SimulatedRun(seed: 42)
    var second = SimulatedRun(seed: 42)
    var other = SimulatedRun(seed: 43)
    first.run(hours: 24, approving: true)
    second.run(hours: 24, approving: true)
    other.run(hours: 24, approving: true)
    #expect(first.lines == second.lines)
    #expect(first.lines != other.lines)
  }

  @Test("one big step gives the same lines as many small ones")
  func stepSizeDoesNotMatter() {
    var small = SimulatedRun(seed: 5)
    var big = SimulatedRun(seed: 5)
    small.run(hours: 12, step: 60)
    big.run(hours: 12, step: 12 * 3600)
    #expect(small.lines == big.lines)
  }

  @Test("its own lines read back from the file are skipped; others' lines are folded")
  func echoesAreSkipped() {
    let simulator = Simulator(seed: 1)
    for line in DemoScenario.lines { simulator.observe(line) }
    _ = simulator.advance(to: time("2026-01-23T22:41:00Z"))
    let lines = simulator.advance(to: time("2026-01-24T04:41:00Z"))
    #expect(!lines.isEmpty)
    let count = simulator.timeline.count
    for line in lines { #expect(simulator.observe(line) == nil) }
    #expect(simulator.timeline.count == count)
    let foreign =
      "{\"id\": \"x-1\", \"ts\": \"2026-01-24T04:41:00Z\", \"type\": \"incident.reported\", "
      + "\"incident\": \"X-1\", \"sector\": \"rabia\", \"severity\": \"low\", \"kind\": \"k\", "
      + "\"summary\": \"s\"}"
    guard case .applied = simulator.observe(foreign) else {
      Issue.record("a foreign line should be folded")
      return
    }
    #expect(simulator.timeline.count == count + 1)
  }

  @Test("after the log is reset and read again, the feed goes on cleanly")
  func resetAndReadAgain() {
    let simulator = Simulator(seed: 8)
    var log = DemoScenario.lines
    for line in log { simulator.observe(line) }
    let start = time("2026-01-23T22:41:00Z")
    _ = simulator.advance(to: start)
    log += simulator.advance(to: start.adding(seconds: 4 * 3600))
    simulator.reset()
    for line in log { #expect(simulator.observe(line) != nil) }
    log += simulator.advance(to: start.adding(seconds: 24 * 3600))
    let folded = Folded(log)
    #expect(folded.anomalies.isEmpty, "\(folded.anomalies)")
    #expect(folded.counts.duplicates == 0)
  }

  @Test("on an empty log it starts at the given time and reports only incidents")
  func emptyLog() {
    let simulator = Simulator(seed: 2)
    #expect(simulator.nextEventTime == nil)
    let start = time("2026-02-01T00:00:00Z")
    #expect(simulator.advance(to: start).isEmpty)
    if let next = simulator.nextEventTime { #expect(next > start) }
    let lines = simulator.advance(to: start.adding(seconds: 12 * 3600))
    #expect(!lines.isEmpty)
    let types = Set(lines.compactMap { member("type", of: $0) })
    #expect(types.isSubset(of: ["incident.reported", "incident.updated"]))
    #expect(types.contains("incident.reported"))
    #expect(Folded(lines).anomalies.isEmpty)
  }
}

@Suite("Simulator over several days")
struct SimulatorStaminaTests {
  @Test("with officers approving everything, airlifts still go on the fifth day")
  func goesOnForDays() {
    var run = SimulatedRun(seed: 12)
    run.run(hours: 5 * 24, step: 900, approving: true)
    let lastDay = run.start.adding(seconds: 4 * 24 * 3600)
    let late = run.emitted.filter { $0.after >= lastDay }.map(\.line)
    #expect(late.contains { member("type", of: $0) == "airlift.requested" })
    #expect(late.contains { member("type", of: $0) == "airlift.landed" })
    #expect(run.lines.contains { $0.contains("\"facility.updated\"") })
    let folded = Folded(run.log)
    #expect(folded.malformed.isEmpty)
    #expect(folded.anomalies.isEmpty, "\(folded.anomalies)")
    #expect(folded.counts.duplicates == 0)
  }
}

@Suite("Simulator requesters")
struct SimulatorRequesterTests {
  @Test("a liaison name seen deciding is never used for a request")
  func requestersNeverDecide() {
    let simulator = Simulator(seed: 21)
    var log = DemoScenario.lines
    // In an open roster, someone acknowledged incidents under two liaison names.
    log.append(
      "{\"id\": \"t-1\", \"ts\": \"2026-01-23T22:40:00Z\", \"type\": \"incident.acknowledged\", "
        + "\"incident\": \"INC-0123-05\", \"by\": \"centcom-liaison\"}")
    log.append(
      "{\"id\": \"t-2\", \"ts\": \"2026-01-23T22:40:30Z\", \"type\": \"incident.acknowledged\", "
        + "\"incident\": \"INC-0123-06\", \"by\": \"hasakah-liaison\"}")
    for line in log { simulator.observe(line) }
    let start = time("2026-01-23T22:41:00Z")
    _ = simulator.advance(to: start)
    let lines = simulator.advance(to: start.adding(seconds: 24 * 3600))
    let requesters = Set(
      lines.filter { member("type", of: $0) == "airlift.requested" }.compactMap {
        member("by", of: $0)
      })
    #expect(!requesters.isEmpty)
    #expect(requesters.isDisjoint(with: ["centcom-liaison", "hasakah-liaison"]))
    #expect(Folded(log + lines).anomalies.isEmpty)
  }
}
