/// Makes untrusted text safe to show in a terminal: anything read from the log, drawn on the
/// console's canvas, and everything the commands write to standard output and error (which
/// echoes paths, ids, arguments and reasons). ``JSONWriter`` escapes the same characters
/// (``needsEscape(_:)``) as `\uXXXX`, so there is one definition of what is unsafe.
///
/// Characters that could move the cursor, start an escape sequence, reorder or hide text are
/// replaced by a visible escape; everything else passes unchanged, so Arabic, CJK and emoji
/// stay as they are. Replaced:
/// - tab, newline and carriage return: `\t`, `\n`, `\r`; ESC: `\e`;
/// - the other C0 controls and DEL: `\x00` ... `\x1f`, `\x7f`;
/// - C1 controls U+0080-U+009F (including the 8-bit CSI U+009B): `\u{009B}`;
/// - format characters (Cf): the bidi embeddings, overrides, isolates and marks (U+202A-202E,
///   U+2066-2069, U+200E, U+200F, U+061C), zero-width space, non-joiner and joiner
///   (U+200B-200D), word joiner and invisible operators (U+2060-2064), the byte-order mark
///   U+FEFF, the soft hyphen, tags and every other Cf: `\u{202E}`;
/// - the line and paragraph separators U+2028 and U+2029 and the invisible Hangul fillers
///   (U+115F, U+1160, U+3164, U+FFA0).
///
/// So an escape sequence in a log line (`ESC [ 2 J`, `ESC ] 0 ; title BEL`) shows as text
/// (`\e[2J`, `\e]0;title\x07`) and never reaches the terminal. Emoji joined with U+200D
/// show their joiners (`👨\u{200D}👩`): terminals disagree on how wide such sequences are.
/// Backslashes are not escaped: the result is for reading, not for parsing back.
///
/// Sanitising is idempotent. Printable ASCII (the common case) is checked in one pass over
/// the bytes and returned without copying.
public enum Sanitizer {
  /// `text` with every unsafe character replaced by its visible escape.
  public static func sanitize(_ text: String) -> String {
    if isPrintableASCII(text) { return text }
    return escaping(text) { needsEscape($0) }
  }

  /// `text` with every unsafe character but the line feed replaced by its visible escape: for
  /// multi-line output whose line breaks are the program's own (each line sanitised alike).
  public static func sanitizeLines(_ text: String) -> String {
    let plain = text.utf8.allSatisfy { ($0 >= 0x20 && $0 < 0x7F) || $0 == 0x0A }
    if plain { return text }
    return escaping(text) { $0 != "\n" && needsEscape($0) }
  }

  private static func escaping(_ text: String, where unsafe: (Unicode.Scalar) -> Bool)
    -> String
  {
    let scalars = text.unicodeScalars
    guard let first = scalars.firstIndex(where: unsafe) else { return text }
    var result = String(scalars[..<first])
    result.reserveCapacity(text.utf8.count + 8)
    for scalar in scalars[first...] {
      if unsafe(scalar) {
        result += escape(scalar)
      } else {
        result.unicodeScalars.append(scalar)
      }
    }
    return result
  }

  /// Whether `text` would change when sanitised.
  public static func needsSanitizing(_ text: String) -> Bool {
    if isPrintableASCII(text) { return false }
    return text.unicodeScalars.contains(where: needsEscape)
  }

  /// Whether every byte of `text` is printable ASCII (U+0020-U+007E), the case that needs
  /// neither sanitising nor width lookups.
  @inlinable
  public static func isPrintableASCII(_ text: String) -> Bool {
    if let answer = text.utf8.withContiguousStorageIfAvailable(isPrintableASCII) {
      return answer
    }
    return text.utf8.allSatisfy { $0 >= 0x20 && $0 < 0x7F }
  }

  @inlinable
  static func isPrintableASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    for byte in bytes where byte < 0x20 || byte >= 0x7F {
      return false
    }
    return true
  }

  /// Whether `scalar` is replaced by an escape.
  public static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
    let value = scalar.value
    if value < 0x20 || (value >= 0x7F && value < 0xA0) { return true }
    // No format character lies in U+00AE-U+05FF or U+2070-U+FEFE: skip the lookup there.
    if value < 0x600 { return value == 0xAD }
    if value >= 0x2070 && value < 0xFEFF { return value == 0x3164 }
    switch value {
    case 0x115F, 0x1160, 0xFFA0, 0x2028, 0x2029: return true
    default: return scalar.properties.generalCategory == .format
    }
  }

  /// The visible escape for one scalar: `\e`, `\t`, `\n`, `\r`, `\xHH` for the other C0
  /// controls and DEL, and `\u{HHHH}` (upper-case hex, at least four digits) for the rest.
  public static func escape(_ scalar: Unicode.Scalar) -> String {
    switch scalar.value {
    case 0x09: return "\\t"
    case 0x0A: return "\\n"
    case 0x0D: return "\\r"
    case 0x1B: return "\\e"
    case let value where value < 0x20 || value == 0x7F:
      let hex = String(value, radix: 16)
      return "\\x" + (hex.count < 2 ? "0" + hex : hex)
    case let value:
      let hex = String(value, radix: 16, uppercase: true)
      return "\\u{" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex + "}"
    }
  }
}
