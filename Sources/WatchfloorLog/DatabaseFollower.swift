import NIOCore
import PostgresNIO
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
  /// Connected to a standby in recovery: read-only, and polled once a second (a standby does
  /// not deliver notifications).
  case standby
  /// The server went away; the next attempt is in `seconds`.
  case reconnecting(seconds: Int)
}

/// Follows a PostgreSQL log without polling: it `LISTEN`s on the channel every insert
/// notifies (``DatabaseSchema/channel``) and, on each notification, reads the lines with
/// `seq` above the last one read, in order. Since writers draw `seq`s under one lock held to
/// their commit, that reading never skips a line nor reads one twice.
///
/// The connection lives on a background task, so the console's thread never waits on the
/// network: it puts `wakeDescriptor` in its `poll(2)` set and calls `readAfterWake(_:)` when it
/// is readable. When the server goes away, the follower says `.reconnecting`, tries again
/// with backoff (1 s, 2 s, 4 s … up to 30 s), and carries on from the last line it read.
public final class DatabaseFollower: Sendable {
  public let url: DatabaseURL
  private let environment: [String: String]
  /// A pipe: the task writes a byte when something is ready; the console polls the read end.
  let wakeRead: Int32
  private let wakeWrite: Int32
  private let shared = Mutex(Shared())
  private let task = Mutex<Task<Void, Never>?>(nil)

  private struct Shared: Sendable {
    var chunks: [(firstLine: Int, chunk: DatabaseLog.Chunk)] = []
    var status = DatabaseFollowStatus.connecting
    var stopped = false
  }

  public init(url: DatabaseURL, environment: [String: String] = ProcessEnvironment.current) {
    self.url = url
    self.environment = environment
    var ends: [Int32] = [-1, -1]
    if pipe(&ends) == 0 {
      for end in ends {
        _ = fcntl(end, F_SETFD, FD_CLOEXEC)
        _ = fcntl(end, F_SETFL, O_NONBLOCK)
      }
    } else {
      ends = [-1, -1]
    }
    wakeRead = ends[0]
    wakeWrite = ends[1]
  }

  deinit {
    stop()
    if wakeRead >= 0 { close(wakeRead) }
    if wakeWrite >= 0 { close(wakeWrite) }
  }

  public var status: DatabaseFollowStatus { shared.withLock { $0.status } }

  /// Starts following in the background.
  public func start() {
    task.withLock { running in
      guard running == nil else { return }
      running = Task.detached { [self] in await self.follow() }
    }
  }

  /// Stops following and closes the connection.
  public func stop() {
    shared.withLock { $0.stopped = true }
    task.withLock { running in
      running?.cancel()
      running = nil
    }
  }

  /// Hands the lines read since the last call to `sink`, in order, as `.line` events numbered
  /// from 1 in `seq` order. Never blocks.
  public func readAfterWake(_ sink: (FollowEvent) throws -> Void) throws {
    var drain = [UInt8](repeating: 0, count: 256)
    while read(wakeRead, &drain, drain.count) > 0 {}
    let ready = shared.withLock { state in
      defer { state.chunks.removeAll() }
      return state.chunks
    }
    for (firstLine, chunk) in ready {
      try chunk.forEachLine { line, index, startsFile in
        var line = line
        // An imported file's byte order mark is kept with its first line; readers skip it.
        if startsFile && line.starts(with: [0xEF, 0xBB, 0xBF]) {
          line = UnsafeRawBufferPointer(rebasing: line[3...])
        }
        try sink(.line(line, lineNumber: firstLine + index - 1))
      }
    }
  }

  // MARK: The background task

  private var isStopped: Bool { shared.withLock { $0.stopped } || Task.isCancelled }

  private func publish(_ status: DatabaseFollowStatus) {
    let changed = shared.withLock { state in
      defer { state.status = status }
      return state.status != status
    }
    if changed { wake() }
  }

  private func wake() {
    var byte: UInt8 = 1
    _ = write(wakeWrite, &byte, 1)
  }

  private func follow() async {
    var position = Position()
    var delay = 1
    while !isStopped {
      do {
        let configuration = try DatabaseSession.configuration(
          for: url, environment: environment, timeout: 5)
        let connection = try await PostgresConnection.connect(
          configuration: configuration, id: Int.random(in: 1..<Int.max),
          logger: DatabaseSession.logger)
        do {
          try await listen(on: connection, from: &position, resetDelay: { delay = 1 })
        } catch {}
        try? await connection.close()
      } catch {}
      if isStopped { break }
      for remaining in stride(from: delay, to: 0, by: -1) {
        publish(.reconnecting(seconds: remaining))
        try? await Task.sleep(for: .seconds(1))
        if isStopped { return }
      }
      delay = min(delay * 2, 30)
    }
  }

  /// How far the log was read: carried across reconnections.
  private struct Position {
    var lastSequence: Int64 = 0
    var linesRead = 0
  }

  private func listen(
    on connection: PostgresConnection, from position: inout Position, resetDelay: () -> Void
  ) async throws {
    let standby =
      try await connection.query(
        "SELECT pg_is_in_recovery()", logger: DatabaseSession.logger
      ).collect().first?.decode(Bool.self) ?? false
    try await connection.query(
      PostgresQuery(unsafeSQL: DatabaseLog.sessionSettings), logger: DatabaseSession.logger)
    resetDelay()
    if standby {
      publish(.standby)
      while !isStopped {
        try await catchUp(connection, &position)
        try await Task.sleep(for: .seconds(1))
      }
      return
    }
    try await connection.listen(on: DatabaseSchema.channel) { notifications in
      // Listening before reading: a line committed meanwhile is read now or notified later.
      try await catchUp(connection, &position)
      publish(.live)
      for try await _ in notifications {
        if isStopped { return }
        try await catchUp(connection, &position)
      }
    }
  }

  /// Reads every line after `position`, in chunks, and hands them to the console.
  private func catchUp(_ connection: PostgresConnection, _ position: inout Position)
    async throws
  {
    let logger = DatabaseSession.logger
    while !isStopped {
      let upper =
        try await connection.query(DatabaseLog.lastSequenceQuery, logger: logger)
        .collect().first?.decode(Int64.self) ?? 0
      guard upper > position.lastSequence else { return }
      let through = min(upper, position.lastSequence + Int64(DatabaseLog.chunkLines))
      let rows = try await connection.query(
        DatabaseLog.chunkQuery(after: position.lastSequence, through: through), logger: logger
      ).collect()
      guard let row = rows.first else { return }
      let chunk = try DatabaseLog.Chunk(row, url: url)
      let firstLine = position.linesRead + 1
      position.linesRead += chunk.count
      position.lastSequence = through
      if chunk.count > 0 {
        shared.withLock { $0.chunks.append((firstLine, chunk)) }
        wake()
      }
    }
  }
}
