import Foundation
import Glibc
import Testing

@testable import WatchfloorTerminal

/// Runs `body` with the watched signals unblocked on the current thread, so `raise` delivers
/// them before it returns. (Swift Testing runs tests on dispatch worker threads, which block
/// signals; a raised signal would stay pending there.)
func withSignalsUnblocked<Result>(_ body: () throws -> Result) rethrows -> Result {
  var unblock = sigset_t()
  var previous = sigset_t()
  sigemptyset(&unblock)
  for signal in SignalWatch.signals { sigaddset(&unblock, signal) }
  pthread_sigmask(SIG_UNBLOCK, &unblock, &previous)
  defer { pthread_sigmask(SIG_SETMASK, &previous, nil) }
  return try body()
}

/// Runs `body` on a new thread (not the test's concurrency pool, which blocking tests may
/// fill) after `milliseconds`.
func afterDelay(milliseconds: Int, _ body: @escaping @Sendable () -> Void) {
  let thread = Thread {
    usleep(UInt32(milliseconds * 1000))
    body()
  }
  thread.start()
}

/// Signal actions are process-wide: the tests that change them run one at a time.
@Suite("Signals", .serialized)
struct SignalTests {
  @Test("a raised SIGWINCH makes the descriptor readable, and drain returns it")
  func windowChange() throws {
    let watch = try SignalWatch()
    defer { watch.invalidate() }
    #expect(try EventWaiter.wait(for: [watch.descriptor], timeoutMilliseconds: 0).isEmpty)
    withSignalsUnblocked { _ = raise(SIGWINCH) }
    let ready = try EventWaiter.wait(for: [watch.descriptor], timeoutMilliseconds: 1000)
    #expect(ready == [watch.descriptor])
    #expect(watch.drain() == [SIGWINCH])
    #expect(try EventWaiter.wait(for: [watch.descriptor], timeoutMilliseconds: 0).isEmpty)
    #expect(watch.drain().isEmpty)
  }

  @Test("each signal is drained once, in the order it first arrived")
  func severalSignals() throws {
    let watch = try SignalWatch()
    defer { watch.invalidate() }
    withSignalsUnblocked {
      for signal in [SIGCONT, SIGWINCH, SIGWINCH, SIGHUP, SIGTERM] { raise(signal) }
    }
    #expect(watch.drain() == [SIGCONT, SIGWINCH, SIGHUP, SIGTERM])
  }

  @Test("termination signals that are drained never kill the process")
  func drainedTerminationSignals() throws {
    let watch = try SignalWatch()
    defer { watch.invalidate() }
    for _ in 0..<3 {
      withSignalsUnblocked {
        raise(SIGINT)
        raise(SIGINT)
      }
      #expect(watch.drain() == [SIGINT])
    }
  }

  @Test("a signal sent to the process from another thread wakes a wait on the descriptor")
  func wakesWaiter() throws {
    let watch = try SignalWatch()
    defer { watch.invalidate() }
    afterDelay(milliseconds: 50) { kill(getpid(), SIGWINCH) }
    let ready = try EventWaiter.wait(for: [watch.descriptor], timeoutMilliseconds: 5000)
    #expect(ready == [watch.descriptor])
    #expect(watch.drain() == [SIGWINCH])
  }

  @Test("one watch at a time; another can follow once it is invalidated")
  func oneAtATime() throws {
    let watch = try SignalWatch()
    #expect(throws: TerminalError.signalWatchActive) { _ = try SignalWatch() }
    watch.invalidate()
    watch.invalidate()
    #expect(watch.descriptor == -1)
    #expect(watch.drain().isEmpty)
    let next = try SignalWatch()
    withSignalsUnblocked { _ = raise(SIGWINCH) }
    #expect(next.drain() == [SIGWINCH])
    next.invalidate()
  }

  @Test("the crash path writes the reset sequence to the terminal's descriptor")
  func crashReset() throws {
    #expect(CrashGuard.resetSequence == "\u{1b}[?1049l\u{1b}[?25h\u{1b}[0m\r\n")
    #expect(CrashGuard.handlerResetSequence == CrashGuard.resetSequence)
    let pipe = try TestPipe()
    CrashGuard.arm(outputDescriptor: pipe.writeEnd, terminalDescriptor: -1)
    CrashGuard.resetNow()
    CrashGuard.disarm()
    #expect(pipe.readAll() == CrashGuard.resetSequence)
  }
}
