import Foundation
import Testing

/// Issue 11's small things, run as a user would: `--version`, zone names for `--tz`, the
/// same `--at` forms everywhere and a warning outside the log, `report`'s default day, theme
/// errors in words, plurals.
@Suite("Small things, through the binary")
struct SmallFixesTests {
  /// Runs with no user configuration, so the zone defaults to UTC and no theme is the user's.
  private func run(_ arguments: [String]) throws -> CommandResult {
    let configuration = try temporaryDirectory()
    return try Watchfloor.run(arguments, environment: ["XDG_CONFIG_HOME": configuration.path])
  }

  @Test("report reads a FIFO once: the report of the file it carries")
  func reportFromFIFO() throws {
    let file = "samples/2026-01-22.jsonl"
    let bytes = try Data(contentsOf: URL(fileURLWithPath: file))
    let fifo = try temporaryDirectory().appendingPathComponent("day.jsonl").path
    try #require(mkfifo(fifo, 0o600) == 0)
    // The writer blocks in open until the report opens the FIFO, then writes it all and
    // closes it: the end of the log.
    let writer = Thread {
      let descriptor = open(fifo, O_WRONLY)
      guard descriptor >= 0 else { return }
      bytes.withUnsafeBytes { raw in
        var offset = 0
        while offset < raw.count, let base = raw.baseAddress {
          let written = write(descriptor, base + offset, raw.count - offset)
          if written <= 0 { break }
          offset += written
        }
      }
      close(descriptor)
    }
    writer.start()
    let fromFIFO = try run(["report", fifo, "--day", "2026-01-22"])
    let fromFile = try run(["report", file, "--day", "2026-01-22"])
    #expect(fromFIFO.status == fromFile.status, "\(fromFIFO.errors)")
    // Read once: the chain cannot be read again, and the report says so.
    #expect(fromFIFO.errors.contains("the decision chain is not verified: a pipe is read once"))
    #expect(fromFile.output.contains("\(file):5 "))
    // The same report but for the name (columns are as wide as the longest name).
    func words(_ text: String) -> [Substring] { text.split(whereSeparator: \.isWhitespace) }
    #expect(
      words(fromFIFO.output) == words(fromFile.output.replacingOccurrences(of: file, with: fifo)))
  }

  @Test("--version prints the version and exits 0")
  func version() throws {
    let result = try run(["--version"])
    #expect(result.status == 0)
    #expect(result.output.hasPrefix("watchfloor 0."))
    #expect(result.errors.isEmpty)
  }

  @Test("--tz takes a zone name: state, report and render show Baghdad's time")
  func zoneNames() throws {
    let state = try run(["state", "samples", "--at", "2026-01-23T12:00", "--tz", "Asia/Baghdad"])
    #expect(state.status == 0, "\(state.errors)")
    // 12:00 in Baghdad is 09:00 UTC: the last event by then is at 08:31.
    #expect(
      state.output.hasPrefix(
        "Watchfloor state as of 2026-01-23T08:31:00Z (2026-01-23 11:31:00 Asia/Baghdad)"))
    // The log's last day in Baghdad is the 24th (22:41 UTC is 01:41 there): 12:00 on it is
    // after the log.
    let clock = try run(["state", "samples", "--at", "12:00", "--tz", "Asia/Baghdad"])
    #expect(
      clock.errors.contains("(2026-01-24 12:00:00 Asia/Baghdad) is after the log's last event"))
    let report = try run(["report", "samples", "--day", "2026-01-24", "--tz", "Asia/Baghdad"])
    #expect(report.status == 0, "\(report.errors)")
    #expect(report.output.hasPrefix("Shift handover: Sat 24 Jan 2026 (Asia/Baghdad)"))
    let render = try run(["render", "samples", "--size", "120x40", "--tz", "Asia/Baghdad"])
    #expect(render.status == 0, "\(render.errors)")
    #expect(render.output.contains("2026-01-24 01:41:00 Asia/Baghdad"))
    let bad = try run(["state", "samples", "--tz", "Mars/Olympus"])
    #expect(bad.status == 2)
  }

  @Test("state --at 12:00 is noon on the log's last day, as in replay")
  func stateAtClock() throws {
    let byClock = try run(["state", "samples", "--at", "12:00", "--json"])
    let byTime = try run(["state", "samples", "--at", "2026-01-23T12:00:00Z", "--json"])
    #expect(byClock.status == 0, "\(byClock.errors)")
    #expect(byClock.output == byTime.output)
    #expect(byClock.errors.isEmpty)
    let withoutOffset = try run(["state", "samples", "--at", "2026-01-23T12:00", "--json"])
    #expect(withoutOffset.output == byTime.output)
    let bad = try run(["state", "samples", "--at", "noon"])
    #expect(bad.status == 2)
    #expect(bad.errors.hasPrefix("watchfloor: --at 'noon' is not a time"))
  }

  @Test("an --at outside the log warns on stderr, and the command still answers")
  func atOutsideTheLog() throws {
    let before = try run(["state", "samples", "--at", "2026-01-19T00:00:00Z"])
    #expect(before.status == 0)
    #expect(before.errors.contains("watchfloor: warning: --at '2026-01-19T00:00:00Z'"))
    #expect(before.errors.contains("is before the log's first event"))
    let after = try run(["render", "samples", "--at", "2026-02-01"])
    #expect(after.status == 0)
    #expect(after.errors.contains("is after the log's last event"))
    let inside = try run(["state", "samples", "--at", "2026-01-22"])
    #expect(inside.errors.isEmpty)
  }

  @Test("report without --day reports the log's last day")
  func reportDefaultDay() throws {
    let result = try run(["report", "samples"])
    #expect(result.status == 0, "\(result.errors)")
    #expect(result.output.hasPrefix("Shift handover: Fri 23 Jan 2026 (UTC)\n"))
  }

  @Test("theme errors say what is wrong in words")
  func themeErrors() throws {
    let missing = try run(["render", "samples", "--theme", "/nonexistent/dark.toml"])
    #expect(missing.status == 2)
    #expect(
      missing.errors.contains(
        "cannot open theme /nonexistent/dark.toml: No such file or directory"))
    #expect(!missing.errors.contains("NSCocoaErrorDomain"))
    let unknown = try run(["render", "samples", "--theme", "nosuch"])
    #expect(unknown.status == 2)
    #expect(
      unknown.errors.contains(
        "no theme named \"nosuch\" (have: colorblind, default, high-contrast, mono, night)"))
    let checked = try run(["themes", "/nonexistent/dark.toml"])
    #expect(checked.status == 1)
    #expect(checked.errors.contains("cannot open theme /nonexistent/dark.toml"))
  }

  @Test("counts of one are singular")
  func plurals() throws {
    let directory = try temporaryDirectory()
    let log = directory.appendingPathComponent("one.jsonl")
    try Data(
      (#"{"ts":"2026-01-21T06:00:00Z","type":"airlift.landed","airlift":"AL-9"}"# + "\n").utf8
    ).write(to: log)
    let validate = try run(["validate", log.path])
    #expect(validate.output.contains("1 event, 0 applied, 0 malformed, 1 anomaly, 0 duplicates"))
    let state = try run(["state", log.path])
    #expect(state.output.contains("1 event, 0 applied"))
    #expect(state.output.contains("1 anomaly,"))
  }
}
