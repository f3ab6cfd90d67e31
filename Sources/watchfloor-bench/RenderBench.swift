import ArgumentParser
import Foundation
import WatchfloorConsole
import WatchfloorModel

/// Frame building, append-to-screen latency through tmux, and idle CPU.
struct RenderBench: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "render",
    abstract:
      "Frame time at 200x60 on a busy floor; append-to-screen latency and idle CPU in tmux.",
    discussion: """
      Baselines in the same run: a frame of plain text of the same size (put on every row),
      and `tail -f` in tmux for the latency and the idle CPU.
      """)

  @Option(help: "Frames to time.")
  var frames = 1000

  @Option(help: "Lines to append for the latency measurement (0 skips the tmux parts).")
  var appends = 40

  @Option(help: "Seconds of idle CPU to measure.")
  var idleSeconds = 10.0

  @Option(
    help: ArgumentHelp(
      "The big floor: this many active airlifts and as many open incidents (0: the busy floor).",
      discussion:
        "Times movement keys (j, k, PgDn, Tab, End) through update and view at 120x40 and "
        + "200x50, and the idle CPU of the real console on the floor's log in tmux."))
  var active = 0

  @Option(help: "Keys to time at each size on the big floor.")
  var keys = 300

  @Flag(help: "End with one JSON object of the figures.")
  var json = false

  func run() throws {
    if active > 0 {
      try BigFloorBench(active: active, keys: keys, idleSeconds: appends > 0 ? idleSeconds : 0)
        .run(json: json)
      return
    }
    let timeline = Timeline()
    for (index, line) in BusyFloor.lines().enumerated() {
      var line = line
      _ = line.withUTF8 {
        timeline.ingest(UnsafeRawBufferPointer($0), lineNumber: index + 1, source: 0)
      }
    }
    var model = ConsoleSetup(
      timeline: timeline, position: .still(asOf: nil), size: (200, 60),
      now: timeline.current.latest,
      identity: OfficerIdentity(name: "bench", role: .approver, roster: .open), source: "bench"
    ).makeModel()
    let state = timeline.current
    printLine(
      "floor: \(state.facilities.count) facilities, \(model.airliftRows().count) airlifts shown, "
        + "\(model.incidentRows().count) incidents shown")

    // Baseline: the same number of rows of plain text.
    let text = String(repeating: "plain text of a frame ", count: 10)
    var baseline: [Double] = []
    var ours: [Double] = []
    var checksum = 0
    for _ in 0..<frames {
      var start = now()
      var canvas = Canvas(width: 200, height: 60)
      for y in 0..<60 { canvas.put(text, x: 0, y: y, width: 200) }
      checksum &+= canvas.cells.count
      baseline.append((now() - start) * 1000)
      start = now()
      let frame = model.view()
      checksum &+= frame.cells.count
      ours.append((now() - start) * 1000)
      // Move the selection so frames are not all alike.
      _ = model.update(.key(.down))
    }
    let p50 = quantile(ours, 0.5)
    let p99 = quantile(ours, 0.99)
    let baseP50 = quantile(baseline, 0.5)
    printLine(
      "frame 200x60: p50 \(formatted(p50, 3)) ms, p99 \(formatted(p99, 3)) ms; plain-text frame "
        + "p50 \(formatted(baseP50, 3)) ms (ratio \(formatted(p50 / baseP50))x)  [\(checksum % 7)]")

    var latency: (ours: [Double], tail: [Double])?
    var idle: (ours: Double, tail: Double)?
    if appends > 0 {
      let probe = try TmuxProbe()
      latency = try probe.appendLatency(appends: appends)
      idle = try probe.idleCPU(seconds: idleSeconds)
      probe.cleanUp()
    }
    if let latency {
      printLine(
        "append to screen (tmux, \(appends)): p50 \(formatted(quantile(latency.ours, 0.5), 1)) ms, "
          + "p95 \(formatted(quantile(latency.ours, 0.95), 1)) ms; tail -f p95 "
          + "\(formatted(quantile(latency.tail, 0.95), 1)) ms")
    }
    if let idle {
      printLine(
        "idle CPU over \(formatted(idleSeconds, 0)) s: \(formatted(idle.ours, 2))% of a core; "
          + "tail -f \(formatted(idle.tail, 2))%")
    }
    if json {
      var out = JSONWriter(pretty: false)
      out.beginObject()
      out.string("bench", "render")
      out.number("frame_p50_ms", p50, digits: 3)
      out.number("frame_p99_ms", p99, digits: 3)
      out.number("plain_frame_p50_ms", baseP50, digits: 3)
      if let latency {
        out.number("append_to_screen_p50_ms", quantile(latency.ours, 0.5), digits: 1)
        out.number("append_to_screen_p95_ms", quantile(latency.ours, 0.95), digits: 1)
        out.number("tail_f_p95_ms", quantile(latency.tail, 0.95), digits: 1)
      }
      if let idle {
        out.number("idle_cpu_percent", idle.ours, digits: 3)
        out.number("tail_f_idle_cpu_percent", idle.tail, digits: 3)
      }
      out.endObject()
      printLine(out.text)
    }
  }
}
