import ArgumentParser
import WatchfloorConsole
import WatchfloorModel

struct ReplayCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "replay",
    abstract: "Replay a past day, read-only: timeline, playback, seek.",
    discussion: """
      SOURCE is a log file or a directory of daily *.jsonl logs, read in name order as one log;
      the state carried in from earlier days counts. The replay opens paused at the start of
      the day (the latest day of the log unless --day or --at says otherwise). At any position
      the panes show the state `watchfloor state SOURCE --at T` reports.

      Keys: Space play/pause, + - speed, → . and ← , one event, ] [ an hour, n N the next or
      previous decision or incident, g go to a time, Home End the day's first or last event.
      """)

  @Argument(help: "Log files or directories of *.jsonl files.")
  var sources: [String]

  @OptionGroup var position: ReplayPosition

  @OptionGroup var console: ConsoleOptions

  func run() throws {
    let config = loadUserConfig()
    let zone = console.zone(config: config)
    let themes = try console.themes(config: config)
    let identity = try console.identity(forSources: sources)
    let log = try LoadedLog(
      sources: sources, checkpointInterval: Replay.checkpointInterval, verifyingChain: true)
    let replay = try position.replay(
      of: log.timeline,
      offsetMinutes: replayOffset(zone, day: position.day, timeline: log.timeline))
    var setup = ConsoleSetup(
      timeline: log.timeline, position: .replay(replay), now: replay.time, identity: identity,
      themes: themes, zone: zone, bell: false, source: sources.joined(separator: " "),
      chainMarks: try log.chainMarks())
    setup.asciiOnly = !ASCIIFallback.localeIsUTF8()
    // The alert line marks what waited too long as of the cursor; a replay never rings.
    setup.escalateAfterSeconds = config.escalateAfterSeconds
    let status = try runConsole(setup.makeModel(), following: nil)
    if status != 0 { throw ExitCode(status) }
  }
}

/// Where a replay opens: `--day`, `--at` and `--speed`, shared by `replay` and `render --replay`.
struct ReplayPosition: ParsableArguments {
  @Option(
    help: ArgumentHelp(
      "The day to replay, in the --tz zone (default: the day of --at, else the log's latest).",
      valueName: "YYYY-MM-DD"))
  var day: String?

  @Option(
    help: ArgumentHelp(
      "Where to open: HH:MM or HH:MM:SS on the day, a date and time (in the --tz zone), a date "
        + "(its end) or RFC 3339 (default: the day's start).",
      valueName: "T"))
  var at: String?

  @Option(help: ArgumentHelp("Playback speed: 1, 10, 60, 600 or 3600.", valueName: "N"))
  var speed = ReplaySpeed.standard

  func replay(of timeline: Timeline, offsetMinutes: Int) throws -> Replay {
    try makeReplay(
      of: timeline, day: day, at: at, speed: speed, offsetMinutes: offsetMinutes)
  }
}

/// The replay that `--day`, `--at` and `--speed` describe on `timeline`
/// (``ReplayOpening``); exits 2 with a message when they do not fit the log.
func makeReplay(
  of timeline: Timeline, day: String?, at: String?, speed: ReplaySpeed, offsetMinutes: Int
) throws -> Replay {
  do {
    return try ReplayOpening.replay(
      of: timeline, day: day, at: at, speedIndex: speed.index, offsetMinutes: offsetMinutes)
  } catch {
    standardError("watchfloor: \(error)")
    throw ExitCode(2)
  }
}

/// The offset a replay's day is counted in: that of `--day` when given, else that in force at
/// the log's last event (a zone with daylight saving changes it with the date).
func replayOffset(_ zone: DisplayZone, day: String?, timeline: Timeline) -> Int {
  if let day, DayWindow(date: day, offsetMinutes: 0) != nil { return zone.minutes(onDate: day) }
  return zone.minutes(at: timeline.latestTime)
}
