#if canImport(Glibc)
  import Glibc

  /// An inotify instance that becomes readable when a followed file may have changed.
  ///
  /// It watches the file's directory for names created, moved in, moved out or deleted (a file
  /// that appears later, rotation, deletion), and the open file itself for writes, attribute and
  /// link-count changes, and moves. It never says what changed: the follower looks with `stat`.
  /// Linux only; elsewhere the follower polls.
  final class FollowWatcher {
    /// The inotify descriptor, non-blocking and close-on-exec.
    let descriptor: Int32
    private let path: String
    private let directoryWatch: Int32
    private var fileWatch: Int32?
    /// Where `drain` reads events; aligned for `struct inotify_event`.
    private let events: UnsafeMutableRawBufferPointer

    private static let directoryMask = UInt32(
      IN_CREATE | IN_MOVED_TO | IN_MOVED_FROM | IN_DELETE | IN_DELETE_SELF | IN_MOVE_SELF
        | IN_ONLYDIR)
    private static let fileMask = UInt32(
      IN_MODIFY | IN_ATTRIB | IN_CLOSE_WRITE | IN_MOVE_SELF | IN_DELETE_SELF)
    /// Events after which the directory watch no longer covers the path's directory.
    private static let directoryLostMask = UInt32(
      IN_DELETE_SELF | IN_MOVE_SELF | IN_UNMOUNT | IN_IGNORED)

    /// Watches the directory holding `path`; nil when inotify cannot be used (no more
    /// instances or watches, the directory does not exist, no permission).
    init?(path: String) {
      let descriptor = inotify_init1(Int32(IN_NONBLOCK | IN_CLOEXEC))
      guard descriptor >= 0 else { return nil }
      let watch = inotify_add_watch(
        descriptor, Self.directory(of: path), Self.directoryMask)
      guard watch >= 0 else {
        close(descriptor)
        return nil
      }
      self.descriptor = descriptor
      self.path = path
      self.directoryWatch = watch
      self.events = .allocate(byteCount: 16384, alignment: MemoryLayout<inotify_event>.alignment)
    }

    deinit {
      close(descriptor)
      events.deallocate()
    }

    /// Watches the file `path` names now. False when the watch cannot be added for a reason
    /// other than the file being gone again (the watch limit is reached): the follower then
    /// has to poll.
    func watchFile() -> Bool {
      unwatchFile()
      let watch = inotify_add_watch(descriptor, path, Self.fileMask)
      if watch >= 0 {
        fileWatch = watch
        return true
      }
      // Gone again: the directory watch reports what comes next.
      return errno == ENOENT || errno == ENOTDIR
    }

    /// Stops watching the file that was open.
    func unwatchFile() {
      guard let watch = fileWatch else { return }
      fileWatch = nil
      // Fails with EINVAL when the kernel already dropped the watch (the file was deleted).
      _ = inotify_rm_watch(descriptor, watch)
    }

    /// Reads and discards every queued event, so the descriptor stops being readable. False
    /// when the watch can no longer be trusted (the directory was removed, moved or unmounted,
    /// or the descriptor failed): the follower then has to poll.
    func drain() -> Bool {
      guard let base = events.baseAddress else { return false }
      while true {
        let count = read(descriptor, base, events.count)
        if count < 0 {
          if errno == EINTR { continue }
          return errno == EAGAIN || errno == EWOULDBLOCK
        }
        if count == 0 { return false }
        if inspect(UnsafeRawBufferPointer(rebasing: events[..<count])) { return false }
      }
    }

    /// Notes dropped watches in a batch of events; true when the directory watch is lost.
    private func inspect(_ events: UnsafeRawBufferPointer) -> Bool {
      let headerSize = MemoryLayout<inotify_event>.size
      var offset = 0
      var directoryLost = false
      while offset + headerSize <= events.count {
        let watch = events.loadUnaligned(fromByteOffset: offset, as: Int32.self)
        let mask = events.loadUnaligned(fromByteOffset: offset + 4, as: UInt32.self)
        let nameLength = events.loadUnaligned(fromByteOffset: offset + 12, as: UInt32.self)
        if watch == directoryWatch, mask & Self.directoryLostMask != 0 {
          directoryLost = true
        }
        if watch == fileWatch, mask & UInt32(IN_IGNORED) != 0 {
          fileWatch = nil
        }
        offset += headerSize + Int(nameLength)
      }
      return directoryLost
    }

    /// The directory holding `path`: "." for a bare name, "/" for a file at the root.
    private static func directory(of path: String) -> String {
      guard let slash = path.lastIndex(of: "/") else { return "." }
      let directory = path[..<slash]
      return directory.isEmpty ? "/" : String(directory)
    }
  }
#endif
