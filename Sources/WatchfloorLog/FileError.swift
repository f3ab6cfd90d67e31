#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A log file could not be examined, opened, locked, read, written, synced, created or
/// removed. The message names the path, the operation and the cause, for example
/// `cannot sync /var/log/ops.jsonl: Input/output error`. One type for every layer that works
/// on log files (following, the journal, the simulated feed).
public struct FileError: Error, Equatable, Sendable, CustomStringConvertible {
  /// What was being done when it failed.
  public enum Operation: String, Sendable {
    case stat, open, lock, read, write, sync, create, remove
  }

  /// The file's path.
  public let path: String
  public let operation: Operation
  /// The `errno` value, or nil when the cause is not a system error.
  public let code: Int32?
  /// The cause in words: `strerror(code)`, or an explanation.
  public let reason: String

  /// An error from a system call that set `errno` to `code`.
  public init(path: String, operation: Operation, code: Int32 = errno) {
    self.path = path
    self.operation = operation
    self.code = code
    self.reason = String(cString: strerror(code))
  }

  /// An error that is not a system error, explained in words.
  public init(path: String, operation: Operation, reason: String) {
    self.path = path
    self.operation = operation
    self.code = nil
    self.reason = reason
  }

  /// The path names a directory, a FIFO, a device or a socket.
  public static func notRegularFile(_ path: String) -> FileError {
    FileError(path: path, operation: .open, reason: "not a regular file")
  }

  /// The file was removed (the path names nothing) while it was open for writing.
  public var isRemoved: Bool { code == ENOENT && operation == .lock }

  /// For example `cannot write /tmp/ops.jsonl: No space left on device`.
  public var description: String { "cannot \(operation.rawValue) \(path): \(reason)" }
}

/// A followed file could not be examined, opened or read. A missing file is not an error
/// (the follower waits for it), and the follower stays usable after throwing this.
public typealias FollowError = FileError

/// A decision could not be appended to the log; it must not be reported as made.
public typealias JournalError = FileError
