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
        text, day: replay.day, offsetMinutes: replay.day.offsetMinutes, tables: tables)
    else {
      replay.notice = "'\(text)' is not a time: use HH:MM, HH:MM:SS, a date or RFC 3339"
      return
    }
    replay.timeEntry = nil
    replay.notice = nil
    if replay.day.contains(time) {
      replay.move(to: time)
      return
    }
    let day = zone.day(containing: time)
    guard
      let span = ReplayTimeEntry.logDays(
        timeline, offsetMinutes: zoneOffsetMinutes(at: timeline.latestTime)),
      span.contains(day.day)
    else {
      replay.timeEntry = text
      replay.notice = "\(day.text) is not in the log"
      return
    }
    replay.change(to: DayMoments(timeline: timeline, day: day), at: time)
  }
}

/// The times `g` and every command's `--at` understand.
public enum ReplayTimeEntry {
  /// `HH:MM` or `HH:MM:SS` on `day`; `YYYY-MM-DDTHH:MM[:SS]` (or with a space for the `T`)
  /// without an offset, in the zone of `offsetMinutes`; a bare date `YYYY-MM-DD`, meaning the
  /// end of that day in the zone; or an RFC 3339 time with its offset.
  public static func parse(
    _ text: String, day: DayWindow, offsetMinutes: Int, tables: SymbolTables
  ) -> Timestamp? {
    let text = text.trimmingSpaces()
    if let seconds = secondsIntoDay(text) { return day.start.adding(seconds: seconds) }
    if let time = RFC3339.parse(text, verbatim: tables.texts) { return time }
    let date = String(text.prefix(10))
    guard let window = DayWindow(date: date, offsetMinutes: offsetMinutes) else { return nil }
    if text.utf8.count == 10 { return window.last }
    let rest = text.dropFirst(10)
    guard let separator = rest.first, "Tt ".contains(separator),
      let seconds = secondsIntoDay(String(rest.dropFirst()))
    else { return nil }
    return window.start.adding(seconds: seconds)
  }

  /// `HH:MM` or `HH:MM:SS` as seconds after midnight, or nil.
  static func secondsIntoDay(_ text: String) -> Int64? {
    let parts = text.split(separator: ":", omittingEmptySubsequences: false)
    guard text.utf8.count <= 8, parts.count == 2 || parts.count == 3,
      parts.allSatisfy({ $0.count == 2 && $0.allSatisfy(\.isASCII) })
    else { return nil }
    let numbers = parts.compactMap { Int($0) }
    guard numbers.count == parts.count, numbers.allSatisfy({ $0 >= 0 }), numbers[0] < 24,
      numbers[1] < 60, numbers.count == 2 || numbers[2] < 60
    else { return nil }
    return Int64(numbers[0] * 3600 + numbers[1] * 60 + (numbers.count == 3 ? numbers[2] : 0))
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
