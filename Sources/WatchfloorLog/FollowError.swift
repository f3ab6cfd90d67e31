#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A followed file could not be examined, opened or read: permission denied, an I/O error, or
/// the path names something that is not a regular file.
///
/// A missing file is not an error (the follower waits for it). The follower stays usable after
/// throwing this: the next call tries again.
public struct FollowError: Error, Equatable, Sendable, CustomStringConvertible {
  /// What the follower was doing when it failed.
  public enum Operation: String, Sendable {
    case stat
    case open
    case read
  }

  /// The followed path.
  public let path: String
  public let operation: Operation
  /// The `errno` value, or nil when the cause is not a system error.
  public let code: Int32?
  /// The cause in words: `strerror(code)`, or "not a regular file".
  public let reason: String

  /// An error from a system call that set `errno` to `code`.
  init(path: String, operation: Operation, code: Int32) {
    self.path = path
    self.operation = operation
    self.code = code
    self.reason = String(cString: strerror(code))
  }

  /// The path names a directory, a FIFO, a device or a socket.
  static func notRegularFile(_ path: String) -> FollowError {
    FollowError(path: path, operation: .open, code: nil, reason: "not a regular file")
  }

  private init(path: String, operation: Operation, code: Int32?, reason: String) {
    self.path = path
    self.operation = operation
    self.code = code
    self.reason = reason
  }

  /// For example `cannot open /var/log/ops.jsonl: Permission denied`.
  public var description: String { "cannot \(operation.rawValue) \(path): \(reason)" }
}
