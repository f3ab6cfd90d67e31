import WatchfloorConsole

/// One thing the terminal reported: a key, or a new screen size.
public enum TerminalInput: Hashable, Sendable {
  /// A key press, decoded by ``KeyDecoder``.
  case key(Key)
  /// The screen is now `width` columns by `height` rows; the next frame is drawn whole.
  case resize(width: Int, height: Int)
}
