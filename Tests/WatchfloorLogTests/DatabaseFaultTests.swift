import Foundation
import Testing
import WatchfloorLog
import WatchfloorModel
import WatchfloorProcess

#if canImport(Glibc)
  import Glibc
#endif

/// A PostgreSQL log under faults: the server restarted under a live follower, a decider killed
/// inside its transaction, connections cut between and during decisions, and the race of the
/// issue (feed, followers and officers all at once). One private cluster for the suite, a
/// database per test. Serialized: `DatabaseSchema.initialize` creates cluster-wide roles, and
/// the restart test takes the whole cluster down for a moment.
///
/// The work blocks (DatabaseSession waits on its event loop), so each test runs on a thread of
/// its own (`blocking`), off the cooperative pool, and records what it found when it returns.
@Suite("Database log under faults", .serialized)
struct DatabaseFaultTests {
  /// The suite's cluster, started by the first test that needs it and stopped at exit
  /// (PrivateCluster's exit handler).
  static let cluster = Result { try PrivateCluster.start() }

  // MARK: 1. Restart under a live follower

  @Test("a follower rides out a server restart: every line once, in order")
  func restartUnderFollower() async throws {
    try await blocking { check in
      let log = try ScratchLog.create()
      let feed = try log.role("feed")
      let viewer = try log.role("viewer")
      let follower = DatabaseFollower(
        url: try log.url(viewer), environment: log.environment(viewer))
      follower.start()
      let probe = FollowerProbe([follower])
      defer {
        probe.stop()
        follower.stop()
      }
      check(waitUntil(seconds: 15) { probe.status(0) == .live }, "the follower never went live")

      var writer = try DatabaseLog.open(try log.url(feed), environment: log.environment(feed))
      let lines = FeedLines(tag: "rs")
      try writer.append(lines.facilities())
      for _ in 0..<3 { try writer.append((0..<4).map { _ in lines.airlift() }) }
      let beforeRestart = try log.lineCount()
      check(
        waitUntil(seconds: 10) { probe.count(0) == beforeRestart },
        "before the restart the follower delivered \(probe.count(0)) of \(beforeRestart) lines")

      try log.cluster.restart()
      // The follower lost its connection; the feed connects again at once and appends while
      // the follower waits out its backoff.
      let statusAtAppend = probe.status(0)
      writer = try DatabaseLog.open(try log.url(feed), environment: log.environment(feed))
      for _ in 0..<5 { try writer.append([lines.airlift(), lines.incident()]) }
      print("restart: follower status while the feed appended after the restart: \(statusAtAppend)")

      check(
        waitUntil(seconds: 20) { probe.status(0) == .live && probe.sawReconnecting(0) },
        "the follower did not go .reconnecting and back to .live: \(probe.history(0))")
      for _ in 0..<5 { try writer.append([lines.airlift()]) }

      let table = try log.tableLines()
      check(table.count == beforeRestart + 15, "the table has \(table.count) lines")
      check(
        waitUntil(seconds: 15) { probe.count(0) >= table.count },
        "the follower delivered \(probe.count(0)) of \(table.count) lines")
      // Anything doubled would arrive by now.
      usleep(500_000)
      compare(probe.lines(0), with: table, name: "the follower", check)
      check(
        probe.history(0).contains { if case .reconnecting = $0 { true } else { false } },
        "statuses: \(probe.history(0))")
      print("restart: statuses \(probe.history(0)), \(probe.count(0)) lines delivered")
    }
  }

  // MARK: 2. A decider killed inside its transaction

  @Test("a decider killed with SIGKILL while it waits for the lock leaves nothing behind")
  func killedDecider() async throws {
    try await blocking { check in
      let log = try ScratchLog.create()
      let feed = try log.role("feed")
      let first = try log.role("officer")
      let second = try log.role("officer")
      let writer = try DatabaseLog.open(try log.url(feed), environment: log.environment(feed))
      let lines = FeedLines(tag: "kd")
      try writer.append(lines.facilities())
      let airlift = lines.nextAirliftID
      try writer.append([lines.airlift()])
      let before = try log.lineCount()

      // Hold the log's lock in an open transaction, as a slow writer would.
      let holder = try DatabaseSession.connect(try log.url(nil), environment: log.environment(nil))
      defer { holder.close() }
      try holder.execute("BEGIN")
      try holder.query("SELECT pg_advisory_xact_lock(\(DatabaseSchema.lockKey))")

      let process = Process()
      process.executableURL = watchfloorBinary
      process.arguments = [
        "approve", airlift, "--force", "--log", log.cluster.url(user: first, database: log.name),
      ]
      process.environment = ProcessInfo.processInfo.environment.merging(log.environment(first)) {
        $1
      }
      process.standardOutput = FileHandle.nullDevice
      process.standardError = FileHandle.nullDevice
      try process.run()
      let pid = process.processIdentifier

      // The decider's backend is inside a transaction, waiting for the advisory lock.
      let waiting = """
        SELECT count(*) FROM pg_stat_activity a JOIN pg_locks l ON l.pid = a.pid
        WHERE a.usename = '\(first)' AND a.datname = '\(log.name)' AND l.locktype = 'advisory'
          AND NOT l.granted AND a.wait_event_type = 'Lock' AND a.wait_event = 'advisory'
          AND a.xact_start IS NOT NULL
        """
      let blocked = waitUntil(seconds: 15) { (try? log.cluster.psql(waiting)) == "1" }
      check(blocked, "the decider never waited for the lock inside its transaction")
      kill(pid, SIGKILL)
      process.waitUntilExit()
      check(
        process.terminationReason == .uncaughtSignal && process.terminationStatus == SIGKILL,
        "the decider ended with \(process.terminationReason) \(process.terminationStatus)")
      try holder.execute("ROLLBACK")

      // Another officer's decision goes through: the server released the killed client's
      // lock when its connection ended.
      let other = try runWatchfloor(
        [
          "approve", airlift, "--force", "--log", log.cluster.url(user: second, database: log.name),
        ],
        environment: log.environment(second), timeoutSeconds: 20)
      check(other.status == 0, "the second decider: \(other.status) \(other.errors)")
      check(other.output.contains("written: line \(before + 1) of"), "\(other.output)")

      check(
        waitUntil(seconds: 10) {
          (try? log.cluster.psql(
            "SELECT count(*) FROM pg_stat_activity WHERE usename = '\(first)'")) == "0"
        }, "the killed decider's backend is still there")
      let table = try log.tableLines()
      check(table.count == before + 1, "\(table.count) lines, \(before) before the kill")
      let killedIDs = try log.cluster.psql(
        "SELECT count(*) FROM watchfloor.log WHERE event_id LIKE 'dec-%-\(pid)-%'",
        database: log.name)
      check(killedIDs == "0", "\(killedIDs) rows have the killed decider's ids")
      let decision = table.last.map { String(decoding: $0, as: UTF8.self) } ?? ""
      check(
        decision.contains(#""type":"airlift.approved","id":"dec-"#)
          && decision.contains(#""by":"\#(second)""#), "the last line: \(decision)")
      let locks = try log.cluster.psql("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory'")
      check(locks == "0", "\(locks) advisory locks are still held")
    }
  }

  // MARK: 3. Lost connections

  @Test("a decision writer survives its connection being cut between and during decisions")
  func lostConnection() async throws {
    try await blocking { check in
      let log = try ScratchLog.create()
      let feed = try log.role("feed")
      let officer = try log.role("officer")
      let writer = try DatabaseLog.open(try log.url(feed), environment: log.environment(feed))
      let lines = FeedLines(tag: "lc")
      try writer.append(lines.facilities())
      var airlifts: [String] = []
      for _ in 0..<3 {
        airlifts.append(lines.nextAirliftID)
        try writer.append([lines.airlift()])
      }
      let decisions = try DatabaseDecisions(
        url: try log.url(officer), environment: log.environment(officer), reconnectSeconds: 10)
      let terminate = """
        SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity
        WHERE usename = '\(officer)' AND datname = '\(log.name)'
        """
      let backends = "SELECT count(*) FROM pg_stat_activity WHERE usename = '\(officer)'"

      // A decision, then its connection cut while idle.
      let firstLine = try approve(airlifts[0], with: decisions, check)
      check(try log.lineCount() == 7, "after the first decision")
      check(try log.cluster.psql(terminate) == "1", "no backend to terminate")
      check(
        waitUntil(seconds: 10) { (try? log.cluster.psql(backends)) == "0" },
        "the terminated backend lingers")
      _ = try approve(airlifts[1], with: decisions, check)
      check(try log.lineCount() == 8, "one line for the decision after the cut")
      check(try log.decisionCount(airlifts[1]) == 1, "the second airlift's approvals")

      // The connection cut while the decision waits for the lock, inside its transaction.
      let holder = try DatabaseSession.connect(try log.url(nil), environment: log.environment(nil))
      defer { holder.close() }
      try holder.execute("BEGIN")
      try holder.query("SELECT pg_advisory_xact_lock(\(DatabaseSchema.lockKey))")
      let box = UncheckedBox(decisions)
      let outcome = OutcomeSlot()
      let third = airlifts[2]
      let thread = Thread {
        outcome.set(
          Result {
            try box.value.write(
              DecisionOrder(kind: .approve, subjectID: third), by: officer,
              at: Journal.now(),
              context: PolicyContext(
                operatorName: officer, role: .approver, rosterIsOpen: false, now: Journal.now()),
              acceptingWarnings: true)
          })
      }
      thread.start()
      let waiting = """
        SELECT count(*) FROM pg_stat_activity a JOIN pg_locks l ON l.pid = a.pid
        WHERE a.usename = '\(officer)' AND l.locktype = 'advisory' AND NOT l.granted
        """
      check(
        waitUntil(seconds: 10) { (try? log.cluster.psql(waiting)) == "1" },
        "the decision never waited for the lock")
      check(try log.cluster.psql(terminate) == "1", "no backend to terminate mid-decision")
      try holder.execute("ROLLBACK")
      check(waitUntil(seconds: 20) { outcome.isSet }, "the decision never returned")
      switch outcome.get() {
      case .success(.written(let receipt, _))?:
        check(receipt.lineNumber == 9, "the receipt says line \(receipt.lineNumber)")
      case .success(.refused(let reason))?:
        check(false, "refused after the cut: \(reason)")
      case .failure(let error)?:
        check(false, "failed after the cut: \(error)")
      case nil:
        break
      }
      check(try log.lineCount() == 9, "one line for the decision cut mid-transaction")
      check(try log.decisionCount(airlifts[2]) == 1, "the third airlift's approvals")

      // The retry of a written decision with its id returns the line already there.
      guard let firstLine, let id = jsonObject(firstLine)?["id"] as? String,
        let by = firstLine.range(of: #","by":"#, options: .backwards)
      else {
        check(false, "no first decision line to retry")
        return
      }
      let sent = String(firstLine[..<by.lowerBound]) + "}"
      let seq = try log.cluster.psql(
        "SELECT seq FROM watchfloor.log WHERE event_id = '\(id)'", database: log.name)
      let session = try DatabaseSession.connect(
        try log.url(officer), environment: log.environment(officer))
      defer { session.close() }
      let rows = try session.query("SELECT seq FROM watchfloor.decide(\(sent), \(id))")
      let again = try rows.first?.decode(Int64.self)
      check(
        again.map(String.init) == seq,
        "the retry returned seq \(String(describing: again)), not \(seq)")
      check(try log.lineCount() == 9, "the retry wrote a line")
    }
  }

}

/// Approves `airlift` through `decisions`; returns the written line.
private func approve(_ airlift: String, with decisions: DatabaseDecisions, _ check: Checks)
  throws -> String?
{
  let outcome = try decisions.write(
    DecisionOrder(kind: .approve, subjectID: airlift), by: decisions.officer, at: Journal.now(),
    context: PolicyContext(
      operatorName: decisions.officer, role: .approver, rosterIsOpen: false, now: Journal.now()),
    acceptingWarnings: true)
  switch outcome {
  case .written(let receipt, _): return receipt.line
  case .refused(let reason):
    check(false, "approving \(airlift) was refused: \(reason)")
    return nil
  }
}

extension DatabaseFaultTests {
  // MARK: 4. The race

  @Test("the race: a feed, 8 followers and 16 officers at once; nothing lost, doubled or unfair")
  func race() async throws {
    try await blocking { check in
      let seconds =
        ProcessInfo.processInfo.environment["WATCHFLOOR_RACE_SECONDS"].flatMap(Double.init) ?? 60
      let log = try ScratchLog.create()
      let feed = try log.role("feed")
      let viewer = try log.role("viewer")
      var officers: [String] = []
      for _ in 0..<4 { officers.append(try log.role("officer")) }
      let lines = FeedLines(tag: "race")
      let seedLog = try DatabaseLog.open(try log.url(feed), environment: log.environment(feed))
      try seedLog.append(lines.facilities())

      let viewerURL = try log.url(viewer)
      let followers = (0..<8).map { _ in
        DatabaseFollower(url: viewerURL, environment: log.environment(viewer))
      }
      for follower in followers { follower.start() }
      let probe = FollowerProbe(followers)
      defer {
        probe.stop()
        for follower in followers { follower.stop() }
      }
      check(
        waitUntil(seconds: 20) { followers.indices.allSatisfy { probe.status($0) == .live } },
        "not every follower went live")

      let race = RaceTally()
      let deadline = monotonicSeconds() + seconds
      let group = DispatchGroup()
      group.enter()
      Thread {
        defer { group.leave() }
        runFeed(log: log, role: feed, lines: lines, until: deadline, race)
      }.start()
      for index in 0..<16 {
        let role = officers[index % 4]
        group.enter()
        Thread {
          defer { group.leave() }
          runDecider(log: log, role: role, seed: UInt64(index), until: deadline, race)
        }.start()
      }
      check(
        group.wait(timeout: .now() + seconds + 120) == .success, "the race's threads never ended")
      for problem in race.problems { check(false, problem) }

      // What the table holds, and what each follower delivered.
      let table = try log.tableLines()
      check(
        waitUntil(seconds: 60) { followers.indices.allSatisfy { probe.count($0) >= table.count } },
        "followers delivered \(followers.indices.map { probe.count($0) }) of \(table.count)")
      usleep(500_000)
      var lost = 0
      var doubled = 0
      for index in followers.indices {
        let delivered = probe.lines(index)
        let numbers = Set(delivered.map(\.number))
        lost += table.count - numbers.intersection(1...max(1, table.count)).count
        doubled += delivered.count - numbers.count
        compare(delivered, with: table, name: "follower \(index + 1)", check)
      }

      // The fold of the table: every decision applied, fairly, by the role that wrote it.
      let reader = try DatabaseLog.open(try log.url(nil), environment: log.environment(nil))
      let timeline = Timeline()
      var verdicts: [Int: LineVerdict] = [:]
      try reader.read(into: timeline) { verdict, _, number in verdicts[number] = verdict }
      let decisionTypes = Set(DecisionKind.allCases.map(\.eventTypeName))
      let written = race.writtenRoles
      var decisionLines = 0
      var decisionAnomalies: [String] = []
      for (offset, line) in table.enumerated() {
        let number = offset + 1
        guard let object = jsonObject(String(decoding: line, as: UTF8.self)),
          let type = object["type"] as? String, decisionTypes.contains(type)
        else { continue }
        decisionLines += 1
        switch verdicts[number] {
        case .applied?: break
        case .anomaly(let anomaly)?:
          decisionAnomalies.append("line \(number): \(anomaly.message(timeline.tables))")
        case let other:
          decisionAnomalies.append("line \(number): \(String(describing: other))")
        }
        let id = object["id"] as? String ?? ""
        let by = object["by"] as? String
        check(written[id] != nil, "line \(number) is a decision nobody was told was written")
        check(
          by == written[id],
          "line \(number) has by \(by ?? "nil"), written by \(written[id] ?? "?")")
      }
      check(
        decisionAnomalies.isEmpty,
        "\(decisionAnomalies.count) decision lines not applied: \(decisionAnomalies.prefix(10))")
      check(
        decisionLines == written.count,
        "\(decisionLines) decision lines, \(written.count) decisions reported written")

      var approvedHighValue = 0
      var violations: [String] = []
      let tables = timeline.tables
      timeline.current.forEachAirlift { airlift in
        guard airlift.needsTwoApprovals, airlift.status == .approved else { return }
        approvedHighValue += 1
        let approvals = airlift.progress.approvals.map { tables.text($0) }
        if approvals.count != 2 || approvals[0] == approvals[1] {
          violations.append("\(tables.airlift(airlift.id)): \(approvals)")
        }
      }
      check(violations.isEmpty, "two-person rule broken: \(violations.prefix(10))")

      let ledger = try reader.verifyChain()
      let chain = ledger.files.first
      check(
        chain?.isIntact == true && chain?.links == decisionLines
          && chain?.intactLinks == decisionLines,
        "the chain: \(String(describing: chain)), \(decisionLines) decisions")

      let counts = timeline.current.counts
      let summary = race.summary
      print(
        """
        race: \(seconds) s; \(table.count) lines (\(summary.fed) fed, \(decisionLines) decisions); \
        written \(summary.written) (\(summary.byKind)), refused \(summary.refused), \
        errors \(race.problems.count); fold: applied \(counts.applied), anomalies \
        \(counts.anomalies) (\(decisionAnomalies.count) among decisions); high-value approved \
        \(approvedHighValue), two-person violations \(violations.count); chain links \
        \(chain?.links ?? 0), intact \(chain?.isIntact ?? false); followers: 8 × \
        \(followers.indices.map { probe.count($0) }), lost \(lost), doubled \(doubled)
        """)
    }
  }
}

// MARK: - The race's threads

/// The feed: 50 lines a second, in batches ten times a second, catching up when the lock made
/// it late. Airlift requests (a third of them high-value) and incidents, all with fresh ids.
private func runFeed(
  log: ScratchLog, role: String, lines: FeedLines, until deadline: Double, _ race: RaceTally
) {
  do {
    let writer = try DatabaseLog.open(try log.url(role), environment: log.environment(role))
    let start = monotonicSeconds()
    var fed = 0
    var random = SystemRandomNumberGenerator()
    while true {
      let now = monotonicSeconds()
      if now >= deadline { break }
      let due = Int((now - start) * 50)
      if due > fed {
        let batch = (fed..<due).map { _ in
          Int.random(in: 0..<10, using: &random) < 7 ? lines.airlift() : lines.incident()
        }
        try writer.append(batch)
        fed = due
        race.fed(batch.count)
      }
      usleep(100_000)
    }
  } catch {
    race.problem("the feed failed: \(error)")
  }
}

/// One officer's thread: a fresh read, then a decision on one of the oldest undecided items
/// (approve or hold an airlift, acknowledge an incident); refusals are expected.
private func runDecider(
  log: ScratchLog, role: String, seed: UInt64, until deadline: Double, _ race: RaceTally
) {
  do {
    let url = try log.url(role)
    let decisions = try DatabaseDecisions(url: url, environment: log.environment(role))
    let reader = try DatabaseLog.open(url, environment: log.environment(role))
    let timeline = Timeline()
    let source = timeline.addSource(url.description)
    var random = SplitMix(seed: seed)
    while monotonicSeconds() < deadline {
      try reader.readNew { line, number, _ in
        timeline.ingest(line, lineNumber: number, source: source)
      }
      let state = timeline.current
      var candidates: [(Symbol, Bool)] = []
      for symbol in state.activeAirlifts {
        if let status = state.airlift(symbol)?.status,
          status == .pending || status == .awaitingSecond
        {
          candidates.append((symbol, false))
        }
      }
      for symbol in state.unresolvedIncidents where state.incidents[symbol]?.status == .open {
        candidates.append((symbol, true))
      }
      guard !candidates.isEmpty else {
        usleep(10_000)
        continue
      }
      candidates.sort { $0.0 < $1.0 }
      let (symbol, isIncident) = candidates[Int(random.next() % UInt64(min(8, candidates.count)))]
      let order: DecisionOrder
      if isIncident {
        order = DecisionOrder(kind: .acknowledge, subjectID: timeline.tables.incident(symbol))
      } else if random.next() % 5 == 0 {
        order = DecisionOrder(
          kind: .hold, subjectID: timeline.tables.airlift(symbol), reason: "race hold")
      } else {
        order = DecisionOrder(kind: .approve, subjectID: timeline.tables.airlift(symbol))
      }
      let now = Journal.now()
      let outcome = try decisions.write(
        order, by: role, at: now,
        context: PolicyContext(operatorName: role, role: .approver, rosterIsOpen: false, now: now),
        acceptingWarnings: true)
      switch outcome {
      case .written(let receipt, _):
        let id = jsonObject(receipt.line)?["id"] as? String ?? ""
        race.written(id: id, role: role, kind: order.kind)
      case .refused:
        race.refused()
      }
    }
  } catch {
    race.problem("a decider (\(role)) failed: \(error)")
  }
}

/// What the race's threads did. `@unchecked Sendable`: every field is touched under `lock`.
private final class RaceTally: @unchecked Sendable {
  private let lock = NSLock()
  private var roles: [String: String] = [:]
  private var kinds: [DecisionKind: Int] = [:]
  private var refusals = 0
  private var fedLines = 0
  private var failures: [String] = []

  func written(id: String, role: String, kind: DecisionKind) {
    lock.withLock {
      if roles[id] != nil { failures.append("the id \(id) was reported written twice") }
      roles[id] = role
      kinds[kind, default: 0] += 1
    }
  }
  func refused() { lock.withLock { refusals += 1 } }
  func fed(_ count: Int) { lock.withLock { fedLines += count } }
  func problem(_ text: String) { lock.withLock { failures.append(text) } }

  var problems: [String] { lock.withLock { failures } }
  var writtenRoles: [String: String] { lock.withLock { roles } }
  var summary: (fed: Int, written: Int, byKind: String, refused: Int) {
    lock.withLock {
      let byKind = kinds.sorted { $0.key.rawValue < $1.key.rawValue }
        .map { "\($0.key.rawValue) \($0.value)" }.joined(separator: ", ")
      return (fedLines, roles.count, byKind, refusals)
    }
  }
}

/// A small deterministic generator per decider (SplitMix64).
private struct SplitMix {
  var state: UInt64
  init(seed: UInt64) { state = seed &* 0x9E37_79B9_7F4A_7C15 &+ 1 }
  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}

// MARK: - Scratch databases

/// A fresh database of the suite's cluster, with the schema, and the roles a test makes.
private struct ScratchLog: Sendable {
  let cluster: PrivateCluster
  let name: String

  static func create() throws -> ScratchLog {
    let cluster = try DatabaseFaultTests.cluster.get()
    let log = ScratchLog(cluster: cluster, name: "fault_\(randomSuffix())")
    try cluster.psql("CREATE DATABASE \(log.name)")
    let session = try DatabaseSession.connect(try log.url(nil), environment: log.environment(nil))
    defer { session.close() }
    _ = try DatabaseSchema.initialize(session)
    return log
  }

  /// The URL for `role` (the superuser when nil), over TCP.
  func url(_ role: String?) throws -> DatabaseURL {
    try DatabaseURL.parse(
      cluster.url(user: role ?? cluster.superuser, database: name), environment: [:])
  }

  func environment(_ role: String?) -> [String: String] {
    ["PGPASSWORD": role.map(Self.password(of:)) ?? cluster.superuserPassword]
  }

  static func password(of role: String) -> String { "pw-\(role)" }

  /// A new login role in `group` (feed, viewer, officer) with a password.
  func role(_ group: String) throws -> String {
    let role = "\(group)_\(randomSuffix())"
    let session = try DatabaseSession.connect(try url(nil), environment: environment(nil))
    defer { session.close() }
    try DatabaseSchema.grant(session, name: role, group: "watchfloor_\(group)")
    try cluster.psql("ALTER ROLE \(role) PASSWORD '\(Self.password(of: role))'")
    return role
  }

  func lineCount() throws -> Int {
    Int(try cluster.psql("SELECT count(*) FROM watchfloor.log", database: name)) ?? -1
  }

  /// How many decision lines name `subject`.
  func decisionCount(_ subject: String) throws -> Int {
    Int(
      try cluster.psql(
        "SELECT count(*) FROM watchfloor.log WHERE event_id IS NOT NULL "
          + "AND convert_from(line, 'UTF8') LIKE '%\"\(subject)\"%'", database: name)) ?? -1
  }

  /// Every line of the table in `seq` order, read as the superuser with `DatabaseLog.readNew`.
  func tableLines() throws -> [[UInt8]] {
    let log = try DatabaseLog.open(try url(nil), environment: environment(nil))
    var lines: [[UInt8]] = []
    try log.readNew(from: 1) { line, number, _ in
      lines.append(number == lines.count + 1 ? Array(line) : Array("(misnumbered)".utf8))
    }
    return lines
  }
}

private func randomSuffix() -> String {
  String(UInt64.random(in: 0...UInt64.max), radix: 36)
}

/// Feed lines with fresh ids: three open facilities with room to spare, airlift requests
/// between them (every third high-value) and incidents. `@unchecked Sendable`: the counter is
/// touched under `lock`.
private final class FeedLines: @unchecked Sendable {
  let tag: String
  private let lock = NSLock()
  private var serial = 0
  private var airlifts = 0

  init(tag: String) {
    self.tag = "\(tag)-\(randomSuffix())"
  }

  private func next() -> Int {
    lock.withLock {
      serial += 1
      return serial
    }
  }

  /// The id the next `airlift()` will request.
  var nextAirliftID: String { lock.withLock { "AL-\(tag)-\(airlifts + 1)" } }

  func facilities() -> [[UInt8]] {
    ["fa", "fb", "fc"].map { facility in
      line(
        #""type":"facility.registered","facility":"\#(facility)","name":"Facility \#(facility)","#
          + #""region":"Region \#(facility)","side":"IQ","capacity":100000000,"occupancy":10,"#
          + #""security":"maximum""#)
    }
  }

  func airlift() -> [UInt8] {
    let number = lock.withLock {
      airlifts += 1
      return airlifts
    }
    let destination = ["fb", "fc"][number % 2]
    return line(
      #""type":"airlift.requested","airlift":"AL-\#(tag)-\#(number)","origin":"fa","#
        + #""destination":"\#(destination)","detainees":5,"high_value":\#(number % 3 == 0 ? 2 : 0),"#
        + #""etd":"\#(utcText(offset: 3600))","by":"feed-liaison""#)
  }

  func incident() -> [UInt8] {
    line(
      #""type":"incident.reported","incident":"INC-\#(tag)-\#(next())","sector":"sector-1","#
        + #""severity":"low","kind":"report","summary":"a report","by":"feed-liaison""#)
  }

  private func line(_ fields: String) -> [UInt8] {
    Array(#"{"ts":"\#(utcText())","id":"feed-\#(tag)-\#(next())",\#(fields)}"#.utf8)
  }
}

/// The time now plus `offset` seconds, RFC 3339 in UTC.
private func utcText(offset: Int = 0) -> String {
  var seconds = time(nil) + offset
  var parts = tm()
  gmtime_r(&seconds, &parts)
  return String(
    format: "%04d-%02d-%02dT%02d:%02d:%02dZ", Int(parts.tm_year) + 1900, Int(parts.tm_mon) + 1,
    Int(parts.tm_mday), Int(parts.tm_hour), Int(parts.tm_min), Int(parts.tm_sec))
}

private func jsonObject(_ line: String) -> [String: Any]? {
  (try? JSONSerialization.jsonObject(with: Data(line.utf8))) as? [String: Any]
}

// MARK: - Followers

/// Watches followers from a thread of its own: records each one's statuses as they change and
/// drains the lines it delivers. `@unchecked Sendable`: the state is touched under `lock`.
private final class FollowerProbe: @unchecked Sendable {
  private let followers: [DatabaseFollower]
  private let lock = NSLock()
  private var delivered: [[(number: Int, line: [UInt8])]]
  private var statuses: [[DatabaseFollowStatus]]
  private var running = true
  private let done = DispatchSemaphore(value: 0)

  init(_ followers: [DatabaseFollower]) {
    self.followers = followers
    delivered = Array(repeating: [], count: followers.count)
    statuses = Array(repeating: [], count: followers.count)
    Thread { [self] in
      while lock.withLock({ running }) {
        poll()
        usleep(5_000)
      }
      poll()
      done.signal()
    }.start()
  }

  private func poll() {
    for (index, follower) in followers.enumerated() {
      let status = follower.status
      var lines: [(Int, [UInt8])] = []
      try? follower.readAfterWake { event in
        if case .line(let line, let number) = event { lines.append((number, Array(line))) }
      }
      lock.withLock {
        if statuses[index].last != status { statuses[index].append(status) }
        delivered[index] += lines.map { (number: $0.0, line: $0.1) }
      }
    }
  }

  func stop() {
    let was = lock.withLock {
      defer { running = false }
      return running
    }
    if was { done.wait() }
  }

  func status(_ index: Int) -> DatabaseFollowStatus {
    lock.withLock { statuses[index].last ?? .connecting }
  }
  func history(_ index: Int) -> [DatabaseFollowStatus] { lock.withLock { statuses[index] } }
  func sawReconnecting(_ index: Int) -> Bool {
    history(index).contains { if case .reconnecting = $0 { true } else { false } }
  }
  func count(_ index: Int) -> Int { lock.withLock { delivered[index].count } }
  func lines(_ index: Int) -> [(number: Int, line: [UInt8])] { lock.withLock { delivered[index] } }
}

/// Checks that `delivered` is exactly `table`, in order, numbered from 1.
private func compare(
  _ delivered: [(number: Int, line: [UInt8])], with table: [[UInt8]], name: String,
  _ check: Checks
) {
  check(
    delivered.count == table.count,
    "\(name) delivered \(delivered.count) lines; the table has \(table.count)")
  let numbers = delivered.map(\.number)
  check(
    numbers == Array(0..<delivered.count).map { $0 + 1 },
    "\(name)'s line numbers are not 1…\(delivered.count): \(numbers.prefix(20))…")
  if let first = zip(delivered, table).enumerated().first(where: {
    $0.element.0.line != $0.element.1
  })?.offset {
    check(
      false,
      "\(name)'s line \(first + 1) differs: \(String(decoding: delivered[first].line, as: UTF8.self))"
        + " vs \(String(decoding: table[first], as: UTF8.self))")
  }
}

// MARK: - Running off the cooperative pool

/// Findings of a test body that runs on its own thread, recorded as issues when it returns.
/// `@unchecked Sendable`: `failures` is touched under `lock`.
private final class Checks: @unchecked Sendable {
  private let lock = NSLock()
  private var failures: [(String, SourceLocation)] = []

  func callAsFunction(
    _ condition: Bool, _ message: @autoclosure () -> String,
    sourceLocation: SourceLocation = #_sourceLocation
  ) {
    guard !condition else { return }
    let text = message()
    lock.withLock { failures.append((text, sourceLocation)) }
  }

  var all: [(String, SourceLocation)] { lock.withLock { failures } }
}

/// Runs `body` on a new thread and waits for it without holding a cooperative thread; records
/// its findings, then rethrows what it threw.
private func blocking(_ body: @escaping @Sendable (Checks) throws -> Void) async throws {
  let checks = Checks()
  let start = monotonicSeconds()
  let result: Result<Void, any Error> = await withCheckedContinuation { continuation in
    let thread = Thread { continuation.resume(returning: Result { try body(checks) }) }
    thread.stackSize = 8 << 20
    thread.start()
  }
  for (message, location) in checks.all {
    Issue.record(Comment(rawValue: message), sourceLocation: location)
  }
  print(String(format: "(test body: %.1f s)", monotonicSeconds() - start))
  try result.get()
}

/// Polls `condition` every 20 ms for up to `seconds`; whether it became true.
private func waitUntil(seconds: Double, _ condition: () throws -> Bool) rethrows -> Bool {
  let deadline = monotonicSeconds() + seconds
  while true {
    if try condition() { return true }
    if monotonicSeconds() > deadline { return false }
    usleep(20_000)
  }
}

private func monotonicSeconds() -> Double {
  var spec = timespec()
  clock_gettime(CLOCK_MONOTONIC, &spec)
  return Double(spec.tv_sec) + Double(spec.tv_nsec) / 1e9
}

/// Holds a non-Sendable value handed to one other thread while this one leaves it alone.
private final class UncheckedBox<Value>: @unchecked Sendable {
  let value: Value
  init(_ value: Value) { self.value = value }
}

/// A decision's result handed back from its thread. `@unchecked Sendable`: under `lock`.
private final class OutcomeSlot: @unchecked Sendable {
  private let lock = NSLock()
  private var result: Result<DecisionOutcome, any Error>?
  func set(_ value: Result<DecisionOutcome, any Error>) { lock.withLock { result = value } }
  var isSet: Bool { lock.withLock { result != nil } }
  func get() -> Result<DecisionOutcome, any Error>? { lock.withLock { result } }
}

// MARK: - The watchfloor binary

/// The binary built beside the test bundle (as WatchfloorCLITests' CommandRunner finds it).
private var watchfloorBinary: URL {
  var directory = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
  while directory.path.contains(".xctest") { directory = directory.deletingLastPathComponent() }
  return directory.appendingPathComponent("watchfloor")
}

/// Runs the binary to its end (killed after `timeoutSeconds`); its status and output.
private func runWatchfloor(
  _ arguments: [String], environment: [String: String], timeoutSeconds: Double
) throws -> (status: Int32, output: String, errors: String) {
  let directory = FileManager.default.temporaryDirectory
    .appendingPathComponent("watchfloor-fault-\(UUID().uuidString)")
  try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
  defer { try? FileManager.default.removeItem(at: directory) }
  let outPath = directory.appendingPathComponent("out")
  let errPath = directory.appendingPathComponent("err")
  _ = FileManager.default.createFile(atPath: outPath.path, contents: nil)
  _ = FileManager.default.createFile(atPath: errPath.path, contents: nil)
  let out = try FileHandle(forWritingTo: outPath)
  let err = try FileHandle(forWritingTo: errPath)
  defer {
    try? out.close()
    try? err.close()
  }
  let process = Process()
  process.executableURL = watchfloorBinary
  process.arguments = arguments
  process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
  process.standardOutput = out
  process.standardError = err
  try process.run()
  let finished = waitUntil(seconds: timeoutSeconds) { !process.isRunning }
  if !finished {
    kill(process.processIdentifier, SIGKILL)
  }
  process.waitUntilExit()
  let output = (try? String(contentsOf: outPath, encoding: .utf8)) ?? ""
  let errors = (try? String(contentsOf: errPath, encoding: .utf8)) ?? ""
  return (
    finished ? process.terminationStatus : -1, output, errors + (finished ? "" : "(timed out)")
  )
}
