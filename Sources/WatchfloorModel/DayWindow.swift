/// One calendar day in a display zone: the span `[start, end)` that replay and the day report
/// cover. Days are counted in the zone chosen with `--tz` (UTC by default), so "the 22nd" is
/// the officers' 22nd, not UTC's.
public struct DayWindow: Sendable, Equatable {
  /// Days since 1970-01-01 of the local date.
  public let day: Int64
  /// Offset of the zone from UTC, in minutes.
  public let offsetMinutes: Int

  public init(day: Int64, offsetMinutes: Int) {
    self.day = day
    self.offsetMinutes = offsetMinutes
  }

  /// The day of `YYYY-MM-DD`, or nil when the text is not a valid date.
  public init?(date text: String, offsetMinutes: Int) {
    let parts = text.split(separator: "-", omittingEmptySubsequences: false)
    guard text.utf8.count == 10, parts.count == 3, parts[0].count == 4, parts[1].count == 2,
      parts[2].count == 2, parts.allSatisfy({ $0.allSatisfy(\.isASCII) }),
      let year = Int(parts[0]), let month = Int(parts[1]), let dayOfMonth = Int(parts[2]),
      (1...12).contains(month),
      (1...CivilCalendar.daysInMonth(year: year, month: month)).contains(dayOfMonth)
    else { return nil }
    self.init(
      day: CivilCalendar.days(year: year, month: month, day: dayOfMonth),
      offsetMinutes: offsetMinutes)
  }

  /// The local day that holds `time`.
  public init(containing time: Timestamp, offsetMinutes: Int) {
    let local = time.seconds + Int64(offsetMinutes * 60)
    self.init(
      day: local >= 0 ? local / 86_400 : (local - 86_399) / 86_400, offsetMinutes: offsetMinutes)
  }

  /// Local midnight at the start of the day.
  public var start: Timestamp { Timestamp(seconds: day * 86_400 - Int64(offsetMinutes * 60)) }
  /// Local midnight at the end of the day (the next day's start, not part of this one).
  public var end: Timestamp { start.adding(seconds: 86_400) }
  /// The last instant of the day.
  public var last: Timestamp { end.before }

  public func contains(_ time: Timestamp) -> Bool {
    !time.isMissing && !(time < start) && time < end
  }

  public var previous: DayWindow { DayWindow(day: day - 1, offsetMinutes: offsetMinutes) }
  public var next: DayWindow { DayWindow(day: day + 1, offsetMinutes: offsetMinutes) }

  /// `2026-01-22`
  public var text: String { String(RFC3339.civil(day * 86_400).prefix(10)) }

  /// `Thu 22 Jan 2026`
  public var longText: String {
    let date = CivilCalendar.date(days: day)
    let weekdays = ["Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"]
    let months = [
      "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ]
    let weekday = weekdays[Int(((day % 7) + 7) % 7)]
    return "\(weekday) \(date.day) \(months[date.month - 1]) \(date.year)"
  }

  /// Seconds since the start of the day, for a time within it.
  public func secondsIntoDay(_ time: Timestamp) -> Double {
    Double(time.seconds - start.seconds) + Double(time.nanoseconds) / 1e9
  }
}

extension Timeline {
  /// The records the day adds to the log, as-of wise: those after the state as of the instant
  /// before the day starts, up to the state as of its last instant. Out-of-order lines belong
  /// to the day in which the log reaches them.
  public func records(of day: DayWindow) -> Range<Int> {
    let first = recordCount(asOf: day.start.before)
    return first..<max(first, recordCount(asOf: day.last))
  }
}
