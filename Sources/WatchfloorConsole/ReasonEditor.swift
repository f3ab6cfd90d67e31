/// A one-line text being typed (a decision's reason), with a cursor: ← → Home End move it,
/// Backspace and Delete remove a character, Ctrl-U everything before the cursor, Ctrl-W the
/// word before it (white space delimits words, as in a shell).
public struct ReasonEditor: Equatable, Sendable {
  public private(set) var text: String
  /// The cursor, in characters from the start: 0 before the first, `text.count` after the last.
  public private(set) var cursor: Int

  public init(_ text: String = "") {
    self.text = text
    cursor = text.count
  }

  /// Applies an editing key; returns whether the key was one.
  @discardableResult
  public mutating func handle(_ key: Key) -> Bool {
    switch key {
    case .character(let character):
      text.insert(character, at: index(cursor))
      cursor += 1
    case .left: cursor = max(0, cursor - 1)
    case .right: cursor = min(text.count, cursor + 1)
    case .home, .control("a"): cursor = 0
    case .end, .control("e"): cursor = text.count
    case .backspace:
      guard cursor > 0 else { return true }
      text.remove(at: index(cursor - 1))
      cursor -= 1
    case .delete:
      guard cursor < text.count else { return true }
      text.remove(at: index(cursor))
    case .control("u"):
      text.removeSubrange(text.startIndex..<index(cursor))
      cursor = 0
    case .control("w"):
      let characters = Array(text.prefix(cursor))
      var start = characters.count
      while start > 0 && characters[start - 1].isWhitespace { start -= 1 }
      while start > 0 && !characters[start - 1].isWhitespace { start -= 1 }
      text.removeSubrange(index(start)..<index(cursor))
      cursor = start
    default:
      return false
    }
    return true
  }

  /// The text with `mark` at the cursor, for drawing.
  public func marked(_ mark: String) -> String {
    String(text.prefix(cursor)) + mark + String(text.dropFirst(cursor))
  }

  private func index(_ offset: Int) -> String.Index {
    text.index(text.startIndex, offsetBy: offset)
  }
}
