#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Which file a path or descriptor names: rotation changes it, truncation does not.
struct FileIdentity: Equatable {
  var device: UInt64
  var inode: UInt64

  init(_ info: stat) {
    device = UInt64(truncatingIfNeeded: info.st_dev)
    inode = UInt64(truncatingIfNeeded: info.st_ino)
  }
}

/// The system calls the follower makes: `EINTR` retried, failures thrown as `FollowError`
/// naming the followed path, and a missing path reported as nil rather than thrown.
enum FollowSystem {
  /// The identity of the file `path` names now, or nil when nothing exists there.
  static func identity(atPath path: String) throws(FollowError) -> FileIdentity? {
    var info = stat()
    while stat(path, &info) != 0 {
      let code = errno
      if code == EINTR { continue }
      if isMissing(code) { return nil }
      throw FollowError(path: path, operation: .stat, code: code)
    }
    return FileIdentity(info)
  }

  /// Opens `path` for reading; nil when nothing exists there. Throws when it cannot be opened
  /// or is not a regular file (a FIFO would block, a directory cannot be read).
  static func open(_ path: String) throws(FollowError) -> (
    descriptor: Int32, identity: FileIdentity
  )? {
    var descriptor: Int32
    repeat {
      descriptor = Self.systemOpen(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
    } while descriptor < 0 && errno == EINTR
    if descriptor < 0 {
      let code = errno
      if isMissing(code) { return nil }
      throw FollowError(path: path, operation: .open, code: code)
    }
    do throws(FollowError) {
      let info = try status(of: descriptor, path: path)
      guard (info.st_mode & S_IFMT) == S_IFREG else { throw FollowError.notRegularFile(path) }
      return (descriptor, FileIdentity(info))
    } catch {
      close(descriptor)
      throw error
    }
  }

  /// `fstat` of an open descriptor.
  static func status(of descriptor: Int32, path: String) throws(FollowError) -> stat {
    var info = stat()
    while fstat(descriptor, &info) != 0 {
      let code = errno
      if code == EINTR { continue }
      throw FollowError(path: path, operation: .stat, code: code)
    }
    return info
  }

  /// Reads up to `buffer.count` bytes at `offset`; 0 at end of file.
  static func read(
    _ descriptor: Int32, into buffer: UnsafeMutableRawBufferPointer, at offset: Int, path: String
  ) throws(FollowError) -> Int {
    guard let base = buffer.baseAddress, buffer.count > 0 else { return 0 }
    while true {
      let count = pread(descriptor, base, buffer.count, off_t(offset))
      if count >= 0 { return count }
      let code = errno
      if code == EINTR { continue }
      throw FollowError(path: path, operation: .read, code: code)
    }
  }

  /// Reads exactly `buffer.count` bytes at `offset`, or fewer only at end of file.
  static func readFully(
    _ descriptor: Int32, into buffer: UnsafeMutableRawBufferPointer, at offset: Int, path: String
  ) throws(FollowError) -> Int {
    var filled = 0
    while filled < buffer.count {
      let count = try read(
        descriptor, into: UnsafeMutableRawBufferPointer(rebasing: buffer[filled...]),
        at: offset + filled, path: path)
      if count == 0 { break }
      filled += count
    }
    return filled
  }

  /// ENOENT, or ENOTDIR when a directory on the way is missing or was replaced by a file.
  private static func isMissing(_ code: Int32) -> Bool {
    code == ENOENT || code == ENOTDIR
  }

  private static func systemOpen(_ path: String, _ flags: Int32) -> Int32 {
    #if canImport(Glibc)
      Glibc.open(path, flags)
    #else
      Darwin.open(path, flags)
    #endif
  }
}
