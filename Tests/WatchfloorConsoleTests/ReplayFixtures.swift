import Testing
import WatchfloorConsole
import WatchfloorModel

/// A replay of one sample day (UTC), opened paused at its start or at `at`.
func sampleReplay(
  day: String = "2026-01-22", at: String? = nil, speedIndex: Int = 2, width: Int = 120,
  height: Int = 40
) throws -> ConsoleModel {
  let timeline = try sampleTimeline()
  let window = try #require(DayWindow(date: day, offsetMinutes: 0))
  let replay = Replay(
    moments: DayMoments(timeline: timeline, day: window),
    time: at.map { time($0, timeline.tables) }, speedIndex: speedIndex)
  return ConsoleSetup(
    timeline: timeline, position: .replay(replay), size: (width, height), now: replay.time,
    identity: OfficerIdentity(name: "hassan", role: .approver, roster: .open), bell: false,
    source: "samples"
  ).makeModel()
}

extension ConsoleModel {
  /// The state JSON of the panes now, and of the log as of the cursor: they must be equal.
  var replayStates: (shown: String, asOfCursor: String) {
    (state.json(tables), timeline.state(asOf: now).json(tables))
  }

  /// The cursor's time as the log writes it, in UTC.
  var cursorText: String { RFC3339.utcText(now) }

  /// The band's last row: playback, the event under the cursor, the position.
  var replayStatusLine: String { screen[5] }
}
