import CNcurses
import Foundation
import Glibc
import Testing

@testable import WatchfloorTerminal

/// How a forked child ended, and what it wrote.
struct ChildOutcome {
  /// The exit status when it exited, nil when a signal killed it (or it hung).
  var exitStatus: Int32?
  /// The signal that killed it, nil when it exited.
  var killedBy: Int32?
  /// What it wrote to stderr.
  var errors: String
  /// What it wrote to the descriptor the crash path restores the terminal through.
  var terminalOutput: String
  /// Whether the terminal's modes were canonical with echo after it ended.
  var terminalRestored: Bool
}

/// A pseudo-terminal pair: the child "console" changes the modes of `follower`; the test
/// reads them back after the child ended.
final class PseudoTerminal {
  let leader: Int32
  let follower: Int32

  init() throws {
    typealias OpenLeader = @convention(c) (Int32) -> Int32
    typealias Prepare = @convention(c) (Int32) -> Int32
    typealias FollowerName = @convention(c) (Int32) -> UnsafeMutablePointer<CChar>?
    leader = try Self.function("posix_openpt", as: OpenLeader.self)(O_RDWR | O_NOCTTY)
    try #require(leader >= 0)
    try #require(try Self.function("grantpt", as: Prepare.self)(leader) == 0)
    try #require(try Self.function("unlockpt", as: Prepare.self)(leader) == 0)
    let name = try #require(try Self.function("ptsname", as: FollowerName.self)(leader))
    follower = open(name, O_RDWR | O_NOCTTY)
    try #require(follower >= 0)
  }

  /// A C library function Swift's Glibc module leaves out (the pseudo-terminal ones need
  /// `_XOPEN_SOURCE`), looked up by name.
  private static func function<Function>(_ name: String, as type: Function.Type) throws
    -> Function
  {
    let symbol = try #require(dlsym(nil, name), "\(name) not found")
    return unsafeBitCast(symbol, to: type)
  }

  /// Whether the modes are a shell's: canonical input, echo.
  var isCanonicalWithEcho: Bool {
    var modes = termios()
    guard tcgetattr(follower, &modes) == 0 else { return false }
    return modes.c_lflag & tcflag_t(ICANON) != 0 && modes.c_lflag & tcflag_t(ECHO) != 0
  }

  deinit {
    close(follower)
    close(leader)
  }
}

/// Reads what is in a pipe now (its writers are gone or done), without blocking.
private func drain(_ descriptor: Int32) -> String {
  _ = fcntl(descriptor, F_SETFL, fcntl(descriptor, F_GETFL) | O_NONBLOCK)
  var bytes: [UInt8] = []
  var buffer = [UInt8](repeating: 0, count: 4096)
  while true {
    let count = read(descriptor, &buffer, buffer.count)
    guard count > 0 else { break }
    bytes += buffer.prefix(count)
  }
  return String(decoding: bytes, as: UTF8.self)
}

/// Forks; the child runs `body` with stderr on a pipe, its signal actions at their
/// defaults for the signals under test, and the pseudo-terminal's follower in raw mode once
/// `body` has armed (the console's state), and must end the process. The parent waits up
/// to 10 seconds (then kills it) and reports how it ended.
///
/// `body` gets the terminal-output pipe's write end and the follower descriptor.
private func runChild(_ body: (_ output: Int32, _ terminal: Int32) -> Void) throws -> ChildOutcome {
  let errors = try TestPipe()
  let output = try TestPipe()
  let terminal = try PseudoTerminal()
  let child = fork()
  try #require(child >= 0)
  if child == 0 {
    dup2(errors.writeEnd, 2)
    // Start from what a fresh process has, not from the test runner's handlers (the Swift
    // backtracer's among them).
    for signal in CrashGuard.crashSignals + CrashGuard.terminationSignals {
      Glibc.signal(signal, SIG_DFL)
    }
    // Signals stay blocked as the test's thread has them: installing and arming must
    // unblock what they handle.
    body(output.writeEnd, terminal.follower)
    _exit(99)  // the signal did not end the process
  }
  var status: Int32 = 0
  var ended = false
  for _ in 0..<1000 {
    if waitpid(child, &status, WNOHANG) == child {
      ended = true
      break
    }
    usleep(10_000)
  }
  if !ended {
    kill(child, SIGKILL)
    waitpid(child, &status, 0)
    Issue.record("the child did not end within 10 s")
  }
  let signal = status & 0x7f
  return ChildOutcome(
    exitStatus: ended && signal == 0 ? (status >> 8) & 0xff : nil,
    killedBy: ended && signal != 0 ? signal : nil,
    errors: drain(errors.readEnd), terminalOutput: drain(output.readEnd),
    terminalRestored: terminal.isCanonicalWithEcho)
}

/// Puts the terminal in the console's raw modes, as ncurses does after arming.
private func makeRaw(_ descriptor: Int32) {
  var modes = termios()
  tcgetattr(descriptor, &modes)
  modes.c_lflag &= ~tcflag_t(ICANON | ECHO)
  tcsetattr(descriptor, TCSANOW, &modes)
}

/// A fresh directory; its `state/watchfloor` below does not exist yet.
private func temporaryDirectory() throws -> String {
  var template = Array("/tmp/watchfloor-crash-XXXXXX".utf8CString)
  let made = try #require(mkdtemp(&template))
  return String(cString: made)
}

/// The files in `directory`, none when it does not exist.
private func files(in directory: String) -> [String] {
  (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
}

/// Unblocks `signal` on the calling thread (a child forked from a test's thread inherits
/// its mask, which blocks signals), so `raise` delivers it before returning.
private func unblock(_ signal: Int32) {
  var set = sigset_t()
  sigemptyset(&set)
  sigaddset(&set, signal)
  pthread_sigmask(SIG_UNBLOCK, &set, nil)
}

/// Recurses until the stack runs out; the buffer makes each frame large.
private func recurseForever(_ depth: Int) -> Int {
  var buffer = [Int](repeating: depth, count: 1)
  return withUnsafeTemporaryAllocation(of: Int.self, capacity: 512) { frame in
    frame.initialize(repeating: depth)
    buffer[0] = frame[depth % 512]
    return recurseForever(depth + 1) + buffer[0]
  }
}

private func name(of signal: Int32) -> String {
  String(cString: wf_sig_name(signal))
}

extension SignalTests {
  /// A child with the crash path installed (reports in a fresh directory) and armed on a raw
  /// pseudo-terminal raises `signal`; returns the report directory and what came of it.
  func signalInConsole(_ signal: Int32) throws -> (reports: String, outcome: ChildOutcome) {
    let reports = try temporaryDirectory() + "/state/watchfloor"
    let outcome = try runChild { output, terminal in
      CrashGuard.install(reportDirectory: reports)
      CrashGuard.arm(outputDescriptor: output, terminalDescriptor: terminal)
      makeRaw(terminal)
      raise(signal)
    }
    return (reports, outcome)
  }

  @Test(
    "a crash signal in the console restores the terminal, writes a report, exits 128 + signal",
    arguments: CrashGuard.crashSignals)
  func crashInConsole(signal: Int32) throws {
    let (reports, outcome) = try signalInConsole(signal)
    #expect(outcome.exitStatus == 128 + signal)
    #expect(outcome.terminalOutput == CrashGuard.resetSequence)
    #expect(outcome.terminalRestored)
    let written = files(in: reports)
    #expect(written.count == 1)
    let report = try #require(written.first)
    #expect(report.hasPrefix("crash-") && report.hasSuffix(".txt"))
    #expect(
      outcome.errors == "watchfloor: \(name(of: signal)): crash report in \(reports)/\(report)\n")
    let text = try String(contentsOfFile: reports + "/" + report, encoding: .utf8)
    #expect(text.hasPrefix("watchfloor crash report\nsignal: \(name(of: signal)) (\(signal))"))
    #expect(text.contains(", sent by process "))
    // backtrace_symbols_fd's lines: FILE(SYMBOL+0xOFFSET)[0xADDRESS].
    let frames = text.split(separator: "\n").filter { $0.contains(")[0x") }
    #expect(frames.count >= 3, "too few frames in the backtrace:\n\(text)")
  }

  @Test(
    "a termination signal in the console restores the terminal and exits 128 + signal, no report",
    arguments: CrashGuard.terminationSignals)
  func terminationInConsole(signal: Int32) throws {
    let (reports, outcome) = try signalInConsole(signal)
    #expect(outcome.exitStatus == 128 + signal)
    #expect(outcome.terminalOutput == CrashGuard.resetSequence)
    #expect(outcome.terminalRestored)
    #expect(outcome.errors.isEmpty)
    #expect(files(in: reports).isEmpty)
  }

  @Test("without a console, a real fault writes a report naming the address and exits 139")
  func faultWithoutConsole() throws {
    let reports = try temporaryDirectory() + "/state/watchfloor"
    let outcome = try runChild { _, _ in
      CrashGuard.install(reportDirectory: reports)
      UnsafeMutablePointer<Int>(bitPattern: 16)?.pointee = 1
    }
    #expect(outcome.exitStatus == 139)
    #expect(outcome.terminalOutput.isEmpty)
    let report = try #require(files(in: reports).first)
    #expect(outcome.errors == "watchfloor: SIGSEGV: crash report in \(reports)/\(report)\n")
    let text = try String(contentsOfFile: reports + "/" + report, encoding: .utf8)
    #expect(
      text.contains("signal: SIGSEGV (11), raised by the kernel (code 1), fault address 0x10\n"))
  }

  @Test("a stack overflow is reported too: the handler runs on the alternate stack")
  func stackOverflow() throws {
    let reports = try temporaryDirectory() + "/state/watchfloor"
    let outcome = try runChild { _, _ in
      CrashGuard.install(reportDirectory: reports)
      _ = recurseForever(1)
    }
    #expect(outcome.exitStatus == 139)
    let report = try #require(files(in: reports).first)
    let text = try String(contentsOfFile: reports + "/" + report, encoding: .utf8)
    #expect(text.contains("signal: SIGSEGV (11), raised by the kernel"))
  }

  @Test("without a report directory the report goes to stderr")
  func reportOnStandardError() throws {
    let outcome = try runChild { _, _ in
      CrashGuard.install(reportDirectory: nil)
      raise(SIGABRT)
    }
    #expect(outcome.exitStatus == 134)
    #expect(outcome.errors.hasPrefix("watchfloor crash report\nsignal: SIGABRT (6)"))
    #expect(outcome.errors.contains("backtrace of the thread that received the signal"))
  }

  @Test(
    "a termination signal is left to its default action unless armed, and an ignored one stays ignored"
  )
  func terminationOutsideConsole() throws {
    let notArmed = try runChild { _, _ in
      CrashGuard.install(reportDirectory: nil)
      unblock(SIGUSR1)
      raise(SIGUSR1)
    }
    #expect(notArmed.killedBy == SIGUSR1)

    let disarmed = try runChild { output, terminal in
      CrashGuard.arm(outputDescriptor: output, terminalDescriptor: terminal)
      CrashGuard.disarm()
      unblock(SIGUSR2)
      raise(SIGUSR2)
    }
    #expect(disarmed.killedBy == SIGUSR2)
    #expect(disarmed.terminalOutput.isEmpty)

    let ignored = try runChild { output, terminal in
      Glibc.signal(SIGPIPE, SIG_IGN)
      CrashGuard.arm(outputDescriptor: output, terminalDescriptor: terminal)
      unblock(SIGPIPE)
      raise(SIGPIPE)
      _exit(0)
    }
    #expect(ignored.exitStatus == 0)
  }

  @Test("disarming takes the crash handler away again when arming installed it")
  func disarmUninstalls() throws {
    let outcome = try runChild { output, terminal in
      CrashGuard.arm(outputDescriptor: output, terminalDescriptor: terminal)
      let installedWhileArmed = CrashGuard.isInstalled
      CrashGuard.disarm()
      _exit(installedWhileArmed && !CrashGuard.isInstalled ? 0 : 1)
    }
    #expect(outcome.exitStatus == 0)
    let installed = try runChild { output, terminal in
      CrashGuard.install(reportDirectory: nil)
      CrashGuard.arm(outputDescriptor: output, terminalDescriptor: terminal)
      CrashGuard.disarm()
      _exit(CrashGuard.isInstalled ? 0 : 1)
    }
    #expect(installed.exitStatus == 0)
  }

  @Test("crash reports go to $XDG_STATE_HOME/watchfloor, else ~/.local/state/watchfloor")
  func reportDirectory() {
    func directory(_ variables: [String: String]) -> String? {
      CrashGuard.defaultReportDirectory { variables[$0] }
    }
    #expect(directory(["XDG_STATE_HOME": "/s", "HOME": "/h"]) == "/s/watchfloor")
    #expect(directory(["XDG_STATE_HOME": "", "HOME": "/h"]) == "/h/.local/state/watchfloor")
    #expect(directory(["XDG_STATE_HOME": "rel", "HOME": "/h"]) == "/h/.local/state/watchfloor")
    #expect(directory(["HOME": "/"]) == "/.local/state/watchfloor")
    #expect(directory([:]) == nil)
  }
}
