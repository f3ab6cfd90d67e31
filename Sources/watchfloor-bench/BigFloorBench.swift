import Foundation
import WatchfloorConsole
import WatchfloorModel

/// The big floor's figures: key-to-frame time with hundreds of thousands of rows, and the
/// idle CPU of the real console following the floor's log.
struct BigFloorBench {
  let active: Int
  let keys: Int
  let idleSeconds: Double

  /// Key to frame: `update` with the key, then `view`, p99 within one frame at 60 Hz.
  static let keyTargetMilliseconds = 16.0
  /// The idle console: at most this share of one core.
  static let idleTargetPercent = 0.5

  func run(json: Bool) throws {
    let wall = Int64(Date().timeIntervalSince1970)
    let generated = now()
    let lines = BigFloor.lines(active: active, now: wall)
    let timeline = Timeline()
    for (index, line) in lines.enumerated() {
      var line = line
      _ = line.withUTF8 {
        timeline.ingest(UnsafeRawBufferPointer($0), lineNumber: index + 1, source: 0)
      }
    }
    let state = timeline.current
    printLine(
      "big floor: \(state.activeAirlifts.count) active airlifts, "
        + "\(state.unresolvedIncidents.count) incidents not resolved "
        + "(\(state.unacknowledgedIncidents) open), \(lines.count) lines, built in "
        + "\(formatted(now() - generated, 1)) s")
    var figures: [(String, Double)] = []
    for size in [(120, 40), (200, 50)] {
      let samples = keyTimes(timeline: timeline, size: size, wall: wall)
      let p50 = quantile(samples, 0.5)
      let p99 = quantile(samples, 0.99)
      let max = samples.max() ?? 0
      printLine(
        "key to frame \(size.0)x\(size.1) (\(samples.count) keys): p50 \(formatted(p50, 3)) ms, "
          + "p99 \(formatted(p99, 3)) ms, max \(formatted(max, 3)) ms; target p99 ≤ "
          + "\(formatted(Self.keyTargetMilliseconds, 0)) ms: "
          + (p99 <= Self.keyTargetMilliseconds ? "met" : "NOT MET"))
      let name = "\(size.0)x\(size.1)"
      figures += [
        ("key_\(name)_p50_ms", p50), ("key_\(name)_p99_ms", p99), ("key_\(name)_max_ms", max),
      ]
    }
    if idleSeconds > 0 {
      let log = FileManager.default.temporaryDirectory
        .appendingPathComponent("watchfloor-bench-big-\(getpid()).jsonl")
      defer { try? FileManager.default.removeItem(at: log) }
      try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: log)
      let probe = try TmuxProbe()
      defer { probe.cleanUp() }
      let idle = try probe.idleCPU(seconds: idleSeconds, log: log)
      printLine(
        "idle CPU on the big floor over \(formatted(idleSeconds, 0)) s (tmux 200x60): "
          + "\(formatted(idle, 2))% of a core; target ≤ \(formatted(Self.idleTargetPercent, 1))%: "
          + (idle <= Self.idleTargetPercent ? "met" : "NOT MET"))
      figures.append(("idle_cpu_percent", idle))
    }
    if json {
      var out = JSONWriter(pretty: false)
      out.beginObject()
      out.string("bench", "render-big")
      out.number("active", Double(active), digits: 0)
      for (name, value) in figures { out.number(name, value, digits: 3) }
      out.endObject()
      printLine(out.text)
    }
  }

  /// Milliseconds from each key to its frame: the run loop's `.frame` before the keys (so
  /// movement keys hold the rows, as live), the key, then the view.
  private func keyTimes(timeline: Timeline, size: (Int, Int), wall: Int64) -> [Double] {
    var model = ConsoleSetup(
      timeline: timeline, position: .following, size: size,
      now: Timestamp(seconds: wall, nanoseconds: 0),
      identity: OfficerIdentity(name: "bench", role: .approver, roster: .open), source: "bench"
    ).makeModel()
    _ = model.view()
    let sequence: [Key] = [
      .character("j"), .character("j"), .pageDown, .character("k"), .character("j"), .end,
      .pageDown, .character("k"), .tab, .character("j"), .pageDown, .end, .character("k"), .tab,
      .character("j"), .tab,
    ]
    var samples: [Double] = []
    var clock = 1000.0
    var checksum = 0
    for index in 0..<keys {
      clock += 0.05
      let start = now()
      _ = model.update(.frame(clock))
      _ = model.update(.key(sequence[index % sequence.count]))
      let frame = model.view()
      samples.append((now() - start) * 1000)
      checksum &+= frame.cells.count
    }
    if checksum == 42 { printLine("") }
    return samples
  }
}
