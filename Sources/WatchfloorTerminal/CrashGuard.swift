import CNcurses
import Glibc

/// The crash path: what happens when a signal ends the process. Whatever the signal, the
/// officer gets a usable shell back (never a hidden cursor on the alternate screen, never
/// the Swift runtime backtracer's "Press space to interact" prompt), and the exit status
/// is 128 + the signal.
///
/// Two parts, both C handlers in the CNcurses shim (`wf_sig_fatal_*`, `wf_sig_crash_*`),
/// async-signal-safe, on an alternate signal stack (so a stack overflow is covered too):
///
/// - ``install(reportDirectory:)``, at program start for every command, puts a handler on
///   the ``crashSignals`` in place of the Swift runtime's backtracer. On a crash it writes a
///   crash report (the signal, the process, the time, and glibc's `backtrace` of the thread
///   that received the signal) to `crash-YYYYMMDDTHHMMSSZ-PID.txt` in the report directory
///   (created then), prints `watchfloor: SIGSEGV: crash report in PATH` on stderr, and ends
///   the process with `_exit(128 + signal)`. Without a report directory, or when the file
///   cannot be created, the report itself goes to stderr.
/// - ``arm(outputDescriptor:terminalDescriptor:)``, by ``Terminal`` at start (before ncurses
///   changes the terminal modes) until ``disarm()`` at stop, also puts it on the
///   ``terminationSignals`` that are not ignored, and makes it restore the terminal first:
///   write ``resetSequence`` to the output descriptor and the saved termios with
///   `tcsetattr`. (The handler is installed on the crash signals too, if not yet.)
///
/// `_exit(128 + signal)` rather than dying of the signal: every observer (a shell's `$?`,
/// `waitpid`, tmux's `pane_dead_status`) then sees 128 + signal, as after the run loop's
/// exit on SIGINT, SIGTERM or SIGHUP (see ``SignalWatch``). The price is that no core is
/// dumped; the crash report stands in for it.
///
/// Arming also registers, once, an `atexit` hook that ends curses mode and restores the
/// modes if the process exits while armed.
public enum CrashGuard {
  /// Signals that mean the program is broken (a Swift trap is SIGILL or SIGTRAP, a failed
  /// precondition in C code SIGABRT; SIGQUIT asks for a core): each gets a crash report.
  public static let crashSignals: [Int32] = [
    SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGABRT, SIGTRAP, SIGQUIT,
  ]

  /// Signals whose default action ends the process but that are no crash: while armed they
  /// restore the terminal and exit 128 + signal, without a report. Not handled otherwise,
  /// where their default action already does that (a shell reports 128 + signal).
  public static let terminationSignals: [Int32] = [
    SIGUSR1, SIGUSR2, SIGPIPE, SIGALRM, SIGXCPU, SIGXFSZ,
  ]

  /// What the crash path writes: leave the alternate screen, show the cursor, reset the
  /// attributes, start a fresh line.
  static let resetSequence = "\u{1b}[?1049l\u{1b}[?25h\u{1b}[0m\r\n"

  /// Where crash reports go: `$XDG_STATE_HOME/watchfloor`, or `~/.local/state/watchfloor`
  /// when `XDG_STATE_HOME` is unset, empty or relative (the XDG rule); nil without an
  /// absolute `HOME` either.
  ///
  /// - Parameter environment: looks up a variable; the process's environment by default.
  public static func defaultReportDirectory(
    environment: (String) -> String? = { name in getenv(name).map { String(cString: $0) } }
  ) -> String? {
    if let state = environment("XDG_STATE_HOME"), state.hasPrefix("/") {
      return state + "/watchfloor"
    }
    if let home = environment("HOME"), home.hasPrefix("/") {
      return (home == "/" ? "" : home) + "/.local/state/watchfloor"
    }
    return nil
  }

  /// Installs the crash handler on ``crashSignals`` for the rest of the process (or until
  /// ``uninstall()``), writing reports to `reportDirectory` (nil: to stderr), and unblocks
  /// those signals on the calling thread. Call early, from the main thread: the Swift
  /// runtime installs its backtracer before `main`, and this replaces it. Does nothing when
  /// already installed.
  public static func install(reportDirectory: String? = defaultReportDirectory()) {
    guard wf_sig_fatal_is_installed() == 0 else { return }
    // A directory too long for the handler's buffer sends reports to stderr instead.
    _ = wf_sig_fatal_set_report_directory(reportDirectory ?? "")
    _ = wf_sig_fatal_install()
  }

  /// Puts back the actions the crash signals had before ``install(reportDirectory:)``. For
  /// tests; does nothing when not installed.
  static func uninstall() {
    wf_sig_fatal_uninstall()
  }

  /// Whether the crash handler is on ``crashSignals``.
  static var isInstalled: Bool { wf_sig_fatal_is_installed() != 0 }

  /// Saves the modes of `terminalDescriptor` (when it is a terminal), installs the handler
  /// on ``terminationSignals`` (and on ``crashSignals`` with the default report directory,
  /// when not installed yet) restoring the terminal through `outputDescriptor`. Does nothing
  /// when already armed.
  static func arm(outputDescriptor: Int32, terminalDescriptor: Int32) {
    if !isInstalled { _ = wf_sig_fatal_set_report_directory(defaultReportDirectory() ?? "") }
    wf_sig_crash_arm(outputDescriptor, terminalDescriptor)
  }

  /// Puts back the termination signals' previous actions, and the crash signals' when
  /// arming installed the handler. Does nothing when not armed.
  static func disarm() {
    wf_sig_crash_disarm()
  }

  /// Does what a crash does to the terminal, without the crash: writes the reset sequence
  /// and restores the saved modes. For tests.
  static func resetNow() {
    wf_sig_crash_reset_now()
  }

  /// The reset sequence as the C handler has it, for tests.
  static var handlerResetSequence: String {
    String(cString: wf_sig_reset_string())
  }
}
