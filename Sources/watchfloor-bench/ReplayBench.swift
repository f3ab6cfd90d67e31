import ArgumentParser
import Foundation
import WatchfloorConsole
import WatchfloorFeed
import WatchfloorLog
import WatchfloorModel

#if canImport(Glibc)
  import Glibc
#endif

/// Replay on a large log: start to first frame, random seeks, and scrubbing with a held key.
struct ReplayBench: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "replay",
    abstract: "Replay of a day of a large log: first frame, random seeks, scrub frame rate.",
    discussion: """
      Baselines in the same run: reading the log and counting its lines (wc -l) for the first
      frame, the fold from the empty state for a seek, and a frame drawn without moving for
      scrubbing. The best of the first-frame rounds counts against the target.
      """)

  @Option(help: "Events in the synthetic log.")
  var events = 1_000_000

  @Option(help: "Random seeks to time.")
  var seeks = 1000

  @Option(help: "Steps forward to time with → held; a quarter as many back with ←.")
  var frames = 2000

  @Option(help: "Rounds of the first-frame measurements.")
  var rounds = 3

  @Flag(help: "Skip the real console's first frame in tmux.")
  var noTmux = false

  @Option(help: "Write the log to this file and keep it, instead of a temporary file.")
  var keep: String?

  @Flag(help: "End with one JSON object of the figures.")
  var json = false

  static let day = "2026-01-21"

  func validate() throws {
    guard events > 0, seeks > 0, frames > 0, rounds > 0 else {
      throw ValidationError("--events, --seeks, --frames and --rounds must be positive")
    }
  }

  func run() throws {
    // The real console is looked for first: a missing binary is said before the long parts.
    let probe = noTmux ? nil : try TmuxProbe()
    defer { probe?.cleanUp() }
    let directory = FileManager.default.temporaryDirectory
      .appendingPathComponent("watchfloor-replay-\(getpid())")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    let path = keep ?? directory.appendingPathComponent("ops.jsonl").path
    printLine("generating \(events) events…")
    let bytes = try writeLog(to: path)
    guard let day = DayWindow(date: Self.day, offsetMinutes: 0) else {
      throw ValidationErrorText("bad day \(Self.day)")
    }
    var figures: Figures = [
      ("events", Double(events), 0), ("bytes", Double(bytes), 0),
    ]

    // 1. Start to first frame, in process, against reading the bytes and counting lines.
    var firsts: [Double] = []
    var baselines: [Double] = []
    var stages: [Double] = []
    var opened: ConsoleModel?
    var kept = 0.0
    for _ in 0..<rounds {
      opened = nil
      let allocatedBefore = allocatedBytes()
      var start = now()
      let lines = try countLines(path)
      baselines.append((now() - start) * 1000)
      start = now()
      let (model, marks) = try openReplay(path, day: day)
      let elapsed = (now() - start) * 1000
      if elapsed < firsts.min() ?? .infinity { stages = marks.map { ($0 - start) * 1000 } }
      firsts.append(elapsed)
      kept = Double(allocatedBytes() - allocatedBefore) / Double(max(1, lines))
      guard model.timeline.count == lines else {
        throw ValidationErrorText("read \(model.timeline.count) records of \(lines) lines")
      }
      opened = model
    }
    guard var model = opened, let replay = model.replay, stages.count == 4 else {
      throw ValidationErrorText("the replay did not open")
    }
    let moments = replay.moments
    printLine(
      "day \(Self.day): \(moments.count) moments, records \(moments.startCount)..<"
        + "\(moments.endCount) of \(model.timeline.count)")
    let (best, read) = (firsts.min() ?? 0, baselines.min() ?? 0)
    printLine(
      "first frame 120x40 (\(firsts.count) rounds): best \(formatted(best, 1)) ms, median "
        + "\(formatted(quantile(firsts, 0.5), 1)) ms; read + count lines \(formatted(read, 1)) ms "
        + "(ratio \(formatted(best / read, 1))x)  target ≤ 1500 ms \(verdict(best <= 1500))")
    let names = ["read+fold", "moments", "model", "frame"]
    let parts = stages.indices.map {
      names[$0] + " " + formatted(stages[$0] - ($0 > 0 ? stages[$0 - 1] : 0), 1)
    }
    printLine("  best round's stages (ms): " + parts.joined(separator: ", "))
    printLine(
      "  memory kept per event (checkpoints every \(Replay.checkpointInterval)): "
        + "\(formatted(kept, 1)) bytes")
    figures += [
      ("first_frame_ms", best, 1), ("first_frame_median_ms", quantile(firsts, 0.5), 1),
      ("read_baseline_ms", read, 1), ("first_frame_ratio", best / read, 2),
      ("bytes_per_event", kept, 1),
    ]
    if let probe {
      let tmux = try probe.replayFirstFrame(log: path, day: Self.day, rounds: rounds)
      let tmuxBest = tmux.min() ?? 0
      printLine(
        "first frame in tmux, real binary (\(tmux.count) rounds): best \(formatted(tmuxBest, 1)) "
          + "ms, median \(formatted(quantile(tmux, 0.5), 1)) ms  target ≤ 1500 ms "
          + verdict(tmuxBest <= 1500))
      figures += [
        ("first_frame_tmux_ms", tmuxBest, 1),
        ("first_frame_tmux_median_ms", quantile(tmux, 0.5), 1),
      ]
    }

    try measureSeeks(&model, day: day, &figures)
    measureScrub(&model, day: day, &figures)

    if json {
      var out = JSONWriter(pretty: false)
      out.beginObject()
      out.string("bench", "replay")
      for figure in figures { out.number(figure.key, figure.value, digits: figure.digits) }
      out.endObject()
      printLine(out.text)
    }
  }

  /// Writes the synthetic log; returns its size in bytes.
  private func writeLog(to path: String) throws -> Int {
    let bytes = SyntheticLog.make(events: events)
    try Data(bytes).write(to: URL(fileURLWithPath: path))
    printLine("\(events) events, \(bytes.count) bytes in \(path)\(keep == nil ? "" : " (kept)")")
    return bytes.count
  }

  /// What `watchfloor replay FILE --day DAY` does before its first frame, and that frame;
  /// returns the model and the times at which each stage ended.
  private func openReplay(_ path: String, day: DayWindow) throws -> (ConsoleModel, [Double]) {
    let timeline = Timeline(checkpointInterval: Replay.checkpointInterval)
    try LogReader.read([path], into: timeline)
    let read = now()
    guard let span = ReplayTimeEntry.logDays(timeline, offsetMinutes: 0), span.contains(day.day)
    else { throw ValidationErrorText("\(day.text) is not in the log") }
    let replay = Replay(moments: DayMoments(timeline: timeline, day: day), speedIndex: 2)
    let moments = now()
    var model = ConsoleSetup(
      timeline: timeline, position: .replay(replay), now: replay.time,
      identity: OfficerIdentity(name: "bench", role: .approver, roster: .open), bell: false,
      source: path
    ).makeModel()
    _ = model.update(.resize(width: 120, height: 40))
    let built = now()
    let screen = model.view().lines()
    let framed = now()
    guard screen.contains(where: { $0.contains("REPLAY") }) else {
      throw ValidationErrorText("the first frame has no REPLAY header")
    }
    return (model, [read, moments, built, framed])
  }
}

/// The figures for the JSON object: key, value and the digits to print.
typealias Figures = [(key: String, value: Double, digits: Int)]

func verdict(_ passed: Bool) -> String { passed ? "PASS" : "MISS" }

/// The number of lines of a file, as `wc -l` counts them: read in 1 MiB chunks, memchr.
private func countLines(_ path: String) throws -> Int {
  let descriptor = open(path, O_RDONLY | O_CLOEXEC)
  guard descriptor >= 0 else { throw ValidationErrorText("cannot open \(path)") }
  defer { close(descriptor) }
  let size = 1 << 20
  let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: size, alignment: 16)
  defer { buffer.deallocate() }
  guard let base = buffer.baseAddress else { return 0 }
  var lines = 0
  while true {
    let got = read(descriptor, base, size)
    if got < 0 && errno == EINTR { continue }
    guard got >= 0 else { throw ValidationErrorText("cannot read \(path)") }
    if got == 0 { return lines }
    var cursor = UnsafeRawPointer(base)
    let end = cursor + got
    while cursor < end, let newline = memchr(cursor, 0x0A, end - cursor) {
      lines += 1
      cursor = UnsafeRawPointer(newline) + 1
    }
  }
}
