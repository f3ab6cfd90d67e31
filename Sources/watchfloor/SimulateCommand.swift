import ArgumentParser
import WatchfloorFeed
import WatchfloorLog

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

  @Argument(
    help: "The log to append to: a file, or a database URL (as a feed role: db grant --as feed).")
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
      let runner: SimulationRunner
      if DatabaseURL.names(file) {
        runner = try SimulationRunner(
          log: openDatabaseSimulation(), speed: speed.secondsPerSecond, seed: seed)
      } else {
        var info = stat()
        if stat(file, &info) != 0 || info.st_size == 0 {
          try FeedWriter(path: file).append(DemoScenario.lines)
        }
        runner = try SimulationRunner(path: file, speed: speed.secondsPerSecond, seed: seed)
      }
      let limit = duration.map { Duration.milliseconds(Int64($0 * 1000)) }
      // Ctrl-C ends it where it is: every line is written whole, under the log's lock.
      let stop = try runner.run(for: limit)
      if case .logRemoved = stop {
        standardError("watchfloor: the log \(file) was removed; the simulated feed stopped")
        throw ExitCode(1)
      }
    } catch let exit as ExitCode {
      throw exit
    } catch let error as DatabaseError {
      throw databaseExit(error)
    } catch {
      standardError("watchfloor: \(error)")
      throw ExitCode(2)
    }
  }
}

extension SimulateCommand {
  /// The database log, seeded with the scenario's history when it is empty. The history holds
  /// officers' decisions, which a feed role may not write: seed it as the log's owner with
  /// `db import` instead, and this says so.
  fileprivate func openDatabaseSimulation() throws -> DatabaseSimulationLog {
    let log = try openDatabaseLog(file)
    var empty = true
    try log.readNew { _, _, _ in empty = false }
    if empty {
      let refusal: DatabaseError?
      do {
        try log.append(DemoScenario.lines.map { Array($0.utf8) })
        refusal = nil
      } catch {
        refusal = error
      }
      if let error = refusal {
        guard error.kind == .refused else { throw error }
        standardError(
          "watchfloor: \(log.url) is empty and its history cannot be written by the role "
            + "\(log.session.role) (\(error.message)): import one as the log's owner first, "
            + "e.g. `watchfloor db import samples --to URL`")
        throw ExitCode(1)
      }
    }
    return DatabaseSimulationLog(log: log)
  }
}
