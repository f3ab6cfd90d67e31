import ArgumentParser
import WatchfloorConsole
import WatchfloorLog
import WatchfloorModel

struct LiveCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "live",
    abstract: "Open the console on a log and follow it as it grows.",
    discussion: """
      The log is read whole, then followed like tail -F: new lines appear within 100 ms;
      truncation and replacement (rotation) are noticed and the log is read again. A missing
      file is waited for.
      """)

  @Argument(help: "The log to follow: a file, or a database URL (postgres://USER@HOST/DB).")
  var file: String

  @OptionGroup var console: ConsoleOptions

  @Flag(name: .customLong("no-bell"), help: "Do not ring the bell for new critical incidents.")
  var noBell = false

  func run() throws {
    let status = try openConsole(path: file, console: console, bell: !noBell, driver: nil)
    if status != 0 { throw ExitCode(status) }
  }
}

/// Opens the live console on `path` (a file or a database URL) until the officer quits;
/// returns the exit status.
func openConsole(path: String, console: ConsoleOptions, bell: Bool, driver: FeedDriver?) throws
  -> Int32
{
  let config = loadUserConfig()
  let location: LogLocation
  do {
    location = try LogLocation.parse([path])
  } catch {
    throw databaseExit(error)
  }
  let identity = try console.identity(for: location)
  let timeline = Timeline()
  _ = timeline.addSource(location.displayName)
  var setup = ConsoleSetup(
    timeline: timeline, position: .following, now: driver?.now() ?? Timestamp.now(),
    identity: identity, themes: try console.themes(config: config),
    zone: console.zone(config: config), bell: bell && config.bell, source: location.displayName)
  setup.asciiOnly = !ASCIIFallback.localeIsUTF8()
  setup.escalateAfterSeconds = config.escalateAfterSeconds
  setup.staleAfterSeconds = config.staleAfterSeconds
  return try runConsole(setup.makeModel(), following: location, driver: driver)
}

/// Runs the console until the officer quits, following the log at `location` (or replaying
/// when it is nil); returns the exit status.
func runConsole(
  _ model: ConsoleModel, following location: LogLocation?, driver: FeedDriver? = nil
) throws -> Int32 {
  do {
    let runner = try ConsoleRunner(
      location: location, model: model, colorMode: ColorMode.detect(), driver: driver)
    return try runner.run()
  } catch let exit as ExitCode {
    throw exit
  } catch {
    standardError("watchfloor: \(error)")
    throw ExitCode(2)
  }
}
