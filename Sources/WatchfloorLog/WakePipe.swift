#if canImport(Glibc)
  import Glibc
#endif

/// A pipe that a background thread writes a byte to when it has something for a run loop
/// polling `readDescriptor`; both ends close-on-exec and non-blocking, so neither side waits.
public final class WakePipe: Sendable {
  public let readDescriptor: Int32
  private let writeDescriptor: Int32

  public init() {
    var ends: [Int32] = [-1, -1]
    if pipe(&ends) == 0 {
      for end in ends {
        _ = fcntl(end, F_SETFD, FD_CLOEXEC)
        _ = fcntl(end, F_SETFL, O_NONBLOCK)
      }
    } else {
      ends = [-1, -1]
    }
    readDescriptor = ends[0]
    writeDescriptor = ends[1]
  }

  deinit {
    if readDescriptor >= 0 { close(readDescriptor) }
    if writeDescriptor >= 0 { close(writeDescriptor) }
  }

  /// Makes `readDescriptor` readable.
  public func wake() {
    var byte: UInt8 = 1
    _ = write(writeDescriptor, &byte, 1)
  }

  /// Takes every pending wake.
  public func drain() {
    var bytes = [UInt8](repeating: 0, count: 256)
    while read(readDescriptor, &bytes, bytes.count) > 0 {}
  }
}
