import ArgumentParser
import WatchfloorConsole
import WatchfloorModel
import WatchfloorReport

/// How the handover is printed.
enum ReportFormat: String, ExpressibleByArgument, CaseIterable {
  case text, markdown, json
}

struct ReportCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "report",
    abstract: "Print the shift handover for one day.",
    discussion: """
      SOURCE is a log file or a directory of daily *.jsonl logs, read in name order; several
      are read as one log. The day is a date in the --tz zone; its records are those the log
      adds between the state as of the day's start and as of its last instant, so a line
      typed in late counts on the day it was written. The handover gives the headline
      figures, the day's airlifts by outcome, every decision with who and when, two-person
      approvals paired, holds, denials and cancellations with their reasons, incidents by
      severity with their time to acknowledge, the peak load of each facility, landing
      discrepancies, and the day's anomalies and problem lines.
      Exit 0, or 2 for a bad date, a day outside the log or an unreadable source.
      """
  )

  @Argument(help: "Log files or directories of *.jsonl files.")
  var sources: [String]

  @Option(
    help: ArgumentHelp(
      "The day to report, in the --tz zone (default: the log's last day).",
      valueName: "YYYY-MM-DD"))
  var day: String?

  @Option(help: "text (aligned, for a terminal), markdown (tables) or json.")
  var format: ReportFormat = .text

  // Unconditional, so that `--tz -05:00` is read as a value rather than as an option.
  @Option(
    parsing: .unconditional,
    help: ArgumentHelp(
      "Time zone of the day and of the times shown: UTC, an offset like +03:00 or a zone name "
        + "like Asia/Baghdad (default: the configured zone, else UTC).", valueName: "ZONE"))
  var tz: ZoneArgument?

  func run() throws {
    let zone = tz?.zone ?? loadUserConfig().timeZone ?? .utc
    if let day, DayWindow(date: day, offsetMinutes: 0) == nil {
      standardError("watchfloor: --day '\(day)' is not a date: use YYYY-MM-DD, e.g. 2026-01-22")
      throw ExitCode(2)
    }
    // The timeline keeps no reasons for the lines it skips: collect them as they are read.
    var lineReasons: [Int: String] = [:]
    let log = try LoadedLog(sources: sources, verifyingChain: true) { verdict, _, _, timeline in
      switch verdict {
      case .malformed(let reason): lineReasons[timeline.count - 1] = reason
      case .unknownType(let type): lineReasons[timeline.count - 1] = "unknown type \"\(type)\""
      default: break
      }
    }
    log.keepUntilExit()
    let timeline = log.timeline
    let window: DayWindow
    if let day, let chosen = DayWindow(date: day, offsetMinutes: zone.minutes(onDate: day)) {
      window = chosen
    } else if !timeline.latestTime.isMissing {
      window = zone.day(containing: timeline.latestTime)
    } else {
      standardError("watchfloor: the log has no event with a time: no day to report")
      throw ExitCode(2)
    }
    let records = timeline.records(of: window)
    if records.isEmpty && (records.lowerBound == 0 || records.lowerBound == timeline.count) {
      standardError(
        "watchfloor: \(DayReport.outsideLogMessage(window, zoneName: zone.name, timeline: timeline))"
      )
      throw ExitCode(2)
    }
    let report = DayReport.build(timeline: timeline, day: window, lineReasons: lineReasons)
      .marking(chain: try log.chainMarks())
    switch format {
    case .text:
      var out = standardOutputBuffer()
      ReportText(report: report, zoneName: zone.name).writeText(to: &out)
      out.finishLine()
    case .markdown:
      var out = standardOutputBuffer()
      ReportMarkdown(report: report, zoneName: zone.name).writeText(to: &out)
      out.finishLine()
    case .json:
      var out = standardOutputJSON()
      ReportJSON(report: report, zoneName: zone.name).write(to: &out)
      out.finish()
    }
  }
}
