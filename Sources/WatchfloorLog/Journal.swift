import WatchfloorModel

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Where a decision landed: the line is in the file and synced to disk.
public struct JournalReceipt: Sendable, Equatable {
  /// The byte offset of the line's first byte in the file.
  public let offset: Int
  /// The line's number in the file, from 1, blank lines included (as `LineSplitter` counts).
  /// Exact when every writer of the file takes the lock (`FeedWriter` and `Journal` do).
  public let lineNumber: Int
  /// The line as written, without its `\n`.
  public let line: String
  /// Whether a torn last line (one without its `\n`, left by a writer that crashed) was
  /// closed with a `\n` before this line, so that it stays a line of its own.
  public let isolatedTornLine: Bool
}

/// Appends decisions to one log file durably, under the same exclusive `flock(2)` as the feed
/// writers, after re-checking them against the log as it is under the lock, each with its
/// link of the ``DecisionChain``.
///
/// The file must exist: a decision never creates a log (a mistyped path would otherwise
/// leave an empty log behind and a decision nobody sees).
///
/// Each `append` opens the file (once; again after a rotation), takes the lock, reads the part
/// of the file it has not read yet into its `Timeline` (all of it after a truncation or a
/// rotation), and hands that timeline to the caller, who decides again on the fresh state
/// (optimistic concurrency: the decision shown to an officer may be stale). If the caller still
/// wants the line, the journal closes a torn last line with a `\n`, writes the line and its
/// `\n` in one `write(2)`, calls `fdatasync`, releases the lock, and only then returns a
/// receipt. Failures throw `JournalError` and nothing is reported as done.
///
/// Not thread-safe: use one journal per thread. The lock belongs to the open file, so journals
/// in one process exclude each other as they exclude other processes.
public final class Journal {
  /// The log file's path, as given.
  public let path: String

  private var descriptor: Int32 = -1
  /// The file the descriptor names, to notice a rotation.
  private var identity: FileIdentity?
  /// The state of the file's first `consumed` bytes, which end at a line break.
  private var timeline = Timeline()
  private var consumed = 0
  /// The lines in the first `consumed` bytes.
  private var linesRead = 0
  private var source = 0
  /// The hash chain over the first `consumed` bytes, found again from the file's last link
  /// on every (re)read, so a decision hashes only what was appended since the last one.
  private var chain = DecisionChain()

  /// A journal for the log at `path`. The file is opened on the first append, so a missing
  /// file or a permission problem shows there.
  public init(path: String) {
    self.path = path
    source = timeline.addSource(path)
  }

  deinit {
    if descriptor >= 0 { close(descriptor) }
  }

  /// Appends the line `makeLine` returns, deciding under the lock.
  ///
  /// `makeLine` gets the timeline of the whole file as it is under the lock, a torn last line
  /// included (it will be closed and read as a line of its own). It returns the event line
  /// (one JSON object, without a line break; a single trailing `\n` is accepted), or nil to
  /// refuse, or throws; the timeline is the journal's and must not be kept after the call.
  /// The line gets its `chain` member (``DecisionChain``) added last.
  /// - Returns: where the line landed, once it is synced; nil when `makeLine` refused, in which
  ///   case nothing was written.
  /// - Throws: what `makeLine` throws (nothing is written), or `JournalError` when the file
  ///   cannot be opened, locked, read, written or synced, or the line is empty or holds a line
  ///   break (nothing is written).
  @discardableResult
  public func append(_ makeLine: (Timeline) throws -> String?) throws -> JournalReceipt? {
    try lock()
    defer { unlock() }
    let size = try catchUp()
    let torn = size > consumed
    if torn { ingestTornLine() }
    // From here on the timeline may hold a line that is not closed yet: unless it is closed
    // below, forget it all and read the file again next time.
    var settled = !torn
    defer { if !settled { reset() } }

    guard let made = try makeLine(timeline) else { return nil }
    var record = try Self.record(made, path: path)
    record = chain.chained(Array(record.dropLast())) + [0x0A]
    var bytes: [UInt8] = []
    bytes.reserveCapacity(record.count + 1)
    if torn { bytes.append(0x0A) }
    bytes.append(contentsOf: record)
    try write(bytes)
    let end = try position()
    let start = end - bytes.count
    try sync()
    guard start == size else {
      // A writer that does not lock appended between our read and our write: the count of
      // lines is unknown, so read the file again next time.
      reset()
      settled = true
      return JournalReceipt(
        offset: start + (torn ? 1 : 0), lineNumber: linesRead + (torn ? 2 : 1),
        line: String(decoding: record.dropLast(), as: UTF8.self), isolatedTornLine: torn)
    }
    if torn {
      linesRead += 1
      consumed = size + 1
      settled = true
    }
    // The line itself is read back on the next append, like any other writer's line.
    return JournalReceipt(
      offset: size + (torn ? 1 : 0), lineNumber: linesRead + 1,
      line: String(decoding: record.dropLast(), as: UTF8.self), isolatedTornLine: torn)
  }

  // MARK: Reading under the lock

  /// Reads the complete lines after `consumed` into the timeline; returns the file's size.
  private func catchUp() throws(JournalError) -> Int {
    let size = try fileSize()
    var endsLine = size >= consumed
    if endsLine && consumed > 0 { endsLine = try byte(at: consumed - 1) == 0x0A }
    if !endsLine {
      // Truncated or rewritten: read it all again.
      reset()
    }
    guard size > consumed else { return size }
    var splitter = LineSplitter()
    let chunkSize = 1 << 20
    let buffer = UnsafeMutableRawBufferPointer.allocate(
      byteCount: min(chunkSize, size - consumed), alignment: 16)
    defer { buffer.deallocate() }
    var offset = consumed
    var completeEnd = consumed
    let base = linesRead
    while offset < size {
      let wanted = min(buffer.count, size - offset)
      let got = try readFully(
        into: UnsafeMutableRawBufferPointer(rebasing: buffer[0..<wanted]), at: offset)
      if got == 0 { break }
      var chunk = UnsafeRawBufferPointer(rebasing: buffer[0..<got])
      if let last = chunk.lastIndex(of: 0x0A) { completeEnd = offset + last + 1 }
      let mark = offset == 0 ? ByteOrderMark.length(at: chunk) : 0
      if mark > 0 {
        chain.feed(bytes: UnsafeRawBufferPointer(rebasing: chunk[0..<mark]))
        chunk = UnsafeRawBufferPointer(rebasing: chunk[mark...])
      }
      splitter.feed(chunk) { line, number in
        timeline.ingest(line, lineNumber: base + number, source: source)
        chain.feed(line: line, terminated: true)
      }
      offset += got
    }
    linesRead = base + splitter.nextLineNumber - 1
    consumed = completeEnd
    pendingTail = []
    splitter.finish { line, _ in pendingTail = Array(line) }
    return size
  }

  /// The bytes after the last line break, kept by `catchUp` for `ingestTornLine`.
  private var pendingTail: [UInt8] = []

  /// Reads the torn last line (the bytes after `consumed`) as the line it will become.
  private func ingestTornLine() {
    pendingTail.withUnsafeBytes { line in
      _ = timeline.ingest(line, lineNumber: linesRead + 1, source: source)
      // The `\n` that closes it is written with the decision.
      chain.feed(line: line, terminated: true)
    }
    pendingTail = []
  }

  /// Forgets what was read: the next append reads the whole file.
  private func reset() {
    timeline = Timeline()
    source = timeline.addSource(path)
    chain = DecisionChain()
    consumed = 0
    linesRead = 0
    pendingTail = []
  }

  // MARK: System calls

  /// Takes the exclusive lock on the file the path names now, (re)opening it when needed.
  private func lock() throws(JournalError) {
    if descriptor < 0 { try open() }
    while true {
      while flock(descriptor, LOCK_EX) != 0 {
        let code = errno
        guard code == EINTR else { throw JournalError(path: path, operation: .lock, code: code) }
      }
      // The path may have been rotated or removed while we waited for the lock.
      var named = stat()
      var code: Int32 = 0
      while stat(path, &named) != 0 {
        code = errno
        if code != EINTR { break }
        code = 0
      }
      if code != 0 {
        unlock()
        throw JournalError(path: path, operation: .lock, code: code)
      }
      if FileIdentity(named) == identity { return }
      unlock()
      close(descriptor)
      descriptor = -1
      try open()
    }
  }

  private func unlock() {
    while flock(descriptor, LOCK_UN) != 0 && errno == EINTR {}
  }

  /// Opens the path, which must name an existing regular file; a new file starts a new
  /// timeline.
  private func open() throws(JournalError) {
    var opened = Self.systemOpen(path, O_RDWR | O_APPEND | O_CLOEXEC)
    while opened < 0 {
      let code = errno
      guard code == EINTR else { throw JournalError(path: path, operation: .open, code: code) }
      opened = Self.systemOpen(path, O_RDWR | O_APPEND | O_CLOEXEC)
    }
    var info = stat()
    while fstat(opened, &info) != 0 {
      let code = errno
      if code == EINTR { continue }
      close(opened)
      throw JournalError(path: path, operation: .stat, code: code)
    }
    guard (info.st_mode & S_IFMT) == S_IFREG else {
      close(opened)
      throw JournalError(path: path, operation: .open, reason: "not a regular file")
    }
    descriptor = opened
    identity = FileIdentity(info)
    reset()
  }

  private func fileSize() throws(JournalError) -> Int {
    var info = stat()
    while fstat(descriptor, &info) != 0 {
      let code = errno
      if code == EINTR { continue }
      throw JournalError(path: path, operation: .stat, code: code)
    }
    return Int(info.st_size)
  }

  private func byte(at offset: Int) throws(JournalError) -> UInt8 {
    var value: UInt8 = 0
    let got = try withUnsafeMutableBytes(of: &value) { buffer throws(JournalError) in
      try readFully(into: buffer, at: offset)
    }
    return got == 1 ? value : 0
  }

  /// Reads up to `buffer.count` bytes at `offset`, fewer only at end of file.
  private func readFully(
    into buffer: UnsafeMutableRawBufferPointer, at offset: Int
  ) throws(JournalError) -> Int {
    guard let base = buffer.baseAddress else { return 0 }
    var filled = 0
    while filled < buffer.count {
      let count = pread(descriptor, base + filled, buffer.count - filled, off_t(offset + filled))
      if count < 0 {
        let code = errno
        if code == EINTR { continue }
        throw JournalError(path: path, operation: .read, code: code)
      }
      if count == 0 { break }
      filled += count
    }
    return filled
  }

  /// Writes `bytes` with one `write(2)`, finishing a short write and retrying `EINTR`.
  private func write(_ bytes: [UInt8]) throws(JournalError) {
    let failure = bytes.withUnsafeBytes { buffer -> JournalError? in
      guard let base = buffer.baseAddress else { return nil }
      var done = 0
      while done < buffer.count {
        let count = Self.systemWrite(descriptor, base + done, buffer.count - done)
        if count < 0 {
          let code = errno
          if code == EINTR { continue }
          return JournalError(path: path, operation: .write, code: code)
        }
        if count == 0 {
          return JournalError(path: path, operation: .write, reason: "no bytes were written")
        }
        done += count
      }
      return nil
    }
    if let failure { throw failure }
  }

  /// The file offset after the last write (with `O_APPEND`, the end of what it wrote).
  private func position() throws(JournalError) -> Int {
    let offset = lseek(descriptor, 0, SEEK_CUR)
    guard offset >= 0 else { throw JournalError(path: path, operation: .write, code: errno) }
    return Int(offset)
  }

  /// `fdatasync` the file.
  private func sync() throws(JournalError) {
    while Self.dataSync(descriptor) != 0 {
      let code = errno
      if code == EINTR { continue }
      throw JournalError(path: path, operation: .sync, code: code)
    }
  }

  /// The line's bytes ending in exactly one `\n`.
  private static func record(_ line: String, path: String) throws(JournalError) -> [UInt8] {
    var bytes = Array(line.utf8)
    if bytes.last == 0x0A { bytes.removeLast() }
    if bytes.isEmpty || bytes.contains(0x0A) || bytes.contains(0x0D) {
      throw JournalError(
        path: path, operation: .write, reason: "the event line is empty or holds a line break")
    }
    bytes.append(0x0A)
    return bytes
  }

  private static func systemOpen(_ path: String, _ flags: Int32) -> Int32 {
    #if canImport(Glibc)
      Glibc.open(path, flags)
    #else
      Darwin.open(path, flags)
    #endif
  }

  private static func systemWrite(
    _ descriptor: Int32, _ bytes: UnsafeRawPointer, _ count: Int
  ) -> Int {
    #if canImport(Glibc)
      Glibc.write(descriptor, bytes, count)
    #else
      Darwin.write(descriptor, bytes, count)
    #endif
  }

  private static func dataSync(_ descriptor: Int32) -> Int32 {
    #if canImport(Glibc)
      fdatasync(descriptor)
    #else
      fsync(descriptor)
    #endif
  }
}
