import WatchfloorModel

/// What ``Canvas/put(_:x:y:width:style:overflow:align:)`` does with text wider than its room.
public enum Overflow: Hashable, Sendable {
  /// Cut at the last column; a wide character cut in half becomes a space.
  case clip
  /// End with "…" in the last column, after as much text as fits before it.
  case ellipsis
}

/// Where text narrower than its room is placed.
public enum Alignment: Hashable, Sendable {
  case left
  /// Centred; an odd spare column goes to the right.
  case center
  case right
}

/// Fitting text into a number of columns outside a canvas (to compose strings before
/// drawing them). Widths are those of ``DisplayWidth``.
public enum TextFitting {
  /// The ellipsis used when text is truncated.
  public static let ellipsis = "…"

  /// `text`, sanitised, cut to at most `columns` columns, ending with "…" when anything was
  /// cut. Zero or fewer columns give "". A wide character that does not fit before the
  /// ellipsis is dropped, so the result may be one column narrower than `columns`.
  public static func truncate(_ text: String, toColumns columns: Int) -> String {
    guard columns > 0 else { return "" }
    let ascii = Sanitizer.isPrintableASCII(text)
    if ascii {
      let count = text.utf8.count
      if count <= columns { return text }
      return text.prefix(columns - 1) + ellipsis
    }
    let safe = Sanitizer.sanitize(text)
    if DisplayWidth.ofSanitized(safe) <= columns { return safe }
    var kept = String.UnicodeScalarView()
    var used = 0
    for scalar in safe.unicodeScalars {
      var width = DisplayWidth.of(scalar)
      if width == 0 && kept.isEmpty { width = 1 }  // a lone mark is drawn on a space
      if width > 0 && used + width > columns - 1 { break }
      used += width
      kept.append(scalar)
    }
    return String(kept) + ellipsis
  }

  /// `text`, sanitised, in lines of at most `columns` columns, broken at spaces (a word longer
  /// than a line is broken where the line ends); later lines start with `indent` spaces. An
  /// empty text is one empty line.
  public static func wrap(_ text: String, toColumns columns: Int, indent: Int = 0) -> [String] {
    let safe = Sanitizer.sanitize(text)
    guard columns > indent + 1, DisplayWidth.of(safe) > columns else { return [safe] }
    var lines: [String] = []
    var line = ""
    var width = 0
    let pad = String(repeating: " ", count: indent)
    func room() -> Int { lines.isEmpty ? columns : columns - indent }
    func flush() {
      lines.append((lines.isEmpty ? "" : pad) + line)
      line = ""
      width = 0
    }
    for word in safe.split(separator: " ", omittingEmptySubsequences: false) {
      var word = String(word)
      var wordWidth = DisplayWidth.of(word)
      if width > 0 && width + 1 + wordWidth > room() { flush() }
      while wordWidth > room() {
        // A word longer than a line: as much as fits, then the rest on the next line.
        var head = ""
        var used = 0
        for character in word {
          let characterWidth = DisplayWidth.of(character)
          if used + characterWidth > room() - width - (width > 0 ? 1 : 0) { break }
          head.append(character)
          used += characterWidth
        }
        if head.isEmpty { break }
        line += (width > 0 ? " " : "") + head
        flush()
        word = String(word.dropFirst(head.count))
        wordWidth = DisplayWidth.of(word)
      }
      if width > 0 {
        line += " "
        width += 1
      }
      line += word
      width += wordWidth
    }
    if !line.isEmpty || lines.isEmpty { flush() }
    return lines
  }

  /// `text` cut to at most `columns` columns as ``truncate(_:toColumns:)`` does, but at the
  /// end of a word where one ends in the last third of the room, so a cut reads
  /// `Night movement reported…` rather than `Night movement rep…`.
  public static func truncateAtWord(_ text: String, toColumns columns: Int) -> String {
    let cut = truncate(text, toColumns: columns)
    guard cut.hasSuffix(ellipsis), columns > 3 else { return cut }
    let kept = cut.dropLast()
    // A space right after what was kept means the cut fell between words already.
    let next = text.dropFirst(kept.count).first
    if next == " " { return String(kept) + ellipsis }
    guard let space = kept.lastIndex(of: " ") else { return cut }
    let word = kept[..<space]
    guard DisplayWidth.of(String(word)) * 3 >= columns * 2 else { return cut }
    var trimmed = String(word)
    while let last = trimmed.last, " ,;:·—–-".contains(last) {
      trimmed.removeLast()
    }
    return trimmed + ellipsis
  }

  /// `text`, sanitised and truncated with an ellipsis to `columns`, then padded with spaces
  /// to exactly `columns` columns on the side `align` says.
  public static func pad(_ text: String, toColumns columns: Int, align: Alignment = .left)
    -> String
  {
    let fitted = truncate(text, toColumns: columns)
    let spare = max(0, columns - DisplayWidth.of(fitted))
    guard spare > 0 else { return fitted }
    switch align {
    case .left: return fitted + String(repeating: " ", count: spare)
    case .right: return String(repeating: " ", count: spare) + fitted
    case .center:
      let left = spare / 2
      return String(repeating: " ", count: left) + fitted
        + String(repeating: " ", count: spare - left)
    }
  }
}
