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

  /// A short age: `45s`, `12m`, `3h`, `2d`; `-5m` for a time in the future.
  public static func age(from start: Timestamp, to now: Timestamp) -> String {
    guard !start.isMissing, !now.isMissing else { return "" }
    let seconds = now.seconds - start.seconds
    let magnitude = seconds.magnitude
    let sign = seconds < 0 ? "-" : ""
    if magnitude < 60 { return "\(sign)\(magnitude)s" }
    if magnitude < 3600 { return "\(sign)\(magnitude / 60)m" }
    if magnitude < 86_400 * 2 { return "\(sign)\(magnitude / 3600)h" }
    return "\(sign)\(magnitude / 86_400)d"
  }

  /// A span of time for notices: `45s`, `12m`, `2h 10m`.
  public static func duration(seconds: Int64) -> String {
    let seconds = max(0, seconds)
    if seconds < 60 { return "\(seconds)s" }
    if seconds < 3600 { return "\(seconds / 60)m" }
    let minutes = seconds / 60 % 60
    return "\(seconds / 3600)h" + (minutes > 0 ? " \(minutes)m" : "")
  }

  /// `12,345`
  public static func grouped(_ value: Int64) -> String {
    let digits = String(value.magnitude)
    var out = ""
    for (index, digit) in digits.enumerated() {
      if index > 0 && (digits.count - index) % 3 == 0 { out.append(",") }
      out.append(digit)
    }
    return value < 0 ? "-" + out : out
  }
}

extension String {
  func replacingFirst(_ target: Character, with replacement: String) -> String {
    guard let index = firstIndex(of: target) else { return self }
    return String(self[..<index]) + replacement + String(self[self.index(after: index)...])
  }
}
