import Foundation
import WatchfloorProcess

#if canImport(Glibc)
  import Glibc
#endif

/// Runs the real console beside `tail -f` in tmux, both on one log, and measures what a user
/// would: how long an appended line takes to reach the screen, and the CPU used when idle.
struct TmuxProbe {
  let socket = "wf-bench-\(getpid())"
  let directory: URL
  let log: URL
  let binary: String

  init() throws {
    binary =
      URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
      .appendingPathComponent("watchfloor").path
    guard FileManager.default.isExecutableFile(atPath: binary) else {
      throw ValidationErrorText("build the console first: swift build -c release")
    }
    directory = FileManager.default.temporaryDirectory
      .appendingPathComponent("watchfloor-bench-\(getpid())")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    log = directory.appendingPathComponent("latency.jsonl")
    // The floor's facilities only, so each new incident is the newest on screen.
    let facilities = BusyFloor.lines().prefix(40).joined(separator: "\n") + "\n"
    try Data(facilities.utf8).write(to: log)
  }

  func tmux(_ arguments: [String]) -> String {
    (try? ChildProcess.run(["tmux", "-L", socket] + arguments).output) ?? ""
  }

  private func start(log: URL? = nil) {
    let log = log ?? self.log
    _ = tmux([
      "new-session", "-d", "-s", "console", "-x", "200", "-y", "60",
      "\(binary) live \(log.path) --no-bell",
    ])
    _ = tmux([
      "new-session", "-d", "-s", "tail", "-x", "200", "-y", "60", "tail -n 0 -f \(log.path)",
    ])
    Thread.sleep(forTimeInterval: 1.5)
  }

  private func stop() {
    _ = tmux(["kill-server"])
    // Let the old server go before a new one takes the socket.
    Thread.sleep(forTimeInterval: 0.5)
  }

  /// Removes the temporary log; call once after the measurements.
  func cleanUp() {
    try? FileManager.default.removeItem(at: directory)
  }

  /// Milliseconds from each append to the line on screen, for the console and for tail -f.
  func appendLatency(appends: Int) throws -> (ours: [Double], tail: [Double]) {
    start()
    defer { stop() }
    var ours: [Double] = []
    var tail: [Double] = []
    let handle = try FileHandle(forWritingTo: log)
    defer { try? handle.close() }
    for index in 0..<appends {
      let marker = "LAT-\(index)"
      let line =
        #"{"ts":"2026-01-22T00:\#(index / 60 < 10 ? "0" : "")\#(index / 60):\#(index % 60 < 10 ? "0" : "")\#(index % 60)Z","type":"incident.reported","incident":"\#(marker)","sector":"bench","severity":"high","kind":"probe","summary":"latency probe"}"#
        + "\n"
      try handle.seekToEnd()
      let written = now()
      try handle.write(contentsOf: Data(line.utf8))
      var seenOurs: Double?
      var seenTail: Double?
      while now() - written < 5 && (seenOurs == nil || seenTail == nil) {
        // The header's count of unacknowledged alerts shows the new incident at once, wherever
        // its row is.
        if seenOurs == nil
          && tmux(["capture-pane", "-p", "-t", "console"]).contains("alerts \(index + 1) unacked")
        {
          seenOurs = (now() - written) * 1000
        }
        if seenTail == nil && tmux(["capture-pane", "-p", "-t", "tail"]).contains(marker) {
          seenTail = (now() - written) * 1000
        }
      }
      ours.append(seenOurs ?? 5000)
      tail.append(seenTail ?? 5000)
      Thread.sleep(forTimeInterval: 0.05)
    }
    return (ours, tail)
  }

  /// Percent of one core used over `seconds` by the console and by tail -f, both idle.
  func idleCPU(seconds: Double) throws -> (ours: Double, tail: Double) {
    start()
    defer { stop() }
    let console = processID(session: "console")
    let tail = processID(session: "tail")
    guard console > 0, tail > 0 else {
      throw ValidationErrorText(
        "could not find the processes in tmux (console \(console), tail \(tail))")
    }
    // Let the console finish reading and drawing before measuring it idle.
    Thread.sleep(forTimeInterval: 1)
    let before = (cpuNanoseconds(console), cpuNanoseconds(tail))
    Thread.sleep(forTimeInterval: seconds)
    let after = (cpuNanoseconds(console), cpuNanoseconds(tail))
    func percent(_ nanoseconds: Int) -> Double { Double(nanoseconds) / 1e9 / seconds * 100 }
    return (percent(after.0 - before.0), percent(after.1 - before.1))
  }

  /// Percent of one core used over `seconds` by the console alone, following `log` (a big
  /// floor), once it has read the log and settled.
  func idleCPU(seconds: Double, log: URL) throws -> Double {
    start(log: log)
    defer { stop() }
    let console = processID(session: "console")
    guard console > 0 else { throw ValidationErrorText("could not find the console in tmux") }
    // Settled: less than a tenth of a core over half a second, up to two minutes of reading.
    let started = now()
    var last = cpuNanoseconds(console)
    while now() - started < 120 {
      Thread.sleep(forTimeInterval: 0.5)
      let current = cpuNanoseconds(console)
      defer { last = current }
      if current - last < 50_000_000
        && tmux(["capture-pane", "-p", "-t", "console"]).contains("Airlifts")
      {
        break
      }
    }
    Thread.sleep(forTimeInterval: 1)
    let before = cpuNanoseconds(console)
    Thread.sleep(forTimeInterval: seconds)
    let after = cpuNanoseconds(console)
    return Double(after - before) / 1e9 / seconds * 100
  }

  /// The process running in a session's pane (the shell's child, when there is a shell).
  private func processID(session: String) -> Int {
    let pane =
      Int(
        tmux(["list-panes", "-t", session, "-F", "#{pane_pid}"]).trimmingCharacters(
          in: .whitespacesAndNewlines)) ?? 0
    let handle = FileHandle(forReadingAtPath: "/proc/\(pane)/task/\(pane)/children")
    let children = String(decoding: handle?.readDataToEndOfFile() ?? Data(), as: UTF8.self)
    try? handle?.close()
    return Int(children.split(separator: " ").first ?? "") ?? pane
  }

  /// Nanoseconds a process has run on a CPU (the first figure of /proc/PID/schedstat, exact
  /// where the tick counts of /proc/PID/stat are 10 ms coarse).
  private func cpuNanoseconds(_ pid: Int) -> Int {
    // procfs reports a size of 0: read to the end rather than by size.
    guard let handle = FileHandle(forReadingAtPath: "/proc/\(pid)/schedstat") else { return 0 }
    defer { try? handle.close() }
    let text = String(decoding: handle.readDataToEndOfFile(), as: UTF8.self)
    return Int(text.split(separator: " ").first ?? "") ?? 0
  }

  /// Milliseconds from the officer's `y` to the approved airlift on screen, read back from
  /// the log by the console's own follower.
  func decisionLatency(decisions: Int) throws -> [Double] {
    let log = directory.appendingPathComponent("decide.jsonl")
    var lines = Array(BusyFloor.lines().prefix(40))
    for index in 0..<decisions {
      lines.append(
        #"{"ts":"2026-01-21T12:00:00Z","type":"airlift.requested","airlift":"AL-Y\#(1000 + index)","origin":"sy-\#(20 + index % 20)","destination":"iq-\#(index % 20)","detainees":10,"etd":"2026-01-21T2\#(index % 4):00:00Z","by":"liaison"}"#
      )
    }
    try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: log)
    _ = tmux([
      "new-session", "-d", "-s", "decide", "-x", "200", "-y", "60",
      "\(binary) live \(log.path) --no-bell --operator bench",
    ])
    defer { stop() }
    Thread.sleep(forTimeInterval: 1.5)
    var samples: [Double] = []
    for _ in 0..<decisions {
      _ = tmux(["send-keys", "-t", "decide", "g", "a"])
      var id = ""
      let opened = now()
      while now() - opened < 5 {
        let screen = tmux(["capture-pane", "-p", "-t", "decide"])
        if let range = screen.range(of: "Approve airlift AL-Y") {
          id = String(screen[range.lowerBound...].dropFirst("Approve airlift ".count).prefix(7))
          break
        }
      }
      guard !id.isEmpty else { break }
      let pressed = now()
      _ = tmux(["send-keys", "-t", "decide", "y"])
      var seen: Double?
      while now() - pressed < 5 && seen == nil {
        if tmux(["capture-pane", "-p", "-t", "decide"]).contains("APPROVED ✓  \(id)") {
          seen = (now() - pressed) * 1000
        }
      }
      samples.append(seen ?? 5000)
    }
    return samples
  }

  /// Milliseconds from starting `watchfloor replay LOG --day DAY` in a 120x40 pane to its
  /// first frame on screen (the REPLAY header and the band's events row), once per round.
  func replayFirstFrame(log path: String, day: String, rounds: Int) throws -> [Double] {
    guard (try? ChildProcess.run(["tmux", "-V"]))?.status == 0 else {
      throw ValidationErrorText("tmux is not installed (or use --no-tmux)")
    }
    var samples: [Double] = []
    for round in 0..<rounds {
      let session = "replay-\(round)"
      let started = now()
      _ = tmux([
        "new-session", "-d", "-s", session, "-x", "120", "-y", "40",
        "\(quoted(binary)) replay \(quoted(path)) --day \(quoted(day))",
      ])
      defer { stop() }
      var screen = ""
      while now() - started < 30 {
        // A failed capture means the session is gone: the console exited.
        guard
          let capture = try? ChildProcess.run([
            "tmux", "-L", socket, "capture-pane", "-p", "-t", session,
          ]),
          capture.status == 0
        else {
          throw ValidationErrorText("watchfloor replay exited before its first frame:\n\(screen)")
        }
        screen = capture.output
        let rows = screen.split(separator: "\n")
        if rows.contains(where: { $0.contains("REPLAY") })
          && rows.contains(where: { $0.hasPrefix(" events ") })
        {
          samples.append((now() - started) * 1000)
          break
        }
        // Poll gently: the console is busy reading on a small machine.
        Thread.sleep(forTimeInterval: 0.002)
      }
      guard samples.count == round + 1 else {
        throw ValidationErrorText("no first frame of watchfloor replay in 30 s:\n\(screen)")
      }
    }
    return samples
  }
}

/// `text` as one word for the shell that tmux runs a command with.
private func quoted(_ text: String) -> String {
  "'" + text.replacingOccurrences(of: "'", with: #"'\''"#) + "'"
}

struct ValidationErrorText: Error, CustomStringConvertible {
  var description: String
  init(_ description: String) { self.description = description }
}
