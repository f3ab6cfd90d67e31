import CNcurses
import WatchfloorConsole

/// Turns what ncurses' `wget_wch` returns into a ``Key``: a pure function, so the mapping is
/// tested without a terminal.
///
/// Function keys (`wget_wch` returned `KEY_CODE_YES`):
/// - arrows, Page Up/Down, Home, End, `KEY_ENTER`, `KEY_BTAB` (Shift-Tab), `KEY_BACKSPACE`,
///   `KEY_DC` (Delete) and F1-F63 map to the key of that name; the keypad corners `KEY_A1`,
///   `KEY_A3`, `KEY_C1`, `KEY_C3` map to Home, Page Up, End, Page Down;
/// - every other function key (`KEY_RESIZE`, `KEY_MOUSE`, shifted arrows...) gives nil.
///
/// Characters:
/// - `\n` and `\r` are Enter, `\t` Tab, ESC (27) Escape, DEL (127) and BS (8) Backspace;
/// - the other C0 codes 1-26 are Ctrl plus their lower-case letter (`1` is `.control("a")`);
/// - NUL, 28-31 and the C1 controls (U+0080-U+009F) give nil;
/// - any other Unicode scalar is `.character`; a value that is not a scalar gives nil.
public enum KeyDecoder {
  /// The key for `code`, or nil when it is not a key the console knows.
  ///
  /// - Parameters:
  ///   - code: The value `wget_wch` stored (a `wint_t`).
  ///   - isFunctionKey: Whether `wget_wch` returned `KEY_CODE_YES` (a `KEY_*` code) rather
  ///     than `OK` (a character).
  public static func decode(code: UInt32, isFunctionKey: Bool) -> Key? {
    isFunctionKey ? functionKey(Int32(truncatingIfNeeded: code)) : character(code)
  }

  /// Highest function key number decoded (ncurses defines F0-F63).
  public static let maximumFunctionKey = 63

  private static func functionKey(_ code: Int32) -> Key? {
    switch code {
    case KEY_UP: return .up
    case KEY_DOWN: return .down
    case KEY_LEFT: return .left
    case KEY_RIGHT: return .right
    case KEY_PPAGE, KEY_A3: return .pageUp
    case KEY_NPAGE, KEY_C3: return .pageDown
    case KEY_HOME, KEY_A1: return .home
    case KEY_END, KEY_C1: return .end
    case KEY_ENTER: return .enter
    case KEY_BTAB: return .backTab
    case KEY_BACKSPACE: return .backspace
    case KEY_DC: return .delete
    case (KEY_F0 + 1)...(KEY_F0 + Int32(maximumFunctionKey)): return .function(Int(code - KEY_F0))
    default: return nil
    }
  }

  private static func character(_ code: UInt32) -> Key? {
    switch code {
    case 10, 13: return .enter
    case 9: return .tab
    case 27: return .escape
    case 8, 127: return .backspace
    case 1...26:
      return .control(Character(Unicode.Scalar(UInt8(code) - 1 + UInt8(ascii: "a"))))
    case 0..<32, 0x80..<0xA0: return nil
    default:
      guard let scalar = Unicode.Scalar(code) else { return nil }
      return .character(Character(scalar))
    }
  }
}
