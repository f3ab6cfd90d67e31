import WatchfloorModel

#if canImport(Glibc)
  import Glibc
#endif

/// What a followed log is doing, for the console's header.
public enum FeedState: Equatable, Sendable {
  /// Nothing to read yet: a file that does not exist (yet, or any more).
  case waiting
  /// Read as it grows.
  case following
  /// The connection is lost; the next attempt is in `seconds`. `label` names the log's kind
  /// for the header (`DB`).
  case reconnecting(label: String, seconds: Int)
  /// Read as it grows, but nothing can be written to it (a standby server).
  case readOnly(reason: String)
}

/// A log followed live, file or database: the console's run loop polls `wakeDescriptor` and
/// calls `readAfterWake(_:)` after every wake and every `pollInterval`.
public protocol LogFeed: AnyObject {
  var state: FeedState { get }
  /// A descriptor that becomes readable when there may be something to read.
  var wakeDescriptor: Int32? { get }
  /// How often to read when nothing wakes the loop; nil when wakes are enough.
  var pollInterval: Duration? { get }
  /// When the log last grew before the console opened it, if the log can tell.
  var lastGrowth: Timestamp? { get }
  /// Takes the wake, then hands everything new to `sink`, in order; never blocks.
  func readAfterWake(_ sink: (FollowEvent) throws -> Void) throws
}

extension LogFollower: LogFeed {
  public var state: FeedState { status == .waiting ? .waiting : .following }
  public var pollInterval: Duration? { suggestedPollInterval }

  public var lastGrowth: Timestamp? {
    var info = stat()
    guard stat(path, &info) == 0 else { return nil }
    return Timestamp(
      seconds: Int64(info.st_mtim.tv_sec), nanoseconds: UInt32(clamping: info.st_mtim.tv_nsec))
  }
}

extension DatabaseFollower: LogFeed {
  public var state: FeedState {
    switch status {
    case .connecting, .live: .following
    case .standby: .readOnly(reason: "standby server")
    case .reconnecting(let seconds): .reconnecting(label: "DB", seconds: seconds)
    }
  }
  public var wakeDescriptor: Int32? { wakePipe.readDescriptor }
  public var pollInterval: Duration? { nil }
  public var lastGrowth: Timestamp? { nil }
}

extension LogLocation {
  /// A live follower of the log (a file follower starts reading at the first call; a database
  /// follower starts its connection now).
  public func follow(environment: [String: String] = ProcessEnvironment.current) -> any LogFeed {
    switch self {
    case .files(let paths): return LogFollower(path: paths.first ?? "")
    case .database(let url):
      let follower = DatabaseFollower(url: url, environment: environment)
      follower.start()
      return follower
    }
  }

  /// Where decisions go: the file's journal, or the database (connecting now).
  public func decisionWriter(environment: [String: String] = ProcessEnvironment.current) throws
    -> any DecisionWriter
  {
    switch self {
    case .files(let paths): return Journal(path: paths.first ?? "")
    case .database(let url): return try DatabaseDecisions(url: url, environment: environment)
    }
  }

  /// The name the console shows for the log.
  public var displayName: String {
    switch self {
    case .files(let paths): paths.joined(separator: " ")
    case .database(let url): url.description
    }
  }
}
