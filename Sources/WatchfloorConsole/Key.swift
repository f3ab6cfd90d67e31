/// A key the officer pressed, as the update loop sees it, whatever the terminal sent.
public enum Key: Hashable, Sendable {
  case character(Character)
  case up, down, left, right
  case pageUp, pageDown, home, end
  case enter, escape, tab, backTab, backspace, delete
  /// Ctrl plus a letter (`ctrl("c")`), for the keys that are not text.
  case control(Character)
  case function(Int)
}
