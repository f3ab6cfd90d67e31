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
    help: ArgumentHelp(
      "The time to show: HH:MM, HH:MM:SS (on the log's last day), a date and time (in the --tz "
        + "zone), a date (its end) or RFC 3339 (default: the end of the log).", valueName: "T"))
  var at: String?

  @Option(help: ArgumentHelp("Screen size, 1 to 1000 each way.", valueName: "WIDTHxHEIGHT"))
  var size = ScreenSize(width: 120, height: 40)

  @Option(help: "auto (colour when printing to a terminal), always (ANSI colours) or never.")
  var color = ColorChoice.auto

  @Flag(help: "Render the replay screen, paused at --at (default: the start of --day).")
  var replay = false

  @Option(
    help: ArgumentHelp(
      "With --replay: the day, in the --tz zone (default: the day of --at, else the log's latest).",
      valueName: "YYYY-MM-DD"))
  var day: String?

  @OptionGroup var console: ConsoleOptions

  func validate() throws {
    if day != nil && !replay { throw ValidationError("--day goes with --replay") }
  }

  func run() throws {
    let config = loadUserConfig()
    let zone = console.zone(config: config)
    let themes = try console.themes(config: config)
    let identity = try console.identity(forSources: sources)
    let log = try LoadedLog(sources: sources, verifyingChain: replay)
    log.keepUntilExit()
    var setup = try renderSetup(
      log: log, zone: zone, themes: themes, identity: identity, bell: config.bell)
    setup.asciiOnly = !ASCIIFallback.localeIsUTF8()
    setup.escalateAfterSeconds = config.escalateAfterSeconds
    setup.staleAfterSeconds = config.staleAfterSeconds
    let model = setup.makeModel()
    let canvas = model.view()
    if color.usesColor(outputIsTerminal: isatty(1) != 0) {
      standardOutput(ansiScreen: canvas.ansi(theme: model.theme, mode: ColorMode.detect()))
    } else {
      standardOutput(canvas.lines().joined(separator: "\n"))
    }
  }

  /// The console `live` would show as of `--at` (or `replay`, with `--replay`): the same
  /// builder, officer, roster, themes and zone, at this size.
  private func renderSetup(
    log: LoadedLog, zone: DisplayZone, themes: [Theme], identity: OfficerIdentity, bell: Bool
  ) throws -> ConsoleSetup {
    let timeline = log.timeline
    let size = (width: size.width, height: size.height)
    if replay {
      let replayed = try makeReplay(
        of: timeline, day: day, at: at, speed: .standard,
        offsetMinutes: replayOffset(zone, day: day, timeline: timeline))
      return ConsoleSetup(
        timeline: timeline, position: .replay(replayed), size: size, now: replayed.time,
        identity: identity, themes: themes, zone: zone, bell: false,
        source: sources.joined(separator: " "), chainMarks: try log.chainMarks())
    }
    let time = try at.map { try parseTime($0, timeline: timeline, zone: zone) }
    return ConsoleSetup(
      timeline: timeline, position: .still(asOf: time), size: size,
      now: time ?? timeline.current.latest, identity: identity, themes: themes, zone: zone,
      bell: bell, source: log.files.joined(separator: " "))
  }
}
