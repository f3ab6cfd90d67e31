import WatchfloorModel

/// How many terminal columns text takes.
///
/// Rules for one Unicode scalar, in order:
/// - C0 and C1 controls and DEL: 0 (they are never drawn; ``Sanitizer`` escapes them).
/// - Nonspacing and enclosing marks (Mn, Me), format characters (Cf, e.g. U+200B) and the
///   Hangul medial and final jamo: 0. They join the character before them.
/// - East Asian Width W or F (CJK, Hangul syllables, fullwidth forms), and scalars with
///   Emoji_Presentation (😀): 2. Regional indicators count 1 each, so a flag (a pair of
///   them) takes the 2 columns terminals give it.
/// - Everything else, including East Asian Width A (ambiguous): 1.
///
/// A text-presentation character followed by VS16 (U+FE0F) stays at its own width, as
/// `wcwidth` (and therefore ncurses) counts it. The table agrees with glibc 2.36's `wcwidth`
/// except for a few dozen symbols glibc widens beyond Unicode (U+3248-324F, U+4DC0-4DFF)
/// and code points glibc does not know yet.
///
/// Cost: printable ASCII and Latin-1 return at once; other scalars take a binary search over
/// about 500 ranges.
public enum DisplayWidth {
  /// The columns one scalar takes: 0, 1 or 2.
  @inlinable
  public static func of(_ scalar: Unicode.Scalar) -> Int {
    let value = scalar.value
    if value < 0x7F { return value >= 0x20 ? 1 : 0 }
    if value < 0xA0 { return 0 }
    if value < 0x300 { return value == 0xAD ? 0 : 1 }
    return tableLookup(value)
  }

  /// The columns `text` takes when drawn by ``Canvas/put(_:x:y:width:style:overflow:align:)``:
  /// the text is sanitised first (so an ESC counts as the two columns of `\e`), then scalar
  /// widths are summed, except that zero-width marks with no character before them are
  /// drawn on a space of their own and so take one column.
  ///
  /// O(n) in the length of the text; printable ASCII is measured without decoding.
  public static func of(_ text: String) -> Int {
    if Sanitizer.isPrintableASCII(text) { return text.utf8.count }
    return ofSanitized(Sanitizer.sanitize(text))
  }

  /// The columns one grapheme takes when drawn alone (see `of(_ text: String)`).
  public static func of(_ character: Character) -> Int {
    of(String(character))
  }

  /// The columns of text already sanitised; the measure ``Canvas`` uses.
  static func ofSanitized(_ text: String) -> Int {
    var total = 0
    var hasBase = false
    for scalar in text.unicodeScalars {
      let width = of(scalar)
      if width > 0 {
        total += width
        hasBase = true
      } else if !hasBase {
        total += 1
        hasBase = true
      }
    }
    return total
  }

  @usableFromInline
  static func tableLookup(_ value: UInt32) -> Int {
    exceptionRanges.withUnsafeBufferPointer { table in
      var low = 0
      var high = table.count / 3 - 1
      while low <= high {
        let middle = (low + high) / 2
        let first = table[middle * 3]
        if value < first {
          high = middle - 1
        } else if value > table[middle * 3 + 1] {
          low = middle + 1
        } else {
          return Int(table[middle * 3 + 2])
        }
      }
      return 1
    }
  }
}
