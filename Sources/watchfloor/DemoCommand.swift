import ArgumentParser
import WatchfloorFeed
import WatchfloorModel

struct DemoCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "demo",
    abstract: "Open the console on the bundled scenario with a simulated feed (the default).",
    discussion: """
      The three sample days are copied into a temporary log; a simulated feed keeps appending
      requests, departures, landings, incidents and repatriations at the chosen speed, and
      reacts to what officers decide. The console shows the simulated clock. The temporary
      log is removed on exit.
      """)

  @Option(help: "Simulated seconds per real second (1 to 3600).")
  var speed = SimulationSpeed(60)

  @Option(help: "Seed of the simulated feed (the same seed gives the same events).")
  var seed: UInt64 = 2026

  @OptionGroup var console: ConsoleOptions

  @Flag(name: .customLong("no-bell"), help: "Do not ring the bell for new critical incidents.")
  var noBell = false

  func run() throws {
    let log: DemoLog
    let runner: SimulationRunner
    do {
      log = try DemoLog.create()
      runner = try SimulationRunner(path: log.path, speed: speed.secondsPerSecond, seed: seed)
    } catch {
      standardError("watchfloor: cannot start the demo: \(error)")
      throw ExitCode(2)
    }
    defer { try? log.remove() }
    let status = try openConsole(
      path: log.path, console: console, bell: !noBell, driver: SimulatedFeed(runner: runner))
    if status != 0 { throw ExitCode(status) }
  }
}

/// The demo's feed, driven from the console's run loop.
final class SimulatedFeed: FeedDriver {
  private let runner: SimulationRunner

  init(runner: SimulationRunner) { self.runner = runner }

  func advance() throws -> Double {
    try runner.step()
    guard let wait = runner.timeUntilNextEvent() else { return 1 }
    let components = wait.components
    return max(0, Double(components.seconds) + Double(components.attoseconds) / 1e18)
  }

  func now() -> Timestamp {
    runner.clock.simulatedTime(at: SimulationClock.monotonicNow())
  }
}
