import CNcurses
import Glibc
import WatchfloorConsole

/// The real terminal, driven through ncurses: starting and restoring it, its size, the keys
/// typed, and drawing a ``Canvas`` (see `Terminal+Drawing.swift`).
///
/// Not thread-safe, like ncurses itself: create and use it on one thread (the main thread).
/// It is not `Sendable`, so Swift keeps it there.
///
/// Life cycle: ``start()`` puts the terminal in program mode (alternate screen, no echo,
/// keys one at a time, no cursor) and arms the crash path (see ``SignalWatch`` for the other
/// signals); ``stop()`` puts everything back and may be called any number of times, also
/// without a start. `deinit` stops. If the process exits without stopping (`exit()` from
/// anywhere), an exit hook ends curses mode and restores the saved terminal modes.
///
/// The run loop waits with ``EventWaiter`` on ``inputDescriptor`` and a ``SignalWatch``'s
/// descriptor, then calls ``readInput()``, which never blocks (apart from up to
/// ``escapeDelayMilliseconds`` after a lone ESC, waiting for the rest of a key sequence).
public final class Terminal {
  /// How long ncurses waits after ESC for the rest of a key's escape sequence (`ESCDELAY`):
  /// the delay before a plain Escape is reported.
  public static let escapeDelayMilliseconds: Int32 = 25

  /// At most this many keys are read per ``readInput()``; the rest stays readable.
  public static let maximumKeysPerRead = 1024

  /// The ncurses screen while started.
  var screen: OpaquePointer?
  /// `/dev/tty`, opened when stdin or stdout is not a terminal.
  private var terminalFile: UnsafeMutablePointer<FILE>?
  /// Descriptor keys are read from: 0 (stdin), or `/dev/tty` when stdin is not a terminal.
  /// Poll it for readability; valid while started.
  public private(set) var inputDescriptor: Int32 = 0
  /// Descriptor the screen is written to: 1 (stdout), or `/dev/tty`.
  public private(set) var outputDescriptor: Int32 = 1
  /// What `curs_set(0)` answered: the cursor visibility to restore.
  private var savedCursor: Int32 = ERR
  /// The terminal's colour support, known once started (``ColorCapability/monochrome``
  /// before).
  public private(set) var colorCapability: ColorCapability = .monochrome

  // Drawing state, see Terminal+Drawing.swift.
  var colors = CursesColors(capability: .monochrome)
  var previousFrame: Canvas?
  var previousTheme: Theme?
  var previousMode: ColorMode?
  var previousScreenSize = (width: 0, height: 0)
  var looks: [Style: CellLook] = [:]
  /// The size last reported by ``readInput()``.
  private var reportedSize = (width: 0, height: 0)

  /// A terminal not yet started.
  public init() {}

  deinit {
    stop()
  }

  /// Whether the terminal is in program mode (started and not stopped).
  public var isActive: Bool { screen != nil }

  /// Puts the terminal in program mode: sets the locale from the environment (UTF-8),
  /// starts ncurses on stdin/stdout, or on `/dev/tty` when either is not a terminal; keys
  /// unbuffered and unechoed (`cbreak`, so Ctrl-C still sends SIGINT), `nonl`, function keys
  /// decoded (`keypad`, plus the common sequences of ``KeySequences``), reads that never wait (`nodelay`), ESC delay
  /// ``escapeDelayMilliseconds``, no cursor, colours with the terminal's defaults when it has
  /// any. Before ncurses changes the terminal modes they are saved, and the crash path is
  /// armed to restore them on every signal that ends the process (see ``CrashGuard``).
  ///
  /// Does nothing when already started.
  ///
  /// - Throws: ``TerminalError/noTerminal`` when there is no terminal,
  ///   ``TerminalError/unusableTerminal(type:)`` when ncurses cannot drive `TERM`.
  public func start() throws {
    guard screen == nil else { return }
    setlocale(LC_ALL, "")

    var input = wf_stdin()
    var output = wf_stdout()
    inputDescriptor = 0
    outputDescriptor = 1
    if isatty(0) != 1 || isatty(1) != 1 {
      guard let file = fopen("/dev/tty", "r+") else { throw TerminalError.noTerminal }
      terminalFile = file
      input = file
      output = file
      inputDescriptor = fileno(file)
      outputDescriptor = inputDescriptor
    }

    CrashGuard.arm(outputDescriptor: outputDescriptor, terminalDescriptor: inputDescriptor)
    guard let newScreen = newterm(nil, output, input) else {
      CrashGuard.disarm()
      closeTerminalFile()
      let type = getenv("TERM").map { String(cString: $0) } ?? ""
      throw TerminalError.unusableTerminal(type: type)
    }
    screen = newScreen
    set_term(newScreen)

    let window = wf_stdscr()
    cbreak()
    noecho()
    nonl()
    intrflush(window, false)
    keypad(window, true)
    KeySequences.defineFallbacks()
    nodelay(window, true)
    wtimeout(window, 0)
    leaveok(window, true)
    set_escdelay(Self.escapeDelayMilliseconds)
    savedCursor = curs_set(0)

    var capability = ColorCapability.monochrome
    if has_colors() {
      start_color()
      capability = ColorCapability(
        hasColors: true, colors: Int(wf_colors()), pairs: Int(wf_color_pairs()),
        canChangeColors: can_change_color(), hasDefaultColors: use_default_colors() == OK)
    }
    colorCapability = capability
    colors = CursesColors(capability: capability)
    resetDrawingState()
    reportedSize = size
  }

  /// Restores the terminal: ends curses mode (normal screen, cursor back, modes as before),
  /// frees the screen, disarms the crash path. Safe to call any number of times, and
  /// without a start; ``start()`` may be called again afterwards.
  public func stop() {
    guard let current = screen else { return }
    if savedCursor != ERR { curs_set(savedCursor) }
    endwin()
    delscreen(current)
    screen = nil
    CrashGuard.disarm()
    closeTerminalFile()
    resetDrawingState()
  }

  /// The screen size in cells. Before ``start()`` (or after ``stop()``): what the kernel
  /// reports for the output, or (0, 0) when it is not a terminal.
  public var size: (width: Int, height: Int) {
    if screen != nil { return (Int(wf_cols()), Int(wf_lines())) }
    return Self.kernelSize(of: outputDescriptor) ?? (0, 0)
  }

  /// Everything typed since the last call, without waiting: each key decoded by
  /// ``KeyDecoder`` (codes it does not know are dropped), and a ``TerminalInput/resize(width:height:)``
  /// when the screen size changed (at most one per call, with the newest size).
  ///
  /// The size is checked with the kernel on every call, so a resize is seen whichever
  /// SIGWINCH handler is installed: ncurses' (then ncurses also queues `KEY_RESIZE`) or a
  /// ``SignalWatch``'s, whose pipe wakes the run loop. After a resize the next
  /// ``draw(_:theme:mode:)`` repaints the whole screen.
  ///
  /// Returns an empty array when not started.
  public func readInput() -> [TerminalInput] {
    guard screen != nil else { return [] }
    var inputs: [TerminalInput] = []
    synchronizeSize(into: &inputs)
    let window = wf_stdscr()
    var code: wint_t = 0
    var keys = 0
    while keys < Self.maximumKeysPerRead {
      let status = wget_wch(window, &code)
      if status == ERR { break }
      keys += 1
      let isFunctionKey = status == KEY_CODE_YES
      if isFunctionKey && code == wint_t(KEY_RESIZE) {
        synchronizeSize(into: &inputs)
        continue
      }
      if let key = KeyDecoder.decode(code: code, isFunctionKey: isFunctionKey) {
        inputs.append(.key(key))
      }
    }
    return inputs
  }

  /// Rings the terminal bell (or flashes, where there is no bell). Sent with the next frame.
  public func bell() {
    guard screen != nil else { return }
    beep()
  }

  /// Makes the next ``draw(_:theme:mode:)`` repaint every cell and ncurses redraw the
  /// physical screen from scratch: after SIGCONT, or when something else wrote to the
  /// terminal.
  public func invalidate() {
    previousFrame = nil
    if screen != nil { clearok(wf_curscr(), true) }
  }

  /// Resizes ncurses to the kernel's size if they differ, and reports a new size.
  private func synchronizeSize(into inputs: inout [TerminalInput]) {
    if let kernel = Self.kernelSize(of: outputDescriptor),
      kernel.width != Int(wf_cols()) || kernel.height != Int(wf_lines())
    {
      resizeterm(Int32(kernel.height), Int32(kernel.width))
    }
    let current = size
    guard current != reportedSize else { return }
    reportedSize = current
    invalidate()
    inputs.removeAll { if case .resize = $0 { true } else { false } }
    inputs.append(.resize(width: current.width, height: current.height))
  }

  /// The window size the kernel reports for `descriptor`, nil when it is not a terminal.
  private static func kernelSize(of descriptor: Int32) -> (width: Int, height: Int)? {
    var window = winsize()
    guard ioctl(descriptor, UInt(TIOCGWINSZ), &window) == 0, window.ws_col > 0, window.ws_row > 0
    else { return nil }
    return (Int(window.ws_col), Int(window.ws_row))
  }

  private func closeTerminalFile() {
    if let file = terminalFile {
      fclose(file)
      terminalFile = nil
    }
    inputDescriptor = 0
    outputDescriptor = 1
  }

  private func resetDrawingState() {
    previousFrame = nil
    previousTheme = nil
    previousMode = nil
    previousScreenSize = (0, 0)
    looks = [:]
  }
}

@available(*, unavailable, message: "ncurses is not thread-safe: use the terminal on one thread")
extension Terminal: Sendable {}
