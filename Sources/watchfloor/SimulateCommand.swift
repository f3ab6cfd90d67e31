import ArgumentParser
import WatchfloorFeed

#if canImport(Glibc)
  import Glibc
#endif

struct SimulateCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "simulate",
    abstract: "Run only the simulated feed, appending to a log, so several consoles can watch it.",
    discussion: """
      Starts from the log's last event (an empty or missing file starts from the bundled
      scenario's history) and appends at the chosen speed until interrupted. It never decides:
      approvals, denials and holds come from the consoles, and it reacts to them.
      """)

  @Argument(help: "The log file to append to.")
  var file: String

  @Option(help: "Simulated seconds per real second (1 to 3600).")
  var speed = SimulationSpeed(60)

  @Option(help: "Seed of the simulated feed.")
  var seed: UInt64 = 2026

  @Option(
    help: ArgumentHelp(
      "Stop after this many real seconds (default: run until interrupted).", valueName: "SECONDS"))
  var duration: Double?

  func run() throws {
    do {
      var info = stat()
      if stat(file, &info) != 0 || info.st_size == 0 {
        try FeedWriter(path: file).append(DemoScenario.lines)
      }
      let runner = try SimulationRunner(path: file, speed: speed.secondsPerSecond, seed: seed)
      let limit = duration.map { Duration.milliseconds(Int64($0 * 1000)) }
      // Ctrl-C ends it where it is: every line is written whole, under the log's lock.
      let stop = try runner.run(for: limit)
      if case .logRemoved = stop {
        standardError("watchfloor: the log \(file) was removed; the simulated feed stopped")
        throw ExitCode(1)
      }
    } catch let exit as ExitCode {
      throw exit
    } catch {
      standardError("watchfloor: \(error)")
      throw ExitCode(2)
    }
  }
}
