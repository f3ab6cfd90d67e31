#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Appends complete event lines to a log file, so that several writers on one host never
/// interleave.
///
/// The file is opened with `O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC` (mode 0644 before the
/// umask). Each batch is written under an exclusive `flock(2)` on the file, one `write(2)` per
/// line with its `\n` (retried on `EINTR` and after a short write), and the lock is released
/// after the batch. Every writer that takes the same lock (this type, and the decision journal)
/// appends whole lines between other writers' batches, never inside them.
///
/// Before writing, under the lock, the writer checks that the path still names the file it has
/// open: after a rotation (the path renamed away and recreated) it opens the new file; when the
/// path names nothing it throws an error whose `isRemoved` is true rather than write into a
/// deleted file.
///
/// A last line without its `\n` (left by a writer that does not lock, or that crashed mid-line)
/// is left alone, since the spec lets a writer finish a line in several writes: the batch's
/// first line then completes it.
///
/// Not thread-safe: use one writer per thread (the lock is per open file, so writers in one
/// process exclude each other as well as writers in other processes).
public final class FeedWriter {
  /// The log file's path, as given.
  public let path: String
  private var descriptor: Int32

  /// Opens (and if needed creates) the log at `path`.
  /// - Throws: `FeedError` naming the path and `strerror` when it cannot be opened.
  public init(path: String) throws(FeedError) {
    self.path = path
    descriptor = try Self.open(path)
  }

  deinit { close(descriptor) }

  /// Appends `lines` as one batch under the lock. Each line is one event without its line
  /// break; a trailing `\n` is accepted and not doubled. Empty batches take no lock.
  /// - Throws: `FeedError` when a line holds a line break inside it (nothing is written), or
  ///   when the file cannot be locked or written (lines before the failing one are written).
  public func append(_ lines: [String]) throws(FeedError) {
    guard !lines.isEmpty else { return }
    let records = try Self.records(lines, path: path)
    try lock()
    defer { unlock() }
    try write(records)
  }

  /// Takes the lock, asks `produce` for the lines to append (so that it can first read what
  /// other writers appended, and decide on the file as it is), appends them, and releases
  /// the lock. Returns the lines written.
  /// - Throws: what `produce` throws (nothing is written), or `FeedError`.
  @discardableResult
  public func append(producing produce: () throws -> [String]) throws -> [String] {
    try lock()
    defer { unlock() }
    let lines = try produce()
    let records = try Self.records(lines, path: path)
    try write(records)
    return lines
  }

  /// Takes the exclusive lock on the file the path names now, reopening it after a rotation.
  private func lock() throws(FeedError) {
    while true {
      while flock(descriptor, LOCK_EX) != 0 {
        guard errno == EINTR else { throw FeedError(path: path, operation: .lock) }
      }
      // The path may have been rotated or removed while we waited for the lock.
      var opened = stat()
      var named = stat()
      guard fstat(descriptor, &opened) == 0 else {
        unlock()
        throw FeedError(path: path, operation: .lock)
      }
      guard stat(path, &named) == 0 else {
        let code = errno
        unlock()
        throw FeedError(path: path, operation: .lock, code: code)
      }
      if opened.st_dev == named.st_dev && opened.st_ino == named.st_ino { return }
      unlock()
      let fresh = try Self.open(path)
      close(descriptor)
      descriptor = fresh
    }
  }

  private func unlock() {
    while flock(descriptor, LOCK_UN) != 0 && errno == EINTR {}
  }

  /// Writes each record with one `write(2)`, finishing short writes.
  private func write(_ records: [[UInt8]]) throws(FeedError) {
    for record in records {
      let failure = record.withUnsafeBytes { bytes -> FeedError? in
        guard let base = bytes.baseAddress else { return nil }
        var done = 0
        while done < bytes.count {
          let count = systemWrite(descriptor, base + done, bytes.count - done)
          if count < 0 {
            if errno == EINTR { continue }
            return FeedError(path: path, operation: .write)
          }
          if count == 0 {
            return FeedError(path: path, operation: .write, reason: "no bytes were written")
          }
          done += count
        }
        return nil
      }
      if let failure { throw failure }
    }
  }

  /// The lines' bytes, each ending in exactly one `\n`.
  private static func records(_ lines: [String], path: String) throws(FeedError) -> [[UInt8]] {
    var records: [[UInt8]] = []
    records.reserveCapacity(lines.count)
    for (index, line) in lines.enumerated() {
      var bytes = Array(line.utf8)
      if bytes.last == 0x0A { bytes.removeLast() }
      if bytes.contains(0x0A) || bytes.isEmpty {
        throw FeedError(
          path: path, operation: .write,
          reason: "line \(index + 1) of the batch is empty or holds a line break")
      }
      bytes.append(0x0A)
      records.append(bytes)
    }
    return records
  }

  private static func open(_ path: String) throws(FeedError) -> Int32 {
    while true {
      let descriptor = systemOpen(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o644)
      if descriptor >= 0 { return descriptor }
      if errno != EINTR { throw FeedError(path: path, operation: .open) }
    }
  }
}

/// `write(2)`, named apart from the writer's own `write`.
func systemWrite(_ descriptor: Int32, _ bytes: UnsafeRawPointer, _ count: Int) -> Int {
  #if canImport(Glibc)
    Glibc.write(descriptor, bytes, count)
  #else
    Darwin.write(descriptor, bytes, count)
  #endif
}

/// `open(2)` with a mode.
func systemOpen(_ path: String, _ flags: Int32, _ mode: mode_t) -> Int32 {
  #if canImport(Glibc)
    Glibc.open(path, flags, mode)
  #else
    Darwin.open(path, flags, mode)
  #endif
}
