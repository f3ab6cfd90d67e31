/// How officers' names are told apart.
///
/// A name is compared after trimming surrounding white space and ignoring case; Swift's string
/// equality is canonical equivalence, so a precomposed `é` and `e` + U+0301 are one name. The
/// fold keeps the spec's exact comparison of `by`; the approval policy and the roster use
/// this one, so `alice`, `Alice` and `alice ` cannot give the two approvals of one airlift.
public enum OfficerName {
  /// Whether `first` and `second` name the same officer.
  public static func same(_ first: String, _ second: String) -> Bool {
    key(first) == key(second)
  }

  /// The form names are compared and hashed in: trimmed and lower-cased.
  public static func key(_ name: String) -> String {
    trimmed(name).lowercased()
  }

  /// `name` without the white space around it (tabs and line breaks included).
  public static func trimmed(_ name: String) -> String {
    let characters = Substring(name)
    guard let first = characters.firstIndex(where: { !$0.isWhitespace }),
      let last = characters.lastIndex(where: { !$0.isWhitespace })
    else { return "" }
    return String(characters[first...last])
  }

  /// The first scalar of `name` that no name may hold: whatever the ``Sanitizer`` would
  /// escape (control and format characters: zero-width spaces and joiners, bidi marks and
  /// overrides; line and paragraph separators; invisible fillers), and unassigned or
  /// private-use code points, which no one can read; nil when there is none.
  public static func forbiddenScalar(in name: String) -> Unicode.Scalar? {
    name.unicodeScalars.first { scalar in
      if Sanitizer.needsEscape(scalar) { return true }
      switch scalar.properties.generalCategory {
      case .unassigned, .privateUse: return true
      default: return false
      }
    }
  }
}
