#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A feed could not create, lock, write or remove a log file. The message names the path and
/// the cause, for example `cannot open /var/log/ops.jsonl: Permission denied`.
public struct FeedError: Error, Equatable, Sendable, CustomStringConvertible {
  /// What the feed was doing when it failed.
  public enum Operation: String, Sendable {
    case open
    case lock
    case write
    case create
    case remove
  }

  /// The log file's path.
  public let path: String
  public let operation: Operation
  /// The `errno` value, or nil when the cause is not a system error.
  public let code: Int32?
  /// The cause in words: `strerror(code)`, or an explanation.
  public let reason: String

  /// An error from a system call that set `errno` to `code`.
  init(path: String, operation: Operation, code: Int32 = errno) {
    self.path = path
    self.operation = operation
    self.code = code
    self.reason = String(cString: strerror(code))
  }

  init(path: String, operation: Operation, reason: String) {
    self.path = path
    self.operation = operation
    self.code = nil
    self.reason = reason
  }

  /// The log file was removed while the feed was writing to it (the path names nothing).
  public var isRemoved: Bool { code == ENOENT && operation == .lock }

  /// For example `cannot write /tmp/ops.jsonl: No space left on device`.
  public var description: String { "cannot \(operation.rawValue) \(path): \(reason)" }
}
