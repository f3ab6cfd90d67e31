import WatchfloorModel

extension DayReport {
  /// Why there is no report for `window`: it lies before the log's first event with a time or
  /// after its last, as the days in the window's zone: `no report for 2026-01-25 (UTC): it is
  /// outside the log, which runs from 2026-01-21 to 2026-01-23`. Complexity O(records).
  public static func outsideLogMessage(_ window: DayWindow, zoneName: String, timeline: Timeline)
    -> String
  {
    var first = Timestamp.missing
    var last = Timestamp.missing
    for index in 0..<timeline.count {
      let ts = timeline[index].ts
      if ts.isMissing { continue }
      if first.isMissing || ts < first { first = ts }
      if last.isMissing || last < ts { last = ts }
    }
    guard !first.isMissing, !last.isMissing else {
      return "no report for \(window.text): the log holds no event with a time"
    }
    let span =
      "\(DayWindow(containing: first, offsetMinutes: window.offsetMinutes).text) to "
      + "\(DayWindow(containing: last, offsetMinutes: window.offsetMinutes).text)"
    return "no report for \(window.text) (\(zoneName)): it is outside the log, which runs from "
      + "\(span)"
  }
}
