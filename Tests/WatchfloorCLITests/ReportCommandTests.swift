import Foundation
import Testing

/// End to end: exit codes and wiring. The handover's content is tested in process, in
/// WatchfloorReportTests/DayReportFormattingTests.swift.
@Suite("watchfloor report: the shift handover, run as a user would")
struct ReportCommandTests {
  /// Runs `report` with no user configuration, so that the zone defaults to UTC.
  private func report(_ arguments: [String]) throws -> CommandResult {
    let configuration = try temporaryDirectory()
    return try Watchfloor.run(
      ["report"] + arguments, environment: ["XDG_CONFIG_HOME": configuration.path])
  }

  private func json(_ arguments: [String]) throws -> [String: Any] {
    let result = try report(arguments + ["--format", "json"])
    #expect(result.status == 0, "\(result.errors)")
    return try #require(
      try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any])
  }

  private func objects(_ value: Any?) -> [[String: Any]] { value as? [[String: Any]] ?? [] }

  /// The formats themselves are tested in process (WatchfloorReportTests); this checks the
  /// wiring: the options reach the report and each format is printed.
  @Test("--format and --tz reach the report: JSON parses, -05:00 is read as a value")
  func formatsAndZoneWiring() throws {
    let day = try json(["samples", "--day", "2026-01-22", "--tz", "-05:00"])
    #expect(day["day"] as? String == "2026-01-22")
    #expect(day["time_zone"] as? String == "UTC-05:00")
    #expect(day["start"] as? String == "2026-01-22T05:00:00Z")
    #expect(objects(day["decisions"]).isEmpty == false)
    let text = try report(["samples", "--day", "2026-01-22"])
    #expect(text.status == 0)
    #expect(text.output.hasPrefix("Shift handover: Thu 22 Jan 2026 (UTC)\n"))
    let markdown = try report(["samples", "--day", "2026-01-22", "--format", "markdown"])
    #expect(markdown.status == 0)
    #expect(markdown.output.hasPrefix("# Shift handover: Thu 22 Jan 2026 (UTC)\n"))
  }

  @Test("a bad --day, or a day outside the log, exits 2 with one line")
  func badDays() throws {
    for text in ["2026-02-30", "22/01/2026", "yesterday"] {
      let result = try report(["samples", "--day", text])
      #expect(result.status == 2)
      #expect(result.output.isEmpty)
      #expect(
        result.errors
          == "watchfloor: --day '\(text)' is not a date: use YYYY-MM-DD, e.g. 2026-01-22\n")
    }
    for (text, zone) in [("2026-01-20", "UTC"), ("2026-01-24", "UTC")] {
      let result = try report(["samples", "--day", text])
      #expect(result.status == 2)
      #expect(
        result.errors
          == "watchfloor: no report for \(text) (\(zone)): it is outside the log, which runs "
          + "from 2026-01-21 to 2026-01-23\n")
    }
    // At +03:00 the last line (22:41 UTC on the 23rd) is on the 24th: that day is in the log.
    let shifted = try report(["samples", "--day", "2026-01-24", "--tz", "+03:00"])
    #expect(shifted.status == 0)
    // No --day: the log's last day (in the zone).
    let lastDay = try report(["samples", "--tz", "+03:00"])
    #expect(lastDay.status == 0)
    #expect(lastDay.output.hasPrefix("Shift handover: Sat 24 Jan 2026 (UTC+03:00)\n"))
  }
}
