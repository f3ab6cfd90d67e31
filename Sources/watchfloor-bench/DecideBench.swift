import ArgumentParser
import Foundation
import WatchfloorLog
import WatchfloorModel

#if canImport(Glibc)
  import Glibc
#endif

/// The decision path's latency: lock, read what is new, re-check with the policy, one write,
/// fdatasync, unlock, on a large log, against a plain write + fdatasync of the same line.
struct DecideBench: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "decide",
    abstract: "Decision append latency (lock, re-check, write, fdatasync) on a large log.")

  @Option(help: "Events in the log decided on.")
  var events = 1_000_000

  @Option(help: "Decisions to time.")
  var decisions = 200

  @Option(help: "Decisions to make from the keyboard in tmux, for the y-to-screen time (0 skips).")
  var keyboard = 20

  @Flag(help: "End with one JSON object of the figures.")
  var json = false

  func run() throws {
    let directory = FileManager.default.temporaryDirectory
      .appendingPathComponent("watchfloor-decide-\(getpid())")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    let log = directory.appendingPathComponent("ops.jsonl")
    try Data(SyntheticLog.make(events: events)).write(to: log)
    let plain = directory.appendingPathComponent("plain.jsonl")
    try Data().write(to: plain)

    let journal = Journal(path: log.path)
    // The first append reads the whole log; a console's journal does that once.
    var start = now()
    _ = try journal.append { _ in nil }
    let firstRead = now() - start

    var ours: [Double] = []
    var baseline: [Double] = []
    let descriptor = open(plain.path, O_WRONLY | O_APPEND | O_CLOEXEC)
    guard descriptor >= 0 else { throw ValidationError("cannot open \(plain.path)") }
    defer { close(descriptor) }
    for index in 0..<decisions {
      let line =
        #"{"ts":"2026-01-22T06:00:00Z","type":"incident.reported","incident":"BENCH-\#(index)","sector":"bench","severity":"info","kind":"probe","summary":"decision latency probe"}"#
      start = now()
      _ = try journal.append { timeline in
        // The re-check a real decision makes: the policy on the fresh state.
        let state = timeline.current
        let symbol = timeline.tables.airlifts.lookup("AL-\(index)") ?? Symbol(0)
        let context = PolicyContext(
          operatorName: "bench", role: .approver, rosterIsOpen: true, now: state.latest)
        _ = evaluate(
          .approve(airlift: symbol), state: state, tables: timeline.tables, context: context)
        return line
      }
      ours.append((now() - start) * 1000)
      start = now()
      var bytes = Array((line + "\n").utf8)
      _ = bytes.withUnsafeMutableBytes { write(descriptor, $0.baseAddress, $0.count) }
      fdatasync(descriptor)
      baseline.append((now() - start) * 1000)
    }
    printLine(
      "decision append on \(events) events (\(decisions)): p50 \(formatted(quantile(ours, 0.5), 3)) ms, "
        + "p99 \(formatted(quantile(ours, 0.99), 3)) ms; write + fdatasync alone p50 "
        + "\(formatted(quantile(baseline, 0.5), 3)) ms, p99 \(formatted(quantile(baseline, 0.99), 3)) ms; "
        + "first read of the log \(formatted(firstRead, 2)) s")
    var screen: [Double] = []
    if keyboard > 0 {
      let probe = try TmuxProbe()
      screen = try probe.decisionLatency(decisions: keyboard)
      probe.cleanUp()
      printLine(
        "y to decision on screen (tmux, \(screen.count)): p50 \(formatted(quantile(screen, 0.5), 1)) ms, "
          + "p95 \(formatted(quantile(screen, 0.95), 1)) ms")
    }
    if json {
      var out = JSONWriter(pretty: false)
      out.beginObject()
      out.string("bench", "decide")
      out.integer("events", events)
      out.number("append_p50_ms", quantile(ours, 0.5), digits: 3)
      out.number("append_p99_ms", quantile(ours, 0.99), digits: 3)
      out.number("write_fdatasync_p50_ms", quantile(baseline, 0.5), digits: 3)
      out.number("write_fdatasync_p99_ms", quantile(baseline, 0.99), digits: 3)
      out.number("first_read_s", firstRead, digits: 2)
      if !screen.isEmpty {
        out.number("y_to_screen_p50_ms", quantile(screen, 0.5), digits: 1)
        out.number("y_to_screen_p95_ms", quantile(screen, 0.95), digits: 1)
      }
      out.endObject()
      printLine(out.text)
    }
  }
}
