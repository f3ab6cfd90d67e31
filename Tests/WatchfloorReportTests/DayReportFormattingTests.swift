import Foundation
import Testing
import WatchfloorModel

@testable import WatchfloorReport

/// The handover's three forms, built in process from the samples. The expectations are worked
/// by hand from the sample files (samples/README.md and the `.jsonl` lines), not copied from
/// the program's output.
@Suite("The day report: text, Markdown and JSON")
struct DayReportFormattingTests {
  /// The bundled samples, read afresh (157 lines): a timeline is not shared across tests.
  private func samples() throws -> ReadLog { try ReadLog() }

  private func json(_ day: String, offsetMinutes: Int = 0, log: ReadLog? = nil) throws
    -> [String: Any]
  {
    let log = try log ?? samples()
    let report = try log.report(day: day, offsetMinutes: offsetMinutes)
    return try jsonObject(ReportJSON(report: report, zoneName: zoneName(offsetMinutes)).text)
  }

  private func text(_ day: String, offsetMinutes: Int = 0, log: ReadLog? = nil) throws -> String {
    let log = try log ?? samples()
    let report = try log.report(day: day, offsetMinutes: offsetMinutes)
    return ReportText(report: report, zoneName: zoneName(offsetMinutes)).text
  }

  private func markdown(_ day: String, log: ReadLog? = nil) throws -> String {
    let log = try log ?? samples()
    return ReportMarkdown(report: try log.report(day: day), zoneName: "UTC").text
  }

  /// `UTC`, `UTC+03:00`: the label `--tz` gives the zone.
  private func zoneName(_ offsetMinutes: Int) -> String {
    guard offsetMinutes != 0 else { return "UTC" }
    let sign = offsetMinutes < 0 ? "-" : "+"
    let magnitude = abs(offsetMinutes)
    let hours = magnitude / 60
    let minutes = magnitude % 60
    return "UTC\(sign)\(hours < 10 ? "0" : "")\(hours):\(minutes < 10 ? "0" : "")\(minutes)"
  }

  /// The samples' 22 January in UTC: 60 lines, nine landings.
  @Test("22 Jan: headline, airlifts by outcome and the decisions of the day")
  func samplesSecondDayFigures() throws {
    let day = try json("2026-01-22")
    #expect(day["day"] as? String == "2026-01-22")
    #expect(day["time_zone"] as? String == "UTC")
    let headline = object(day["headline"])
    #expect(headline["events"] as? Int == 60)
    // 120 + 45 + 160 + 60 + 140 + 180 + 90 + 150 + 130
    #expect(headline["landings"] as? Int == 9)
    #expect(headline["moved"] as? Int == 1075)
    // AL-0122-09 took off at 23:04 with 70.
    #expect(object(headline["in_flight"])["detainees"] as? Int == 70)
    #expect(object(headline["in_flight"])["airlifts"] as? Int == 1)
    let totals = object(headline["totals"])
    #expect(totals["moved"] as? Int == 1225)  // 150 on the 21st + 1,075
    #expect(totals["in_flight"] as? Int == 70)
    #expect(totals["pending"] as? Int == 0)

    let airlifts = object(day["airlifts"])
    #expect(airlifts["count"] as? Int == 11)
    let byStatus = Dictionary(
      uniqueKeysWithValues: objects(airlifts["by_status"]).compactMap { entry in
        (entry["status"] as? String).map { ($0, entry["airlifts"] as? [String] ?? []) }
      })
    #expect(
      byStatus["landed"] == [
        "AL-0121-02", "AL-0121-03", "AL-0122-01", "AL-0122-02", "AL-0122-03", "AL-0122-04",
        "AL-0122-05", "AL-0122-07", "AL-0122-08",
      ])
    #expect(byStatus["in-flight"] == ["AL-0122-09"])
    #expect(byStatus["denied"] == ["AL-0122-06"])
    #expect(byStatus["pending"] == [])

    // 14 approvals, 6 acknowledgements, 1 hold, 1 denial, 1 diversion.
    let decisions = objects(day["decisions"])
    #expect(decisions.count == 23)
    let kinds = decisions.compactMap { $0["kind"] as? String }
    #expect(kinds.filter { $0 == "airlift.approved" }.count == 14)
    #expect(kinds.filter { $0 == "incident.acknowledged" }.count == 6)
    let hold = try #require(decisions.first { $0["kind"] as? String == "airlift.held" })
    #expect(hold["subject"] as? String == "AL-0122-03")
    #expect(hold["by"] as? String == "karim")
    #expect(hold["at"] as? String == "2026-01-22T09:15:00Z")
    #expect(hold["clears_approval_by"] as? String == "layla")
    let denial = try #require(decisions.first { $0["kind"] as? String == "airlift.denied" })
    #expect(denial["subject"] as? String == "AL-0122-06")
    #expect(denial["by"] as? String == "hassan")
    #expect(
      (denial["reason"] as? String)?.hasPrefix("Karkh above 200% of capacity") == true)
    let diversion = try #require(decisions.first { $0["kind"] as? String == "airlift.diverted" })
    #expect(diversion["subject"] as? String == "AL-0122-05")
    #expect(diversion["by"] as? String == "layla")
    #expect(diversion["effect"] as? String == "diversion")
    #expect(diversion["from"] as? String == "nasiriyah")
    #expect(diversion["to"] as? String == "south-site")
    #expect(diversion["reason"] as? String == "Spread load: Nasiriyah near 200% of capacity")
  }

  @Test("22 Jan: AL-0122-03 held, then approved anew by two officers; four pairs in all")
  func samplesTwoPersonApprovals() throws {
    let day = try json("2026-01-22")
    let rows = objects(day["two_person_approvals"])
    #expect(
      rows.compactMap { $0["airlift"] as? String } == [
        "AL-0122-01", "AL-0122-03", "AL-0122-05", "AL-0122-03", "AL-0122-08",
      ])
    #expect(rows.filter { $0["paired"] as? Bool == true }.count == 4)
    let cleared = rows[1]
    #expect(cleared["first_by"] as? String == "layla")
    #expect(cleared["unpaired_reason"] as? String == "cleared_by_hold")
    #expect(cleared["unpaired_by"] as? String == "karim")
    let anew = rows[3]
    #expect(anew["first_by"] as? String == "karim")
    #expect(anew["first_at"] as? String == "2026-01-22T15:30:00Z")
    #expect(anew["second_by"] as? String == "layla")
    #expect(anew["second_at"] as? String == "2026-01-22T15:46:00Z")

    let text = try text("2026-01-22")
    #expect(
      text.contains("AL-0122-01  approved by layla at 06:25:00 and hassan at 06:41:00"))
    #expect(
      text.contains(
        "AL-0122-03  first approval by layla at 08:20:00; unpaired: cleared by the hold by karim "
          + "at 09:15:00"))
    #expect(text.contains("AL-0122-03  approved by karim at 15:30:00 and layla at 15:46:00"))
    #expect(text.contains("HOLDS, DENIALS AND CANCELLATIONS (2)"))
  }

  @Test("22 Jan: the critical incident re-acknowledged after its raise, and the late report")
  func samplesIncidentsAndProblems() throws {
    let day = try json("2026-01-22")
    let incidents = object(day["incidents"])
    // Three carried over from the 21st (INC-0121-01, -02, -03) and five reported.
    #expect(incidents["count"] as? Int == 8)
    let groups = objects(incidents["by_severity"])
    #expect(
      groups.compactMap { $0["severity"] as? String } == [
        "critical", "high", "medium", "low", "info",
      ])
    #expect(groups.compactMap { $0["count"] as? Int } == [1, 1, 2, 2, 2])
    #expect(groups.compactMap { $0["unacknowledged"] as? Int } == [0, 0, 0, 0, 0])
    // INC-0122-05: reported 18:05, acknowledged 20:36.
    #expect(groups[3]["longest_time_to_acknowledge"] as? Int == 9060)
    let critical = try #require(objects(groups[0]["incidents"]).first)
    #expect(critical["incident"] as? String == "INC-0122-01")
    #expect(critical["acknowledged_by"] as? String == "layla")
    #expect(critical["time_to_acknowledge"] as? Int == 240)  // 07:40 to 07:44
    let again = objects(critical["reacknowledgements"])
    #expect(again.first?["by"] as? String == "hassan")
    #expect(again.first?["at"] as? String == "2026-01-22T09:01:00Z")
    #expect(objects(critical["raises"]).first?["to"] as? String == "critical")
    #expect(critical["status"] as? String == "resolved")

    let problems = object(day["problems"])
    #expect(object(problems["counts"])["out_of_order"] as? Int == 1)
    let lines = objects(problems["lines"])
    #expect(lines.count == 1)
    #expect((lines.first?["file"] as? String)?.hasSuffix("/samples/2026-01-22.jsonl") == true)
    #expect(lines.first?["line"] as? Int == 54)
    #expect(lines.first?["kind"] as? String == "out-of-order")

    let text = try text("2026-01-22")
    #expect(text.contains("re-acknowledged 09:01:00 by hassan"))
    #expect(text.contains("raised high to critical at 08:55:00"))
    #expect(text.contains("samples/2026-01-22.jsonl:54  out-of-order"))
  }

  @Test("22 Jan: peak loads, the first time reached; the start of the day counts")
  func samplesPeakLoads() throws {
    let day = try json("2026-01-22")
    let peaks = objects(day["peak_loads"])
    #expect(
      peaks.compactMap { $0["facility"] as? String } == [
        "karkh", "nasiriyah", "sulaymaniyah", "qamishli", "ghwayran", "hasakah", "hol",
        "south-site",
      ])
    // Karkh: 5,890 at the start, +160 at 11:49:40, +150 at 18:47, +130 at 22:49.
    #expect(peaks[0]["occupancy"] as? Int == 6330)
    #expect(peaks[0]["capacity"] as? Int == 3000)
    #expect(peaks[0]["reached_at"] as? String == "2026-01-22T22:49:00Z")
    // Nasiriyah: 8,150 + 120 at 01:04:50 + 140 at 14:36.
    #expect(peaks[1]["occupancy"] as? Int == 8410)
    #expect(peaks[1]["reached_at"] as? String == "2026-01-22T14:36:00Z")
    // Qamishli only loses detainees: its peak is the 690 it started with.
    #expect(peaks[3]["at_start"] as? Bool == true)
    #expect(peaks[3]["occupancy"] as? Int == 690)
    #expect(peaks[3]["reached_at"] as? String == "2026-01-22T00:00:00Z")
  }

  @Test("23 Jan: the discrepancy at Nasiriyah, the cancellation, what is left waiting")
  func samplesThirdDay() throws {
    let day = try json("2026-01-23")
    let headline = object(day["headline"])
    #expect(headline["events"] as? Int == 67)
    #expect(headline["landings"] as? Int == 8)
    #expect(headline["moved"] as? Int == 1193)
    let totals = object(headline["totals"])
    #expect(totals["moved"] as? Int == 2418)
    #expect(totals["in_flight"] as? Int == 170)
    #expect(totals["pending"] as? Int == 420)
    #expect(totals["repatriated"] as? Int == 4)
    #expect(totals["discrepancy"] as? Int == 2)
    let discrepancies = objects(day["discrepancies"])
    #expect(discrepancies.count == 1)
    #expect(discrepancies.first?["airlift"] as? String == "AL-0123-02")
    #expect(discrepancies.first?["destination"] as? String == "nasiriyah")
    #expect(discrepancies.first?["detainees"] as? Int == 120)
    #expect(discrepancies.first?["delivered"] as? Int == 118)
    #expect(discrepancies.first?["shortfall"] as? Int == 2)
    let stops = objects(day["holds_denials_cancellations"])
    #expect(stops.compactMap { $0["kind"] as? String } == ["airlift.cancelled"])
    #expect(stops.first?["airlift"] as? String == "AL-0123-06")
    #expect(
      stops.first?["reason"] as? String
        == "Aircraft unserviceable; detainees to be re-manifested")
    let waiting = objects(day["two_person_approvals"]).last
    #expect(waiting?["airlift"] as? String == "AL-0123-10")
    #expect(waiting?["unpaired_reason"] as? String == "awaiting_second")
    let critical = objects(object(day["incidents"])["by_severity"]).first
    #expect(critical?["unacknowledged"] as? Int == 1)  // the IED near al-Qaim
  }

  @Test("--tz +03:00 moves the day: the 21st's last lines are in, the 22nd's last are out")
  func zoneShiftsTheDay() throws {
    let day = try json("2026-01-22", offsetMinutes: 180)
    #expect(day["start"] as? String == "2026-01-21T21:00:00Z")
    let headline = object(day["headline"])
    // The 21st's lines from 21:35 (2) and the 22nd's up to 20:40 (56).
    #expect(headline["events"] as? Int == 58)
    // AL-0122-08 lands at 22:49 UTC, after the local day's end.
    #expect(headline["landings"] as? Int == 8)
    #expect(headline["moved"] as? Int == 945)
    #expect(object(headline["in_flight"])["detainees"] as? Int == 0)

    let text = try text("2026-01-22", offsetMinutes: 180)
    #expect(text.contains("Shift handover: Thu 22 Jan 2026 (UTC+03:00)"))
    // AL-0121-03 approved at 06:10 UTC.
    #expect(text.contains("09:10:00  approved      AL-0121-03"))
  }

  @Test("a first approval on the 21st completed on the 22nd pairs across the days (+06:00)")
  func pairAcrossDays() throws {
    // At +06:00 the 22nd starts at 18:00 UTC on the 21st: karim approved AL-0121-02 at 15:05
    // UTC (21:05 local, the 21st), noor at 18:30 UTC (00:30 local, the 22nd).
    let text = try text("2026-01-22", offsetMinutes: 360)
    #expect(
      text.contains(
        "AL-0121-02  approved by karim at 2026-01-21 21:05:00 and noor at 00:30:00"))
    let day = try json("2026-01-22", offsetMinutes: 360)
    let pair = objects(day["two_person_approvals"]).first
    #expect(pair?["first_at"] as? String == "2026-01-21T15:05:00Z")
    #expect(pair?["second_at"] as? String == "2026-01-21T18:30:00Z")
  }

  @Test("markdown: # and ## headings, a GitHub table for every list, | escaped in cells")
  func markdownTables() throws {
    let result = try markdown("2026-01-22")
    let lines = result.split(separator: "\n", omittingEmptySubsequences: false)
    #expect(lines.first == "# Shift handover: Thu 22 Jan 2026 (UTC)")
    for heading in [
      "## Headline", "## Airlifts by outcome (11)", "## Decisions (23)",
      "## Two-person approvals (5)", "## Holds, denials and cancellations (2)",
      "## Incidents (8)", "## Peak load", "## Discrepancies (0)",
      "## Anomalies and problem lines (1)",
    ] {
      #expect(lines.contains(Substring(heading)), "missing \(heading)")
    }
    #expect(result.contains("| time | decision | subject | by | what it did |"))
    #expect(
      result.contains("| 06:41:00 | approved | AL-0122-01 | hassan | second, making it "))
    #expect(
      result.contains(
        "| 13:10:00 | diverted | AL-0122-05 | layla | diverted from nasiriyah to south-site |"))
    #expect(result.contains("No discrepancies."))
    // Every line under a heading is a table row, a sentence, or blank.
    let tableRows = lines.filter { $0.hasPrefix("|") }
    #expect(tableRows.allSatisfy { $0.hasSuffix("|") })
    #expect(tableRows.count > 60)

    let log = [
      #"{"ts":"2026-01-21T06:00:00Z","type":"facility.registered","facility":"a","name":"A","region":"R","side":"SY","capacity":10,"occupancy":5}"#,
      #"{"ts":"2026-01-21T06:01:00Z","type":"facility.registered","facility":"b","name":"B","region":"R","side":"IQ","capacity":10,"occupancy":5}"#,
      #"{"ts":"2026-01-21T06:02:00Z","type":"airlift.requested","airlift":"AL-1","origin":"a","destination":"b","detainees":3,"etd":"2026-01-21T09:00:00Z"}"#,
      #"{"ts":"2026-01-21T06:03:00Z","type":"airlift.denied","airlift":"AL-1","by":"hassan","reason":"left | right"}"#,
    ]
    let file = try temporaryLog(log, name: "pipe.jsonl")
    let piped = try markdown("2026-01-21", log: ReadLog([file.path]))
    #expect(piped.contains(#"| AL-1 | hassan | left \| right |"#))
  }

  @Test("problem lines keep the reasons read from the file; a quiet day in the log is a report")
  func problemLinesAndQuietDay() throws {
    let log = [
      #"{"ts":"2026-01-21T06:00:00Z","type":"facility.registered","facility":"karkh","name":"Karkh","region":"Baghdad","side":"IQ","capacity":3000,"occupancy":6000,"id":"a"}"#,
      #"{"ts":"2026-01-23T06:01:00Z","type":"facility.registered","facility":"karkh","capacity":"x"}"#,
      #"{"ts":"2026-01-23T06:02:00Z","type":"airlift.departed","airlift":"AL-9"}"#,
      #"{"ts":"2026-01-23T06:03:00Z","type":"radar.contact","id":"a"}"#,
      #"{"ts":"2026-01-23T06:04:00Z","type":"radar.contact","id":"b"}"#,
    ]
    let broken = try ReadLog([
      try temporaryLog(log, name: "broken.jsonl", finalNewline: false).path
    ])
    let result = try text("2026-01-23", log: broken)
    #expect(result.contains("broken.jsonl:2  malformed     missing field \"name\""))
    #expect(result.contains("broken.jsonl:3  anomaly       unknown airlift \"AL-9\""))
    #expect(result.contains("broken.jsonl:4  duplicate"))
    #expect(result.contains("broken.jsonl:5  unknown-type  unknown type \"radar.contact\""))
    #expect(
      result.contains(
        "1 anomaly, 1 malformed, 1 duplicate, 1 unknown type, 0 out of order"))

    let quiet = try text("2026-01-22", log: broken)
    #expect(quiet.contains("events in the day  0"))
    #expect(quiet.contains("DECISIONS (0)\n  no decisions"))
    #expect(quiet.contains("DISCREPANCIES (0)\n  none"))
  }

  @Test("peak loads carry the console's marks in text and Markdown, numbers in JSON")
  func peakLoadMarks() throws {
    let text = try text("2026-01-22")
    // Karkh peaks at 6,330 of 3,000 (211%); Sulaymaniyah, at 89%, has no mark but stays aligned.
    #expect(text.contains("211%!!  6,330 / 3,000"))
    #expect(text.contains("211%!!  6,330 / 3,000") && text.contains(" 89%        805 / 900"))
    let markdown = try markdown("2026-01-22")
    #expect(markdown.contains("| 211%!! |"))
  }

  @Test("durations keep at most two units, rounded down")
  func durations() {
    #expect(ReportWording.duration(45) == "45s")
    #expect(ReportWording.duration(840) == "14m")
    #expect(ReportWording.duration(870) == "14m 30s")
    #expect(ReportWording.duration(9060) == "2h 31m")
    #expect(ReportWording.duration(97_200) == "1d 3h")
    #expect(ReportWording.duration(-90) == "-1m 30s")
  }

  @Test("a day outside the log is named with the log's span in the report's zone")
  func outsideTheLog() throws {
    let log = try samples()
    let window = try #require(DayWindow(date: "2026-01-24", offsetMinutes: 0))
    #expect(log.timeline.records(of: window).isEmpty)
    #expect(
      DayReport.outsideLogMessage(window, zoneName: "UTC", timeline: log.timeline)
        == "no report for 2026-01-24 (UTC): it is outside the log, which runs from 2026-01-21 "
        + "to 2026-01-23")
  }
}
