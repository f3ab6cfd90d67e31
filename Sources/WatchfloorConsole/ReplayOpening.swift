import WatchfloorModel

/// Where a replay opens, from what the officer typed: `--day`, `--at` and the speed. Shared by
/// `replay`, `render --replay` and the tests, so each opens the same day at the same cursor.
public enum ReplayOpening {
  /// The replay of `day` (`YYYY-MM-DD` in the zone; default: the day of `at`, else the log's
  /// latest day) with its cursor at `at` (`HH:MM`, `HH:MM:SS` on the day, or RFC 3339;
  /// default: the day's start), playing at ``Replay/speeds``[`speedIndex`] once started.
  /// - Throws: ``ReplayOpeningError`` saying which value does not fit the log and why.
  public static func replay(
    of timeline: Timeline, day: String?, at: String?, speedIndex: Int, offsetMinutes: Int
  ) throws(ReplayOpeningError) -> Replay {
    guard let span = ReplayTimeEntry.logDays(timeline, offsetMinutes: offsetMinutes) else {
      throw ReplayOpeningError(message: "the log has no events with a time to replay")
    }
    var window: DayWindow?
    if let day {
      guard let parsed = DayWindow(date: day, offsetMinutes: offsetMinutes) else {
        throw ReplayOpeningError(message: "--day '\(day)' is not a date like 2026-01-22")
      }
      window = parsed
    }
    var time: Timestamp?
    if let at {
      let onDay = window ?? DayWindow(day: span.upperBound, offsetMinutes: offsetMinutes)
      guard
        let parsed = ReplayTimeEntry.parse(
          at, day: onDay, offsetMinutes: offsetMinutes, tables: timeline.tables)
      else {
        throw ReplayOpeningError(
          message: "--at '\(at)' is not a time: use HH:MM, HH:MM:SS or RFC 3339 "
            + "(2026-01-22T14:30:00Z)")
      }
      if let window, !window.contains(parsed) {
        throw ReplayOpeningError(message: "--at '\(at)' is not on \(window.text)")
      }
      time = parsed
      window = window ?? DayWindow(containing: parsed, offsetMinutes: offsetMinutes)
    }
    let chosen = window ?? DayWindow(day: span.upperBound, offsetMinutes: offsetMinutes)
    guard span.contains(chosen.day) else {
      let first = DayWindow(day: span.lowerBound, offsetMinutes: offsetMinutes).text
      let last = DayWindow(day: span.upperBound, offsetMinutes: offsetMinutes).text
      throw ReplayOpeningError(
        message: "\(chosen.text) is not in the log: it runs from \(first) to \(last)")
    }
    return Replay(
      moments: DayMoments(timeline: timeline, day: chosen), time: time, speedIndex: speedIndex)
  }
}

/// Why a replay cannot open where it was asked to; the message names the value.
public struct ReplayOpeningError: Error, CustomStringConvertible, Sendable {
  public var message: String
  public var description: String { message }
}
