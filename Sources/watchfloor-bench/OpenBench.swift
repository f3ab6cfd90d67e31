import ArgumentParser
import Foundation
import WatchfloorProcess

/// Opening a big log, whole processes side by side: the real `watchfloor validate`, `render`
/// and `replay` (to its first frame, in tmux) beside lnav (open, index, count with its SQL)
/// and jq (one filter over every line), on the same files, best of rounds alternated.
struct OpenBench: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "open",
    abstract: "Open a big log: watchfloor validate/render/replay beside lnav and jq.")

  @Option(help: "Events in the generated log (when no --corpus is given).")
  var events = 1_000_000

  @Option(
    parsing: .upToNextOption,
    help: ArgumentHelp("Logs to open instead of a generated one.", valueName: "FILE"))
  var corpus: [String] = []

  @Option(help: "Rounds of each measurement, alternated; the best counts.")
  var rounds = 3

  @Flag(help: "Skip the replay's first frame (needs tmux).")
  var noTmux = false

  @Flag(help: "End with one JSON object of the figures.")
  var json = false

  func run() throws {
    let probe = try TmuxProbe()
    defer { probe.cleanUp() }
    let peers = try Peers(directory: probe.directory)
    var logs = corpus
    if logs.isEmpty {
      let path = probe.directory.appendingPathComponent("open-\(events).jsonl").path
      printLine("generating \(events) events…")
      try Data(SyntheticLog.make(events: events)).write(to: URL(fileURLWithPath: path))
      logs = [path]
    }
    var figures: [String] = []
    for log in logs {
      let result = try measure(log, probe: probe, peers: peers)
      figures.append(result)
    }
    if json { printLine("{\"bench\":\"open\",\"logs\":[" + figures.joined(separator: ",") + "]}") }
  }

  /// The best time of each tool on one log, and the ratios against lnav.
  private func measure(_ log: String, probe: TmuxProbe, peers: Peers) throws -> String {
    let size = (try? FileManager.default.attributesOfItem(atPath: log)[.size] as? Int) ?? 0
    printLine("\(log): \(formatted(Double(size) / 1e6, 1)) MB")
    let day = try lastDay(of: log)
    var best: [String: Double] = [:]
    func keep(_ name: String, _ seconds: Double) {
      best[name] = min(best[name] ?? .infinity, seconds)
    }
    for _ in 0..<rounds {
      keep("validate", try timed([probe.binary, "validate", log]))
      keep("render", try timed([probe.binary, "render", log, "--size", "120x40"]))
      if !noTmux {
        let frames = try probe.replayFirstFrame(log: log, day: day, rounds: 1)
        keep("replay", (frames.first ?? .infinity) / 1000)
      }
      if let lnav = peers.lnav(log) { keep("lnav", try timed(lnav, environment: peers.home)) }
      if let jq = peers.jq(log) { keep("jq", try timed(jq)) }
    }
    let lnav = best["lnav"]
    func line(_ name: String, target: Double?) -> String {
      guard let seconds = best[name] else { return "" }
      var text =
        "  \(name.padding(toLength: 9, withPad: " ", startingAt: 0)) \(formatted(seconds, 3)) s"
      if let lnav, name != "lnav" {
        let ratio = seconds / lnav
        text += "  (\(formatted(ratio, 2))× lnav"
        if let target { text += ", target ≤ \(formatted(target, 2))× \(verdict(ratio <= target))" }
        text += ")"
      }
      return text
    }
    printLine(line("validate", target: 0.5))
    printLine(line("render", target: 2.0 / 3))
    if !noTmux { printLine(line("replay", target: 2.0 / 3)) }
    if lnav != nil {
      printLine(line("lnav", target: nil))
    } else {
      printLine("  lnav: not installed")
    }
    if best["jq"] != nil { printLine(line("jq", target: nil)) }
    let members = best.keys.sorted().map { "\"\($0)_s\":\(formatted(best[$0] ?? 0, 4))" }
    let escaped = log.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(
      of: "\"", with: "\\\"")
    return "{\"log\":\"\(escaped)\",\"bytes\":\(size)," + members.joined(separator: ",") + "}"
  }

  /// Seconds a whole process takes, its output thrown away.
  private func timed(_ arguments: [String], environment: [String: String] = [:]) throws -> Double {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: arguments[0])
    process.arguments = Array(arguments.dropFirst())
    if !environment.isEmpty {
      process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
    }
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    let started = now()
    try process.run()
    process.waitUntilExit()
    return now() - started
  }

  /// The date of the log's last line's `ts`, for the replay's `--day`.
  private func lastDay(of path: String) throws -> String {
    let handle = try FileHandle(forReadingFrom: URL(fileURLWithPath: path))
    defer { try? handle.close() }
    let size = try handle.seekToEnd()
    try handle.seek(toOffset: size > 4096 ? size - 4096 : 0)
    let tail = String(decoding: handle.readDataToEndOfFile(), as: UTF8.self)
    let lines = tail.split(separator: "\n")
    for line in lines.reversed() {
      if let range = line.range(of: #""ts":""#) ?? line.range(of: #""ts": ""#) {
        return String(line[range.upperBound...].prefix(10))
      }
    }
    throw ValidationErrorText("no ts in the last lines of \(path)")
  }
}

/// lnav and jq, when installed, with what they need to read our log: lnav gets a JSON log
/// format for it in a private configuration directory and home.
struct Peers {
  let lnavPath: String?
  let jqPath: String?
  let configuration: URL
  let home: [String: String]

  init(directory: URL) throws {
    lnavPath = Self.find("lnav")
    jqPath = Self.find("jq")
    configuration = directory.appendingPathComponent("lnav-config")
    let formats = configuration.appendingPathComponent("formats/installed")
    try FileManager.default.createDirectory(at: formats, withIntermediateDirectories: true)
    try Data(Self.format.utf8).write(to: formats.appendingPathComponent("watchfloor_log.json"))
    let home = directory.appendingPathComponent("lnav-home")
    try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
    self.home = ["HOME": home.path]
  }

  /// Open, index and count every line with lnav's SQL, headless.
  func lnav(_ log: String) -> [String]? {
    lnavPath.map {
      [$0, "-n", "-I", configuration.path, "-c", ";SELECT count(*) FROM watchfloor_log", log]
    }
  }

  /// One filter over every line.
  func jq(_ log: String) -> [String]? {
    jqPath.map { [$0, "-c", #"select(.type=="airlift.landed")"#, log] }
  }

  private static func find(_ name: String) -> String? {
    let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
    for directory in path.split(separator: ":") {
      let candidate = "\(directory)/\(name)"
      if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
    }
    return nil
  }

  /// lnav's JSON log format for our events: `ts` is the time, `type` the body.
  static let format = """
    {
      "$schema": "https://lnav.org/schemas/format-v1.schema.json",
      "watchfloor_log": {
        "title": "Watchfloor event log",
        "description": "JSON Lines events of the Watchfloor console",
        "json": true,
        "file-pattern": "\\\\.jsonl$",
        "timestamp-field": "ts",
        "body-field": "type",
        "line-format": [{ "field": "ts" }, " ", { "field": "type" }],
        "value": {
          "type": { "kind": "string", "identifier": true },
          "id": { "kind": "string", "identifier": true },
          "airlift": { "kind": "string", "identifier": true },
          "incident": { "kind": "string", "identifier": true },
          "facility": { "kind": "string", "identifier": true },
          "by": { "kind": "string", "identifier": true }
        }
      }
    }
    """
}
