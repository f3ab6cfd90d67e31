import ArgumentParser
import WatchfloorConsole
import WatchfloorModel
import WatchfloorReport

struct StateCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "state",
    abstract: "Print the state of the operation as of a time.",
    discussion: """
      SOURCE is a log file or a directory of daily *.jsonl logs, read in name order; several
      are read as one log. As of T means the lines before the first line whose ts is later
      than T.
      """
  )

  @Argument(help: "Log files or directories of *.jsonl files.")
  var sources: [String]

  @Option(
    help: ArgumentHelp(
      "The time to show the state as of: HH:MM, HH:MM:SS (on the log's last day), a date and "
        + "time, a date (its end) or RFC 3339 (default: the end of the log).",
      valueName: "T"))
  var at: String?

  // Unconditional, so that `--tz -05:00` is read as a value rather than as an option.
  @Option(
    parsing: .unconditional,
    help: ArgumentHelp(
      "Time zone of --at and of the local time shown: UTC, an offset like +03:00 or a zone "
        + "name like Asia/Baghdad (default: the configured zone, else UTC).", valueName: "ZONE"))
  var tz: ZoneArgument?

  @Flag(help: "Print the machine-readable JSON state of the spec.")
  var json = false

  func run() throws {
    let log = try LoadedLog(sources: sources)
    log.keepUntilExit()
    let timeline = log.timeline
    let zone = tz?.zone ?? loadUserConfig().timeZone ?? .utc
    let state =
      try at.map { timeline.state(asOf: try parseTime($0, timeline: timeline, zone: zone)) }
      ?? timeline.current
    if json {
      var out = standardOutputJSON()
      state.writeJSON(timeline.tables, to: &out)
      out.finish()
    } else {
      var summary = StateSummary(state: state, tables: timeline.tables)
      if zone != .utc, !state.lastApplied.isMissing {
        let time = state.lastApplied
        summary.asOfLocal =
          ConsoleTime.dateTime(time, offsetMinutes: zone.minutes(at: time)) + " " + zone.name
      }
      var out = standardOutputBuffer()
      summary.writeText(to: &out)
      out.finishLine()
    }
  }
}
