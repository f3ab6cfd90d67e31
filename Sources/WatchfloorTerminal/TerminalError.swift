/// Why the terminal, a signal watch or a wait could not be set up.
public enum TerminalError: Error, Hashable, Sendable, CustomStringConvertible {
  /// There is no terminal to draw on: neither stdin and stdout nor `/dev/tty` is one.
  case noTerminal
  /// ncurses does not know the terminal type (`TERM`), or could not set it up.
  case unusableTerminal(type: String)
  /// Another ``SignalWatch`` is active; there can be one per process.
  case signalWatchActive
  /// A system call failed with `errno`.
  case systemCall(name: String, errno: Int32)

  public var description: String {
    switch self {
    case .noTerminal:
      return "no terminal: run watchfloor in a terminal (stdin/stdout or /dev/tty)"
    case .unusableTerminal(let type):
      return "cannot use terminal type '\(type)' (check TERM)"
    case .signalWatchActive:
      return "a signal watch is already active"
    case .systemCall(let name, let errno):
      return "\(name) failed (errno \(errno))"
    }
  }
}
