import WatchfloorModel

/// Times and durations as the console shows them, in the chosen zone.
public enum ConsoleTime {
  /// `2026-01-23 22:41:05`
  public static func dateTime(_ time: Timestamp, offsetMinutes: Int) -> String {
    guard !time.isMissing else { return "—" }
    let text = RFC3339.civil(time.seconds + Int64(offsetMinutes * 60))
    return text.replacingFirst("T", with: " ")
  }

  /// `22:41`
  public static func hourMinute(_ time: Timestamp, offsetMinutes: Int) -> String {
    guard !time.isMissing else { return "--:--" }
    let text = RFC3339.civil(time.seconds + Int64(offsetMinutes * 60))
    return String(text.dropFirst(11).prefix(5))
  }

  /// `22:41:05`
  public static func timeOfDay(_ time: Timestamp, offsetMinutes: Int) -> String {
    guard !time.isMissing else { return "--:--:--" }
    return String(RFC3339.civil(time.seconds + Int64(offsetMinutes * 60)).dropFirst(11))
  }

  /// `23 Jan 22:41`: for times that may be on another day.
  public static func dayTime(_ time: Timestamp, offsetMinutes: Int) -> String {
    guard !time.isMissing else { return "—" }
    let local = time.seconds + Int64(offsetMinutes * 60)
    let days = local >= 0 ? local / 86_400 : (local - 86_399) / 86_400
    let date = CivilCalendar.date(days: days)
    let months = [
      "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ]
    return "\(date.day < 10 ? "0" : "")\(date.day) \(months[date.month - 1]) "
      + hourMinute(time, offsetMinutes: offsetMinutes)
  }

  /// A short age in at most `width` columns: `45s`, `12m`, `3h`, `2d`; `-5m` for a time in
  /// the future; a count of days too long for the room is compact (``CountText/fitting(_:width:)``),
  /// `12kd`, never cut.
  public static func age(from start: Timestamp, to now: Timestamp, width: Int = 20) -> String {
    guard !start.isMissing, !now.isMissing else { return "" }
    let seconds = now.seconds - start.seconds
    let magnitude = seconds.magnitude
    let (count, unit): (UInt64, String) =
      magnitude < 60
      ? (magnitude, "s")
      : magnitude < 3600
        ? (magnitude / 60, "m")
        : magnitude < 86_400 * 2 ? (magnitude / 3600, "h") : (magnitude / 86_400, "d")
    let signed = seconds < 0 ? -Int64(count) : Int64(count)
    return CountText.fitting(signed, width: width - 1) + unit
  }

  /// A span of time for notices: `45s`, `12m`, `2h 10m`.
  public static func duration(seconds: Int64) -> String {
    let seconds = max(0, seconds)
    if seconds < 60 { return "\(seconds)s" }
    if seconds < 3600 { return "\(seconds / 60)m" }
    let minutes = seconds / 60 % 60
    return "\(seconds / 3600)h" + (minutes > 0 ? " \(minutes)m" : "")
  }
}

extension String {
  func replacingFirst(_ target: Character, with replacement: String) -> String {
    guard let index = firstIndex(of: target) else { return self }
    return String(self[..<index]) + replacement + String(self[self.index(after: index)...])
  }
}
