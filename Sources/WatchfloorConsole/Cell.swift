/// One column of one row of a ``Canvas``.
///
/// A cell holds one grapheme as drawn: a base character plus any zero-width marks that
/// follow it. A character two columns wide occupies two cells: a lead cell with `width` 2
/// holding the text, then a continuation cell with `width` 0 and empty `text`. A canvas never
/// holds a continuation cell without its lead to the left, nor a lead without its
/// continuation to the right.
public struct Cell: Hashable, Sendable {
  /// The grapheme shown, or "" in a continuation cell. Never contains control characters.
  public var text: String
  /// The style of the cell; a continuation cell has its lead's style.
  public var style: Style
  /// Columns the text takes: 1, 2 (lead of a wide character) or 0 (continuation).
  public var width: UInt8

  /// A blank cell in `style`.
  public static func blank(_ style: Style = .text) -> Cell {
    Cell(text: " ", style: style, width: 1)
  }

  /// Whether this cell is the right half of a wide character.
  public var isContinuation: Bool { width == 0 }
}
