import WatchfloorLog
import WatchfloorModel

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Runs a `Simulator` against a log (a file, or a database: ``SimulationLog``) in wall time:
/// `watchfloor simulate LOG --speed N`.
///
/// On start it reads the whole file (the history) and starts the simulated clock at the
/// history's largest `ts` (or now, for an empty log). Then, every time it wakes, it takes the
/// file's lock, reads the lines appended since (its follower), lets the simulator see them,
/// asks it for the events due by the simulated time now, appends them, and releases the lock.
/// Reading under the lock means the simulator decides on the file as it is: another console's
/// decision is never slipped between what it checked and what it writes.
///
/// Single-threaded and blocking: `run` sleeps in `poll(2)` until the next event is due, the log
/// changes (inotify, where available) or `suggestedPollInterval` passes (1 s with inotify,
/// 100 ms without; to look at the stop condition), so it does not spin. To drive it from a run loop of one's own (the console's, in the demo), poll
/// `wakeDescriptor`, and call `step()` when it is readable or `timeUntilNextEvent()` has passed
/// (at the latest after `suggestedPollInterval`).
public final class SimulationRunner {
  /// Why `run` returned.
  public enum Stop: Equatable, Sendable {
    /// The stop condition became true.
    case stopped
    /// The wall-time limit passed.
    case timeLimit
    /// The log file was removed (for example the demo's temporary log, at the end of the demo).
    case logRemoved
  }

  public let simulator: Simulator
  /// The mapping from wall to simulated time.
  public let clock: SimulationClock
  /// Lines appended so far.
  public private(set) var appendedLines = 0

  private let log: any SimulationLog
  private let wallClock: () -> Duration
  private var removed = false

  /// Opens (creating it if needed) the log at `path`, reads it, and starts the simulated clock.
  ///
  /// - Parameters:
  ///   - speed: simulated seconds per wall second (at least 1).
  ///   - seed: the simulator's seed; the same seed on the same history gives the same feed
  ///     (as far as wall-clock timing and other writers let it).
  ///   - start: the simulated start; by default the history's largest `ts`, or now.
  ///   - wallClock: the monotonic clock (injectable for tests).
  /// - Throws: `FeedError` or `FollowError` when the log cannot be opened or read.
  public convenience init(
    path: String, speed: Double, seed: UInt64, rates: SimulationRates = .standard,
    start: Timestamp? = nil, wallClock: @escaping () -> Duration = SimulationClock.monotonicNow
  ) throws {
    try self.init(
      log: FileSimulationLog(path: path), speed: speed, seed: seed, rates: rates, start: start,
      wallClock: wallClock)
  }

  /// Runs on `log`, reading it first.
  public init(
    log: any SimulationLog, speed: Double, seed: UInt64, rates: SimulationRates = .standard,
    start: Timestamp? = nil, wallClock: @escaping () -> Duration = SimulationClock.monotonicNow
  ) throws {
    self.log = log
    let simulator = Simulator(seed: seed, rates: rates)
    self.simulator = simulator
    self.wallClock = wallClock
    _ = try log.exchange(
      observe: { event in if case .line(let line, _) = event { simulator.observe(line) } },
      produce: { [] })
    let begin =
      start
      ?? SimulationClock.simulatedStart(
        latest: simulator.timeline.current.latest, realNow: SimulationClock.realNow())
    clock = SimulationClock(start: begin, wallStart: wallClock(), speed: speed)
    _ = simulator.advance(to: begin)
  }

  /// Reads what was appended, and appends what is due by the simulated time now. Returns the
  /// lines appended.
  /// - Throws: `FeedError` or `FollowError`. A removed log is not an error: `logRemoved` turns
  ///   true and nothing is written.
  @discardableResult
  public func step() throws -> [String] {
    guard !removed else { return [] }
    do {
      let lines = try log.exchange(
        observe: { self.take($0) },
        produce: {
          guard !removed else { return [] }
          return simulator.advance(to: clock.simulatedTime(at: wallClock()))
        })
      appendedLines += lines.count
      return lines
    } catch let error as FeedError where error.isRemoved {
      removed = true
      return []
    }
  }

  /// A descriptor that becomes readable when the log changes (inotify), or nil where the log
  /// must be polled.
  public var wakeDescriptor: Int32? { log.wakeDescriptor }

  /// How long to wait at most between steps to notice what other writers append.
  public var suggestedPollInterval: Duration { log.suggestedPollInterval }

  /// Whether the log file was found removed.
  public var logRemoved: Bool { removed }

  /// The wall time until the next event is due (zero when it is due already), or nil when
  /// nothing is scheduled.
  public func timeUntilNextEvent() -> Duration? {
    guard let next = simulator.nextEventTime else { return nil }
    return max(.zero, clock.wallTime(of: next) - wallClock())
  }

  /// Steps until `shouldStop()` returns true, `limit` of wall time passes, or the log is
  /// removed, sleeping in between. A signal that interrupts the sleep makes it look at
  /// `shouldStop()` at once.
  public func run(for limit: Duration? = nil, shouldStop: () -> Bool = { false }) throws -> Stop {
    let began = wallClock()
    while true {
      if shouldStop() { return .stopped }
      try step()
      if removed { return .logRemoved }
      let elapsed = wallClock() - began
      if let limit, elapsed >= limit { return .timeLimit }
      var wait = min(timeUntilNextEvent() ?? .seconds(1), log.suggestedPollInterval)
      if let limit { wait = min(wait, limit - elapsed) }
      sleep(wait)
    }
  }

  private func take(_ event: FollowEvent) {
    switch event {
    case .line(let line, _):
      simulator.observe(line)
    case .truncated, .replaced, .appeared:
      simulator.reset()
    case .vanished:
      removed = true
    }
  }

  /// Waits up to `duration` (rounded up to a millisecond) in `poll(2)`, waking early when the
  /// log changes.
  private func sleep(_ duration: Duration) {
    let parts = duration.components
    let nanoseconds = parts.seconds * 1_000_000_000 + parts.attoseconds / 1_000_000_000
    let milliseconds = Int32(clamping: max(1, min(60_000, (nanoseconds + 999_999) / 1_000_000)))
    if let descriptor = log.wakeDescriptor {
      var wake = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
      _ = poll(&wake, 1, milliseconds)
    } else {
      _ = poll(nil, 0, milliseconds)
    }
  }
}
