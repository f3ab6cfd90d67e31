import Testing
import WatchfloorConsole
import WatchfloorModel

/// Playback driven by made-up frame times: no clock is read and nothing sleeps.
@Suite("Replay playback")
struct ReplayPlaybackTests {
  @Test("60×: a second of frames moves the cursor a minute; + makes it 600×")
  func sixtyTimes() throws {
    var model = try sampleReplay(at: "2026-01-22T14:30:00Z")
    #expect(model.replay?.speed == 60)
    model.type(" ")
    #expect(model.replay?.isPlaying == true)
    #expect(model.replayStatusLine.contains("▶ playing 60×"))
    // The first frame only anchors the clock; the next event (14:36) is 6 s of wall away.
    _ = model.update(.frame(10))
    #expect(model.cursorText == "2026-01-22T14:30:00Z")
    _ = model.update(.frame(13))
    #expect(model.cursorText == "2026-01-22T14:33:00Z")
    let landed = try #require(model.tables.airlifts.lookup("AL-0122-02"))
    #expect(model.state.airlift(landed)?.status == .inFlight)
    _ = model.update(.frame(16))
    #expect(model.cursorText == "2026-01-22T14:36:00Z")
    #expect(model.state.airlift(landed)?.status == .landed)
    model.type("+")
    _ = model.update(.frame(17))
    #expect(model.cursorText == "2026-01-22T14:46:00Z")
    let states = model.replayStates
    #expect(states.shown == states.asOfCursor)
  }

  @Test(
    "1×: a quiet stretch longer than a minute of wall time is jumped to a second before the next event"
  )
  func quietStretch() throws {
    var model = try sampleReplay(at: "2026-01-22T14:30:00Z", speedIndex: 0)
    model.type(" ")
    _ = model.update(.frame(0))
    #expect(model.cursorText == "2026-01-22T14:35:59Z")
    #expect(model.replay?.notice == "skipped 5m of quiet")
    _ = model.update(.frame(0.5))
    #expect(model.now.nanoseconds == 500_000_000)
    let landed = try #require(model.tables.airlifts.lookup("AL-0122-02"))
    #expect(model.state.airlift(landed)?.status == .inFlight)
    _ = model.update(.frame(1.5))
    #expect(model.cursorText == "2026-01-22T14:36:00Z")
    #expect(model.state.airlift(landed)?.status == .landed)
    // The landing stays on screen for a second, then the 26 quiet minutes to 15:02 are jumped.
    _ = model.update(.frame(1.9))
    #expect(model.cursorText == "2026-01-22T14:36:00Z")
    _ = model.update(.frame(2.6))
    #expect(model.cursorText == "2026-01-22T15:01:59Z")
    #expect(model.replay?.notice == "skipped 25m of quiet")
  }

  @Test("3600×: playback stops at the end of the day and will not play past it")
  func stopsAtDayEnd() throws {
    var model = try sampleReplay(at: "2026-01-22T22:00:00Z", speedIndex: 4)
    model.type(" ")
    _ = model.update(.frame(100))
    _ = model.update(.frame(100.5))
    #expect(model.cursorText == "2026-01-22T22:30:00Z")
    _ = model.update(.frame(101.25))
    #expect(model.cursorText == "2026-01-22T23:15:00Z")
    _ = model.update(.frame(102.25))
    #expect(model.cursorText == "2026-01-22T23:59:59Z")
    #expect(model.replay?.isPlaying == false)
    #expect(model.replay?.notice == "end of the day")
    model.type(" ")
    #expect(model.replay?.isPlaying == false)
    #expect(model.replay?.notice == "end of the day: Home goes back to its first event")
    let states = model.replayStates
    #expect(states.shown == states.asOfCursor)
  }

  @Test("paused, frames change nothing; speeds stop at 1× and 3600×; ticks do not move the clock")
  func pausedAndLimits() throws {
    var model = try sampleReplay(at: "2026-01-22T10:00:00Z")
    _ = model.update(.frame(1))
    _ = model.update(.frame(50))
    _ = model.update(.tick(Timestamp(seconds: 1_900_000_000)))
    #expect(model.cursorText == "2026-01-22T10:00:00Z")
    model.type("-----")
    #expect(model.replay?.speed == 1)
    model.type("++++++++")
    #expect(model.replay?.speed == 3600)
    #expect(model.replayStatusLine.contains("paused 3600×"))
    // Pausing and playing again does not count the paused time.
    model.type(" ")
    _ = model.update(.frame(60))
    model.type(" ")
    _ = model.update(.frame(500))
    model.type(" ")
    _ = model.update(.frame(1000))
    #expect(model.cursorText == "2026-01-22T10:00:00Z")
  }

  @Test("stepping while playing moves the cursor and playback goes on from there")
  func stepWhilePlaying() throws {
    var model = try sampleReplay(at: "2026-01-22T14:30:00Z")
    model.type(" ")
    _ = model.update(.frame(0))
    model.press(.right)
    #expect(model.cursorText == "2026-01-22T14:36:00Z")
    _ = model.update(.frame(1))
    #expect(model.cursorText == "2026-01-22T14:37:00Z")
    #expect(model.replay?.isPlaying == true)
  }
}
