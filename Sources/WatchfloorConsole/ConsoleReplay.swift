import WatchfloorModel

extension ConsoleModel {
  /// Turns the console into a replay: read-only, quiet, showing the state as of the cursor.
  public mutating func startReplay(_ replay: Replay) {
    self.replay = replay
    bellEnabled = false
    showReplayCursor()
  }

  /// Moves the replay's cursor to `time` (kept within the day) and shows the state there.
  public mutating func seekReplay(to time: Timestamp) {
    replay?.move(to: time)
    showReplayCursor()
  }

  /// Takes the state under the replay's cursor, keeping each selection on its item. Moving
  /// forward a little folds only the records between; anything else seeks from a checkpoint.
  mutating func showReplayCursor() {
    guard let replay else { return }
    let count = replay.recordCount
    if count != state.counts.events {
      adopt(timeline.state(afterRecords: count, from: state))
    }
    now = replay.time
    feed.lastLineAt = state.lastApplied.isMissing ? nil : state.lastApplied
  }

  /// Does a replay action; false when `action` is not the replay's own (or this is not a
  /// replay), so the console's own actions apply.
  mutating func performReplay(_ action: ConsoleAction) -> Bool {
    guard var replay else { return false }
    replay.notice = nil
    switch action {
    case .playPause: replay.togglePlaying()
    case .faster: replay.changeSpeed(by: 1)
    case .slower: replay.changeSpeed(by: -1)
    case .stepForward: replay.stepForward()
    case .stepBack: replay.stepBack()
    case .hourForward: replay.jump(hours: 1)
    case .hourBack: replay.jump(hours: -1)
    case .nextNotable: replay.jumpToNotable(forward: true)
    case .previousNotable: replay.jumpToNotable(forward: false)
    case .goToTime: replay.timeEntry = ""
    case .dayStart: replay.first()
    case .dayEnd: replay.last()
    default: return false
    }
    self.replay = replay
    showReplayCursor()
    return true
  }

  /// Typing the time for `g`: Enter jumps, Esc gives up; a bad time says so and stays open.
  mutating func enterTime(_ key: Key) -> [ConsoleEffect] {
    guard var replay, var text = replay.timeEntry else { return [] }
    switch key {
    case .escape:
      replay.timeEntry = nil
      replay.notice = nil
    case .backspace:
      if !text.isEmpty { text.removeLast() }
      replay.timeEntry = text
    case .character(let character):
      if text.count < 40 { text.append(character) }
      replay.timeEntry = text
    case .control("c"):
      return [.quit]
    case .enter:
      go(to: text, in: &replay)
    default:
      break
    }
    self.replay = replay
    showReplayCursor()
    return []
  }

  private func go(to text: String, in replay: inout Replay) {
    guard
      let time = ReplayTimeEntry.parse(
        text, day: replay.day, offsetMinutes: timeZoneMinutes, tables: tables)
    else {
      replay.notice = "'\(text)' is not a time: use HH:MM, HH:MM:SS or RFC 3339"
      return
    }
    replay.timeEntry = nil
    replay.notice = nil
    if replay.day.contains(time) {
      replay.move(to: time)
      return
    }
    let day = DayWindow(containing: time, offsetMinutes: timeZoneMinutes)
    guard let span = ReplayTimeEntry.logDays(timeline, offsetMinutes: timeZoneMinutes),
      span.contains(day.day)
    else {
      replay.timeEntry = text
      replay.notice = "\(day.text) is not in the log"
      return
    }
    replay.change(to: DayMoments(timeline: timeline, day: day), at: time)
  }
}

/// The times `g` understands.
public enum ReplayTimeEntry {
  /// `HH:MM` or `HH:MM:SS` on the replayed day, in the display zone, or an RFC 3339 time.
  public static func parse(
    _ text: String, day: DayWindow, offsetMinutes: Int, tables: SymbolTables
  ) -> Timestamp? {
    let text = text.trimmingSpaces()
    let parts = text.split(separator: ":", omittingEmptySubsequences: false)
    if text.utf8.count <= 8, parts.count == 2 || parts.count == 3,
      parts.allSatisfy({ $0.count == 2 && $0.allSatisfy(\.isASCII) })
    {
      let numbers = parts.compactMap { Int($0) }
      guard numbers.count == parts.count, numbers[0] < 24, numbers[1] < 60,
        numbers.count == 2 || numbers[2] < 60
      else { return nil }
      let seconds = numbers[0] * 3600 + numbers[1] * 60 + (numbers.count == 3 ? numbers[2] : 0)
      return day.start.adding(seconds: Int64(seconds))
    }
    return RFC3339.parse(text, verbatim: tables.texts)
  }

  /// The local days from the log's first valid time to its latest, or nil for a log without
  /// times.
  public static func logDays(_ timeline: Timeline, offsetMinutes: Int) -> ClosedRange<Int64>? {
    var first = Timestamp.missing
    for index in 0..<timeline.count where !timeline[index].ts.isMissing {
      first = timeline[index].ts
      break
    }
    let latest = timeline.latestTime
    guard !first.isMissing, !latest.isMissing else { return nil }
    let firstDay = DayWindow(containing: first, offsetMinutes: offsetMinutes).day
    let lastDay = DayWindow(containing: latest, offsetMinutes: offsetMinutes).day
    return firstDay...max(firstDay, lastDay)
  }
}

extension String {
  func trimmingSpaces() -> String {
    String(drop(while: { $0 == " " }).reversed().drop(while: { $0 == " " }).reversed())
  }
}
