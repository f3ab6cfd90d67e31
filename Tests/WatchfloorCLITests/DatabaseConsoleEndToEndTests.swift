import Foundation
import Testing
import WatchfloorProcess

/// The live console on a PostgreSQL log, in tmux: the real binary, a private cluster of its
/// own (this suite restarts it, which no other suite should see).
@Suite("Console on a database end to end in tmux", .serialized)
struct DatabaseConsoleEndToEndTests {
  /// A database holding the samples, an officer role and a feed role, with passwords.
  struct Floor {
    let cluster: PrivateCluster
    let database = "floor"
    let officer = "hassan_\(UInt32.random(in: 0..<UInt32.max))"
    let feed = "feed_\(UInt32.random(in: 0..<UInt32.max))"

    init() throws {
      cluster = try PrivateCluster.start()
      try cluster.psql("CREATE DATABASE \(database)")
      let admin = ["PGPASSWORD": cluster.superuserPassword]
      let owner = cluster.url(user: cluster.superuser, database: database)
      for arguments in [
        ["db", "init", owner], ["db", "import", "samples", "--to", owner],
        ["db", "grant", owner, officer, "--as", "officer"],
        ["db", "grant", owner, feed, "--as", "feed"],
      ] {
        let result = try Watchfloor.run(arguments, environment: admin)
        try #require(result.status == 0, "\(arguments): \(result.errors)")
      }
      try cluster.psql("ALTER ROLE \(officer) PASSWORD 'o'; ALTER ROLE \(feed) PASSWORD 'f'")
    }

    func url(_ user: String) -> String { cluster.url(user: user, database: database) }

    /// Appends one line as the feed.
    func append(_ line: String) throws {
      let file = FileManager.default.temporaryDirectory
        .appendingPathComponent("line-\(UUID().uuidString).jsonl")
      try (line + "\n").write(to: file, atomically: true, encoding: .utf8)
      defer { try? FileManager.default.removeItem(at: file) }
      let result = try Watchfloor.runProgram(
        URL(fileURLWithPath: "/bin/sh"),
        [
          "-c",
          "PGPASSWORD=f '\(Watchfloor.binary.path)' db append '\(url(feed))' < '\(file.path)'",
        ])
      try #require(result.status == 0, "append: \(result.errors)")
    }
  }

  @Test(
    "the role is the officer, lines arrive by LISTEN, a decision is the role's, a restart reads DB: reconnecting"
  )
  func liveOnDatabase() throws {
    let floor = try Floor()
    defer { floor.cluster.stop() }
    let tmux = try TmuxSession.console(
      "env PGPASSWORD=o '\(Watchfloor.binary.path)' live '\(floor.url(floor.officer))'",
      width: 120, height: 40, binaryPrefix: false)
    let (opened, open) = try tmux.waitFor {
      $0.contains("officer \(floor.officer) (approver, database role)")
        && $0.contains("AL-0123-10")
    }
    #expect(open, "\(opened)")

    try floor.append(
      #"{"ts":"2026-01-23T23:00:00Z","type":"incident.reported","incident":"IN-DB-1","sector":"rabia","severity":"high","kind":"breach","summary":"seen through LISTEN"}"#
    )
    #expect(try tmux.waitFor(timeout: 5) { $0.contains("seen through LISTEN") }.1)

    // AL-0123-10 awaits a second approval (karim gave the first): the first row.
    try tmux.send("a")
    #expect(try tmux.waitFor(timeout: 5) { $0.contains("y confirm") }.1)
    try tmux.send("y")
    let (written, wrote) = try tmux.waitFor(timeout: 10) {
      $0.contains("written: approve AL-0123-10") && $0.contains("karim, \(floor.officer)")
    }
    #expect(wrote, "\(written)")
    let exported = try Watchfloor.run(
      ["db", "export", floor.url(floor.cluster.superuser)],
      environment: ["PGPASSWORD": floor.cluster.superuserPassword])
    let last = exported.output.split(separator: "\n").last.map(String.init) ?? ""
    #expect(last.contains(#""airlift":"AL-0123-10","by":"\#(floor.officer)","chain":""#), "\(last)")

    // The server goes away: the header says so, and the panes stay.
    try floor.cluster.restart(whileDown: {
      let (down, said) = try tmux.waitFor(timeout: 10) { $0.contains("DB: reconnecting") }
      #expect(said, "\(down)")
      #expect(down.contains("AL-0123-10"))
      // Keys answer while it is down: the help opens and closes at once.
      try tmux.send("?")
      #expect(try tmux.waitFor(timeout: 2) { $0.lowercased().contains("keys") }.1)
      try tmux.send("Escape")
      try tmux.send("a")
      #expect(try tmux.waitFor(timeout: 2) { $0.contains("no decisions until the log is back") }.1)
    })
    try floor.append(
      #"{"ts":"2026-01-23T23:05:00Z","type":"incident.reported","incident":"IN-DB-2","sector":"rabia","severity":"low","kind":"patrol","summary":"after the restart"}"#
    )
    let (back, caughtUp) = try tmux.waitFor(timeout: 40) {
      $0.contains("after the restart") && !$0.contains("reconnecting")
    }
    #expect(caughtUp, "\(back)")
    try tmux.send("q")
    #expect(try tmux.waitFor(timeout: 5) { $0.contains("EXITED=0") }.1)
  }

  @Test("a viewer's console offers no decisions; --operator is refused on a database")
  func viewerAndOperator() throws {
    let floor = try Floor()
    defer { floor.cluster.stop() }
    let viewer = "vic_\(UInt32.random(in: 0..<UInt32.max))"
    let admin = ["PGPASSWORD": floor.cluster.superuserPassword]
    let granted = try Watchfloor.run(
      ["db", "grant", floor.url(floor.cluster.superuser), viewer, "--as", "viewer"],
      environment: admin)
    try #require(granted.status == 0, "\(granted.errors)")
    try floor.cluster.psql("ALTER ROLE \(viewer) PASSWORD 'v'")
    let refused = try Watchfloor.run(
      ["live", floor.url(floor.officer), "--operator", "someone"], environment: ["PGPASSWORD": "o"])
    #expect(refused.status == 2)
    #expect(refused.errors.contains("--operator and --roster do not apply to a database log"))

    let tmux = try TmuxSession.console(
      "env PGPASSWORD=v '\(Watchfloor.binary.path)' live '\(floor.url(viewer))'",
      width: 120, height: 40, binaryPrefix: false)
    #expect(try tmux.waitFor { $0.contains("officer \(viewer) (viewer, database role)") }.1)
    try tmux.send("a")
    let (screen, said) = try tmux.waitFor(timeout: 5) { $0.contains("watching only") }
    #expect(said, "\(screen)")
    try tmux.send("q")
  }

  @Test("a console on a standby says read-only, follows the primary, and refuses decisions")
  func standby() throws {
    let floor = try Floor()
    defer { floor.cluster.stop() }
    let standby = try floor.cluster.startStandby()
    defer { standby.stop() }
    let standbyURL = standby.url(user: floor.officer, database: floor.database)
    let tmux = try TmuxSession.console(
      "env PGPASSWORD=o '\(Watchfloor.binary.path)' live '\(standbyURL)'",
      width: 120, height: 40, binaryPrefix: false)
    let (opened, open) = try tmux.waitFor(timeout: 15) {
      $0.contains("read-only · standby server") && $0.contains("AL-0123-10")
    }
    #expect(open, "\(opened)")
    try floor.append(
      #"{"ts":"2026-01-23T23:10:00Z","type":"incident.reported","incident":"IN-SB-1","sector":"rabia","severity":"low","kind":"patrol","summary":"replicated to the standby"}"#
    )
    #expect(try tmux.waitFor(timeout: 10) { $0.contains("replicated to the standby") }.1)
    try tmux.send("a")
    #expect(try tmux.waitFor(timeout: 5) { $0.contains("standby server: no decisions") }.1)
    try tmux.send("q")
    let refused = try Watchfloor.run(
      ["approve", "AL-0123-10", "--force", "--log", standbyURL], environment: ["PGPASSWORD": "o"])
    #expect(refused.status == 1)
    #expect(refused.errors.contains("is a standby, read-only: decide on the primary"))
  }
}
