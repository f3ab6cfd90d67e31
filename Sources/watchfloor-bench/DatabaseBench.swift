import ArgumentParser
import Foundation
import WatchfloorLog
import WatchfloorModel
import WatchfloorProcess

#if canImport(Glibc)
  import Glibc
#endif

/// A log in PostgreSQL against the same log in a file, in one run on a private cluster: an
/// appended line to the live console's screen, a decision's round trip, and opening a large
/// log to the first frame.
struct DatabaseBench: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "db",
    abstract: "A PostgreSQL log vs a file log: append to screen, decision, open to first frame.",
    discussion: """
      Starts a private PostgreSQL cluster (stopped at the end), makes one database per
      measurement with `watchfloor db init`, an officer and a feed role with passwords, and
      measures beside the file log as the baseline: (1) a line appended by the feed to the
      real `watchfloor live URL` screen in tmux; (2) `DatabaseDecisions.write` of allowed
      acknowledgements against `Journal.write`; (3) `watchfloor db import` of the synthetic
      log, then `watchfloor render` and `watchfloor state --json` on the URL and on the file,
      whole processes, best of 3 alternated, with where the database's time goes.
      The cluster runs with fsync=off (PrivateCluster): its commits are not durable, while
      the journal's fdatasync is.
      """)

  @Option(help: "Events in the synthetic log opened and rendered.")
  var events = 1_000_000

  @Option(help: "Samples of each latency (default: 50 appends to screen, 200 decisions).")
  var samples: Int?

  @Option(help: "Events in the log decided on (plus one open incident per decision).")
  var decisionLog = 10_000

  @Option(help: "Rounds of the whole-process measurements, alternating; the best counts.")
  var rounds = 3

  @Flag(help: "Skip the append-to-screen measurement in tmux.")
  var noTmux = false

  @Flag(help: "End with one JSON object of the figures.")
  var json = false

  func validate() throws {
    guard events > 0, rounds > 0, decisionLog > 0, (samples ?? 1) > 0 else {
      throw ValidationError("--events, --samples, --decision-log and --rounds must be positive")
    }
  }

  func run() throws {
    // The probe finds the real console beside this binary and owns the temporary directory.
    let probe = try TmuxProbe()
    defer { probe.cleanUp() }
    if !noTmux {
      guard (try? ChildProcess.run(["tmux", "-V"]))?.status == 0 else {
        throw ValidationErrorText("tmux is not installed (or use --no-tmux)")
      }
    }
    printLine("starting a private PostgreSQL cluster…")
    // Durable, as a production server: the file journal's decisions are synced too.
    let cluster = try PrivateCluster.start(durable: true)
    defer { cluster.stop() }
    let bench = try BenchCluster(cluster: cluster, probe: probe)
    var figures: Figures = [("events", Double(events), 0)]

    if !noTmux {
      try measureAppendToScreen(bench, samples: samples ?? 50, &figures)
    }
    try measureDecisions(bench, samples: samples ?? 200, &figures)
    try measureOpen(bench, &figures)

    if json {
      var out = JSONWriter(pretty: false)
      out.beginObject()
      out.string("bench", "db")
      for figure in figures { out.number(figure.key, figure.value, digits: figure.digits) }
      out.endObject()
      printLine(out.text)
    }
  }

  // MARK: 1. Appended line to screen

  private func measureAppendToScreen(_ bench: BenchCluster, samples: Int, _ figures: inout Figures)
    throws
  {
    // The database: the probe's facilities imported (before the file probe appends to its
    // log), the feed appending lines like the probe's.
    let url = try bench.database("wf_live", importing: bench.probe.log.path)
    // The file: TmuxProbe's own measurement (the same facilities, the same probe lines).
    let file = try bench.probe.appendLatency(appends: samples).ours
    let feed = try DatabaseLog.open(
      DatabaseURL.parse(bench.url(BenchCluster.feed, url)),
      environment: ["PGPASSWORD": bench.password(BenchCluster.feed)])
    defer { feed.session.close() }
    let session = "dbconsole"
    _ = bench.probe.tmux([
      "new-session", "-d", "-s", session, "-x", "200", "-y", "60",
      "env PGPASSFILE=\(bench.passwordFile) \(bench.probe.binary) live "
        + "\(bench.url(BenchCluster.officer, url)) --no-bell",
    ])
    defer {
      _ = bench.probe.tmux(["kill-server"])
      Thread.sleep(forTimeInterval: 0.5)
    }
    // Ready when the facilities are on screen and the follower is live.
    let opened = now()
    var screen = ""
    while now() - opened < 20 {
      screen = bench.probe.tmux(["capture-pane", "-p", "-t", session])
      if screen.contains("Facility number") { break }
      Thread.sleep(forTimeInterval: 0.05)
    }
    guard screen.contains("Facility number") else {
      throw ValidationErrorText("watchfloor live on the database showed no floor:\n\(screen)")
    }
    Thread.sleep(forTimeInterval: 1)
    var database: [Double] = []
    var commits: [Double] = []
    for index in 0..<samples {
      let marker = "DBLAT-\(index)"
      let line =
        #"{"ts":"2026-01-22T01:\#(index / 60 < 10 ? "0" : "")\#(index / 60):\#(index % 60 < 10 ? "0" : "")\#(index % 60)Z","type":"incident.reported","incident":"\#(marker)","sector":"bench","severity":"high","kind":"probe","summary":"latency probe"}"#
      let start = now()
      try feed.append([Array(line.utf8)])
      commits.append((now() - start) * 1000)
      var seen: Double?
      // Waits long enough to see a late line arrive, not only that it was late.
      while now() - start < 30 && seen == nil {
        let capture = bench.probe.tmux(["capture-pane", "-p", "-t", session])
        // The marker's row, or (as TmuxProbe reads a file's console) the header's count of
        // unacknowledged alerts: the incidents list keeps the selected row in view, so once
        // it is full a new row can be drawn above the visible part.
        if capture.contains(marker) || capture.contains("alerts \(index + 1) unacked") {
          seen = (now() - start) * 1000
        }
        screen = capture
      }
      database.append(seen ?? 30_000)
      if (seen ?? 30_000) > 1000 {
        printLine(
          "   append \(index) reached the screen after \(formatted((seen ?? 30_000), 0)) ms")
      }
      Thread.sleep(forTimeInterval: 0.05)
    }
    if database.contains(30_000) {
      printLine("  (some appends never reached the screen in 30 s; last screen:)\n\(screen)")
    }
    let (p50, p95, worst) = (quantile(database, 0.5), quantile(database, 0.95), database.max() ?? 0)
    printLine(
      "1. appended line to screen (tmux, \(samples)): database p50 \(formatted(p50, 1)) ms, "
        + "p95 \(formatted(p95, 1)) ms, max \(formatted(worst, 1)) ms  target p95 ≤ 50 ms "
        + verdict(p95 <= 50))
    printLine(
      "   file: p50 \(formatted(quantile(file, 0.5), 1)) ms, p95 "
        + "\(formatted(quantile(file, 0.95), 1)) ms, max \(formatted(file.max() ?? 0, 1)) ms; "
        + "the feed's append (commit) itself p50 \(formatted(quantile(commits, 0.5), 2)) ms, "
        + "p95 \(formatted(quantile(commits, 0.95), 2)) ms (counted in the database figures)")
    figures += [
      ("append_to_screen_db_p50_ms", p50, 1), ("append_to_screen_db_p95_ms", p95, 1),
      ("append_to_screen_db_max_ms", worst, 1),
      ("append_to_screen_file_p50_ms", quantile(file, 0.5), 1),
      ("append_to_screen_file_p95_ms", quantile(file, 0.95), 1),
      ("append_to_screen_file_max_ms", file.max() ?? 0, 1),
      ("feed_append_commit_p50_ms", quantile(commits, 0.5), 2),
    ]
  }

  // MARK: 2. Decision round trip

  private func measureDecisions(_ bench: BenchCluster, samples: Int, _ figures: inout Figures)
    throws
  {
    // A realistic log, then one open incident per decision to acknowledge.
    var bytes = SyntheticLog.make(events: decisionLog)
    for index in 0..<samples {
      let line =
        #"{"ts":"2026-01-21T23:00:00Z","type":"incident.reported","incident":"BENCH-INC-\#(index)","sector":"bench","severity":"medium","kind":"probe","summary":"decision latency probe"}"#
      bytes += Array(line.utf8)
      bytes.append(0x0A)
    }
    let path = bench.probe.directory.appendingPathComponent("decide.jsonl").path
    let journalPath = bench.probe.directory.appendingPathComponent("decide-journal.jsonl").path
    try Data(bytes).write(to: URL(fileURLWithPath: path))
    try Data(bytes).write(to: URL(fileURLWithPath: journalPath))
    let url = try bench.database("wf_decide", importing: path)

    let officer = BenchCluster.officer
    let database = try DatabaseDecisions(
      url: DatabaseURL.parse(bench.url(officer, url)),
      environment: ["PGPASSWORD": bench.password(officer)])
    guard database.canDecide else {
      throw ValidationErrorText("\(officer) is not a member of watchfloor_officer")
    }
    let journal = Journal(path: journalPath)
    let context = PolicyContext(
      operatorName: officer, role: .approver, rosterIsOpen: true, now: Journal.now())
    // The first decision of each reads the whole log: done once, refused, and timed apart.
    let unknown = DecisionOrder(kind: .acknowledge, subjectID: "NO-SUCH-INCIDENT")
    var start = now()
    _ = try database.write(
      unknown, by: officer, at: Journal.now(), context: context, acceptingWarnings: true)
    let databaseFirst = (now() - start) * 1000
    start = now()
    _ = try journal.write(
      unknown, by: officer, at: Journal.now(), context: context, acceptingWarnings: true)
    let fileFirst = (now() - start) * 1000

    var ours: [Double] = []
    var baseline: [Double] = []
    for index in 0..<samples {
      let order = DecisionOrder(kind: .acknowledge, subjectID: "BENCH-INC-\(index)")
      for onDatabase in index % 2 == 0 ? [true, false] : [false, true] {
        let writer: any DecisionWriter = onDatabase ? database : journal
        start = now()
        let outcome = try writer.write(
          order, by: officer, at: Journal.now(), context: context, acceptingWarnings: true)
        let elapsed = (now() - start) * 1000
        guard case .written = outcome else {
          throw ValidationErrorText(
            "the \(onDatabase ? "database" : "file") refused to acknowledge BENCH-INC-\(index): "
              + "\(outcome)")
        }
        if onDatabase { ours.append(elapsed) } else { baseline.append(elapsed) }
      }
    }
    let (p50, p99, worst) = (quantile(ours, 0.5), quantile(ours, 0.99), ours.max() ?? 0)
    printLine(
      "2. decision round trip on \(decisionLog + samples) events (\(samples)): database p50 "
        + "\(formatted(p50, 2)) ms, p99 \(formatted(p99, 2)) ms, max \(formatted(worst, 2)) ms  "
        + "target p99 ≤ 20 ms \(verdict(p99 <= 20))")
    printLine(
      "   file Journal.write: p50 \(formatted(quantile(baseline, 0.5), 2)) ms, p99 "
        + "\(formatted(quantile(baseline, 0.99), 2)) ms, max "
        + "\(formatted(baseline.max() ?? 0, 2)) ms; first (refused) decision reading the whole "
        + "log: database \(formatted(databaseFirst, 1)) ms, file \(formatted(fileFirst, 1)) ms")
    figures += [
      ("decision_db_p50_ms", p50, 3), ("decision_db_p99_ms", p99, 3),
      ("decision_db_max_ms", worst, 3),
      ("decision_file_p50_ms", quantile(baseline, 0.5), 3),
      ("decision_file_p99_ms", quantile(baseline, 0.99), 3),
      ("decision_file_max_ms", baseline.max() ?? 0, 3),
      ("decision_db_first_ms", databaseFirst, 1), ("decision_file_first_ms", fileFirst, 1),
    ]
  }

  // MARK: 3. Open to first frame

  private func measureOpen(_ bench: BenchCluster, _ figures: inout Figures) throws {
    printLine("generating \(events) events…")
    let bytes = SyntheticLog.make(events: events)
    let path = bench.probe.directory.appendingPathComponent("open.jsonl").path
    try Data(bytes).write(to: URL(fileURLWithPath: path))
    printLine("   \(events) events, \(bytes.count) bytes in \(path)")
    let owner = try bench.createDatabase("wf_open")
    let start = now()
    try bench.watchfloor(["db", "import", path, "--to", owner], as: bench.cluster.superuser)
    let importSeconds = now() - start
    let rate = Double(events) / importSeconds
    printLine(
      "3. import (`watchfloor db import`, batches of 10,000): \(formatted(importSeconds, 2)) s, "
        + "\(formatted(rate, 0)) lines/s")
    let url = bench.url(BenchCluster.officer, "wf_open")

    let renderArguments = ["render", "--size", "120x40", "--color", "never"]
    let render = try alternate(bench, url: url, path: path) { renderArguments + [$0] }
    let renderRatio = render.database / render.file
    printLine(
      "   render 120x40, whole process (best of \(rounds)): database "
        + "\(formatted(render.database * 1000, 1)) ms, file \(formatted(render.file * 1000, 1)) ms"
        + " (ratio \(formatted(renderRatio, 2))x)  target ≤ 2x \(verdict(renderRatio <= 2))")
    let state = try alternate(bench, url: url, path: path) { ["state", $0, "--json"] }
    let stateRatio = state.database / state.file
    printLine(
      "   state --json, whole process (best of \(rounds)): database "
        + "\(formatted(state.database * 1000, 1)) ms, file \(formatted(state.file * 1000, 1)) ms "
        + "(ratio \(formatted(stateRatio, 2))x; outputs "
        + "\(state.sameOutput ? "identical" : "differ"))")
    figures += [
      ("import_s", importSeconds, 3), ("import_lines_per_s", rate, 0),
      ("render_db_ms", render.database * 1000, 1), ("render_file_ms", render.file * 1000, 1),
      ("render_ratio", renderRatio, 3),
      ("state_db_ms", state.database * 1000, 1), ("state_file_ms", state.file * 1000, 1),
      ("state_ratio", stateRatio, 3),
    ]
    try breakdown(bench, url: url, path: path, &figures)
  }

  /// The best times of `watchfloor ARGUMENTS` on the database and on the file, alternated;
  /// whether their last outputs were the same once the source's name is taken out.
  private func alternate(
    _ bench: BenchCluster, url: String, path: String, _ arguments: (String) -> [String]
  ) throws -> (database: Double, file: Double, sameOutput: Bool) {
    var database = Double.infinity
    var file = Double.infinity
    var outputs = ("", "")
    for _ in 0..<rounds {
      var start = now()
      outputs.0 = try bench.watchfloor(arguments(url), as: BenchCluster.officer)
      database = min(database, now() - start)
      start = now()
      outputs.1 = try bench.watchfloor(arguments(path), as: BenchCluster.officer)
      file = min(file, now() - start)
    }
    let same =
      outputs.0.replacingOccurrences(of: url, with: "SOURCE")
      == outputs.1.replacingOccurrences(of: path, with: "SOURCE")
    return (database, file, same)
  }

  /// Where opening the database log spends its time, in this process: the server's
  /// aggregation of the chunks alone, the chunks fetched (server + transfer + splitting the
  /// lines), and fetched and folded; and the file read and folded.
  private func breakdown(_ bench: BenchCluster, url: String, path: String, _ figures: inout Figures)
    throws
  {
    let environment = ["PGPASSWORD": bench.password(BenchCluster.officer)]
    let parsed = try DatabaseURL.parse(url)
    var start = now()
    let session = try DatabaseSession.connect(parsed, environment: environment)
    let connect = now() - start
    defer { session.close() }
    let rows = try session.query("SELECT coalesce(max(seq), 0)::bigint FROM watchfloor.log")
    let last = try rows.first?.decode(Int64.self) ?? 0
    let step = Int64(50_000)
    start = now()
    var aggregated: Int64 = 0
    var after = Int64(0)
    while after < last {
      let through = min(last, after + step)
      // The chunk query's aggregation, only its length sent back.
      aggregated +=
        try session.query(
          """
          SELECT coalesce(length(string_agg(line, '\\x0a'::bytea ORDER BY seq)), 0)::bigint
          FROM watchfloor.log WHERE seq > \(after) AND seq <= \(through)
          """
        ).first?.decode(Int64.self) ?? 0
      after = through
    }
    let server = now() - start
    start = now()
    let fetcher = try DatabaseLog.open(parsed, environment: environment)
    var lines = 0
    var fetchedBytes = 0
    try fetcher.readNew(from: 1) { line, _, _ in
      lines += 1
      fetchedBytes += line.count + 1
    }
    let fetched = now() - start
    fetcher.session.close()
    start = now()
    let folder = try DatabaseLog.open(parsed, environment: environment)
    let timeline = Timeline()
    try folder.read(into: timeline) { _, _, _ in }
    let folded = now() - start
    folder.session.close()
    start = now()
    let fileTimeline = Timeline()
    try LogReader.read([path], into: fileTimeline)
    let fileFolded = now() - start
    guard lines == events, timeline.count == fileTimeline.count else {
      throw ValidationErrorText(
        "read \(lines) lines and \(timeline.count) records from the database, "
          + "\(fileTimeline.count) from the file, of \(events) events")
    }
    printLine(
      "   where the database's open goes (in process): connect \(formatted(connect * 1000, 1)) ms; "
        + "server string_agg alone \(formatted(server * 1000, 1)) ms (\(aggregated) bytes); "
        + "fetch (server + transfer + split) \(formatted(fetched * 1000, 1)) ms "
        + "(\(fetchedBytes) bytes); fetch + fold \(formatted(folded * 1000, 1)) ms; "
        + "file read + fold \(formatted(fileFolded * 1000, 1)) ms")
    figures += [
      ("open_server_aggregate_ms", server * 1000, 1), ("open_fetch_ms", fetched * 1000, 1),
      ("open_fetch_fold_ms", folded * 1000, 1), ("open_file_fold_ms", fileFolded * 1000, 1),
    ]
  }
}

/// The private cluster as the bench uses it: databases made with `watchfloor db init`, an
/// officer and a feed role with passwords, and a password file for the console in tmux.
private struct BenchCluster {
  static let officer = "bench_officer"
  static let feed = "bench_feed"

  let cluster: PrivateCluster
  let probe: TmuxProbe
  let passwordFile: String
  private let passwords: [String: String]
  private var firstDatabase = true

  init(cluster: PrivateCluster, probe: TmuxProbe) throws {
    self.cluster = cluster
    self.probe = probe
    var passwords = [cluster.superuser: cluster.superuserPassword]
    for role in [Self.officer, Self.feed] {
      passwords[role] = (0..<4).map { _ in String(UInt32.random(in: 0...UInt32.max), radix: 16) }
        .joined()
    }
    self.passwords = passwords
    passwordFile = probe.directory.appendingPathComponent("pgpass").path
    let lines = passwords.map { "127.0.0.1:\(cluster.port):*:\($0.key):\($0.value)\n" }.joined()
    guard
      FileManager.default.createFile(
        atPath: passwordFile, contents: Data(lines.utf8), attributes: [.posixPermissions: 0o600])
    else { throw ValidationErrorText("cannot write \(passwordFile)") }
  }

  func password(_ role: String) -> String { passwords[role] ?? "" }

  func url(_ role: String, _ database: String) -> String {
    cluster.url(user: role, database: database)
  }

  /// Runs the real `watchfloor` as `role`; returns its output, or throws with it.
  @discardableResult
  func watchfloor(_ arguments: [String], as role: String) throws -> String {
    let result = try ChildProcess.runSeparatingStreams(
      [probe.binary] + arguments, environment: ["PGPASSWORD": password(role), "PGPASSFILE": ""])
    guard result.status == 0 else {
      throw ValidationErrorText(
        "watchfloor \(arguments.joined(separator: " ")) failed (\(result.status)): "
          + result.stderr)
    }
    return result.stdout
  }

  /// Creates `name`, runs `watchfloor db init` on it and grants the two roles their groups
  /// (giving them their passwords); returns the owner's URL.
  func createDatabase(_ name: String) throws -> String {
    try cluster.psql("CREATE DATABASE \(name)")
    let owner = url(cluster.superuser, name)
    try watchfloor(["db", "init", owner], as: cluster.superuser)
    for (role, group) in [(Self.officer, "officer"), (Self.feed, "feed")] {
      try watchfloor(["db", "grant", owner, role, "--as", group], as: cluster.superuser)
      try cluster.psql("ALTER ROLE \(role) PASSWORD '\(password(role))'")
    }
    return owner
  }

  /// A new database holding the lines of `file` (`watchfloor db import`); returns its name.
  func database(_ name: String, importing file: String) throws -> String {
    let owner = try createDatabase(name)
    try watchfloor(["db", "import", file, "--to", owner], as: cluster.superuser)
    return name
  }
}
