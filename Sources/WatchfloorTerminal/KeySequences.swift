import CNcurses

/// Escape sequences terminals commonly send for keys, taught to ncurses (`define_key`) when
/// the terminfo entry does not already bind them: a `TERM` that does not match the terminal
/// (inside tmux or screen, over ssh) then still gives Home, End, arrows, F1-F12 and so on
/// instead of ESC followed by text. A sequence the entry binds, or one that clashes with a
/// binding, is left alone.
enum KeySequences {
  /// The sequences and the `KEY_*` codes they stand for: the VT100/xterm forms (CSI and SS3)
  /// and the VT220/rxvt forms (`ESC [ n ~`).
  static let fallbacks: [(sequence: String, code: Int32)] = [
    ("\u{1b}[A", KEY_UP), ("\u{1b}[B", KEY_DOWN), ("\u{1b}[C", KEY_RIGHT), ("\u{1b}[D", KEY_LEFT),
    ("\u{1b}OA", KEY_UP), ("\u{1b}OB", KEY_DOWN), ("\u{1b}OC", KEY_RIGHT), ("\u{1b}OD", KEY_LEFT),
    ("\u{1b}[H", KEY_HOME), ("\u{1b}[F", KEY_END), ("\u{1b}OH", KEY_HOME), ("\u{1b}OF", KEY_END),
    ("\u{1b}[1~", KEY_HOME), ("\u{1b}[4~", KEY_END), ("\u{1b}[7~", KEY_HOME),
    ("\u{1b}[8~", KEY_END), ("\u{1b}[3~", KEY_DC), ("\u{1b}[5~", KEY_PPAGE),
    ("\u{1b}[6~", KEY_NPAGE), ("\u{1b}[Z", KEY_BTAB), ("\u{1b}OM", KEY_ENTER),
    ("\u{1b}OP", KEY_F0 + 1), ("\u{1b}OQ", KEY_F0 + 2), ("\u{1b}OR", KEY_F0 + 3),
    ("\u{1b}OS", KEY_F0 + 4), ("\u{1b}[11~", KEY_F0 + 1), ("\u{1b}[12~", KEY_F0 + 2),
    ("\u{1b}[13~", KEY_F0 + 3), ("\u{1b}[14~", KEY_F0 + 4), ("\u{1b}[15~", KEY_F0 + 5),
    ("\u{1b}[17~", KEY_F0 + 6), ("\u{1b}[18~", KEY_F0 + 7), ("\u{1b}[19~", KEY_F0 + 8),
    ("\u{1b}[20~", KEY_F0 + 9), ("\u{1b}[21~", KEY_F0 + 10), ("\u{1b}[23~", KEY_F0 + 11),
    ("\u{1b}[24~", KEY_F0 + 12),
  ]

  /// Binds every fallback the current screen's terminfo leaves unbound. ncurses must be
  /// started.
  static func defineFallbacks() {
    for (sequence, code) in fallbacks where key_defined(sequence) == 0 {
      define_key(sequence, code)
    }
  }
}
