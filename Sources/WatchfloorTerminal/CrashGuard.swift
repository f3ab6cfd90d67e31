import CNcurses

/// The crash path: restores the terminal when the process dies of SIGSEGV, SIGBUS, SIGILL
/// (a Swift trap), SIGABRT or SIGFPE while the console is drawing, so the officer gets a
/// usable shell back instead of a hidden cursor on the alternate screen.
///
/// ``Terminal`` arms it at start (before ncurses changes the terminal modes) and disarms it
/// at stop. The handlers are C (in the CNcurses shim, `wf_sig_crash_*`), async-signal-safe:
/// they `write(2)` ``resetSequence`` to the output descriptor, restore the saved termios
/// with `tcsetattr`, put back the signal's previous action (the default, or e.g. the Swift
/// runtime's backtracer, which then prints its report on the normal screen) and let it
/// handle the signal: a fault raised by the kernel recurs when the handler returns, a
/// signal sent by a process (kill, raise, abort) is raised again. The handlers run on an
/// alternate signal stack (installed on the arming thread when it has none), so a stack
/// overflow is covered too.
///
/// Arming also registers, once, an `atexit` hook that ends curses mode and restores the
/// modes if the process exits while armed.
enum CrashGuard {
  /// What the crash path writes: leave the alternate screen, show the cursor, reset the
  /// attributes, start a fresh line.
  static let resetSequence = "\u{1b}[?1049l\u{1b}[?25h\u{1b}[0m\r\n"

  /// Saves the modes of `terminalDescriptor` (when it is a terminal), installs the crash
  /// handlers writing to `outputDescriptor`. Does nothing when already armed.
  static func arm(outputDescriptor: Int32, terminalDescriptor: Int32) {
    wf_sig_crash_arm(outputDescriptor, terminalDescriptor)
  }

  /// Puts back the crash signals' previous actions. Does nothing when not armed.
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
