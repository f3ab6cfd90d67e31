import Dispatch
import Foundation
import Synchronization
import WatchfloorModel

#if canImport(Glibc)
  import Glibc
#endif

/// What a ``DatabaseFollower`` is doing, for the console's header.
public enum DatabaseFollowStatus: Equatable, Sendable {
  /// Connecting for the first time.
  case connecting
  /// Connected and listening: new lines arrive as they are committed.
  case live
  /// Connected to a standby in recovery: read-only, and looked at once a second (a standby
  /// does not deliver notifications).
  case standby
  /// The server went away; the next attempt is in `seconds`.
  case reconnecting(seconds: Int)
}

/// Follows a PostgreSQL log without polling: it `LISTEN`s on the channel every insert
/// notifies (``DatabaseSchema/channel``) and, on each notification, reads the lines with
/// `seq` above the last one read, in order. Since writers draw `seq`s under one lock held to
/// their commit, that reading never skips a line nor reads one twice.
///
/// The connection lives on a thread of its own, so the console's thread never waits on the
/// network: it puts `wakeDescriptor` in its `poll(2)` set and calls `readAfterWake(_:)` when
/// it is readable. When the connection closes (the session's queries fail at once then, see
/// ``DatabaseSession``), the follower says `.reconnecting`, tries again with backoff (1 s,
/// 2 s, 4 s … up to 30 s), and carries on from the last line it read.
public final class DatabaseFollower: Sendable {
  public let url: DatabaseURL
  private let environment: [String: String]
  /// Written to when something is ready; the console polls its read end.
  let wakePipe = WakePipe()
  private let shared = Mutex(Shared())
  /// Signalled by notifications and by `stop()`.
  private let nudge = DispatchSemaphore(value: 0)

  private struct Shared: Sendable {
    var chunks: [(firstLine: Int, chunk: DatabaseLog.Chunk)] = []
    var status = DatabaseFollowStatus.connecting
    var started = false
    var stopped = false
  }

  public init(url: DatabaseURL, environment: [String: String] = ProcessEnvironment.current) {
    self.url = url
    self.environment = environment
  }

  public var status: DatabaseFollowStatus { shared.withLock { $0.status } }

  /// Starts following on a thread of its own.
  public func start() {
    let first = shared.withLock { state in
      defer { state.started = true }
      return !state.started
    }
    guard first else { return }
    let thread = Thread { [self] in follow() }
    thread.name = "watchfloor-db-follower"
    thread.start()
  }

  /// Stops following; the thread ends and closes its connection.
  public func stop() {
    shared.withLock { $0.stopped = true }
    nudge.signal()
  }

  /// Hands the lines read since the last call to `sink`, in order, as `.line` events numbered
  /// from 1 in `seq` order. Never blocks.
  public func readAfterWake(_ sink: (FollowEvent) throws -> Void) throws {
    wakePipe.drain()
    let ready = shared.withLock { state in
      defer { state.chunks.removeAll() }
      return state.chunks
    }
    for (firstLine, chunk) in ready {
      try chunk.forEachLine { line, index, startsFile in
        try sink(
          .line(
            DatabaseLog.eventBytes(line, startsFile: startsFile),
            lineNumber: firstLine + index - 1))
      }
    }
  }

  // MARK: The follower's thread

  private var isStopped: Bool { shared.withLock { $0.stopped } }

  private func publish(_ status: DatabaseFollowStatus) {
    let changed = shared.withLock { state in
      defer { state.status = status }
      return state.status != status
    }
    if changed { wakePipe.wake() }
  }

  private func follow() {
    var log: DatabaseLog?
    var delay = 1
    while !isStopped {
      do {
        let session = try DatabaseSession.connect(url, environment: environment)
        try session.execute(DatabaseLog.sessionSettings)
        let current = log.map { $0.continued(on: session) } ?? DatabaseLog(session: session)
        log = current
        delay = 1
        try listen(current)
      } catch {}
      log?.session.close()
      if isStopped { break }
      for remaining in stride(from: delay, to: 0, by: -1) {
        publish(.reconnecting(seconds: remaining))
        if nudge.wait(timeout: .now() + 1) == .success && isStopped { return }
      }
      delay = min(delay * 2, 30)
    }
    log?.session.close()
  }

  /// Reads what is new on each notification (on a standby, each second) until the connection
  /// closes or the follower stops. The connection's state is looked at each second: a local
  /// flag, not a query.
  private func listen(_ log: DatabaseLog) throws {
    let session = log.session
    if !session.isStandby {
      // Before reading: a line committed meanwhile is read now or notified later.
      session.listen(DatabaseSchema.channel) { [nudge] in nudge.signal() }
    }
    try catchUp(log)
    publish(session.isStandby ? .standby : .live)
    while !isStopped {
      let notified = nudge.wait(timeout: .now() + 1) == .success
      if isStopped { return }
      if session.isClosed {
        throw DatabaseError(.connection, "the connection to \(url) was closed")
      }
      guard notified || session.isStandby else { continue }
      // Several notifications may have come at once: one read takes them all.
      while nudge.wait(timeout: .now()) == .success {}
      try catchUp(log)
    }
  }

  /// Reads every line after the last one read, in chunks, and hands them to the console.
  private func catchUp(_ log: DatabaseLog) throws {
    try log.readChunks { chunk, firstLine in
      shared.withLock { $0.chunks.append((firstLine, chunk)) }
      wakePipe.wake()
    }
  }
}
