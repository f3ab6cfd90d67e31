import Foundation
import Testing
import WatchfloorConsole
import WatchfloorModel

@Suite("Feed health: the newest event, the log's growth, a stale, empty, missing or replaced log")
struct FeedHealthTests {
  /// A live console on the samples, the log last grown at the clock.
  func liveConsole(width: Int = 120, height: Int = 40) throws -> ConsoleModel {
    var model = try sampleConsole(width: width, height: height)
    _ = model.update(.logAdvanced(at: model.now))
    return model
  }

  func later(_ model: ConsoleModel, _ seconds: Int64) -> Timestamp {
    Timestamp(seconds: model.now.seconds + seconds)
  }

  @Test("the header shows the newest event's log time and how long since the log grew")
  func healthy() throws {
    var model = try liveConsole()
    let start = model.now
    _ = model.update(.tick(Timestamp(seconds: start.seconds + 42)))
    #expect(
      model.screen[0].contains("feed newest event 22:41 · grew 42s ago"), "\(model.screen[0])")
    // A newest event on another day than the clock's carries its date.
    _ = model.update(.tick(Timestamp(seconds: start.seconds + 86_400 * 2)))
    #expect(model.screen[0].contains("23 Jan 22:41"), "\(model.screen[0])")
  }

  @Test("after stale_after without a line: FEED STALE in the danger role; a line makes it fresh")
  func stale() throws {
    var model = try liveConsole(width: 80, height: 24)
    let start = model.now
    _ = model.update(.tick(later(model, 899)))
    #expect(!model.screen[0].contains("STALE"))
    _ = model.update(.tick(Timestamp(seconds: start.seconds + 900)))
    #expect(model.screen[0].contains("FEED STALE 15m"), "\(model.screen[0])")
    _ = model.update(.tick(Timestamp(seconds: start.seconds + 36 * 3600)))
    let header = model.screen[0]
    #expect(header.contains("FEED STALE 36h"), "\(header)")
    let column = try #require(header.range(of: "FEED")).lowerBound.utf16Offset(in: header)
    let cell = model.view()[column, 0]
    #expect(cell.style.role == .danger)
    #expect(cell.style.attributes.contains(.reverse))
    // The moved figure stays at 80 columns.
    #expect(model.screen[1].contains("/7,000"), "\(model.screen[1])")
    ingest(
      [
        #"{"ts":"2026-01-25T10:41:00Z","type":"incident.reported","incident":"INC-Z","sector":"rabia","severity":"low","kind":"notice","summary":"Quiet"}"#
      ], into: model.timeline)
    _ = model.update(.logAdvanced(at: model.now))
    #expect(!model.screen[0].contains("STALE"))
  }

  @Test("stale_after is the model's setting")
  func staleSetting() throws {
    var model = try liveConsole()
    model.staleAfterSeconds = 60
    _ = model.update(.tick(later(model, 61)))
    #expect(model.screen[0].contains("FEED STALE 1m"), "\(model.screen[0])")
  }

  /// A live console on an empty log, as `live` opens it.
  func emptyConsole(_ condition: FeedCondition) -> ConsoleModel {
    let timeline = Timeline()
    _ = timeline.addSource("/var/log/ops.jsonl")
    var model = ConsoleSetup(
      timeline: timeline, position: .following, size: (80, 24),
      now: Timestamp(seconds: 1_900_000_000),
      identity: OfficerIdentity(name: "hassan", role: .approver, roster: .open),
      source: "/var/log/ops.jsonl"
    ).makeModel()
    _ = model.update(.feedCondition(condition))
    return model
  }

  @Test("an empty, missing or unreadable log fills the panes with what is wrong")
  func problems() throws {
    let empty = emptyConsole(.open).screenText
    #expect(empty.contains("LOG EMPTY: waiting for the first event in /var/log/ops.jsonl"))
    #expect(!empty.contains("No airlifts awaiting action."))
    #expect(empty.contains("not an all-clear"))
    let missing = emptyConsole(.missing).screenText
    #expect(missing.contains("LOG MISSING: /var/log/ops.jsonl"), "\(missing)")
    let unreadable = emptyConsole(.unreadable(reason: "Permission denied")).screenText
    #expect(unreadable.contains("LOG UNREADABLE: /var/log/ops.jsonl: Permission denied"))
  }

  @Test("a missing log that had lines fills the panes too, and they come back with the log")
  func vanished() throws {
    var model = try liveConsole()
    _ = model.update(.feedCondition(.missing))
    #expect(model.screenText.contains("LOG MISSING: samples"))
    #expect(!model.screenText.contains("Airlifts ("))
    _ = model.update(.feedCondition(.open))
    #expect(model.screenText.contains("Airlifts ("))
  }

  @Test("a log replaced by a shorter one says what changed: moved before → after")
  func replaced() throws {
    var model = try liveConsole()
    let movedBefore = CountText.grouped(model.state.moved)
    let timeline = Timeline()
    _ = timeline.addSource("samples")
    _ = model.update(.logReplaced(timeline, change: .replaced))
    #expect(model.screen[0].contains("log replaced"))
    let url = packageRoot.appendingPathComponent("samples/2026-01-21.jsonl")
    let text = try String(contentsOf: url, encoding: .utf8)
    ingest(text.split(separator: "\n").map(String.init), into: model.timeline)
    _ = model.update(.logAdvanced(at: model.now))
    let movedAfter = CountText.grouped(model.state.moved)
    #expect(movedBefore != movedAfter)
    #expect(
      model.screen[0].contains("⚠ log replaced: moved \(movedBefore) → \(movedAfter)"),
      "\(model.screen[0])")
    #expect(model.screen[0].contains("feed"))
  }

  @Test("a truncated log says so the same way")
  func truncated() throws {
    var model = try liveConsole()
    let timeline = Timeline()
    _ = timeline.addSource("samples")
    _ = model.update(.logReplaced(timeline, change: .truncated))
    ingest(
      [
        #"{"ts":"2026-01-21T06:00:00Z","type":"facility.registered","facility":"karkh","name":"Karkh","country":"IQ","capacity":100,"occupancy":0,"security_level":"maximum","region":"Baghdad"}"#
      ], into: model.timeline)
    _ = model.update(.logAdvanced(at: model.now))
    #expect(model.feed.notice?.hasPrefix("log truncated: moved ") == true)
    #expect(model.feed.notice?.hasSuffix("→ 0") == true, "\(model.feed.notice ?? "")")
  }
}
