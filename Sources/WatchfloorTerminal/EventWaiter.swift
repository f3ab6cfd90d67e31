import Glibc

/// Sleeps until a descriptor is readable or a timeout passes: `poll(2)`, the one place the
/// run loop waits, so an idle console uses no CPU.
public enum EventWaiter {
  /// Waits until at least one of `descriptors` is readable, or `timeoutMilliseconds` pass.
  ///
  /// "Readable" includes end of file and errors (`POLLHUP`, `POLLERR`): the caller's read
  /// then tells which. Negative descriptors are ignored (never returned). A call interrupted
  /// by a signal (EINTR) waits again for the time that is left, so a signal handler that
  /// should wake the loop must write to a descriptor in the list (see ``SignalWatch``).
  ///
  /// - Parameters:
  ///   - descriptors: What to watch; duplicates are allowed.
  ///   - timeoutMilliseconds: How long to wait at most; nil waits forever, 0 (or less)
  ///     only checks.
  /// - Returns: The readable descriptors, in the order given (each once); empty on timeout.
  /// - Throws: ``TerminalError/systemCall(name:errno:)`` when `poll` fails, or with `EBADF`
  ///   when a descriptor is not open (`POLLNVAL`), which would otherwise wake every call.
  public static func wait(for descriptors: [Int32], timeoutMilliseconds: Int?) throws -> [Int32] {
    var entries = descriptors.map { pollfd(fd: $0, events: Int16(POLLIN), revents: 0) }
    let deadline = timeoutMilliseconds.map { now() + max(0, $0) }
    while true {
      var timeout: Int32 = -1
      if let deadline { timeout = Int32(clamping: max(0, deadline - now())) }
      let result = poll(&entries, nfds_t(entries.count), timeout)
      if result < 0 {
        if errno == EINTR { continue }
        throw TerminalError.systemCall(name: "poll", errno: errno)
      }
      if result == 0 { return [] }
      var ready: [Int32] = []
      for entry in entries where entry.fd >= 0 && entry.revents != 0 {
        if entry.revents & Int16(POLLNVAL) != 0 {
          throw TerminalError.systemCall(name: "poll", errno: EBADF)
        }
        if !ready.contains(entry.fd) { ready.append(entry.fd) }
      }
      return ready
    }
  }

  /// Milliseconds on the monotonic clock.
  private static func now() -> Int {
    var time = timespec()
    clock_gettime(CLOCK_MONOTONIC, &time)
    return time.tv_sec * 1000 + time.tv_nsec / 1_000_000
  }
}
