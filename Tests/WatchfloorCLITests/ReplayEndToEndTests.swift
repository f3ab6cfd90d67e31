import Foundation
import Testing

/// `watchfloor replay` in tmux: a past day of the samples, read-only, as an officer steps,
/// plays and seeks through it.
///
/// The figures below are worked out by hand from `samples/2026-01-21.jsonl` and
/// `samples/2026-01-22.jsonl`, not taken from the program:
///
/// - at the end of the 21st: `AL-0121-01` (150) has landed at Karkh (moved 150; Karkh 5,740 +
///   150 = 5,890; Hasakah 1,400 − 150 = 1,250); `AL-0121-02` (120, 30 high-value) departed
///   al-Ghwayran at 22:31:40 (in flight 1 (120); al-Ghwayran 4,300 − 120 = 4,180; Nasiriyah
///   8,150 +120 inbound); `AL-0121-03` (45) is pending (awaiting 1); INC-0121-01, -02, -03 are
///   acknowledged and -04, -05 resolved (alerts 0, "0 open, 3 acknowledged"); the southern site
///   is not registered yet (05:00 on the 22nd);
/// - the 22nd has 60 lines and 59 moments: line 54 (INC-0122-05, ts 18:05) was written after
///   the 19:21 acknowledgement, so it joins that moment; its first moment is 01:04:50
///   (`AL-0121-02` lands), then 05:00:00 (the southern site), 05:40, 06:10 (`AL-0121-03`
///   approved by karim, the day's first decision) …, its last 23:04:00 (`AL-0122-09` departs);
/// - at 14:30 on the 22nd: `AL-0122-03` is HELD (held 09:15, approved again 15:30); moved
///   150 + 120 + 45 + 160 + 60 = 535; `AL-0122-02` (140) in flight since 12:09; Karkh 5,740 +
///   150 + 160 = 6,050.
@Suite(
  "Replay end to end in tmux", .serialized,
  .enabled(if: TmuxSession.available, "tmux is not installed: apt-get install tmux"))
struct ReplayEndToEndTests {
  let samples = Watchfloor.packageRoot.appendingPathComponent("samples").path

  /// The replay of the 22nd, paused at its start.
  func replay(speed: Int = 3600) throws -> TmuxSession {
    let tmux = try TmuxSession.console(
      "replay \(samples) --day 2026-01-22 --speed \(speed) --operator e2e")
    let (screen, shown) = try tmux.waitFor { $0.contains("first event at 01:04:50") }
    try #require(shown, "the replay did not open:\n\(screen)")
    return tmux
  }

  /// Line `index` of a screen (0: the header's first line, 5: the replay's status line).
  func line(_ screen: String, _ index: Int) -> String {
    let lines = screen.split(separator: "\n", omittingEmptySubsequences: false)
    return index < lines.count ? String(lines[index]) : ""
  }

  /// The header's clock, `2026-01-22 14:30:00`.
  /// The screen with every run of spaces made one, for rows whose columns depend on the
  /// widths of their neighbours.
  func squeezed(_ screen: String) -> String {
    screen.replacing(/\ +/, with: " ")
  }

  func clock(_ screen: String) -> String? {
    let header = line(screen, 0)
    guard let range = header.range(of: " REPLAY  ") else { return nil }
    return String(header[range.upperBound...].prefix(19))
  }

  /// `q`: the console ends with status 0 and the terminal back in canonical mode with echo.
  func quit(_ tmux: TmuxSession) throws {
    try tmux.send("q")
    let (end, ended) = try tmux.waitFor { $0.contains("EXITED=") && $0.contains("icanon") }
    #expect(ended, "the replay did not end on q:\n\(end)")
    #expect(end.contains("EXITED=0"), "\(end)")
    #expect(end.contains("icanon echo"), "the terminal was not restored:\n\(end)")
  }

  /// Sends `keys` and waits until the status line (and the clock, when given) read as expected.
  @discardableResult
  func press(
    _ tmux: TmuxSession, _ keys: String..., status: String, clock expected: String? = nil,
    timeout: Double = 5, sourceLocation: SourceLocation = #_sourceLocation
  ) throws -> String {
    for key in keys { try tmux.send(key) }
    let (screen, shown) = try tmux.waitFor(timeout: timeout) {
      line($0, 5).contains(status) && (expected == nil || clock($0) == expected)
    }
    #expect(
      shown, "after \(keys): expected '\(status)' at \(expected ?? "any time"):\n\(screen)",
      sourceLocation: sourceLocation)
    return screen
  }

  @Test("a day opens paused at its start, with the state carried in from the day before")
  func opensADay() throws {
    let tmux = try replay()
    let screen = try tmux.screen()
    #expect(line(screen, 0).contains(" REPLAY "))
    #expect(clock(screen) == "2026-01-22 00:00:00")
    #expect(line(screen, 0).contains("read-only"))
    #expect(line(screen, 2).hasPrefix(" events "))
    #expect(line(screen, 3).hasPrefix(" marks "))
    #expect(line(screen, 4).hasPrefix(" 22 Jan "))
    let status = line(screen, 5)
    #expect(status.contains("paused 3600×"))
    #expect(status.contains("start of Thu 22 Jan 2026: state carried in"))
    #expect(status.contains("first event at 01:04:50"))
    #expect(status.hasSuffix("0/59"), "\(status)")
    // The 21st carried in (worked out in the suite's comment).
    #expect(
      line(screen, 1).hasPrefix(
        " awaiting 1 │ in flight 1 (120) │ alerts 0 unacked │ moved 150/7,000 "),
      "\(line(screen, 1))")
    #expect(screen.contains("Airlifts (2)"))
    #expect(screen.contains("PENDING     AL-0121-03"))
    #expect(screen.contains("IN FLIGHT ✈ AL-0121-02"))
    #expect(squeezed(screen).contains("karkh Karkh Prison 196%!! 5,890/3,000"))
    #expect(screen.contains("8,150/4,200 +120"))
    #expect(screen.contains("4,180/5,000"))
    #expect(screen.contains("1,250/1,500"))
    #expect(!screen.contains("south-site"), "the southern site is registered on the 22nd")
    #expect(screen.contains("Incidents (0 open, 3 acknowledged)"))
    #expect(screen.contains("INC-0121-03") && !screen.contains("INC-0121-04"))
    try quit(tmux)
  }

  @Test("Space plays and the clock runs; Space again pauses and the clock stops")
  func playAndPause() throws {
    let tmux = try replay()
    try tmux.send("Space")
    let (playing, started) = try tmux.waitFor(timeout: 5) {
      line($0, 5).contains("▶ playing 3600×") && clock($0) != "2026-01-22 00:00:00"
    }
    #expect(started, "playback did not start:\n\(playing)")
    // At 3600× an hour passes each second: the clock moves between two looks.
    let first = clock(playing)
    let (later, moved) = try tmux.waitFor(timeout: 5) { clock($0) != first }
    #expect(moved, "the clock stood still while playing:\n\(later)")
    try tmux.send("Space")
    let (paused, stopped) = try tmux.waitFor(timeout: 5) { line($0, 5).contains("paused 3600×") }
    #expect(stopped, "\(paused)")
    usleep(200_000)
    let before = try tmux.screen()
    usleep(1_000_000)
    let after = try tmux.screen()
    #expect(before == after, "the screen changed while paused:\n\(before)\n---\n\(after)")
    // Paused where it stopped: on from the last clock seen while playing, short of the end.
    let stoppedAt = clock(after) ?? ""
    #expect(stoppedAt >= (clock(later) ?? "~"), "paused at \(stoppedAt):\n\(after)")
    #expect(stoppedAt < "2026-01-22 23:59:59", "paused at \(stoppedAt):\n\(after)")
    try quit(tmux)
  }

  @Test("→ . and ← , step from event to event; the status line shows the event stepped to")
  func step() throws {
    let tmux = try replay()
    var screen = try press(
      tmux, "Right",
      status: "01:04:50  airlift.landed  AL-0121-02 ghwayran → nasiriyah · now landed",
      clock: "2026-01-22 01:04:50")
    #expect(line(screen, 5).hasSuffix("1/59"))
    // AL-0121-02 landed: 150 + 120 moved, nothing in flight.
    #expect(
      line(screen, 1).hasPrefix(" awaiting 1 │ in flight 0 (0) │ alerts 0 unacked │ moved 270/"))
    screen = try press(
      tmux, ".", status: "05:00:00  facility.registered  south-site (Secure site, southern Iraq)",
      clock: "2026-01-22 05:00:00")
    #expect(squeezed(screen).contains("south-site Secure site"))
    try press(tmux, ".", status: "05:40:00  airlift.requested  by", clock: "2026-01-22 05:40:00")
    try press(
      tmux, "Right", status: "06:10:00  airlift.approved  by karim  AL-0121-03",
      clock: "2026-01-22 06:10:00")
    try press(tmux, "Left", "Left", status: "05:00:00  facility.registered")
    try press(tmux, ",", status: "01:04:50  airlift.landed  AL-0121-02")
    screen = try press(
      tmux, ",", status: "start of Thu 22 Jan 2026", clock: "2026-01-22 00:00:00")
    #expect(!screen.contains("south-site"))
    try press(tmux, "Left", status: "start of the day", clock: "2026-01-22 00:00:00")
    try quit(tmux)
  }

  @Test("a late-written line joins the moment at which the log reaches it")
  func outOfOrderLine() throws {
    let tmux = try replay()
    // INC-0122-05 is dated 18:05 but written after the 19:21 acknowledgement.
    try tmux.send("g")
    try tmux.send("-l", "18:05")
    var screen = try press(
      tmux, "Enter", status: "17:38:00  airlift.landed  AL-0122-07", clock: "2026-01-22 18:05:00")
    #expect(!screen.contains("INC-0122-05"), "\(screen)")
    screen = try press(
      tmux, "Right", status: "18:10:00  airlift.approved  by noor  AL-0122-08",
      clock: "2026-01-22 18:10:00")
    #expect(!screen.contains("INC-0122-05"))
    try tmux.send("g")
    try tmux.send("-l", "19:20:59")
    screen = try press(tmux, "Enter", status: "19:10:00  incident.reported")
    #expect(!screen.contains("INC-0122-05"))
    screen = try press(
      tmux, "Right", status: "19:21:00  incident.acknowledged  by noor  INC-0122-04",
      clock: "2026-01-22 19:21:00")
    #expect(line(screen, 5).contains("(+1 more)"))
    #expect(screen.contains("INC-0122-05"), "\(screen)")
    try quit(tmux)
  }

  @Test("g 14:30 Enter shows what render --replay --at prints, screen for screen")
  func goToTime() throws {
    // The default speed, as render --replay uses, so that the whole screen can be compared.
    let tmux = try replay(speed: 60)
    try tmux.send("g")
    try press(tmux, status: "go to ▏")
    try tmux.send("-l", "14:30")
    try press(tmux, status: "go to 14:30▏")
    let rendered = try Watchfloor.run([
      "render", samples, "--replay", "--at", "2026-01-22T14:30:00Z", "--size", "120x40",
      "--color", "never", "--operator", "e2e",
    ])
    #expect(rendered.status == 0, "\(rendered.errors)")
    let expected = trimmedLines(rendered.output)
    try tmux.send("Enter")
    let (screen, equal) = try tmux.waitFor(timeout: 5) { trimmedLines($0) == expected }
    #expect(
      equal,
      "the replay and render --replay differ:\n\(screenDifference(trimmedLines(screen), expected))")
    #expect(clock(screen) == "2026-01-22 14:30:00")
    #expect(line(screen, 5).contains("14:29:00  airlift.landed  AL-0122-04"))
    #expect(
      line(screen, 1).contains("awaiting 1 │ in flight 1 (140) │ alerts 0 unacked │ moved 535/"))
    #expect(screen.contains("HELD ‖      AL-0122-03"))
    #expect(screen.contains("IN FLIGHT ✈ AL-0122-02"))
    #expect(screen.contains("6,050/3,000"))
    // A bad time says so and leaves the entry open.
    try tmux.send("g")
    try tmux.send("-l", "25:00")
    try press(tmux, "Enter", status: "'25:00' is not a time")
    try press(tmux, "Escape", status: "14:29:00  airlift.landed", clock: "2026-01-22 14:30:00")

    // Scrubbing back and forth (each move folds on from the state shown, or from a checkpoint
    // going back) and returning to 14:30 gives the same screen again; only the selection may
    // have stayed on the row the officer was on.
    for key in ["Home", "Right", "Right", "]", "End", "[", "N", "N", "Left", "n", "Home"] {
      try tmux.send(key)
    }
    try press(tmux, status: "01:04:50  airlift.landed", clock: "2026-01-22 01:04:50")
    try tmux.send("g")
    try tmux.send("-l", "14:30")
    try tmux.send("Enter")
    func unselected(_ lines: [String]) -> [String] {
      lines.map { $0.replacingOccurrences(of: "›", with: " ") }
    }
    let (again, same) = try tmux.waitFor(timeout: 5) {
      unselected(trimmedLines($0)) == unselected(expected)
    }
    let difference = screenDifference(unselected(trimmedLines(again)), unselected(expected))
    #expect(same, "back at 14:30 the screen differs:\n\(difference)")
    try quit(tmux)
  }

  @Test("a day whose first event is at local midnight opens on that event")
  func firstEventAtMidnight() throws {
    let log = try temporaryDirectory().appendingPathComponent("off-clock.jsonl")
    try Data((ReplayConsistencyTests.offClockLog.joined(separator: "\n") + "\n").utf8).write(
      to: log)
    let tmux = try TmuxSession.console(
      "replay \(log.path) --tz +03:00 --day 2026-03-03 --operator e2e")
    // AL-2 departs at 21:00 UTC on the 2nd, midnight of the 3rd in +03:00: as of the day's
    // first instant it has departed, so the replay opens on that event (1 of 3), not before.
    let (screen, opened) = try tmux.waitFor {
      line($0, 5).contains("00:00:00  airlift.departed  AL-2 b → a · now in-flight")
    }
    #expect(opened, "\(screen)")
    #expect(clock(screen) == "2026-03-03 00:00:00")
    #expect(line(screen, 5).hasSuffix("1/3"), "\(line(screen, 5))")
    #expect(line(screen, 1).contains("in flight 1 (5)"), "\(line(screen, 1))")
    try press(tmux, "Right", status: "10:00:00  airlift.landed", clock: "2026-03-03 10:00:00")
    try press(tmux, "Left", status: "00:00:00  airlift.departed", clock: "2026-03-03 00:00:00")
    // Nothing of this day comes before its first moment: Left there refuses, as it does at
    // the start of any other day.
    try press(tmux, "Left", status: "start of the day", timeout: 1.5)
    try quit(tmux)
  }

  @Test("n N decisions and incidents, ] [ an hour, Home End the day's ends, a is refused")
  func jumps() throws {
    let tmux = try replay()
    // The first decision of the 22nd: AL-0121-03 approved at 06:10 (05:00 and 05:40 are not
    // decisions, the 01:04:50 landing neither).
    try press(
      tmux, "n", status: "06:10:00  airlift.approved  by karim", clock: "2026-01-22 06:10:00")
    try press(tmux, "n", status: "06:25:00  airlift.approved  by layla  AL-0122-01")
    try press(tmux, "n", status: "06:41:00  airlift.approved  by hassan  AL-0122-01")
    try press(
      tmux, "N", status: "06:25:00  airlift.approved  by layla", clock: "2026-01-22 06:25:00")
    // An hour on: 07:25, under the 07:10 request (the last moment at or before it).
    try press(tmux, "]", status: "07:10:00  airlift.requested", clock: "2026-01-22 07:25:00")
    try press(tmux, "[", status: "06:25:00  airlift.approved", clock: "2026-01-22 06:25:00")
    // Requests, departures and landings are passed over: 07:10, 07:32, 08:00, 08:41.
    try press(tmux, "n", "n", status: "07:33:00  airlift.approved  by hassan  AL-0122-02")
    try press(tmux, "n", status: "07:40:00  incident.reported  by")
    try press(tmux, "n", status: "07:44:00  incident.acknowledged  by layla  INC-0122-01")
    try press(tmux, "n", status: "08:20:00  airlift.approved  by layla  AL-0122-03")
    try press(tmux, "n", status: "08:55:00  incident.updated")
    try press(
      tmux, "End", status: "23:04:00  airlift.departed  AL-0122-09 hol → south-site",
      clock: "2026-01-22 23:04:00")
    try press(tmux, "n", status: "no later decision or incident this day")
    try press(tmux, "Right", status: "last event of the day")
    try press(tmux, "]", status: "23:04:00  airlift.departed", clock: "2026-01-22 23:59:59")
    try press(tmux, "N", status: "21:05:00  airlift.approved  by noor  AL-0122-09")
    try press(
      tmux, "Home", status: "01:04:50  airlift.landed  AL-0121-02", clock: "2026-01-22 01:04:50")
    try press(tmux, "[", status: "start of Thu 22 Jan 2026", clock: "2026-01-22 00:04:50")
    try press(tmux, "[", status: "start of Thu 22 Jan 2026", clock: "2026-01-22 00:00:00")
    try press(tmux, "N", status: "no earlier decision or incident this day")
    try tmux.send("a")
    let (refused, said) = try tmux.waitFor(timeout: 5) { $0.contains("replay is read-only") }
    #expect(said, "\(refused)")
    #expect(!refused.contains("Approve airlift"))
    try quit(tmux)
  }

  @Test("q ends the replay with status 0 and the terminal restored")
  func quitRestores() throws {
    let tmux = try replay()
    try tmux.send("Space")
    try tmux.waitFor(timeout: 5) { line($0, 5).contains("▶ playing") }
    try quit(tmux)
  }

  @Test("a day outside the log exits 2 and names the log's span")
  func dayOutsideTheLog() throws {
    let result = try Watchfloor.run(["replay", samples, "--day", "2025-01-01"])
    #expect(result.status == 2)
    #expect(
      result.errors.contains("2025-01-01 is not in the log: it runs from 2026-01-21 to 2026-01-23"),
      "\(result.errors)")
    #expect(result.output.isEmpty, "the console drew on a refused start:\n\(result.output)")
    let bad = try Watchfloor.run(["replay", samples, "--day", "2026-02-30"])
    #expect(bad.status == 2)
    #expect(bad.errors.contains("is not a date"), "\(bad.errors)")
  }
}

/// A screen's lines without trailing spaces (tmux drops them; the renderer pads), and without
/// the blank lines at the end.
func trimmedLines(_ screen: String) -> [String] {
  var lines = screen.split(separator: "\n", omittingEmptySubsequences: false).map { line in
    String(line.reversed().drop(while: { $0 == " " }).reversed())
  }
  while lines.last?.isEmpty == true { lines.removeLast() }
  return lines
}

/// The lines where two screens differ, for a failure message.
func screenDifference(_ actual: [String], _ expected: [String]) -> String {
  var text = ""
  for index in 0..<max(actual.count, expected.count) {
    let left = index < actual.count ? actual[index] : "<none>"
    let right = index < expected.count ? expected[index] : "<none>"
    if left != right { text += "line \(index):\n  got  \(left)\n  want \(right)\n" }
  }
  return text.isEmpty ? "(no line differs)" : text
}
