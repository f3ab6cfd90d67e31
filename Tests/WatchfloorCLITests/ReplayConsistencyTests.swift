import Foundation
import Testing
import WatchfloorConsole
import WatchfloorLog
import WatchfloorModel

/// The replay's rule (spec/events.md, "As of time T"): at any cursor position T the panes show
/// exactly the state `watchfloor state SOURCE --at T` reports and `watchfloor render --at T`
/// prints.
///
/// For each position, in process and through the builder the commands use (``ConsoleSetup``,
/// ``ReplayOpening``): the replay's screen as `render --replay --at T` draws it, the live
/// screen as `render --at T` draws it, and the state JSON as `state --at T --json` writes it.
/// The pane lines of the two screens (the header's figures, the airlift and incident rows, the
/// occupancy pane) must be equal, and agree with the JSON. The replay's own place in the day
/// (`k/N` on its status line, and the event shown there) is checked against moments worked
/// out here from the log's lines: a moment starts at each line whose `ts` is later than every
/// line before it. A spot check runs the binary at a few positions and compares its output
/// with the in-process one, character for character.
@Suite("Replay shows the state as of its cursor")
struct ReplayConsistencyTests {
  static let samples = Watchfloor.packageRoot.appendingPathComponent("samples").path

  @Test(
    "the samples: every moment of the three days, times between, each day's first and last instant")
  func samples() throws {
    let files = ["2026-01-21", "2026-01-22", "2026-01-23"].map {
      Watchfloor.packageRoot.appendingPathComponent("samples/\($0).jsonl")
    }
    let lines = try files.flatMap { file in
      try String(contentsOf: file, encoding: .utf8).split(separator: "\n").map(String.init)
    }
    let log = LogTimes(lines: lines, offsetMinutes: 0)
    #expect(log.moments.count == 30 + 59 + 67, "the samples' moments: 157 lines, one written late")
    let days = log.days
    #expect(days.map(\.text) == ["2026-01-21", "2026-01-22", "2026-01-23"])

    var positions: [Instant] = []
    for day in days {
      positions += [day.start, day.last]
    }
    for (index, moment) in log.moments.enumerated() {
      positions.append(moment.time)
      let next = index + 1 < log.moments.count ? log.moments[index + 1].time : nil
      // Between moments: the instant before the next one, or half-way to it.
      switch index % 4 {
      case 0: if let next { positions.append(next.adding(nanoseconds: -1)) }
      case 2: if let next { positions.append(moment.time.midpoint(to: next)) }
      default: break
      }
    }
    // The late-written line's own time (18:05), before the log reaches it at 19:21.
    positions += ["2026-01-22T18:05:00Z", "2026-01-22T19:20:59.999999999Z"].compactMap(Instant.init)
    let results = try check(source: Self.samples, log: log, positions: positions, tz: nil)
    #expect(results.count == Set(positions).count)
    func at(_ text: String) throws -> Position {
      try #require(Instant(text).flatMap { results[$0] }, "no result at \(text)")
    }

    // Hand-checked (samples/2026-01-22.jsonl): INC-0122-05, dated 18:05 but written after the
    // 19:21 acknowledgement, is not on the floor until 19:21.
    let late = try at("2026-01-22T19:20:59.999999999Z")
    #expect(!late.replay.incidents.joined().contains("INC-0122-05"))
    #expect(late.status.hasSuffix("52/59"))
    let reached = try at("2026-01-22T19:21:00Z")
    #expect(reached.replay.incidents.joined().contains("INC-0122-05"))
    #expect(reached.status.contains("(+1 more)"))
    #expect(reached.status.hasSuffix("53/59"))
    // 08:55 on the 22nd: INC-0122-01 raised to critical clears its acknowledgement.
    let critical = try at("2026-01-22T08:55:00Z")
    #expect(critical.replay.header.contains("alerts 1 unacked 1 CRITICAL"))
    // Across midnight nothing happens: the 21st's last instant and the 22nd's start agree.
    for (day, next) in zip(days, days.dropFirst()) {
      let end = try #require(results[day.last])
      let start = try #require(results[next.start])
      #expect(end.replay.header == start.replay.header, "\(day.text) → \(next.text)")
      #expect(end.status.hasSuffix("\(log.moments(on: day).count)/\(log.moments(on: day).count)"))
      #expect(start.status.contains("start of"))
    }
  }

  /// A log whose clocks are off: a line dated before the one above it, two lines with one
  /// time, bad lines (not JSON, a missing field, a duplicate id, an unknown type), a line
  /// dated on one day but written after the next day began, `+03:00` times, a line at local
  /// midnight, a fraction of a second, a day with no events.
  static let offClockLog: [String] = [
    #"{"id":"e1","ts":"2026-03-01T06:00:00Z","type":"facility.registered","facility":"a","name":"Alpha","region":"R1","side":"SY","capacity":100,"occupancy":50}"#,
    #"{"id":"e2","ts":"2026-03-01T06:00:00Z","type":"facility.registered","facility":"b","name":"Bravo","region":"R2","side":"IQ","capacity":200,"occupancy":190}"#,
    #"{"id":"e3","ts":"2026-03-01T08:00:00Z","type":"airlift.requested","airlift":"AL-1","origin":"a","destination":"b","detainees":10,"etd":"2026-03-01T12:00:00Z","by":"omar"}"#,
    #"{"id":"e4","ts":"2026-03-01T07:30:00Z","type":"incident.reported","incident":"INC-1","sector":"s1","severity":"medium","kind":"k","summary":"written late"}"#,
    #"{"id":"e5","ts":"2026-03-01T08:00:00Z","type":"airlift.approved","airlift":"AL-1","by":"hassan"}"#,
    #"{not json"#,
    #"{"id":"e6","ts":"2026-03-01T09:00:00Z","type":"airlift.departed"}"#,
    #"{"id":"e7","ts":"2026-03-01T12:30:00+03:00","type":"airlift.departed","airlift":"AL-1"}"#,
    #"{"id":"e8","ts":"2026-03-01T20:30:00Z","type":"incident.acknowledged","incident":"INC-1","by":"layla"}"#,
    #"{"id":"e9","ts":"2026-03-01T21:30:00Z","type":"airlift.requested","airlift":"AL-2","origin":"b","destination":"a","detainees":5,"etd":"2026-03-02T06:00:00Z","by":"omar"}"#,
    #"{"id":"e10","ts":"2026-03-01T20:45:00Z","type":"airlift.landed","airlift":"AL-1"}"#,
    #"{"id":"e11","ts":"2026-03-02T00:10:00Z","type":"airlift.approved","airlift":"AL-2","by":"karim"}"#,
    #"{"id":"e12","ts":"2026-03-01T23:50:00Z","type":"incident.reported","incident":"INC-2","sector":"s2","severity":"low","kind":"k","summary":"dated before midnight"}"#,
    "",
    #"{"id":"e13","ts":"2026-03-02T00:10:00.250Z","type":"incident.updated","incident":"INC-2","severity":"critical"}"#,
    #"{"id":"e11","ts":"2026-03-02T01:00:00Z","type":"incident.acknowledged","incident":"INC-2","by":"noor"}"#,
    #"{"id":"e14","ts":"2026-03-02T02:00:00Z","type":"weather.report","sky":"clear"}"#,
    #"{"id":"e15","ts":"2026-03-02T21:00:00Z","type":"airlift.departed","airlift":"AL-2"}"#,
    #"{"id":"e16","ts":"2026-03-03T10:00:00+03:00","type":"airlift.landed","airlift":"AL-2","delivered":4}"#,
    #"{"id":"e17","ts":"2026-03-03T20:30:00.5Z","type":"incident.acknowledged","incident":"INC-2","by":"noor"}"#,
    #"{"id":"e18","ts":"2026-03-05T12:00:00Z","type":"incident.resolved","incident":"INC-1","by":"noor"}"#,
  ]

  @Test(
    "out-of-order clocks, bad lines and day boundaries, in UTC and in +03:00",
    arguments: [nil, "+03:00"])
  func offClocks(tz: String?) throws {
    let file = try temporaryDirectory().appendingPathComponent("off-clock.jsonl")
    try Data((Self.offClockLog.joined(separator: "\n") + "\n").utf8).write(to: file)
    let offset = tz == nil ? 0 : 180
    let log = LogTimes(lines: Self.offClockLog, offsetMinutes: offset)
    // Lines 3 and 5 share 08:00; 4, 11 and 13 are dated before a line above them; 6 has no
    // time; 7 lacks its airlift but has a valid time, so it still opens a moment (09:00); the
    // blank line is not a line of the log.
    #expect(log.moments.map(\.line) == [1, 3, 7, 8, 9, 10, 12, 14, 15, 16, 17, 18, 19, 20])
    var positions: [Instant] = []
    for day in log.days {
      positions += [day.start, day.last]
    }
    for time in log.lineTimes {
      positions += [time.adding(nanoseconds: -1), time]
    }
    positions += [
      "2026-03-01T08:00:00.5Z", "2026-03-01T20:59:59.999999999Z", "2026-03-01T23:59:59.999999999Z",
      "2026-03-04T12:00:00Z",
    ].compactMap(Instant.init)
    let results = try check(source: file.path, log: log, positions: positions, tz: tz)
    #expect(results.count == Set(positions).count)
    func at(_ text: String) throws -> Position {
      try #require(Instant(text).flatMap { results[$0] }, "no result at \(text)")
    }

    // Hand-checked against the lines above.
    // 07:59:59 UTC: the late report (line 4, 07:30) is behind the 08:00 request: not there yet.
    let early = try at("2026-03-01T07:59:59.999999999Z")
    #expect(early.json.incidents.isEmpty && early.json.airlifts.isEmpty)
    let eight = try at("2026-03-01T08:00:00Z")
    #expect(eight.json.incidents.map(\.incident) == ["INC-1"])
    #expect(eight.json.airlifts.map(\.status) == ["approved"])
    // Line 11 (AL-1 landed, dated 20:45) is written after the 21:30 request: at 20:45 AL-1 is
    // still in the air, and it lands when the log reaches 21:30.
    let landing = try at("2026-03-01T20:45:00Z")
    #expect(landing.json.airlifts.map(\.status) == ["in-flight"])
    #expect(landing.replay.airlifts.contains { $0.contains("IN FLIGHT ✈ AL-1") })
    let landed = try at("2026-03-01T21:30:00Z")
    #expect(landed.json.airlifts.map(\.status) == ["landed", "pending"])
    #expect(landed.status.contains("(+1 more)"))
    // INC-2, dated 23:50 on the 1st, is written after 00:10 on the 2nd (UTC): in UTC it is
    // not on the 1st at all, and the 2nd's 00:10 moment holds it.
    let midnight = try at("2026-03-01T23:59:59.999999999Z")
    #expect(midnight.json.incidents.map(\.incident) == ["INC-1"])
    let afterMidnight = try at("2026-03-02T00:10:00Z")
    #expect(afterMidnight.json.incidents.map(\.incident) == ["INC-1", "INC-2"])
    // The day with no events shows the state carried in.
    let quiet = try at("2026-03-04T12:00:00Z")
    #expect(quiet.status.contains("no events this day"), "\(quiet.status)")
    #expect(quiet.status.hasSuffix("0/0"))
    if tz != nil {
      // In +03:00 the 2nd begins at 21:00 UTC on the 1st: the 21:30 request and the landing
      // written after it open the 2nd, and the 1st ends with AL-1 in flight.
      let firstEnds = try at("2026-03-01T20:59:59.999999999Z")
      #expect(firstEnds.json.airlifts.map(\.status) == ["in-flight"])
      #expect(firstEnds.clock == "2026-03-01 23:59:59 UTC+03:00")
      #expect(landed.status.contains("00:30:00  airlift.requested"))
      #expect(landed.status.hasSuffix("1/5"), "\(landed.status)")
      // AL-2 departs at 21:00 UTC on the 2nd, local midnight: the 3rd's first moment is its
      // very start.
      let third = try at("2026-03-02T21:00:00Z")
      #expect(third.status.contains("00:00:00  airlift.departed"))
      #expect(third.json.airlifts.map(\.status) == ["landed", "in-flight"])
    } else {
      #expect(landed.status.contains("21:30:00  airlift.requested"))
    }
  }

  // MARK: Running and comparing

  /// What one position showed.
  struct Position {
    var replay: Panes
    var render: Panes
    var json: StateJSON
    /// The replay's status line and its clock as printed.
    var status: String
    var clock: String
  }

  /// Draws the three outputs at each position in process and checks them; returns what each
  /// position showed.
  func check(
    source: String, log: LogTimes, positions: [Instant], tz: String?,
    sourceLocation: SourceLocation = #_sourceLocation
  ) throws -> [Instant: Position] {
    let unique = Array(Set(positions)).sorted()
    let screens = try InProcessScreens(source: source, tz: tz)
    var results: [Instant: Position] = [:]
    for time in unique {
      let place = "at \(time.text(offsetMinutes: log.offsetMinutes))"
      // The replay's time is written in the display zone, as an officer would type it.
      let replayed = try screens.replay(at: time.text(offsetMinutes: log.offsetMinutes))
      let rendered = screens.render(at: time.text(offsetMinutes: 0))
      let stated = screens.state(at: time.text(offsetMinutes: 0))
      let json = try JSONDecoder().decode(StateJSON.self, from: Data(stated.utf8))
      let replay = Panes(screen: replayed)
      let render = Panes(screen: rendered)
      #expect(
        replay == render,
        "\(place) the replay's panes differ from render --at:\n\(replay.difference(from: render))",
        sourceLocation: sourceLocation)
      let agreement = replay.disagreements(with: json)
      #expect(
        agreement.isEmpty, "\(place) the panes disagree with state --json:\n\(agreement)",
        sourceLocation: sourceLocation)
      let lines = replayed.split(separator: "\n", omittingEmptySubsequences: false)
      let status = lines.count > 5 ? String(lines[5]) : ""
      let clock = lines.first.map { String($0) } ?? ""
      let expectedStatus = log.status(at: time)
      #expect(
        status.contains(expectedStatus.event) && status.hasSuffix(expectedStatus.counter),
        """
        \(place) the status line should show '\(expectedStatus.event)' and end in \
        '\(expectedStatus.counter)':
        \(status)
        """, sourceLocation: sourceLocation)
      let zoneName = tz.map { "UTC\($0)" } ?? "UTC"
      let expectedClock = "\(time.civil(offsetMinutes: log.offsetMinutes)) \(zoneName)"
      #expect(
        clock.contains(" REPLAY  \(expectedClock) "), "\(place): \(clock)",
        sourceLocation: sourceLocation)
      results[time] = Position(
        replay: replay, render: render, json: json, status: status,
        clock: clock.contains(expectedClock) ? expectedClock : clock)
    }
    return results
  }

  @Test(
    "the binary prints what the builder draws: render --replay, render and state at a few times",
    arguments: [
      ("2026-01-22T19:21:00Z", nil), ("2026-01-22T08:55:00Z", "+03:00"),
      ("2026-01-23T22:41:00Z", nil),
    ] as [(String, String?)])
  func binarySpotCheck(at time: String, tz: String?) throws {
    let screens = try InProcessScreens(source: Self.samples, tz: tz)
    let zone = tz.map { ["--tz", $0] } ?? []
    let screen = ["--size", "120x60", "--color", "never", "--operator", "e2e"] + zone
    // No roster of the account's own, no system roster: the open roster, as in process.
    let environment = ["XDG_CONFIG_HOME": try temporaryDirectory().path]
    let replayed = try Watchfloor.run(
      ["render", Self.samples, "--replay", "--at", time] + screen, environment: environment)
    let rendered = try Watchfloor.run(
      ["render", Self.samples, "--at", time] + screen, environment: environment)
    let stated = try Watchfloor.run(["state", Self.samples, "--at", time, "--json"])
    #expect(replayed.status == 0 && rendered.status == 0 && stated.status == 0)
    #expect(replayed.output == (try screens.replay(at: time)) + "\n")
    #expect(rendered.output == screens.render(at: time) + "\n")
    #expect(stated.output == screens.state(at: time) + "\n")
  }
}

/// The three outputs of one log, drawn in process as the commands draw them: one timeline read
/// as `LoadedLog` reads it, the console built by ``ConsoleSetup`` as `render` builds it, with
/// `--size 120x60 --operator e2e` on the open roster.
struct InProcessScreens {
  let timeline: Timeline
  let files: [String]
  let source: String
  let zone: DisplayZone
  let chainMarks: ChainMarks
  static let identity = OfficerIdentity(name: "e2e", role: .approver, roster: .open)

  init(source: String, tz: String?) throws {
    files = try LogSources.files(for: [source])
    timeline = Timeline()
    try LogReader.read(files, into: timeline) { _, _, _ in }
    chainMarks = try ChainLedger.verify(files).marks
    self.source = source
    zone = try #require(DisplayZone(tz ?? "UTC"))
  }

  /// `render SOURCE --replay --at T`: the replay's screen.
  func replay(at text: String) throws -> String {
    let replay = try ReplayOpening.replay(
      of: timeline, day: nil, at: text, speedIndex: 2,
      offsetMinutes: zone.minutes(at: timeline.latestTime))
    return ConsoleSetup(
      timeline: timeline, position: .replay(replay), size: (120, 60), now: replay.time,
      identity: Self.identity, zone: zone, bell: false, source: source, chainMarks: chainMarks
    ).makeModel().view().lines().joined(separator: "\n")
  }

  /// `render SOURCE --at T`: the live console's screen as of T.
  func render(at text: String) -> String {
    let time = RFC3339.parse(text, verbatim: timeline.tables.texts)
    return ConsoleSetup(
      timeline: timeline, position: .still(asOf: time), size: (120, 60),
      now: time ?? timeline.current.latest, identity: Self.identity, zone: zone,
      source: files.joined(separator: " ")
    ).makeModel().view().lines().joined(separator: "\n")
  }

  /// `state SOURCE --at T --json`.
  func state(at text: String) -> String {
    let time = RFC3339.parse(text, verbatim: timeline.tables.texts) ?? .missing
    return timeline.state(asOf: time).json(timeline.tables)
  }
}

// MARK: The screen's panes

/// The pane lines of a 120-column screen (the panes stacked): what must be equal between the
/// replay and the live render at one time. The band, the first header line and the footer differ by design.
struct Panes: Equatable {
  /// The header's second line: awaiting, in flight, alerts, moved.
  var header = ""
  /// The airlifts pane's title and rows.
  var airlifts: [String] = []
  /// The incidents pane's title and rows.
  var incidents: [String] = []
  /// The occupancy pane's lines that are not blank, top to bottom.
  var occupancy: [String] = []

  init(screen: String) {
    var lines = screen.split(separator: "\n", omittingEmptySubsequences: false).map {
      Array($0)
    }
    while lines.last?.isEmpty == true { lines.removeLast() }
    guard lines.count > 2 else { return }
    header = String(lines[1])
    // The panes stack, or occupancy stands at the right from the airlifts' title line down:
    // then each line splits at the occupancy pane's corner. A pane's lines run from its
    // title to its bottom corner.
    let titleLine = lines.firstIndex { String($0).contains(" Airlifts (") } ?? 2
    let title = String(lines[titleLine])
    let split = (title.range(of: "┌─ Occupancy") ?? title.range(of: "┏━ Occupancy")).map {
      title[..<$0.lowerBound].count
    }
    var pane: String?
    for line in lines[titleLine..<(lines.count - 1)] {
      let cut = split.map { min($0, line.count) } ?? line.count
      let left = String(line[..<cut])
      if split != nil, cut < line.count {
        let right = String(line[cut...])
        if !right.contains(" Occupancy ") && !right.hasPrefix("└") && !right.hasPrefix("┗")
          && !right.dropFirst().dropLast().allSatisfy({ $0 == " " })
        {
          occupancy.append(right)
        }
      }
      if left.contains(" Airlifts (") {
        pane = "airlifts"
      } else if left.contains(" Occupancy ") {
        pane = "occupancy"
        continue
      } else if left.contains(" Incidents (") {
        pane = "incidents"
      } else if left.hasPrefix("┗") || left.hasPrefix("└") {
        pane = nil
        continue
      }
      switch pane {
      case "airlifts" where left.contains("AL-") || left.contains(" Airlifts ("):
        airlifts.append(left)
      case "incidents" where left.contains("INC-") || left.contains(" Incidents ("):
        incidents.append(left)
      case "occupancy" where !left.dropFirst().dropLast().allSatisfy({ $0 == " " }):
        occupancy.append(left)
      default:
        break
      }
    }
  }

  /// A facility's row: the line that starts with its id, and when that line is only its bar
  /// (two lines a facility), the figures' line above it.
  func occupancyRow(_ facility: String) -> [String] {
    occupancy.indices.compactMap { index in
      let line = occupancy[index]
      guard line.dropFirst(2).drop(while: { $0 == " " }).hasPrefix("\(facility) ") else {
        return nil
      }
      return line.contains("%") || index == 0 ? line : occupancy[index - 1] + line
    }
  }

  func difference(from other: Panes) -> String {
    var text = ""
    if header != other.header { text += "header:\n  replay \(header)\n  render \(other.header)\n" }
    for (name, mine, theirs) in [
      ("airlifts", airlifts, other.airlifts), ("incidents", incidents, other.incidents),
      ("occupancy", occupancy, other.occupancy),
    ] where mine != theirs {
      text += "\(name):\n  replay\n    \(mine.joined(separator: "\n    "))\n"
      text += "  render\n    \(theirs.joined(separator: "\n    "))\n"
    }
    return text
  }

  /// Where the panes say something other than the state's JSON; empty when they agree.
  func disagreements(with state: StateJSON) -> String {
    var problems: [String] = []
    // The header's figures.
    let waiting = state.airlifts.filter {
      ["pending", "awaiting-second", "held"].contains($0.status)
    }
    let second = state.airlifts.filter { $0.status == "awaiting-second" }.count
    let flying = state.airlifts.filter { $0.status == "in-flight" }.count
    let open = state.incidents.filter { $0.status == "open" }
    let critical = open.filter { $0.severity == "critical" }.count
    let figures =
      " awaiting \(waiting.count)" + (second > 0 ? " (\(second) need 2nd)" : "")
      + " │ in flight \(flying) (\(grouped(state.totals.inFlight)))"
      + " │ alerts \(open.count) unacked" + (critical > 0 ? " \(critical) CRITICAL" : "")
      + " │ moved \(grouped(state.totals.moved))/7,000 "
    if !header.hasPrefix(figures) { problems.append("header: want '\(figures)', got '\(header)'") }

    // The airlifts awaiting action, with their status.
    let labels = [
      "pending": "PENDING", "awaiting-second": "2ND ◐ 1/2", "held": "HELD ‖",
      "approved": "APPROVED ✓", "in-flight": "IN FLIGHT ✈",
    ]
    let active = state.airlifts.compactMap { airlift in
      labels[airlift.status].map { (airlift.airlift, $0) }
    }
    if airlifts.first?.contains(" Airlifts (\(active.count)) ") != true {
      problems.append("airlifts title: want \(active.count), got '\(airlifts.first ?? "")'")
    }
    let rows = airlifts.dropFirst()
    if rows.count != active.count {
      problems.append("airlift rows: \(rows.count) for \(active.count)")
    }
    for (airlift, label) in active {
      // The status, then the id: the status column is as wide as the widest status shown.
      if !rows.contains(where: { row in
        row.range(of: label).map {
          row[$0.upperBound...].drop { $0 == " " }.hasPrefix(airlift + " ")
        }
          == true
      }) {
        problems.append("no row '\(label) \(airlift)'")
      }
    }

    // The incidents not resolved.
    let shown = state.incidents.filter { $0.status != "resolved" }
    let acknowledged = shown.count - open.count
    if incidents.first?.contains(" Incidents (\(open.count) open, \(acknowledged) acknowledged) ")
      != true
    {
      problems.append(
        "incidents title: want \(open.count) open, \(acknowledged) acknowledged, got "
          + "'\(incidents.first ?? "")'")
    }
    let incidentRows = incidents.dropFirst()
    if incidentRows.count != shown.count {
      problems.append("incident rows: \(incidentRows.count) for \(shown.count)")
    }
    for incident in shown
    where !incidentRows.contains(where: { $0.contains(" \(incident.incident) ") }) {
      problems.append("no row for \(incident.incident)")
    }

    // Each facility's headcount, capacity, inbound and status.
    for facility in state.facilities {
      let rows = occupancyRow(facility.facility)
      guard rows.count == 1, let row = rows.first else {
        problems.append("\(rows.count) rows for facility \(facility.facility)")
        continue
      }
      // `6,330/3,000`; with a status beside it and no room, the headcount alone (`6,330`), never
      // a number cut short.
      let whole = " \(grouped(facility.occupancy))/\(grouped(facility.capacity)) "
      let headcountOnly = " \(grouped(facility.occupancy)) "
      let hasStatus = facility.status != "open"
      if !(row + " ").contains(whole) && !(hasStatus && row.contains(headcountOnly)) {
        problems.append("\(facility.facility): want '\(whole)' whole: \(row)")
      }
      // The inbound figure is shown whole or not at all (a status goes first when room is short).
      let inbound = " +\(grouped(facility.inbound))"
      if (facility.inbound == 0 && row.contains(" +"))
        || (facility.inbound > 0 && row.contains(" +") && !row.contains(inbound))
        || (facility.inbound > 0 && facility.status == "open" && !row.contains(inbound))
      {
        problems.append("\(facility.facility): inbound \(facility.inbound): \(row)")
      }
      for status in ["lockdown", "closed"]
      where (facility.status == status) != row.contains(status.uppercased()) {
        problems.append("\(facility.facility): status \(facility.status): \(row)")
      }
    }
    return problems.joined(separator: "\n")
  }
}

/// `6,050`
func grouped(_ value: Int) -> String {
  let digits = String(value.magnitude)
  var text = ""
  for (index, digit) in digits.enumerated() {
    if index > 0 && (digits.count - index) % 3 == 0 { text += "," }
    text.append(digit)
  }
  return (value < 0 ? "-" : "") + text
}

/// The members of `state --json` the panes are checked against.
struct StateJSON: Decodable {
  struct Facility: Decodable {
    var facility: String
    var status: String
    var capacity: Int
    var occupancy: Int
    var inbound: Int
  }
  struct Airlift: Decodable {
    var airlift: String
    var status: String
  }
  struct Incident: Decodable {
    var incident: String
    var severity: String
    var status: String
  }
  struct Totals: Decodable {
    var inFlight: Int
    var moved: Int

    enum CodingKeys: String, CodingKey {
      case inFlight = "in_flight"
      case moved
    }
  }
  var facilities: [Facility]
  var airlifts: [Airlift]
  var incidents: [Incident]
  var totals: Totals
}

// MARK: Times and moments, worked out from the lines

/// An instant: seconds since 1970 UTC and nanoseconds.
struct Instant: Hashable, Comparable, Sendable {
  var seconds: Int64
  var nanoseconds: Int64

  init(seconds: Int64, nanoseconds: Int64 = 0) {
    self.seconds = seconds + nanoseconds.floorDivided(by: 1_000_000_000)
    self.nanoseconds = nanoseconds.floorModulo(1_000_000_000)
  }

  /// An RFC 3339 time: `2026-01-22T14:30:00Z`, with a fraction or a `+03:00` offset.
  init?(_ text: String) {
    let characters = Array(text.utf8)
    func number(_ range: Range<Int>) -> Int64? {
      guard range.upperBound <= characters.count else { return nil }
      var value: Int64 = 0
      for index in range {
        guard (48...57).contains(characters[index]) else { return nil }
        value = value * 10 + Int64(characters[index] - 48)
      }
      return value
    }
    guard characters.count >= 20, let year = number(0..<4), let month = number(5..<7),
      let day = number(8..<10), let hour = number(11..<13), let minute = number(14..<16),
      let second = number(17..<19)
    else { return nil }
    var index = 19
    var nanoseconds: Int64 = 0
    if characters[index] == UInt8(ascii: ".") {
      index += 1
      var digits = 0
      while index < characters.count, (48...57).contains(characters[index]) {
        if digits < 9 { nanoseconds = nanoseconds * 10 + Int64(characters[index] - 48) }
        digits += 1
        index += 1
      }
      guard digits > 0 else { return nil }
      for _ in digits..<max(digits, 9) { nanoseconds *= 10 }
    }
    var offset: Int64 = 0
    if index < characters.count,
      characters[index] == UInt8(ascii: "+") || characters[index] == UInt8(ascii: "-")
    {
      guard let hours = number((index + 1)..<(index + 3)),
        let minutes = number((index + 4)..<(index + 6))
      else { return nil }
      offset = (hours * 60 + minutes) * (characters[index] == UInt8(ascii: "-") ? -1 : 1)
      index += 6
    } else {
      guard index < characters.count, characters[index] == UInt8(ascii: "Z") else { return nil }
      index += 1
    }
    guard index == characters.count else { return nil }
    let days = Instant.days(year: year, month: month, day: day)
    self.init(
      seconds: days * 86_400 + hour * 3600 + minute * 60 + second - offset * 60,
      nanoseconds: nanoseconds)
  }

  static func < (lhs: Instant, rhs: Instant) -> Bool {
    (lhs.seconds, lhs.nanoseconds) < (rhs.seconds, rhs.nanoseconds)
  }

  func adding(nanoseconds delta: Int64) -> Instant {
    Instant(seconds: seconds, nanoseconds: nanoseconds + delta)
  }

  func midpoint(to other: Instant) -> Instant {
    let span = (other.seconds - seconds) * 1_000_000_000 + other.nanoseconds - nanoseconds
    return adding(nanoseconds: span / 2)
  }

  /// `2026-01-22 14:30:00` in the zone `offsetMinutes` east of UTC.
  func civil(offsetMinutes: Int) -> String {
    let local = seconds + Int64(offsetMinutes) * 60
    let days = local.floorDivided(by: 86_400)
    let second = local - days * 86_400
    let (year, month, day) = Instant.date(days: days)
    func two(_ value: Int64) -> String { value < 10 ? "0\(value)" : "\(value)" }
    return "\(year)-\(two(month))-\(two(day)) \(two(second / 3600)):\(two(second / 60 % 60)):"
      + two(second % 60)
  }

  /// RFC 3339 in the zone: `2026-01-22T17:30:00.000000001+03:00`, or `…Z` for UTC.
  func text(offsetMinutes: Int) -> String {
    var text = civil(offsetMinutes: offsetMinutes).replacingOccurrences(of: " ", with: "T")
    if nanoseconds != 0 {
      let digits = String(nanoseconds)
      text += "." + String(repeating: "0", count: 9 - digits.count) + digits
    }
    if offsetMinutes == 0 { return text + "Z" }
    let hours = abs(offsetMinutes) / 60
    let minutes = abs(offsetMinutes) % 60
    return text + (offsetMinutes < 0 ? "-" : "+") + (hours < 10 ? "0" : "") + "\(hours):"
      + (minutes < 10 ? "0" : "") + "\(minutes)"
  }

  /// Days since 1970-01-01 of a civil date (H. Hinnant's algorithm).
  static func days(year: Int64, month: Int64, day: Int64) -> Int64 {
    let y = month <= 2 ? year - 1 : year
    let era = y.floorDivided(by: 400)
    let yearOfEra = y - era * 400
    let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
    let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
    return era * 146_097 + dayOfEra - 719_468
  }

  static func date(days: Int64) -> (Int64, Int64, Int64) {
    let z = days + 719_468
    let era = z.floorDivided(by: 146_097)
    let dayOfEra = z - era * 146_097
    let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
    let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
    let monthIndex = (5 * dayOfYear + 2) / 153
    let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
    let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
    return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
  }
}

extension Int64 {
  func floorDivided(by divisor: Int64) -> Int64 {
    let quotient = self / divisor
    return (self % divisor != 0 && (self < 0) != (divisor < 0)) ? quotient - 1 : quotient
  }

  func floorModulo(_ divisor: Int64) -> Int64 { self - floorDivided(by: divisor) * divisor }
}

/// A local day: `[start, start + 24h)`.
struct LocalDay: Hashable {
  var start: Instant
  var offsetMinutes: Int
  var end: Instant { Instant(seconds: start.seconds + 86_400) }
  var last: Instant { end.adding(nanoseconds: -1) }
  var text: String { String(start.civil(offsetMinutes: offsetMinutes).prefix(10)) }

  init(containing time: Instant, offsetMinutes: Int) {
    let offset = Int64(offsetMinutes) * 60
    let day = (time.seconds + offset).floorDivided(by: 86_400)
    start = Instant(seconds: day * 86_400 - offset)
    self.offsetMinutes = offsetMinutes
  }

  func contains(_ time: Instant) -> Bool { !(time < start) && time < end }
}

/// The times of a log's lines and its moments, read from the lines with the spec's rules
/// rather than the program's: a line's time is its `ts` when that is a valid RFC 3339 string
/// (whatever else is wrong with the line); a moment starts at each line later than all before.
struct LogTimes {
  struct Moment {
    /// 1-based among the log's non-blank lines.
    var line: Int
    var time: Instant
    /// What the replay's status line says of the line: its type, or why it was skipped.
    var event: String
  }

  let offsetMinutes: Int
  private(set) var moments: [Moment] = []
  private(set) var lineTimes: [Instant] = []

  init(lines: [String], offsetMinutes: Int) {
    self.offsetMinutes = offsetMinutes
    var latest: Instant?
    var seenIDs = Set<String>()
    var number = 0
    for line in lines {
      guard !line.allSatisfy({ $0 == " " || $0 == "\t" }) else { continue }
      number += 1
      let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
      guard let ts = (object?["ts"] as? String).flatMap(Instant.init) else { continue }
      lineTimes.append(ts)
      let type = object?["type"] as? String ?? ""
      let id = object?["id"] as? String
      // Only what the off-clock log needs: a duplicate id, an unknown type, a missing field.
      let event: String
      if let id, seenIDs.contains(id) {
        event = "duplicate line (skipped)"
      } else if !type.contains(".") || type.hasPrefix("weather.") {
        event = "line of an unknown type (skipped)"
      } else if type.hasPrefix("airlift.") && object?["airlift"] == nil {
        event = "malformed line (skipped)"
      } else {
        event = type
      }
      if let id, !event.hasPrefix("malformed") { seenIDs.insert(id) }
      if latest.map({ $0 < ts }) ?? true {
        latest = ts
        moments.append(Moment(line: number, time: ts, event: event))
      }
    }
  }

  /// The local days from the first line's to the latest line's.
  var days: [LocalDay] {
    guard let first = lineTimes.first, let latest = lineTimes.max() else { return [] }
    var day = LocalDay(containing: first, offsetMinutes: offsetMinutes)
    var days = [day]
    while day.end < latest || day.end == latest {
      day = LocalDay(containing: day.end, offsetMinutes: offsetMinutes)
      days.append(day)
    }
    return days
  }

  func moments(on day: LocalDay) -> [Moment] { moments.filter { day.contains($0.time) } }

  /// What the replay's status line must show at `time`: the moment's event and `k/N`.
  func status(at time: Instant) -> (event: String, counter: String) {
    let day = LocalDay(containing: time, offsetMinutes: offsetMinutes)
    let today = moments(on: day)
    let passed = today.filter { !(time < $0.time) }
    guard let moment = passed.last else {
      return ("start of ", "0/\(today.count)")
    }
    let clock = String(moment.time.civil(offsetMinutes: offsetMinutes).suffix(8))
    return ("\(clock)  \(moment.event)", "\(passed.count)/\(today.count)")
  }
}
