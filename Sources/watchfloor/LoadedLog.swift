import ArgumentParser
import WatchfloorConsole
import WatchfloorLog
import WatchfloorModel

/// The SOURCE arguments (files, directories or a database URL) read into a timeline, or
/// exit 2 with a one-line message.
struct LoadedLog {
  let log: any EventLog
  let timeline: Timeline
  /// The chain of a file log, verified beside the reading when asked for.
  private let chain: ChainVerification?
  /// The names lines are reported under: the files, or the database.
  var files: [String] { log.sourceNames }

  /// With `verifyingChain`, the decision chain of a file log is verified on another thread
  /// while the log is read (``chainMarks()`` waits for it).
  init(
    sources: [String], checkpointInterval: Int = 32_768, verifyingChain: Bool = false,
    report: (LineVerdict, Int, Int, Timeline) -> Void = { _, _, _, _ in }
  ) throws {
    do {
      log = try LogLocation.parse(sources).open()
      chain =
        verifyingChain
        ? (log as? FileLog).flatMap { ChainVerification.besideReading($0.files) } : nil
      let timeline = Timeline(checkpointInterval: checkpointInterval)
      try log.read(into: timeline) { verdict, source, line in
        report(verdict, source, line, timeline)
      }
      self.timeline = timeline
    } catch {
      standardError("watchfloor: \(error)")
      throw ExitCode(2)
    }
  }

  /// Keeps the timeline to the process's exit, never freeing it: a command that is done with
  /// a log of millions of events would otherwise spend tens of milliseconds freeing it object
  /// by object, memory the exit gives back at once.
  func keepUntilExit() { _ = Unmanaged.passRetained(timeline) }

  /// The decision chain's verdict on every decision line of the log (it is read again and
  /// hashed, or was beside the reading); exits 2 when it cannot be read. A log read from a
  /// pipe or FIFO cannot be read again: its decisions are shown unchained, with a warning.
  func chainMarks() throws -> ChainMarks {
    // A chain verified beside the reading was started only for regular files.
    if chain == nil, let fileLog = log as? FileLog,
      !ChainVerification.areRegularFiles(fileLog.files)
    {
      standardError(
        "watchfloor: warning: the decision chain is not verified: a pipe is read once; "
          + "give the log as a file to verify it")
      return ChainMarks()
    }
    do {
      return try (chain?.ledger() ?? log.verifyChain()).marks
    } catch {
      standardError("watchfloor: \(error)")
      throw ExitCode(2)
    }
  }
}

/// Parses a `--at` time the way every command does (``ReplayTimeEntry/parse(_:day:offsetMinutes:tables:)``):
/// RFC 3339 with its offset; a date and time without offset, in `zone`; a bare date, the end
/// of that day in `zone`; `HH:MM` or `HH:MM:SS` on the log's last day in `zone`. A time
/// before the log's first event or after its last is taken, with a warning on standard error
/// saying what the state will be.
func parseTime(_ text: String, timeline: Timeline, zone: DisplayZone) throws -> Timestamp {
  let latest = timeline.latestTime
  let lastDay = zone.day(containing: latest.isMissing ? Timestamp(seconds: 0) : latest)
  let dated = DayWindow(date: String(text.prefix(10)), offsetMinutes: 0) != nil
  let offset = dated ? zone.minutes(onDate: String(text.prefix(10))) : lastDay.offsetMinutes
  guard
    let time = ReplayTimeEntry.parse(
      text, day: lastDay, offsetMinutes: offset, tables: timeline.tables)
  else {
    standardError(
      "watchfloor: --at '\(text)' is not a time: use HH:MM or HH:MM:SS (on the log's last day), "
        + "a date and time (2026-01-21T06:00, in the --tz zone), a date (its end), or RFC 3339 "
        + "(2026-01-21T06:00:00Z, 2026-01-21T09:00:00+03:00)")
    throw ExitCode(2)
  }
  warnIfOutside(time, text: text, timeline: timeline, zone: zone)
  return time
}

/// Warns when `time` is before the log's first event (the state is empty) or after its last
/// (the state is the log's end): an `--at` outside the log is most likely a mistyped one.
private func warnIfOutside(_ time: Timestamp, text: String, timeline: Timeline, zone: DisplayZone) {
  var first = Timestamp.missing
  for index in 0..<timeline.count where !timeline[index].ts.isMissing {
    first = timeline[index].ts
    break
  }
  let latest = timeline.latestTime
  guard !first.isMissing, !latest.isMissing else {
    standardError("watchfloor: warning: --at '\(text)': the log has no event with a time")
    return
  }
  func shown(_ time: Timestamp) -> String {
    ConsoleTime.dateTime(time, offsetMinutes: zone.minutes(at: time)) + " " + zone.name
  }
  if time < first {
    standardError(
      "watchfloor: warning: --at '\(text)' (\(shown(time))) is before the log's first event "
        + "(\(shown(first))): the state is empty")
  } else if latest < time {
    standardError(
      "watchfloor: warning: --at '\(text)' (\(shown(time))) is after the log's last event "
        + "(\(shown(latest))): the state is the log's end")
  }
}
