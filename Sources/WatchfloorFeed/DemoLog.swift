#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The demo's temporary log: a fresh file `watchfloor-demo-XXXXXX.jsonl` (the X replaced by
/// random characters, created exclusively, mode 0600) under `$TMPDIR`, or `/tmp` when it is
/// unset or empty, holding the bundled scenario's history. Removed on request.
public struct DemoLog: Sendable, Equatable {
  /// The log's path.
  public let path: String

  /// The directory the demo's log goes in: `$TMPDIR`, or `/tmp`.
  public static var defaultDirectory: String {
    if let value = getenv("TMPDIR") {
      let directory = String(cString: value)
      if !directory.isEmpty { return directory }
    }
    return "/tmp"
  }

  /// Creates a fresh log in `directory` (default: `defaultDirectory`) holding `history`
  /// (default: the whole bundled scenario).
  /// - Throws: `FeedError` naming the file (or the template) and the cause; a file that was
  ///   created but could not be written is removed.
  public static func create(
    in directory: String? = nil, history: String = DemoScenario.history
  ) throws(FeedError) -> DemoLog {
    var base = directory ?? defaultDirectory
    while base.count > 1 && base.hasSuffix("/") { base.removeLast() }
    let template = (base == "/" ? "" : base) + "/watchfloor-demo-XXXXXX.jsonl"
    var name = Array(template.utf8CString)
    let descriptor = mkstemps(&name, 6)
    guard descriptor >= 0 else { throw FeedError(path: template, operation: .create) }
    _ = fcntl(descriptor, F_SETFD, FD_CLOEXEC)
    let path = name.withUnsafeBufferPointer { buffer in
      buffer.baseAddress.map { String(cString: $0) } ?? template
    }
    var failure: FeedError?
    var text = history
    text.withUTF8 { bytes in
      guard let start = bytes.baseAddress else { return }
      var done = 0
      while done < bytes.count {
        let count = systemWrite(descriptor, start + done, bytes.count - done)
        if count < 0 && errno == EINTR { continue }
        if count <= 0 {
          failure =
            count < 0
            ? FeedError(path: path, operation: .write)
            : FeedError(path: path, operation: .write, reason: "no bytes were written")
          return
        }
        done += count
      }
    }
    let closed = close(descriptor) == 0 || errno == EINTR
    if failure == nil && !closed { failure = FeedError(path: path, operation: .write) }
    if let failure {
      unlink(path)
      throw failure
    }
    return DemoLog(path: path)
  }

  /// Removes the log; a log already gone is not an error.
  public func remove() throws(FeedError) {
    guard unlink(path) == 0 || errno == ENOENT else {
      throw FeedError(path: path, operation: .remove)
    }
  }
}
