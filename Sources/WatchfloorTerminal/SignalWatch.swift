import CNcurses
import Glibc

/// Turns the signals a console must answer into something a run loop can poll: a
/// self-pipe.
///
/// While a watch exists, SIGINT, SIGTERM, SIGHUP, SIGWINCH and SIGCONT are caught by a
/// handler that only writes the signal number (one byte) to a non-blocking, close-on-exec
/// pipe; ``descriptor`` (its read end) becomes readable, the run loop wakes from
/// ``EventWaiter`` and calls ``drain()``. What to do is the run loop's business: stop the
/// terminal and exit on INT/TERM/HUP, ``Terminal/readInput()`` after WINCH (it reports the
/// new size), ``Terminal/invalidate()`` after CONT (after a suspension).
///
/// The handler is C, in the CNcurses shim (`wf_sig_watch_handler`): a signal handler may
/// only make async-signal-safe calls, which Swift code cannot promise. The pipe's write
/// end is kept for it in a C global (`wf_sig_pipe_fd`), declared weak so the linker merges
/// the copies every Swift object file would otherwise get of a header's `static` variable.
/// The handlers block each other while they run and use `SA_RESTART`.
///
/// A way out of a hung program: when a third SIGINT, SIGTERM or SIGHUP arrives and the
/// first two have not been drained, the handler restores the terminal (as the crash path
/// does, when a ``Terminal`` is started) and the signal kills the process.
///
/// One watch per process (signal actions are process-wide); ``invalidate()`` or `deinit`
/// puts back the actions the signals had before. Use it from one thread.
public final class SignalWatch {
  /// The signals watched.
  public static let signals: [Int32] = [SIGINT, SIGTERM, SIGHUP, SIGWINCH, SIGCONT]

  /// The pipe's read end: readable when a signal is waiting to be drained. -1 once
  /// invalidated.
  public private(set) var descriptor: Int32
  private var writeDescriptor: Int32

  /// Creates the pipe and installs the handlers.
  ///
  /// - Throws: ``TerminalError/signalWatchActive`` when another watch exists,
  ///   ``TerminalError/systemCall(name:errno:)`` when the pipe or an action cannot be set up.
  public init() throws {
    var ends: [Int32] = [-1, -1]
    guard wf_pipe2(&ends, O_NONBLOCK | O_CLOEXEC) == 0 else {
      throw TerminalError.systemCall(name: "pipe2", errno: errno)
    }
    guard wf_sig_watch_install(ends[1]) == 0 else {
      let failure = errno
      close(ends[0])
      close(ends[1])
      if failure == EBUSY { throw TerminalError.signalWatchActive }
      throw TerminalError.systemCall(name: "sigaction", errno: failure)
    }
    descriptor = ends[0]
    writeDescriptor = ends[1]
  }

  deinit {
    invalidate()
  }

  /// The signals received since the last drain, each once, in the order they first
  /// arrived; empty when none. Never blocks. Also tells the handler that the program has
  /// seen the termination signals so far (see the type's documentation).
  public func drain() -> [Int32] {
    guard descriptor >= 0 else { return [] }
    var received: [Int32] = []
    var buffer = [UInt8](repeating: 0, count: 64)
    while true {
      let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
      if count < 0 && errno == EINTR { continue }
      guard count > 0 else { break }
      for byte in buffer[0..<count] where !received.contains(Int32(byte)) {
        received.append(Int32(byte))
      }
    }
    wf_sig_acknowledge()
    return received
  }

  /// Puts back the signals' previous actions and closes the pipe. Idempotent.
  public func invalidate() {
    guard descriptor >= 0 else { return }
    wf_sig_watch_uninstall()
    close(descriptor)
    close(writeDescriptor)
    descriptor = -1
    writeDescriptor = -1
  }
}

@available(*, unavailable, message: "use a signal watch from the thread that polls it")
extension SignalWatch: Sendable {}
