import Foundation
import Glibc
import Testing
import WatchfloorProcess

/// The real binary in tmux, ended by a signal: what the officer's terminal is left with.
///
/// The pane runs a shell that prints `EXITED=$?` and the terminal modes after the command
/// (``TmuxSession/console(_:width:height:binaryPrefix:)``), rather than the command alone
/// with `remain-on-exit` and `#{pane_dead_status}`: tmux 3.3a sometimes never collects the
/// status of a process that exits from a signal handler, and when it does collect it first
/// it drops the process's last output (the crash report's path). That the process exits
/// 128 + signal rather than dying of the signal is checked with `waitpid` in
/// WatchfloorTerminalTests (CrashGuardTests).
@Suite(
  "Signals end to end in tmux",
  .enabled(if: TmuxSession.available, "tmux is not installed: apt-get install tmux"))
struct SignalEndToEndTests {
  /// A signal that ends the process, and whether it is a crash (which gets a report).
  struct FatalSignal: Sendable {
    var number: Int32
    var name: String
    var isCrash: Bool
  }

  static let fatalSignals: [FatalSignal] = [
    FatalSignal(number: SIGSEGV, name: "SIGSEGV", isCrash: true),
    FatalSignal(number: SIGBUS, name: "SIGBUS", isCrash: true),
    FatalSignal(number: SIGILL, name: "SIGILL", isCrash: true),
    FatalSignal(number: SIGFPE, name: "SIGFPE", isCrash: true),
    FatalSignal(number: SIGABRT, name: "SIGABRT", isCrash: true),
    FatalSignal(number: SIGTRAP, name: "SIGTRAP", isCrash: true),
    FatalSignal(number: SIGQUIT, name: "SIGQUIT", isCrash: true),
    FatalSignal(number: SIGUSR1, name: "SIGUSR1", isCrash: false),
    FatalSignal(number: SIGUSR2, name: "SIGUSR2", isCrash: false),
    FatalSignal(number: SIGPIPE, name: "SIGPIPE", isCrash: false),
    FatalSignal(number: SIGALRM, name: "SIGALRM", isCrash: false),
    FatalSignal(number: SIGXCPU, name: "SIGXCPU", isCrash: false),
    FatalSignal(number: SIGXFSZ, name: "SIGXFSZ", isCrash: false),
  ]

  /// `watchfloor` with `arguments` in a console session, crash reports under `stateHome`;
  /// wide enough that the report's path is on one line.
  func session(_ arguments: String, stateHome: URL) throws -> TmuxSession {
    try TmuxSession.console(
      "env XDG_STATE_HOME=\(stateHome.path) \(Watchfloor.binary.path) \(arguments)",
      width: 200, binaryPrefix: false)
  }

  /// Sends `signal` to the `watchfloor` process the session's shell runs.
  func send(_ signal: Int32, to tmux: TmuxSession) throws {
    let shell = try TmuxSession.tmux(
      ["list-panes", "-t", tmux.name, "-F", "#{pane_pid}"], socket: tmux.socket
    ).output.trimmingCharacters(in: .whitespacesAndNewlines)
    let found = try ChildProcess.run(["pgrep", "-x", "-P", shell, "watchfloor"])
    let processID = try #require(
      Int32(found.output.trimmingCharacters(in: .whitespacesAndNewlines)),
      "no watchfloor under the pane's shell")
    kill(processID, signal)
  }

  /// Checks what a signal left: the process ended (the shell printed its status) with
  /// 128 + signal, the terminal modes are a shell's again, the alternate screen is off, the
  /// backtracer did not prompt; for a crash exactly one report with a backtrace is in
  /// `stateHome`/watchfloor and its path is on the screen, for another signal none.
  func expectEnded(_ tmux: TmuxSession, by signal: FatalSignal, stateHome: URL) throws {
    let (screen, ended) = try tmux.waitFor { $0.contains("EXITED=") && $0.contains("icanon") }
    #expect(ended, "\(signal.name) did not end the process:\n\(screen)")
    #expect(screen.contains("EXITED=\(128 + signal.number)\n"), "\(signal.name):\n\(screen)")
    #expect(screen.contains("icanon echo"), "\(signal.name): the terminal stayed raw:\n\(screen)")
    let alternateScreen = try TmuxSession.tmux(
      ["display-message", "-p", "-t", tmux.name, "#{alternate_on}"], socket: tmux.socket
    ).output.trimmingCharacters(in: .whitespacesAndNewlines)
    #expect(alternateScreen == "0", "\(signal.name) left the alternate screen on")
    #expect(!screen.contains("Press space"), "\(signal.name): the backtracer prompted")
    let reports = stateHome.appendingPathComponent("watchfloor")
    let files = (try? FileManager.default.contentsOfDirectory(atPath: reports.path)) ?? []
    guard signal.isCrash else {
      #expect(files.isEmpty, "\(signal.name) is no crash, yet wrote \(files)")
      #expect(!screen.contains("crash report"), "\(signal.name):\n\(screen)")
      return
    }
    #expect(files.count == 1, "\(signal.name): \(files)")
    guard let file = files.first else { return }
    let path = reports.appendingPathComponent(file).path
    #expect(
      screen.contains("watchfloor: \(signal.name): crash report in \(path)\n"),
      "the report's path is not on the screen:\n\(screen)")
    let report = try String(contentsOfFile: path, encoding: .utf8)
    #expect(report.contains("signal: \(signal.name) (\(signal.number))"))
    // backtrace_symbols_fd's lines: FILE(SYMBOL+0xOFFSET)[0xADDRESS].
    let frames = report.split(separator: "\n").filter { $0.contains(")[0x") }
    #expect(frames.count >= 3, "too few frames in the backtrace:\n\(report)")
  }

  @Test(
    "every signal that ends the console restores the terminal and exits 128 + signal; crashes leave a report"
  )
  func everyFatalSignalEndsTheConsole() throws {
    let log = try sampleLog()
    let root = try temporaryDirectory()
    // All consoles at once, so the test takes about as long as one.
    let consoles = try Self.fatalSignals.map { signal in
      let stateHome = root.appendingPathComponent(signal.name)
      return (signal, stateHome, try session("live \(log.path)", stateHome: stateHome))
    }
    for (signal, _, tmux) in consoles {
      let (screen, shown) = try tmux.waitFor { $0.contains("AL-0123-10") }
      try #require(shown, "\(signal.name): the console did not start:\n\(screen)")
      try send(signal.number, to: tmux)
    }
    for (signal, stateHome, tmux) in consoles {
      try expectEnded(tmux, by: signal, stateHome: stateHome)
    }
  }

  @Test("a command without the console, crashing on a terminal, writes a report, no prompt")
  func crashOutsideTheConsole() throws {
    let directory = try temporaryDirectory()
    let stateHome = directory.appendingPathComponent("state")
    // validate reads a FIFO nothing writes to: a long run, with stdin and stdout a terminal.
    let fifo = directory.appendingPathComponent("endless.jsonl").path
    try #require(mkfifo(fifo, 0o600) == 0)
    let tmux = try session("validate \(fifo)", stateHome: stateHome)
    // Opening the write end succeeds once validate has opened the read end: it is running.
    var writer: Int32 = -1
    let deadline = Date().addingTimeInterval(10)
    while writer < 0 && Date() < deadline {
      writer = open(fifo, O_WRONLY | O_NONBLOCK)
      if writer < 0 { usleep(20_000) }
    }
    try #require(writer >= 0, "validate did not open the log")
    defer { close(writer) }
    try send(SIGSEGV, to: tmux)
    try expectEnded(
      tmux, by: FatalSignal(number: SIGSEGV, name: "SIGSEGV", isCrash: true),
      stateHome: stateHome)
  }
}
