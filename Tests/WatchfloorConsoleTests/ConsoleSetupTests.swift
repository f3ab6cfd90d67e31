import Testing
import WatchfloorConsole
import WatchfloorModel

@Suite("One builder for every console")
struct ConsoleSetupTests {
  @Test("a still frame carries the officer, the roster, the zone and the bell it is given")
  func identityAndSettings() throws {
    let timeline = try sampleTimeline()
    let identity = OfficerIdentity(
      name: "noor", role: .viewer,
      roster: .personal(path: "/home/noor/.config/watchfloor/roster.toml"))
    let zone = try #require(DisplayZone("+03:00"))
    let model = ConsoleSetup(
      timeline: timeline, position: .still(asOf: nil), size: (120, 40), now: .missing,
      identity: identity, zone: zone, bell: false, source: "samples"
    ).makeModel()
    #expect(model.operatorName == "noor")
    #expect(model.operatorRole == .viewer)
    #expect(!model.rosterOpen)
    #expect(model.timeZoneMinutes == 180)
    #expect(model.timeZoneName == "UTC+03:00")
    #expect(!model.bellEnabled)
    #expect(model.now == timeline.current.latest)
    let header = model.view().lines()[0]
    #expect(header.contains("officer noor"))
    #expect(header.contains("viewer"))
    #expect(header.contains("UTC+03:00"))
  }

  @Test("a still frame as of T shows the state as of T, with T on the clock")
  func stillAsOf() throws {
    let timeline = try sampleTimeline()
    let at = time("2026-01-22T12:00:00Z", timeline.tables)
    let model = ConsoleSetup(
      timeline: timeline, position: .still(asOf: at), now: .missing,
      identity: OfficerIdentity(name: "hassan", role: .approver, roster: .open), source: "s"
    ).makeModel()
    #expect(model.now == at)
    #expect(model.state.json(timeline.tables) == timeline.state(asOf: at).json(timeline.tables))
    #expect(model.mode == .live)
  }

  @Test("a replay is read-only and quiet, at the replay's cursor")
  func replay() throws {
    let model = try sampleReplay(at: "2026-01-22T14:30:00Z")
    #expect(model.mode == .replay)
    #expect(!model.decisionsAllowed)
    #expect(!model.bellEnabled)
    #expect(model.cursorText == "2026-01-22T14:30:00Z")
    let states = model.replayStates
    #expect(states.shown == states.asOfCursor)
  }
}
