import WatchfloorModel

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Maps wall time to simulated time: the simulated start plus the wall time elapsed since the
/// clock started, times the speed.
///
/// Wall time is a reading of a monotonic clock (`SimulationClock.monotonicNow()`, or any other
/// source a test injects), so changes of the system's calendar clock do not move the
/// simulation. A value: the console and a feed that start from the same history and speed
/// agree on the simulated time to within their start-up skew.
public struct SimulationClock: Sendable, Equatable {
  /// The simulated time at `wallStart`.
  public let start: Timestamp
  /// The monotonic reading at which the simulation started.
  public let wallStart: Duration
  /// Simulated seconds per wall second, at least 1.
  public let speed: Double

  /// A clock that reads `start` at `wallStart` and runs `speed` times faster than the wall
  /// (a speed below 1, or not a number, is taken as 1).
  public init(start: Timestamp, wallStart: Duration, speed: Double) {
    self.start = start
    self.wallStart = wallStart
    self.speed = speed.isFinite && speed >= 1 ? speed : (speed == .infinity ? 1e9 : 1)
  }

  /// The simulated start for a log: the largest `ts` of its history (`OpsState.latest`), or
  /// `realNow` when the history has no valid time.
  public static func simulatedStart(latest: Timestamp, realNow: Timestamp) -> Timestamp {
    latest.isMissing ? realNow : latest
  }

  /// The simulated time at the monotonic reading `wall` (never before `start`).
  public func simulatedTime(at wall: Duration) -> Timestamp {
    let elapsed = max(Duration.zero, wall - wallStart)
    let wallNanoseconds =
      Double(elapsed.components.seconds) * 1e9
      + Double(elapsed.components.attoseconds / 1_000_000_000)
    let simulated = wallNanoseconds * speed + Double(start.nanoseconds)
    let wholeSeconds = (simulated / 1e9).rounded(.down)
    let nanoseconds = max(0, min(999_999_999, simulated - wholeSeconds * 1e9))
    return Timestamp(
      seconds: start.seconds &+ Int64(wholeSeconds), nanoseconds: UInt32(nanoseconds),
      style: Timestamp.Style.zulu)
  }

  /// The monotonic reading at which the simulated time reaches `time` (`wallStart` for a time
  /// at or before `start`).
  public func wallTime(of time: Timestamp) -> Duration {
    let ahead =
      Double(time.seconds - start.seconds) + (Double(time.nanoseconds) - Double(start.nanoseconds))
      / 1e9
    guard ahead > 0 else { return wallStart }
    return wallStart + .nanoseconds(Int64((ahead / speed * 1e9).rounded(.up)))
  }

  /// The system's monotonic clock (`CLOCK_MONOTONIC`).
  public static func monotonicNow() -> Duration {
    var now = timespec()
    clock_gettime(CLOCK_MONOTONIC, &now)
    return .seconds(Int64(now.tv_sec)) + .nanoseconds(Int64(now.tv_nsec))
  }

  /// The calendar time now, to the second, in UTC (`CLOCK_REALTIME`).
  public static func realNow() -> Timestamp {
    var now = timespec()
    clock_gettime(CLOCK_REALTIME, &now)
    return Timestamp(seconds: Int64(now.tv_sec), style: Timestamp.Style.zulu)
  }
}
