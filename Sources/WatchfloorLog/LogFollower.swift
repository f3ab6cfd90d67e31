#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Follows one growing JSON Lines file by path, like `tail -F`: new complete lines as they are
/// appended, truncation, rotation (the path renamed away and recreated), and a file that is
/// missing, appears later, or vanishes.
///
/// The file is read with `pread` in chunks of 1 MiB, never mapped (a mapped file that is
/// truncated raises SIGBUS). A last line without its `\n` is held until the newline arrives.
///
/// Use from one thread, the run loop's: put `wakeDescriptor` in the `poll(2)` set and call
/// `readAfterWake(_:)` when it is readable; when it is nil, call `readAvailable(_:)` every
/// `suggestedPollInterval`. Read both properties again after every call, since the follower
/// drops to polling if inotify stops working. In inotify mode, also calling `readAvailable(_:)`
/// at `suggestedPollInterval` catches what inotify cannot see (network file systems, a symbolic
/// link whose target lives in another directory).
///
/// Change detection, on every read: the path's device and inode against the open file's
/// (rotation, deletion), the open file's size against what was read (growth, truncation), and
/// a hash of its first bytes (up to 4 KiB) against the bytes read there (truncated and rewritten
/// past the old length).
public final class LogFollower {
  /// The followed path, as given.
  public let path: String
  /// `.waiting` until the file exists and is open, and again after it vanished.
  public private(set) var status: FollowStatus = .waiting

  /// The open file, or -1.
  private var descriptor: Int32 = -1
  /// Which file `descriptor` is; nil when none is open.
  private var identity: FileIdentity?
  /// Bytes of the open file consumed so far, the held partial line included.
  private var offset = 0
  private var splitter = LineSplitter()
  private var head = FollowHead()
  /// Whether a read found the path missing since the file was last open: the next open is
  /// announced as `.appeared`.
  private var sawMissing = false
  /// Where chunks are read.
  private let buffer: UnsafeMutableRawBufferPointer

  #if canImport(Glibc)
    private var watcher: FollowWatcher?
  #endif

  /// The size of the chunks read with `pread`.
  static let chunkSize = 1 << 20

  /// Follows `path`. Nothing is read yet: call `readAvailable(_:)`. With `useInotify` false,
  /// or where inotify is not available, the follower relies on being polled.
  public init(path: String, useInotify: Bool = true) {
    self.path = path
    self.buffer = .allocate(byteCount: Self.chunkSize, alignment: 16)
    #if canImport(Glibc)
      if useInotify { watcher = FollowWatcher(path: path) }
    #endif
  }

  deinit {
    if descriptor >= 0 { close(descriptor) }
    buffer.deallocate()
  }

  /// The inotify descriptor to put in the run loop's `poll(2)` set (readable when the file may
  /// have changed), or nil when the follower must be polled instead.
  public var wakeDescriptor: Int32? {
    #if canImport(Glibc)
      watcher?.descriptor
    #else
      nil
    #endif
  }

  /// How often the run loop should call `readAvailable(_:)`: every 100 ms when polling (no
  /// `wakeDescriptor`), every second as a safety net when inotify wakes it.
  public var suggestedPollInterval: Duration {
    wakeDescriptor == nil ? .milliseconds(100) : .seconds(1)
  }

  /// Drains the wake descriptor's pending notifications, then reads like `readAvailable(_:)`.
  /// Call it when `wakeDescriptor` is readable.
  public func readAfterWake(_ sink: (FollowEvent) throws -> Void) throws {
    #if canImport(Glibc)
      if let watcher, !watcher.drain() { self.watcher = nil }
    #endif
    try readAvailable(sink)
  }

  /// Reads everything new since the last call, up to the end of file as it was when the call
  /// began, and hands it to `sink` in order: complete lines, and notices of truncation,
  /// replacement, appearance and disappearance. Never blocks waiting for data.
  ///
  /// When the path no longer names the open file, the rest of the old file is delivered first,
  /// its unfinished last line included (the old file is finished), then `.replaced` or
  /// `.vanished`.
  ///
  /// - Throws: `FollowError` when the file cannot be examined, opened or read (permission
  ///   denied, an I/O error, not a regular file); the next call tries again. Rethrows what
  ///   `sink` throws, which stops reading: lines read in the same chunk after that point are
  ///   lost, so treat a sink error as the end of following.
  public func readAvailable(_ sink: (FollowEvent) throws -> Void) throws {
    guard descriptor >= 0 else {
      let announce = sawMissing
      guard try openFile() else { return }
      if announce { try sink(.appeared) }
      try readNewBytes(sink)
      return
    }
    let current = try FollowSystem.identity(atPath: path)
    if current == identity {
      try readNewBytes(sink)
      return
    }
    // The path names another file, or nothing: finish the one that is open.
    try readNewBytes(sink)
    try splitter.finish { try sink(.line($0, lineNumber: $1)) }
    closeFile()
    guard current != nil else {
      try sink(.vanished)
      return
    }
    try sink(.replaced)
    guard try openFile() else { return }
    try readNewBytes(sink)
  }

  /// Opens the file the path names now and starts reading it from the start; false when there
  /// is none. When it fails, or finds nothing, the follower is left waiting and announces the
  /// file as `.appeared` once it opens it.
  private func openFile() throws(FollowError) -> Bool {
    let opened: (descriptor: Int32, identity: FileIdentity)?
    do {
      opened = try FollowSystem.open(path)
    } catch {
      sawMissing = true
      throw error
    }
    guard let opened else {
      sawMissing = true
      return false
    }
    descriptor = opened.descriptor
    identity = opened.identity
    offset = 0
    splitter = LineSplitter()
    head = FollowHead()
    status = .following
    sawMissing = false
    #if canImport(Glibc)
      if let watcher, !watcher.watchFile() { self.watcher = nil }
    #endif
    return true
  }

  /// Closes the open file; the follower waits until it opens one again.
  private func closeFile() {
    #if canImport(Glibc)
      watcher?.unwatchFile()
    #endif
    close(descriptor)
    descriptor = -1
    identity = nil
    status = .waiting
    sawMissing = true
  }

  /// Reads the open file from `offset` to its current end, after checking it was not truncated
  /// or rewritten (then it is read again from the start, after `.truncated`).
  private func readNewBytes(_ sink: (FollowEvent) throws -> Void) throws {
    let size = Int(try FollowSystem.status(of: descriptor, path: path).st_size)
    if try size < offset || !headIsUnchanged() {
      offset = 0
      splitter = LineSplitter()
      head = FollowHead()
      try sink(.truncated)
    }
    while offset < size {
      let count = try FollowSystem.read(descriptor, into: buffer, at: offset, path: path)
      if count == 0 { break }  // Shrank while reading: seen as truncation next time.
      let chunk = UnsafeRawBufferPointer(rebasing: buffer[..<count])
      head.absorb(chunk, at: offset)
      offset += count
      try splitter.feed(chunk) { try sink(.line($0, lineNumber: $1)) }
    }
  }

  /// Whether the file's first bytes are still the ones read there.
  private func headIsUnchanged() throws(FollowError) -> Bool {
    guard head.length > 0 else { return true }
    let target = UnsafeMutableRawBufferPointer(rebasing: buffer[..<head.length])
    let count = try FollowSystem.readFully(descriptor, into: target, at: 0, path: path)
    return head.matches(UnsafeRawBufferPointer(rebasing: buffer[..<count]))
  }
}
