/// Builds JSON text: objects with members in the order written, pretty-printed with two-space
/// indentation (or compact), strings escaped as RFC 8259 requires.
public struct JSONWriter {
  public private(set) var text = ""
  private let pretty: Bool
  private var depth = 0
  /// Whether the current container already holds a value (a comma is due).
  private var hasValue: [Bool] = [false]

  public init(pretty: Bool = true) { self.pretty = pretty }

  public mutating func beginObject(_ key: String? = nil) { open(key, "{") }
  public mutating func endObject() { close("}") }
  public mutating func beginArray(_ key: String? = nil) { open(key, "[") }
  public mutating func endArray() { close("]") }

  public mutating func string(_ key: String?, _ value: String?) {
    member(key)
    if let value { Self.appendQuoted(value, to: &text) } else { text += "null" }
  }

  public mutating func integer(_ key: String?, _ value: Int64?) {
    member(key)
    text += value.map { String($0) } ?? "null"
  }

  public mutating func integer(_ key: String?, _ value: Int) { integer(key, Int64(value)) }

  /// A number with at most `digits` decimals, or null.
  public mutating func number(_ key: String?, _ value: Double?, digits: Int = 4) {
    member(key)
    guard let value, value.isFinite else {
      text += "null"
      return
    }
    var scale = 1.0
    for _ in 0..<digits { scale *= 10 }
    let rounded = (value * scale).rounded() / scale
    text +=
      rounded == rounded.rounded() && abs(rounded) < 1e15
      ? String(Int64(rounded)) : String(rounded)
  }

  public mutating func bool(_ key: String?, _ value: Bool) {
    member(key)
    text += value ? "true" : "false"
  }

  private mutating func open(_ key: String?, _ bracket: String) {
    member(key)
    text += bracket
    depth += 1
    hasValue.append(false)
  }

  private mutating func close(_ bracket: String) {
    let hadValue = hasValue.removeLast()
    depth -= 1
    if pretty && hadValue { newline() }
    text += bracket
  }

  private mutating func member(_ key: String?) {
    if hasValue[hasValue.count - 1] { text += "," }
    hasValue[hasValue.count - 1] = true
    if pretty && depth > 0 { newline() }
    if let key {
      Self.appendQuoted(key, to: &text)
      text += pretty ? ": " : ":"
    }
  }

  private mutating func newline() {
    text += "\n" + String(repeating: "  ", count: depth)
  }

  /// Appends `value` as a JSON string literal. Besides what RFC 8259 requires (quote,
  /// backslash, C0 controls), every character the ``Sanitizer`` escapes (DEL, C1 controls, bidi,
  /// zero-width and other format characters) is written as `\uXXXX` (a surrogate pair above
  /// U+FFFF), so the text never carries them raw to a terminal and still decodes to `value`.
  public static func appendQuoted(_ value: String, to out: inout String) {
    out += "\""
    if value.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F && $0 != 0x22 && $0 != 0x5C }) {
      out += value
      out += "\""
      return
    }
    var plain = Substring.UnicodeScalarView()
    for scalar in value.unicodeScalars {
      switch scalar {
      case "\"": flush(&plain, &out, "\\\"")
      case "\\": flush(&plain, &out, "\\\\")
      case "\n": flush(&plain, &out, "\\n")
      case "\r": flush(&plain, &out, "\\r")
      case "\t": flush(&plain, &out, "\\t")
      case _ where Sanitizer.needsEscape(scalar): flush(&plain, &out, unicodeEscape(scalar))
      default: plain.append(scalar)
      }
    }
    out += String(plain)
    out += "\""
  }

  /// `\uXXXX` (lower-case hex) for a scalar in the basic plane, a UTF-16 surrogate pair above.
  private static func unicodeEscape(_ scalar: Unicode.Scalar) -> String {
    var escaped = ""
    for unit in String(scalar).utf16 {
      let hex = String(unit, radix: 16)
      escaped += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
    }
    return escaped
  }

  private static func flush(
    _ plain: inout Substring.UnicodeScalarView, _ out: inout String, _ escape: String
  ) {
    out += String(plain)
    plain.removeAll()
    out += escape
  }
}
