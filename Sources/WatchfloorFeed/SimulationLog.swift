import WatchfloorLog
import WatchfloorModel

/// The log a simulated feed works on: it reads what others appended, then appends its own
/// events under the log's write lock, so it always decides on the log as it is.
public protocol SimulationLog: AnyObject {
  /// Readable when the log may have changed; nil when it must be polled.
  var wakeDescriptor: Int32? { get }
  /// How long to wait at most before looking at the log again.
  var suggestedPollInterval: Duration { get }
  /// Under the log's write lock: hands what was appended since the last call to `observe`
  /// (the whole log at the first), then appends the lines `produce` returns. Returns them.
  func exchange(observe: (FollowEvent) -> Void, produce: () throws -> [String]) throws
    -> [String]
}

/// A log file: the feed writer's lock, and a follower for what others append.
public final class FileSimulationLog: SimulationLog {
  private let writer: FeedWriter
  private let follower: LogFollower

  public init(path: String) throws(FeedError) {
    writer = try FeedWriter(path: path)
    follower = LogFollower(path: path)
  }

  public var wakeDescriptor: Int32? { follower.wakeDescriptor }
  public var suggestedPollInterval: Duration { follower.suggestedPollInterval }

  public func exchange(observe: (FollowEvent) -> Void, produce: () throws -> [String]) throws
    -> [String]
  {
    try writer.append { () throws -> [String] in
      try follower.readAfterWake(observe)
      return try produce()
    }
  }
}

/// A PostgreSQL log: one transaction under the log's advisory lock, the lines since the last
/// read, then `watchfloor.append_lines` (the role must be a feed's).
public final class DatabaseSimulationLog: SimulationLog {
  private let log: DatabaseLog

  public init(log: DatabaseLog) {
    self.log = log
  }

  public var wakeDescriptor: Int32? { nil }
  /// A feed is not a console: looking four times a second is enough to react to decisions.
  public var suggestedPollInterval: Duration { .milliseconds(250) }

  public func exchange(observe: (FollowEvent) -> Void, produce: () throws -> [String]) throws
    -> [String]
  {
    let session = log.session
    try session.execute("BEGIN", doing: "append to")
    do {
      try session.query(
        "SELECT pg_advisory_xact_lock(\(DatabaseSchema.lockKey))", doing: "lock the log on")
      try log.readNew { line, number, _ in observe(.line(line, lineNumber: number)) }
      let lines = try produce()
      try log.append(lines.map { Array($0.utf8) })
      try session.execute("COMMIT", doing: "append to")
      return lines
    } catch {
      try? session.execute("ROLLBACK")
      throw error
    }
  }
}
