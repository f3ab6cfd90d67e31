#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A decision could not be appended to the log: the message names the path, what the journal
/// was doing and the cause, for example `cannot sync /var/log/ops.jsonl: Input/output error`.
///
/// When this is thrown, the decision must not be reported as made. (After a failed `write` or
/// `sync` part of the line may be in the file; the next append isolates a torn line.)
public struct JournalError: Error, Equatable, Sendable, CustomStringConvertible {
  /// What the journal was doing when it failed.
  public enum Operation: String, Sendable {
    case open
    case lock
    case stat
    case read
    case write
    case sync
  }

  /// The log file's path.
  public let path: String
  public let operation: Operation
  /// The `errno` value, or nil when the cause is not a system error.
  public let code: Int32?
  /// The cause in words: `strerror(code)`, or an explanation.
  public let reason: String

  /// An error from a system call that set `errno` to `code`.
  init(path: String, operation: Operation, code: Int32) {
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

  /// The log file was removed (the path names nothing) while the journal had it open.
  public var isRemoved: Bool { code == ENOENT && operation == .lock }

  /// For example `cannot write /tmp/ops.jsonl: No space left on device`.
  public var description: String { "cannot \(operation.rawValue) \(path): \(reason)" }
}
