import Foundation
import Testing
import WatchfloorModel

private let samplesFolder = URL(fileURLWithPath: #filePath)
  .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
  .appendingPathComponent("samples")

/// Moments of a day against the state as of a time, on a hand-made log that crosses midnight
/// with out-of-order, equal and missing times.
@Suite("Day moments")
struct DayMomentsTests {
  /// Lines (UTC): 1 Jan 21 22:00, 2 Jan 21 23:59:59, 3 Jan 22 00:00, 4 Jan 21 23:30 (late),
  /// 5 Jan 22 00:00 (same), 6 malformed, 7 06:00 incident, 8 03:00:30 ack (late, +03:00),
  /// 9 09:15, 10 Jan 23 00:00:01.
  func midnightLog() -> LogBuilder {
    var log = LogBuilder()
    log.raw(
      #"{"ts":"2026-01-21T22:00:00Z","type":"facility.registered","facility":"karkh","name":"Karkh","region":"Baghdad","side":"IQ","capacity":3000,"occupancy":500}"#
    )
    for (ts, occupancy) in [
      ("2026-01-21T23:59:59Z", 600), ("2026-01-22T00:00:00Z", 610), ("2026-01-21T23:30:00Z", 620),
      ("2026-01-22T00:00:00Z", 630),
    ] {
      log.raw(
        #"{"ts":"\#(ts)","type":"facility.updated","facility":"karkh","occupancy":\#(occupancy)}"#)
    }
    log.raw(#"{"type":"facility.updated","facility":"karkh"}"#)
    log.raw(
      #"{"ts":"2026-01-22T06:00:00Z","type":"incident.reported","incident":"INC-1","sector":"rabia","severity":"high","kind":"drone","summary":"a drone"}"#
    )
    log.raw(
      #"{"ts":"2026-01-22T06:00:30+03:00","type":"incident.acknowledged","incident":"INC-1","by":"noor"}"#
    )
    log.raw(
      #"{"ts":"2026-01-22T09:15:00Z","type":"facility.updated","facility":"karkh","capacity":3100}"#
    )
    log.raw(
      #"{"ts":"2026-01-23T00:00:01Z","type":"facility.updated","facility":"karkh","capacity":3200}"#
    )
    return log
  }

  func day(_ text: String, offset: Int = 0) throws -> DayWindow {
    try #require(DayWindow(date: text, offsetMinutes: offset))
  }

  @Test("moments, record counts, hours and marks of a UTC day, worked by hand")
  func utcDay() throws {
    let log = midnightLog()
    let moments = DayMoments(timeline: log.timeline, day: try day("2026-01-22"))
    #expect(log.timeline.records(of: moments.day) == 2..<9)
    #expect(
      moments.times.map(RFC3339.utcText) == [
        "2026-01-22T00:00:00Z", "2026-01-22T06:00:00Z", "2026-01-22T09:15:00Z",
      ])
    #expect(moments.firstRecords == [2, 6, 8])
    #expect((-1..<3).map(moments.recordCount(after:)) == [2, 6, 8, 9])
    #expect(moments.hourCounts[0] == 4 && moments.hourCounts[6] == 2 && moments.hourCounts[9] == 1)
    #expect(moments.hourCounts.reduce(0, +) == 7)
    #expect(moments.notableMoments == [1])
    #expect(moments.minuteMarks[360].incidentSeverity == .high)
    #expect(moments.minuteMarks[360].decisions)
    #expect(moments.minuteMarks[0] == MomentMarks())
  }

  @Test("the moment under any time of the day holds exactly the records as of that time")
  func momentsMatchAsOf() throws {
    let log = midnightLog()
    for offset in [0, 180, -300] {
      for date in ["2026-01-21", "2026-01-22", "2026-01-23"] {
        let window = try day(date, offset: offset)
        let moments = DayMoments(timeline: log.timeline, day: window)
        var probes = [window.start, window.last]
        for time in moments.times { probes += [time, time.before, time.adding(seconds: 1)] }
        for minute in stride(from: 0, to: 1440, by: 17) {
          probes.append(window.start.adding(seconds: Int64(minute * 60)))
        }
        for probe in probes where window.contains(probe) {
          #expect(
            moments.recordCount(after: moments.moment(at: probe))
              == log.timeline.recordCount(asOf: probe),
            "\(date) \(offset) at \(RFC3339.utcText(probe))")
        }
      }
    }
  }

  @Test("a day in +03:00 starts at 21:00 UTC the evening before")
  func zonedDay() throws {
    let log = midnightLog()
    let window = try day("2026-01-22", offset: 180)
    #expect(RFC3339.utcText(window.start) == "2026-01-21T21:00:00Z")
    let moments = DayMoments(timeline: log.timeline, day: window)
    #expect(moments.startCount == 0)
    #expect(moments.times.count == 5)
    #expect(moments.firstRecords == [0, 1, 2, 6, 8])
    #expect(moments.hourCounts[1] == 1 && moments.hourCounts[2] == 1 && moments.hourCounts[3] == 4)
  }

  @Test("the samples: every moment of every day is the state `state --at` reports")
  func samples() throws {
    let timeline = Timeline(checkpointInterval: 16)
    var lineNumber = 0
    for name in ["2026-01-21", "2026-01-22", "2026-01-23"] {
      let source = timeline.addSource(name)
      let text = try String(
        contentsOf: samplesFolder.appendingPathComponent("\(name).jsonl"), encoding: .utf8)
      for line in text.split(separator: "\n") {
        lineNumber += 1
        var line = String(line)
        _ = line.withUTF8 {
          timeline.ingest(UnsafeRawBufferPointer($0), lineNumber: lineNumber, source: source)
        }
      }
      let moments = DayMoments(timeline: timeline, day: try day(name))
      #expect(moments.count > 0)
    }
    var total = 0
    for name in ["2026-01-21", "2026-01-22", "2026-01-23"] {
      let moments = DayMoments(timeline: timeline, day: try day(name))
      total += moments.count
      for index in -1..<moments.count {
        let time = index < 0 ? moments.day.start : moments.times[index]
        let count = moments.recordCount(after: index)
        #expect(count == timeline.recordCount(asOf: time))
        #expect(
          timeline.state(afterRecords: count, from: timeline.state(afterRecords: max(0, count - 3)))
            .json(timeline.tables) == timeline.state(asOf: time).json(timeline.tables))
      }
    }
    // 157 lines, one of them late-written: 156 moments.
    #expect(total == 156)
  }

  @Test("DayWindow parses dates strictly and names weekdays")
  func dayWindow() throws {
    for bad in ["2026-1-22", "2026-02-30", "2026-13-01", "20260122", "2026-01-22T", ""] {
      #expect(DayWindow(date: bad, offsetMinutes: 0) == nil, "\(bad)")
    }
    let leap = try day("2028-02-29")
    #expect(leap.longText == "Tue 29 Feb 2028")
    #expect(try day("2026-01-22").longText == "Thu 22 Jan 2026")
    #expect(leap.next.text == "2028-03-01")
    let before = Timestamp(seconds: try day("2026-01-22").start.seconds - 1)
    #expect(DayWindow(containing: before, offsetMinutes: 0).text == "2026-01-21")
    #expect(DayWindow(containing: before, offsetMinutes: 60).text == "2026-01-22")
  }
}
