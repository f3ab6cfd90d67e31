import ArgumentParser
import WatchfloorConsole
import WatchfloorModel

#if canImport(Glibc)
  import Glibc
#endif

struct RenderCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "render",
    abstract: "Print the console screen as of a time, as text, through the console's own view.")

  @Argument(help: "Log files or directories of *.jsonl files.")
  var sources: [String]

  @Option(
    help: ArgumentHelp("The time to show (RFC 3339; default: the end of the log).", valueName: "T"))
  var at: String?

  @Option(help: ArgumentHelp("Screen size.", valueName: "WxH"))
  var size = "120x40"

  @Option(help: "auto (colour when printing to a terminal), always (ANSI colours) or never.")
  var color = "auto"

  @Flag(help: "Render the replay screen, paused at --at (default: the start of --day).")
  var replay = false

  @Option(
    help: ArgumentHelp(
      "With --replay: the day, in the --tz zone (default: the day of --at, else the log's latest).",
      valueName: "YYYY-MM-DD"))
  var day: String?

  @OptionGroup var console: ConsoleOptions

  func run() throws {
    let dimensions = size.lowercased().split(separator: "x").compactMap { Int($0) }
    guard dimensions.count == 2, dimensions[0] > 0, dimensions[1] > 0, dimensions[0] <= 1000,
      dimensions[1] <= 1000
    else {
      standardError("watchfloor: --size '\(size)' is not WIDTHxHEIGHT, e.g. 120x40")
      throw ExitCode(2)
    }
    guard ["auto", "always", "never"].contains(color) else {
      standardError("watchfloor: --color takes auto, always or never")
      throw ExitCode(2)
    }
    let themes = try console.themes()
    let zone = try console.timeZone()
    let identity = try console.identity()
    let log = try LoadedLog(sources: sources)
    let timeline = log.timeline
    if day != nil && !replay {
      standardError("watchfloor: --day goes with --replay")
      throw ExitCode(2)
    }
    let replayed =
      try replay
      ? makeReplay(of: timeline, day: day, at: at, speed: "60", offsetMinutes: zone.minutes)
      : nil
    let time = try replayed?.time ?? at.map { try parseTime($0, tables: timeline.tables) }
    let state = time.map { timeline.state(asOf: $0) } ?? timeline.current
    var model = ConsoleModel(
      timeline: timeline, size: (dimensions[0], dimensions[1]),
      now: time ?? state.latest, operatorName: identity.name,
      feed: FeedHealth(source: log.files.joined(separator: " ")), themes: themes)
    model.state = state
    model.operatorRole = identity.role
    model.roster = identity.roster
    model.timeZoneMinutes = zone.minutes
    model.timeZoneName = zone.name
    model.feed.lastLineAt = state.lastApplied.isMissing ? nil : state.lastApplied
    model.keepSelectionsVisible()
    if let replayed {
      model.chainMarks = try log.chainMarks()
      model.feed.source = sources.joined(separator: " ")
      model.startReplay(replayed)
    }
    let canvas = model.view()
    let useColor = color == "always" || (color == "auto" && isatty(1) != 0)
    if useColor {
      standardOutput(ansiScreen: canvas.ansi(theme: model.theme, mode: ColorMode.detect()))
    } else {
      standardOutput(canvas.lines().joined(separator: "\n"))
    }
  }
}
