import Foundation
import Testing
import WatchfloorProcess

/// Who decides, as the real binary sees it: the account, never the environment; the system
/// roster in a private mount namespace; names compared after normalising.
@Suite(
  "Access: the real account and the roster in force", .serialized,
  .enabled(if: getuid() == 0, "deciding as other accounts and mounting need root"))
struct AccessEndToEndTests {
  /// A config directory with nothing in it, so no personal roster is found.
  let noConfig = ["XDG_CONFIG_HOME": "/nonexistent-watchfloor-config"]

  /// Runs a shell script; returns its status and output.
  func shell(_ script: String) throws -> CommandResult {
    try Watchfloor.runProgram(URL(fileURLWithPath: "/bin/sh"), ["-c", script])
  }

  @Test("USER and LOGNAME name nobody: the decision is written as the account that ran it")
  func accountNotEnvironment() throws {
    let log = try sampleLog()
    let environment = noConfig.merging(["USER": "root", "LOGNAME": "root"]) { $1 }
    let result = try Watchfloor.run(
      ["approve", "AL-0123-11", "--log", log.path, "--force"], environment: environment,
      as: "nobody")
    #expect(result.status == 0, "\(result.errors)")
    #expect(result.output.contains(#""by":"nobody""#))
    #expect(!result.output.contains(#""by":"root""#))
    // The header says the same.
    let render = try Watchfloor.run(
      ["render", log.path, "--size", "120x40"], environment: environment, as: "nobody")
    #expect(render.output.contains("officer nobody · OPEN ROSTER"), "\(render.errors)")
  }

  @Test("one account cannot give both approvals by changing USER between them")
  func twoPersonNeedsTwoAccounts() throws {
    let log = try sampleLog()
    let first = try Watchfloor.run(
      ["approve", "AL-0123-13", "--log", log.path, "--force"],
      environment: noConfig.merging(["USER": "hassan"]) { $1 }, as: "daemon")
    #expect(first.status == 0, "\(first.errors)")
    let again = try Watchfloor.run(
      ["approve", "AL-0123-13", "--log", log.path, "--force"],
      environment: noConfig.merging(["USER": "layla", "LOGNAME": "layla"]) { $1 }, as: "daemon")
    #expect(again.status == 1)
    #expect(again.errors.contains("daemon already gave the first approval"), "\(again.errors)")
    let second = try Watchfloor.run(
      ["approve", "AL-0123-13", "--log", log.path, "--force"], environment: noConfig, as: "bin")
    #expect(second.status == 0, "\(second.errors)")
    let state = try Watchfloor.run(["state", log.path, "--json"])
    #expect(state.output.contains(#""airlift": "AL-0123-13",\#n      "status": "approved""#))
  }

  @Test("open roster: another spelling of the first approver is the same officer")
  func normalisedNames() throws {
    let log = try sampleLog()
    let first = try Watchfloor.run(
      ["approve", "AL-0123-13", "--log", log.path, "--operator", "alice", "--force"],
      environment: noConfig)
    #expect(first.status == 0, "\(first.errors)")
    for spelling in ["Alice", "alice ", "alice\t", "ALICE"] {
      let again = try Watchfloor.run(
        ["approve", "AL-0123-13", "--log", log.path, "--operator", spelling, "--force"],
        environment: noConfig)
      #expect(again.status == 1, "\(spelling)")
      #expect(again.errors.contains("already gave the first approval"))
    }
    let hidden = try Watchfloor.run(
      ["approve", "AL-0123-13", "--log", log.path, "--operator", "ali\u{200B}ce", "--force"],
      environment: noConfig)
    #expect(hidden.status == 2)
    #expect(hidden.errors.contains("holds U+200B, which no officer's name may hold"))
    #expect(!hidden.errors.contains("\u{200B}"))
    // Trimmed and composed before it is written.
    let second = try Watchfloor.run(
      ["approve", "AL-0123-13", "--log", log.path, "--operator", " Zoe\u{301} ", "--force"],
      environment: noConfig)
    #expect(second.status == 0, "\(second.errors)")
    #expect(second.output.contains("\"by\":\"Zo\u{E9}\""))
    #expect(Array(second.output.utf8).contains(0xC3))
  }

  /// A script that runs `commands` in a private mount namespace where
  /// `/etc/watchfloor/roster.toml` holds `roster` (an overlay over /etc: the host's /etc is
  /// never touched).
  func withSystemRoster(_ roster: String, _ commands: String) throws -> CommandResult {
    let scratch = try temporaryDirectory()
    let file = scratch.appendingPathComponent("system-roster.toml")
    try Data(roster.utf8).write(to: file)
    let upper = scratch.appendingPathComponent("upper").path
    let work = scratch.appendingPathComponent("work").path
    return try shell(
      """
      mkdir -p \(upper) \(work)
      exec unshare -m /bin/sh -c '
        mount --make-rprivate / &&
        mount -t overlay overlay -o lowerdir=/etc,upperdir=\(upper),workdir=\(work) /etc &&
        mkdir -p /etc/watchfloor && cp \(file.path) /etc/watchfloor/roster.toml &&
        chmod 755 /etc/watchfloor && chmod 644 /etc/watchfloor/roster.toml &&
        { \(commands) ; }'
      """)
  }

  @Test("a system roster governs: --roster, the personal roster and --operator cannot replace it")
  func systemRoster() throws {
    let log = try sampleLog()
    let mine = try temporaryDirectory()
    try FileManager.default.createDirectory(
      at: mine.appendingPathComponent("watchfloor"), withIntermediateDirectories: true)
    try Data("approvers = [\"nobody\"]\n".utf8).write(
      to: mine.appendingPathComponent("watchfloor/roster.toml"))
    try FileManager.default.setAttributes(
      [.posixPermissions: 0o755], ofItemAtPath: mine.path)
    let binary = try Watchfloor.sharedBinary().path
    let result = try withSystemRoster(
      "approvers = [\"root\", \"daemon\"]\nviewers = [\"nobody\"]\n",
      """
      runuser -u nobody -- env XDG_CONFIG_HOME=\(mine.path) \(binary) approve AL-0123-11 \
        --log \(log.path) --force; echo "personal: $?"
      runuser -u nobody -- env XDG_CONFIG_HOME=/empty \(binary) approve AL-0123-11 \
        --log \(log.path) --force; echo "empty config: $?"
      runuser -u nobody -- \(binary) approve AL-0123-11 --log \(log.path) \
        --roster \(mine.path)/watchfloor/roster.toml --force; echo "roster option: $?"
      runuser -u nobody -- \(binary) approve AL-0123-11 --log \(log.path) --operator root \
        --force; echo "operator option: $?"
      \(binary) render \(log.path) --size 120x40 | head -1
      runuser -u daemon -- \(binary) approve AL-0123-11 --log \(log.path) --force; \
        echo "approver: $?"
      """)
    let out = result.output
    #expect(out.contains("personal: 1"), "\(out)\(result.errors)")
    #expect(out.contains("empty config: 1"))
    #expect(out.contains("roster option: 2"))
    #expect(out.contains("operator option: 2"))
    #expect(out.contains("approver: 0"))
    #expect(out.contains("officer root (approver)"))
    #expect(out.contains(#""by":"daemon""#))
    #expect(!out.contains(#""by":"nobody""#) && !out.contains(#""by":"root""#))
    #expect(result.errors.contains("nobody is a viewer on the roster and may not decide"))
    #expect(
      result.errors.contains(
        "the system roster /etc/watchfloor/roster.toml is in force: --roster \(mine.path)"))
    #expect(result.errors.contains("--operator is for open-roster mode"))
    // The host's /etc is as it was.
    #expect(!FileManager.default.fileExists(atPath: "/etc/watchfloor"))
  }

  @Test("a system roster with a name in both lists is refused whole, with its line")
  func contradictoryRoster() throws {
    let log = try sampleLog()
    let result = try withSystemRoster(
      "approvers = [\"root\"]\nviewers = [\"ROOT\"]\n",
      "\(Watchfloor.binary.path) approve AL-0123-11 --log \(log.path) --force; echo \"rc: $?\"")
    #expect(result.output.contains("rc: 2"), "\(result.output)\(result.errors)")
    #expect(
      result.errors.contains(
        "/etc/watchfloor/roster.toml:2: root is listed both as an approver and as a viewer"))
  }
}

@Suite("Logs that are not there, and the decision chain from the command line")
struct LogPathEndToEndTests {
  @Test("a decision on a missing log exits 2 and creates nothing")
  func missingLog() throws {
    let path = try temporaryDirectory().appendingPathComponent("nope.jsonl").path
    for command in [
      ["approve", "AL-0123-11"], ["deny", "AL-0123-11", "--reason", "x"],
      ["hold", "AL-0123-11", "--reason", "x"], ["ack", "INC-0123-05"],
    ] {
      let result = try Watchfloor.run(command + ["--log", path, "--operator", "hassan"])
      #expect(result.status == 2)
      #expect(result.errors == "watchfloor: cannot open \(path): No such file or directory\n")
      #expect(!FileManager.default.fileExists(atPath: path))
    }
  }

  @Test("a dangling link in a directory source is an error naming it, in every command")
  func danglingLink() throws {
    let directory = try temporaryDirectory()
    let day = Watchfloor.packageRoot.appendingPathComponent("samples/2026-01-21.jsonl")
    try FileManager.default.copyItem(
      at: day, to: directory.appendingPathComponent("2026-01-21.jsonl"))
    let link = directory.appendingPathComponent("2026-01-22.jsonl").path
    try FileManager.default.createSymbolicLink(
      atPath: link, withDestinationPath: "/nonexistent/2026-01-22.jsonl")
    let expected = "watchfloor: cannot read '\(link)': a link to a file that does not exist\n"
    for command in [
      ["validate"], ["state"], ["state", "--json"], ["report", "--day", "2026-01-21"],
      ["render"], ["render", "--replay"], ["replay"], ["verify"],
    ] {
      let result = try Watchfloor.run([command[0], directory.path] + command.dropFirst())
      #expect(result.status == 2, "\(command)")
      #expect(result.errors == expected, "\(command)")
    }
  }

  @Test("verify: intact, edited and shortened logs")
  func verify() throws {
    let log = try sampleLog()
    let empty = try Watchfloor.run(["verify", log.path])
    #expect(empty.status == 0)
    #expect(empty.output.hasPrefix("no chained decisions"))
    for command in [
      ["approve", "AL-0123-11", "--force"], ["ack", "INC-0123-05"],
      ["hold", "AL-0123-13", "--reason", "manifest check"],
    ] {
      let result = try Watchfloor.run(command + ["--log", log.path, "--operator", "hassan"])
      #expect(result.status == 0, "\(result.errors)")
    }
    let lines = try String(contentsOf: log, encoding: .utf8).split(
      separator: "\n", omittingEmptySubsequences: false)
    let count = lines.count - 1
    let intact = try Watchfloor.run(["verify", log.path])
    #expect(intact.status == 0)
    #expect(intact.output.hasPrefix("chain intact: 3 decisions, last at line \(count) (chain "))
    // An earlier line edited: the first decision after it is named.
    var edited = lines
    edited[100] = Substring(edited[100].replacingOccurrences(of: "\"ts\"", with: "\"ts\" "))
    try Data(edited.joined(separator: "\n").utf8).write(to: log)
    let broken = try Watchfloor.run(["verify", log.path])
    #expect(broken.status == 1)
    #expect(broken.output.hasPrefix("chain broken at line \(count - 2) of \(log.path)"))
    #expect(broken.output.contains("2 of 3 decisions match"))
    // Shortened: its first line removed.
    try Data(lines.dropFirst().joined(separator: "\n").utf8).write(to: log)
    let shortened = try Watchfloor.run(["verify", log.path])
    #expect(shortened.status == 1)
    #expect(shortened.output.hasPrefix("chain broken at line \(count - 3) of \(log.path)"))
  }

  @Test("the day report and the replay mark each decision with what the chain says")
  func marks() throws {
    let log = try sampleLog()
    var text = try String(contentsOf: log, encoding: .utf8)
    text +=
      #"{"ts":"2026-01-23T23:10:00Z","type":"airlift.approved","airlift":"AL-0123-11","by":"hassan"}"#
    text += "\n"
    try Data(text.utf8).write(to: log)
    let hold = try Watchfloor.run(
      ["hold", "AL-0123-13", "--reason", "manifest", "--log", log.path, "--operator", "noor"])
    #expect(hold.status == 0, "\(hold.errors)")
    // The decision is stamped with the wall clock: report the day it landed on.
    let today = try #require(hold.output.firstRange(of: #/"ts":"(\d{4}-\d\d-\d\d)/#))
    let day = String(hold.output[today].dropFirst(6))
    let json = try Watchfloor.run(["report", log.path, "--day", day, "--format", "json"])
    #expect(json.status == 0, "\(json.errors)")
    #expect(json.output.contains(#""chain": "intact""#), "\(json.output)")
    let report = try Watchfloor.run(["report", log.path, "--day", "2026-01-23"])
    #expect(report.output.contains("unchained"))
    #expect(!report.output.contains("✓ intact"))
    let textReport = try Watchfloor.run(["report", log.path, "--day", day])
    #expect(textReport.output.contains("✓ intact"))
    let replay = try Watchfloor.run([
      "render", log.path, "--replay", "--day", "2026-01-23", "--at", "2026-01-23T23:10:00Z",
      "--size", "200x50",
    ])
    #expect(replay.output.contains("airlift.approved  by hassan  AL-0123-11"), "\(replay.output)")
    #expect(replay.output.contains("· unchained"))
  }
}
