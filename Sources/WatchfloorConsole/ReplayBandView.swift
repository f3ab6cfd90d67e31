import WatchfloorModel

/// The replay's timeline under the header: four rows.
///
/// ```
///  events ▁▁▂▅█▇▅▃▂▁  ▁▂▃▅▇█▆▄▂▁▁
///  marks    ◆ !  ▼◆   ◆ ▼ !   ◆
///  22 Jan 00    03 ▲  06    09    12    15    18    21
///  ▶ playing 60×  14:32:05  airlift.approved  by maj.hassan  AL-0122-03 · now approved
/// ```
///
/// The sparkline is the day's events per hour, the marks row shows decisions (◆), incidents
/// (!, in the colour of their severity) and landings (▼), and the cursor is a highlighted
/// column with ▲ under it. What is left of the day is dimmed.
public enum ReplayBand {
  public static let height = 4
  static let labelWidth = 7
  static let levels = Array(" ▁▂▃▄▅▆▇█")
}

extension ConsoleModel {
  func drawReplayBand(_ canvas: inout Canvas, _ rect: Rect, _ replay: Replay) {
    guard rect.height >= ReplayBand.height else { return }
    canvas.fill(rect, style: Style(.text))
    let barX = rect.x + 1 + ReplayBand.labelWidth
    let barWidth = max(24, rect.width - ReplayBand.labelWidth - 2)
    let moments = replay.moments
    let day = replay.day
    let cursorColumn = column(of: replay.time, day: day, width: barWidth)
    canvas.put("events", x: rect.x + 1, y: rect.y, style: Style(.dim))
    canvas.put("marks", x: rect.x + 1, y: rect.y + 1, style: Style(.dim))
    canvas.put(
      String(day.longText.dropFirst(4).prefix(6)), x: rect.x + 1, y: rect.y + 2,
      style: Style(.title, .bold))

    // The sparkline: each column shows its hour's count, scaled to the busiest hour.
    let busiest = max(1, moments.hourCounts.max() ?? 1)
    for offset in 0..<barWidth {
      let hour = min(23, offset * 24 / barWidth)
      let count = moments.hourCounts[hour]
      let level = count == 0 ? 0 : max(1, (count * 8 + busiest - 1) / busiest)
      let played = offset <= cursorColumn
      canvas.put(
        String(ReplayBand.levels[level]), x: barX + offset, y: rect.y,
        style: Style(played ? .barFill : .barEmpty))
    }

    // The marks: the most urgent thing in each column's minutes.
    for offset in 0..<barWidth {
      let firstMinute = offset * 1440 / barWidth
      let endMinute = max(firstMinute + 1, (offset + 1) * 1440 / barWidth)
      var marks = MomentMarks()
      for minute in firstMinute..<min(1440, endMinute) {
        marks = marks.merged(with: moments.minuteMarks[minute])
      }
      guard let mark = Self.markGlyph(marks) else { continue }
      let style = offset <= cursorColumn ? mark.style : Style(.dim)
      canvas.put(mark.glyph, x: barX + offset, y: rect.y + 1, style: style)
    }

    // The hour axis and the cursor.
    let step = Double(barWidth) / 24 * 3 >= 4 ? 3 : 6
    for hour in stride(from: 0, to: 24, by: step) {
      let x = barX + hour * barWidth / 24
      // The cursor's ▲ reads better alone than on top of a label.
      if abs(x - (barX + cursorColumn)) <= 1 || x + 1 == barX + cursorColumn { continue }
      canvas.put((hour < 10 ? "0" : "") + String(hour), x: x, y: rect.y + 2, style: Style(.dim))
    }
    canvas.setStyle(
      Style(.selection, [.reverse, .bold]),
      in: Rect(x: barX + cursorColumn, y: rect.y, width: 1, height: 2))
    canvas.put("▲", x: barX + cursorColumn, y: rect.y + 2, style: Style(.accent, .bold))

    drawReplayStatus(&canvas, Rect(x: rect.x, y: rect.y + 3, width: rect.width, height: 1), replay)
  }

  /// The cursor's column on a bar of `width` columns covering the day.
  private func column(of time: Timestamp, day: DayWindow, width: Int) -> Int {
    let fraction = day.secondsIntoDay(time) / 86_400
    return max(0, min(width - 1, Int(fraction * Double(width))))
  }

  static func markGlyph(_ marks: MomentMarks) -> (glyph: String, style: Style)? {
    if let severity = marks.incidentSeverity {
      let style: Style =
        switch severity {
        case .critical: Style(.critical, .bold)
        case .high: Style(.danger, .bold)
        case .medium: Style(.warn)
        case .low, .info: Style(.text)
        }
      return ("!", style)
    }
    if marks.decisions { return ("◆", Style(.accent, .bold)) }
    if marks.landings { return ("▼", Style(.ok)) }
    return nil
  }

  /// The last row: playback, the event under the cursor, and a notice or the position.
  private func drawReplayStatus(_ canvas: inout Canvas, _ rect: Rect, _ replay: Replay) {
    var x = rect.x + 1
    let speed = "\(Int(replay.speed))×"
    if let entry = replay.timeEntry {
      x += canvas.put("go to ", x: x, y: rect.y, style: Style(.accent, .bold))
      x += canvas.put(entry + "▏", x: x, y: rect.y, style: Style(.text, .bold))
      x += canvas.put(
        "  HH:MM, HH:MM:SS or RFC 3339", x: x, y: rect.y, width: rect.maxX - x, style: Style(.dim))
      if let notice = replay.notice {
        canvas.put(
          "  " + notice, x: x, y: rect.y, width: rect.maxX - x - 1, style: Style(.danger, .bold),
          overflow: .ellipsis)
      }
      return
    }
    // Playback, the event under the cursor and the position (or a notice), as a status line:
    // the event's text gives way first, cut at a word; playback and the position never.
    let line = Layout.horizontal([.length(1), .fill(1), .length(1)]).split(rect)[1]
    let right: StatusItem
    if let notice = replay.notice {
      right = StatusItem([notice], style: Style(.warn, .bold), priority: 90, trailing: true)
    } else {
      let count = { (value: Int) in CountText.grouped(Int64(value)) }
      right = StatusItem(
        ["\(count(replay.moment + 1))/\(count(replay.moments.count))"], style: Style(.dim),
        priority: 95, trailing: true)
    }
    let playback = StatusItem(
      [replay.isPlaying ? "▶ playing \(speed)" : "paused \(speed)"],
      style: replay.isPlaying ? Style(.ok, [.bold, .reverse]) : Style(.warn, [.bold, .reverse]),
      priority: 100)
    let event = replayEventText(replay)
    // The room the event has beside the others, for its cut form.
    let others = StatusLine([playback, right], separator: Span("  "))
    let taken = others.items.reduce(0) { $0 + DisplayWidth.of($1.forms[0].map(\.text).joined()) }
    let room = max(1, line.width - taken - 2 - 2)
    StatusLine(
      [
        playback,
        StatusItem(
          [event, TextFitting.truncateAtWord(event, toColumns: room)], style: Style(.text),
          priorities: [50, 60]),
        right,
      ], separator: Span("  "), gap: 2
    ).draw(&canvas, line)
  }

  /// The event under the cursor in one line, or what the start of the day shows.
  func replayEventText(_ replay: Replay) -> String {
    let moment = replay.moment
    guard moment >= 0 else {
      let first =
        replay.moments.times.first.map {
          "first event at " + ConsoleTime.timeOfDay($0, offsetMinutes: zoneOffsetMinutes(at: $0))
        } ?? "no events this day"
      return "start of \(replay.day.longText): state carried in · \(first)"
    }
    let first = replay.moments.firstRecords[moment]
    let others = replay.moments.recordCount(after: moment) - first - 1
    return eventLine(ofRecord: first) + (others > 0 ? "  (+\(others) more)" : "")
  }
}
