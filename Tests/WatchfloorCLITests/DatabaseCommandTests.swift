import Foundation
import Testing
import WatchfloorProcess

/// The one private PostgreSQL cluster of this suite, started by the first test that needs it
/// and stopped when the test process exits (PrivateCluster's exit handler).
private let sharedCluster = Result { try PrivateCluster.start() }

/// A fresh database of the shared cluster, for one test, and the roles that test made.
private struct ScratchDatabase {
  let cluster: PrivateCluster
  let name: String

  /// Creates an empty database with a random name; `initialize` runs `db init` on it.
  static func create(initialize: Bool = true) throws -> ScratchDatabase {
    let cluster = try sharedCluster.get()
    let database = ScratchDatabase(cluster: cluster, name: "t_\(randomSuffix())")
    try cluster.psql("CREATE DATABASE \(database.name)")
    if initialize {
      let result = try database.run(["db", "init", database.url()])
      try #require(result.status == 0, "db init: \(result.errors)")
    }
    return database
  }

  /// The database's URL for `user` (the superuser by default).
  func url(_ user: String? = nil) -> String {
    cluster.url(user: user ?? cluster.superuser, database: name)
  }

  /// The password a role made by `role(_:)` logs in with.
  static func password(of role: String) -> String { "pw-\(role)" }

  /// A new login role (a unique name: roles are cluster-wide) made a member of `group`
  /// (viewer, officer or feed) with `db grant`, and given a password.
  func role(_ group: String) throws -> String {
    let role = "\(group)_\(randomSuffix())"
    let result = try run(["db", "grant", url(), role, "--as", group])
    try #require(result.status == 0, "db grant: \(result.errors)")
    let article = group == "officer" ? "an" : "a"
    #expect(result.output.contains("\(role) is now \(article) \(group) (watchfloor_\(group))"))
    try cluster.psql("ALTER ROLE \(role) PASSWORD '\(Self.password(of: role))'")
    return role
  }

  /// Runs the binary with the password of `role` (the superuser's by default).
  func run(_ arguments: [String], as role: String? = nil) throws -> CommandResult {
    try Watchfloor.run(arguments, environment: environment(role))
  }

  /// Runs the binary with `input` as its standard input.
  func run(_ arguments: [String], input: Data, as role: String? = nil) throws -> CommandResult {
    let file = try temporaryDirectory().appendingPathComponent("stdin")
    try input.write(to: file)
    let process = Process()
    process.executableURL = Watchfloor.binary
    process.arguments = arguments
    process.environment = ProcessInfo.processInfo.environment.merging(environment(role)) { $1 }
    process.currentDirectoryURL = Watchfloor.packageRoot
    let inputHandle = try FileHandle(forReadingFrom: file)
    defer { try? inputHandle.close() }
    let output = Pipe()
    let errors = Pipe()
    process.standardInput = inputHandle
    process.standardOutput = output
    process.standardError = errors
    try process.run()
    let outData = output.fileHandleForReading.readDataToEndOfFile()
    let errData = errors.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return CommandResult(
      status: process.terminationStatus, output: String(decoding: outData, as: UTF8.self),
      errors: String(decoding: errData, as: UTF8.self), outputBytes: outData,
      errorBytes: errData)
  }

  func environment(_ role: String?) -> [String: String] {
    ["PGPASSWORD": role.map(Self.password(of:)) ?? cluster.superuserPassword]
  }

  /// `db export` as the superuser: the log's bytes.
  func export() throws -> Data {
    let result = try run(["db", "export", url()])
    try #require(result.status == 0, "db export: \(result.errors)")
    return result.outputBytes
  }

  /// The number of lines in watchfloor.log.
  func lineCount() throws -> Int {
    try #require(Int(cluster.psql("SELECT count(*) FROM watchfloor.log", database: name)))
  }

  /// Imports the three sample days.
  func importSamples() throws {
    let result = try run(["db", "import"] + sampleFiles.map(\.path) + ["--to", url()])
    try #require(result.status == 0, "db import: \(result.errors)")
  }

  /// The last line of the export.
  func lastLine() throws -> String {
    let text = String(decoding: try export(), as: UTF8.self)
    return String(text.split(separator: "\n").last ?? "")
  }

  /// The airlift's object in `state --json`, read as the superuser.
  func airlift(_ id: String) throws -> [String: Any] {
    let result = try run(["state", url(), "--json"])
    try #require(result.status == 0, "state: \(result.errors)")
    let state = try #require(
      try JSONSerialization.jsonObject(with: result.outputBytes) as? [String: Any])
    let airlifts = try #require(state["airlifts"] as? [[String: Any]])
    return try #require(airlifts.first { $0["airlift"] as? String == id })
  }
}

private let sampleFiles = ["2026-01-21", "2026-01-22", "2026-01-23"].map {
  Watchfloor.packageRoot.appendingPathComponent("samples/\($0).jsonl")
}

private func randomSuffix() -> String {
  String(UInt64.random(in: 0...UInt64.max), radix: 36)
}

/// `"counts"` of `validate --json` or `state --json`.
private func counts(_ result: CommandResult) throws -> [String: Int] {
  let object = try #require(
    try JSONSerialization.jsonObject(with: result.outputBytes) as? [String: Any])
  return try #require(object["counts"] as? [String: Int])
}

/// `watchfloor db …` and the log commands on a PostgreSQL log, the real binary against a
/// private cluster; each test has a database of its own. Serialized: `db init` creates the
/// cluster-wide group roles, which two databases' inits must not race to create.
@Suite("Database log commands", .serialized)
struct DatabaseCommandTests {
  @Test("db init applies version 1 once; a database without the schema says to run db init")
  func initTwice() throws {
    let database = try ScratchDatabase.create(initialize: false)
    let first = try database.run(["db", "init", database.url()])
    #expect(first.status == 0, "\(first.errors)")
    #expect(
      first.output.contains("\(database.url()): schema version 1 (applied 1)"), "\(first.output)")
    let second = try database.run(["db", "init", database.url()])
    #expect(second.status == 0, "\(second.errors)")
    #expect(
      second.output.contains("\(database.url()): schema version 1, up to date"),
      "\(second.output)")

    let bare = try ScratchDatabase.create(initialize: false)
    let state = try bare.run(["state", bare.url(), "--json"])
    #expect(state.status == 2)
    #expect(state.output.isEmpty)
    #expect(
      state.errors.contains("holds no Watchfloor log: run `watchfloor db init \(bare.url())`"),
      "\(state.errors)")
  }

  @Test("import of the samples: counts, idempotent, export byte-identical, same state and reports")
  func importSamples() throws {
    let database = try ScratchDatabase.create()
    let arguments = ["db", "import"] + sampleFiles.map(\.path) + ["--to", database.url()]
    let first = try database.run(arguments)
    #expect(first.status == 0, "\(first.errors)")
    for (file, lines) in zip(sampleFiles, [30, 60, 67]) {
      #expect(first.output.contains("\(file.path): \(lines) of \(lines) lines added\n"))
    }
    #expect(first.output.contains("157 lines added to \(database.url())"), "\(first.output)")
    let again = try database.run(arguments)
    #expect(again.status == 0, "\(again.errors)")
    for (file, lines) in zip(sampleFiles, [30, 60, 67]) {
      #expect(
        again.output.contains(
          "\(file.path): 0 of \(lines) lines added (\(lines) were there already)"))
    }
    #expect(again.output.contains("0 lines added to \(database.url())"), "\(again.output)")
    #expect(try database.lineCount() == 157)

    var samples = Data()
    for file in sampleFiles { samples += try Data(contentsOf: file) }
    let exported = try database.export()
    #expect(exported == samples)
    let exportFile = try temporaryDirectory().appendingPathComponent("export.jsonl")
    try exported.write(to: exportFile)

    for command in [
      ["state", "--json"], ["validate", "--json"], ["report"],
      ["state", "--at", "2026-01-22T12:00:00Z", "--json"],
    ] {
      let fromFile = try Watchfloor.run(command + [exportFile.path])
      let fromDatabase = try database.run(command + [database.url()])
      #expect(fromFile.status == 0, "\(command): \(fromFile.errors)")
      #expect(fromDatabase.status == fromFile.status, "\(command): \(fromDatabase.errors)")
      #expect(!fromFile.output.isEmpty)
      let normalised = fromDatabase.output.replacingOccurrences(
        of: database.url(), with: exportFile.path)
      #expect(normalised == fromFile.output, "\(command)")
    }
  }

  @Test("a file with blanks, CRLF, BOM, malformed and invalid UTF-8 lines round-trips")
  func trickyFile() throws {
    let database = try ScratchDatabase.create()
    let sample = try String(contentsOf: sampleFiles[0], encoding: .utf8)
      .split(separator: "\n").map { Data($0.utf8) }
    var bytes = Data([0xEF, 0xBB, 0xBF])
    bytes += sample[0] + Data("\n\n  \t\n".utf8)
    bytes += sample[1] + Data("\r\n".utf8)
    bytes += Data("not json at all\n".utf8)
    bytes +=
      Data(
        #"{"ts":"2026-01-21T04:50:00Z","type":"incident.reported","incident":"INC-T","sector":"s","severity":"low","kind":"k","summary":"bad "#
          .utf8) + Data([0xFF, 0xFE]) + Data("\"}\n".utf8)
    bytes += sample[2]  // no final newline
    let file = try temporaryDirectory().appendingPathComponent("tricky.jsonl")
    try bytes.write(to: file)

    let imported = try database.run(["db", "import", file.path, "--to", database.url()])
    #expect(imported.status == 0, "\(imported.errors)")
    #expect(imported.output.contains(": 7 of 7 lines added"), "\(imported.output)")
    let exported = try database.export()
    #expect(exported.count == bytes.count + 1)
    #expect(exported.prefix(bytes.count) == bytes)
    #expect(exported.last == 0x0A)

    let fromFile = try Watchfloor.run(["validate", "--json", file.path])
    let fromDatabase = try database.run(["validate", "--json", database.url()])
    #expect(fromFile.status == 1)
    #expect(fromDatabase.status == 1, "\(fromDatabase.errors)")
    let fileCounts = try counts(fromFile)
    #expect(fileCounts["events"] == 5)
    #expect(fileCounts["malformed"] == 2)
    #expect(fileCounts["applied"] == 3)
    #expect(try counts(fromDatabase) == fileCounts)
  }

  @Test("officers decide as their role; --operator and viewers are refused; two-person rule")
  func decisions() throws {
    let database = try ScratchDatabase.create()
    try database.importSamples()
    let officer = try database.role("officer")
    let second = try database.role("officer")
    let viewer = try database.role("viewer")

    let approved = try database.run(
      ["approve", "AL-0123-11", "--log", database.url(officer), "--force"], as: officer)
    #expect(approved.status == 0, "\(approved.errors)")
    #expect(approved.errors.contains("warning: destination \"sulaymaniyah\""), "\(approved.errors)")
    let last = try database.lastLine()
    #expect(last.contains(#""type":"airlift.approved""#), "\(last)")
    #expect(last.contains(#""airlift":"AL-0123-11""#))
    #expect(
      last.range(of: #","by":"\#(officer)","chain":"[0-9a-f]{64}"\}$"#, options: .regularExpression)
        != nil, "\(last)")
    #expect(approved.output.contains(last), "\(approved.output)")
    let verify = try database.run(["verify", database.url(viewer)], as: viewer)
    #expect(verify.status == 0, "\(verify.output)\(verify.errors)")
    #expect(try database.airlift("AL-0123-11")["status"] as? String == "approved")

    let named = try database.run(
      ["approve", "AL-0123-13", "--log", database.url(officer), "--operator", "someone"],
      as: officer)
    #expect(named.status == 2)
    #expect(named.errors.contains("--operator is refused on a database log"), "\(named.errors)")
    #expect(named.errors.contains("role you connect as (\(officer))"))

    let lines = try database.lineCount()
    let byViewer = try database.run(
      ["approve", "AL-0123-13", "--log", database.url(viewer), "--force"], as: viewer)
    #expect(byViewer.status == 1)
    #expect(byViewer.errors.contains("\"\(viewer)\" may not decide"), "\(byViewer.errors)")
    #expect(byViewer.errors.contains("watchfloor_officer"))
    #expect(try database.lineCount() == lines)

    // AL-0123-13 holds 50 high-value detainees: two different officers.
    let firstApproval = try database.run(
      ["approve", "AL-0123-13", "--log", database.url(officer), "--force"], as: officer)
    #expect(firstApproval.status == 0, "\(firstApproval.errors)")
    #expect(try database.airlift("AL-0123-13")["status"] as? String == "awaiting-second")
    let sameAgain = try database.run(
      ["approve", "AL-0123-13", "--log", database.url(officer), "--force"], as: officer)
    #expect(sameAgain.status == 1)
    #expect(
      sameAgain.errors.contains(
        "\(officer) already gave the first approval of airlift \"AL-0123-13\": "
          + "the second must come from another officer (two-person rule)"),
      "\(sameAgain.errors)")
    #expect(try database.lineCount() == lines + 1)
    let secondApproval = try database.run(
      ["approve", "AL-0123-13", "--log", database.url(second), "--force"], as: second)
    #expect(secondApproval.status == 0, "\(secondApproval.errors)")
    #expect(try database.lastLine().contains(#""by":"\#(second)","chain":""#))
    let airlift = try database.airlift("AL-0123-13")
    #expect(airlift["status"] as? String == "approved")
    #expect(airlift["approvals"] as? [String] == [officer, second])
    let verifyAll = try database.run(["verify", database.url()])
    #expect(verifyAll.status == 0, "\(verifyAll.output)\(verifyAll.errors)")
    #expect(verifyAll.output.contains("chain intact: 3 decisions"), "\(verifyAll.output)")
    // The export is one file whose chain verifies as the database's did.
    let exported = try temporaryDirectory().appendingPathComponent("decided.jsonl")
    try database.export().write(to: exported)
    let verifyFile = try database.run(["verify", exported.path])
    #expect(verifyFile.status == 0, "\(verifyFile.output)\(verifyFile.errors)")
    #expect(verifyFile.output.contains("chain intact: 3 decisions"), "\(verifyFile.output)")
  }

  @Test("a feed appends non-decision lines only; a viewer cannot append")
  func feed() throws {
    let database = try ScratchDatabase.create()
    try database.importSamples()
    let feed = try database.role("feed")
    let viewer = try database.role("viewer")

    let report =
      #"{"ts":"2026-01-24T06:00:00Z","type":"incident.reported","incident":"INC-FEED","sector":"s","severity":"low","kind":"k","summary":"from the feed"}"#
    let appended = try database.run(
      ["db", "append", database.url(feed)], input: Data((report + "\n").utf8), as: feed)
    #expect(appended.status == 0, "\(appended.errors)")
    #expect(appended.output.contains("1 lines appended"), "\(appended.output)")
    #expect(try database.lastLine() == report)
    #expect(try database.lineCount() == 158)
    let appendedBy = try database.cluster.psql(
      "SELECT appended_by FROM watchfloor.log ORDER BY seq DESC LIMIT 1", database: database.name)
    #expect(appendedBy == feed)

    let decision =
      #"{"ts":"2026-01-24T06:01:00Z","type":"airlift.approved","airlift":"AL-0123-11","by":"feed"}"#
    let unparsable =
      #"{"ts":"2026-01-24T06:01:00Z","type":"airlift.approved","airlift":"AL-0123-11","by":"x""#
    for input in [decision, unparsable, report + "\n" + decision] {
      let refused = try database.run(
        ["db", "append", database.url(feed)], input: Data((input + "\n").utf8), as: feed)
      #expect(refused.status == 1, "\(input)")
      #expect(refused.errors.contains("is a decision"), "\(refused.errors)")
      #expect(refused.errors.contains("0 lines appended before this failure"))
      #expect(try database.lineCount() == 158, "\(input)")
    }

    let byViewer = try database.run(
      ["db", "append", database.url(viewer)], input: Data((report + "\n").utf8), as: viewer)
    #expect(byViewer.status == 1)
    #expect(byViewer.errors.contains("permission denied"), "\(byViewer.errors)")
    #expect(try database.lineCount() == 158)

    // Only the log's owner imports files.
    let imported = try database.run(
      ["db", "import", sampleFiles[0].path, "--to", database.url(feed)], as: feed)
    #expect(imported.status == 1)
    #expect(
      imported.errors.contains("permission denied for function import_lines"),
      "\(imported.errors)")
    #expect(try database.lineCount() == 158)
  }

  @Test("nobody updates or deletes a line; a revoked officer can no longer decide")
  func integrity() throws {
    let database = try ScratchDatabase.create()
    try database.importSamples()
    let officer = try database.role("officer")
    let feed = try database.role("feed")
    for user in [nil, officer, feed] {
      for sql in [
        "UPDATE watchfloor.log SET line = 'x'::bytea WHERE seq = 1",
        "DELETE FROM watchfloor.log WHERE seq = 2", "TRUNCATE watchfloor.log",
      ] {
        let error = #expect(throws: PrivateClusterError.self) {
          try database.cluster.psql(sql, user: user, database: database.name)
        }
        let message = error?.message ?? ""
        #expect(
          message.contains("append-only") || message.contains("permission denied"),
          "\(user ?? "superuser"): \(sql): \(message)")
        if user == nil { #expect(message.contains("append-only"), "\(message)") }
      }
    }
    #expect(try database.lineCount() == 157)
    // An officer cannot make roles.
    let granted = try database.run(
      ["db", "grant", database.url(officer), "other_\(officer)", "--as", "officer"], as: officer)
    #expect(granted.status == 1)
    #expect(granted.errors.contains("permission denied to create role"), "\(granted.errors)")

    let approved = try database.run(
      ["approve", "AL-0123-11", "--log", database.url(officer), "--force"], as: officer)
    #expect(approved.status == 0, "\(approved.errors)")
    // Also a viewer, so that after the revoke it still reads the log but no longer decides.
    let alsoViewer = try database.run(["db", "grant", database.url(), officer, "--as", "viewer"])
    #expect(alsoViewer.status == 0, "\(alsoViewer.errors)")
    let revoked = try database.run(["db", "revoke", database.url(), officer, "--as", "officer"])
    #expect(revoked.status == 0, "\(revoked.errors)")
    #expect(revoked.output.contains("\(officer) is no longer an officer"), "\(revoked.output)")
    let refused = try database.run(
      ["hold", "AL-0123-13", "--reason", "check", "--log", database.url(officer)], as: officer)
    #expect(refused.status == 1)
    #expect(refused.errors.contains("\"\(officer)\" may not decide"), "\(refused.errors)")
    #expect(refused.errors.contains("watchfloor_officer"))
    #expect(try database.lineCount() == 158)
    let reads = try database.run(["state", database.url(officer), "--json"], as: officer)
    #expect(reads.status == 0, "\(reads.errors)")
    // Out of every group, the role cannot even read the log.
    let outOfAll = try database.run(["db", "revoke", database.url(), officer, "--as", "viewer"])
    #expect(outOfAll.status == 0, "\(outOfAll.errors)")
    let cannotRead = try database.run(["state", database.url(officer)], as: officer)
    // A log that cannot be read is exit 2 for the reading commands, whatever the cause.
    #expect(cannotRead.status == 2)
    #expect(cannotRead.errors.contains("permission denied"), "\(cannotRead.errors)")
  }

  @Test("a password in the URL, a wrong password and an unreachable server are clear errors")
  func connectionErrors() throws {
    let database = try ScratchDatabase.create()
    let viewer = try database.role("viewer")
    let withPassword =
      "postgres://\(viewer):secret@127.0.0.1:\(database.cluster.port)/\(database.name)"
    let inURL = try database.run(["state", withPassword], as: viewer)
    #expect(inURL.status == 2)
    #expect(inURL.errors.contains("PGPASSWORD"), "\(inURL.errors)")
    #expect(inURL.errors.contains("~/.pgpass"))
    #expect(!inURL.errors.contains("secret"))

    let wrong = try Watchfloor.run(
      ["state", database.url(viewer)], environment: ["PGPASSWORD": "wrong"])
    #expect((1...2).contains(wrong.status), "\(wrong.status): \(wrong.errors)")
    #expect(
      wrong.errors.contains("password authentication failed for user \"\(viewer)\""),
      "\(wrong.errors)")

    let unreachable = try Watchfloor.run(
      ["state", "postgres://\(viewer)@127.0.0.1:1/\(database.name)"],
      environment: ["PGPASSWORD": "x"])
    #expect(unreachable.status == 2)
    #expect(unreachable.errors.contains("cannot connect to"), "\(unreachable.errors)")
  }

  @Test("watchfloor.decide retried with the same id returns the same line, written once")
  func decideRetry() throws {
    let database = try ScratchDatabase.create()
    try database.importSamples()
    let officer = try database.role("officer")
    let id = "dec-\(randomSuffix())"
    let decision =
      #"{"ts":"2026-01-24T07:00:00Z","type":"airlift.denied","airlift":"AL-0123-11","reason":"retry","id":"\#(id)"}"#
    let sql = "SELECT seq FROM watchfloor.decide('\(decision)', '\(id)')"
    let first = try database.cluster.psql(sql, user: officer, database: database.name)
    let second = try database.cluster.psql(sql, user: officer, database: database.name)
    #expect(first == "158")
    #expect(second == first)
    #expect(try database.lineCount() == 158)
    let stored = try database.lastLine()
    #expect(stored.hasPrefix(String(decision.dropLast()) + #","by":"\#(officer)","chain":""#))
    let verify = try database.run(["verify", database.url()])
    #expect(verify.status == 0, "\(verify.output)\(verify.errors)")
  }
}
