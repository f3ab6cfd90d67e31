/// Writes JSON text: objects with members in the order written, pretty-printed with two-space
/// indentation (or compact), strings escaped as RFC 8259 requires.
///
/// One writer, two sinks (``OutputBuffer``): `JSONWriter()` keeps the text in memory
/// (``text``), `JSONWriter(descriptor:)` writes it to a file descriptor through a bounded
/// buffer as it goes, so a document of any size takes the same memory; finish it with
/// ``finish()``. Both produce the same bytes.
public struct JSONWriter {
  /// Where the text goes.
  public private(set) var output: OutputBuffer
  private let pretty: Bool
  private var depth = 0
  /// Whether the current container already holds a value (a comma is due).
  private var hasValue: [Bool] = [false]

  /// A writer that keeps the text in memory.
  public init(pretty: Bool = true) {
    output = OutputBuffer()
    self.pretty = pretty
  }

  /// A writer to `descriptor` through a buffer of at most `capacity` bytes.
  public init(
    descriptor: Int32, pretty: Bool = true, capacity: Int = OutputBuffer.defaultCapacity
  ) {
    output = OutputBuffer(descriptor: descriptor, capacity: capacity)
    self.pretty = pretty
  }

  /// The text written, for a writer that keeps it in memory; for a writer to a descriptor,
  /// what is not written out yet.
  public var text: String { output.text }

  /// Ends the output with a newline, as a command's output ends, and writes out what is
  /// buffered.
  public mutating func finish() { output.finishLine() }

  public mutating func beginObject(_ key: String? = nil) { open(key, "{") }
  public mutating func endObject() { close("}") }
  public mutating func beginArray(_ key: String? = nil) { open(key, "[") }
  public mutating func endArray() { close("]") }

  public mutating func string(_ key: String?, _ value: String?) {
    member(key)
    if let value { quoted(value) } else { output.write("null") }
  }

  public mutating func integer(_ key: String?, _ value: Int64?) {
    member(key)
    output.write(value.map { String($0) } ?? "null")
  }

  public mutating func integer(_ key: String?, _ value: Int) { integer(key, Int64(value)) }

  /// A number with at most `digits` decimals, or null.
  public mutating func number(_ key: String?, _ value: Double?, digits: Int = 4) {
    member(key)
    guard let value, value.isFinite else {
      output.write("null")
      return
    }
    var scale = 1.0
    for _ in 0..<digits { scale *= 10 }
    let rounded = (value * scale).rounded() / scale
    output.write(
      rounded == rounded.rounded() && abs(rounded) < 1e15
        ? String(Int64(rounded)) : String(rounded))
  }

  public mutating func bool(_ key: String?, _ value: Bool) {
    member(key)
    output.write(value ? "true" : "false")
  }

  private mutating func open(_ key: String?, _ bracket: String) {
    member(key)
    output.write(bracket)
    depth += 1
    hasValue.append(false)
  }

  private mutating func close(_ bracket: String) {
    let hadValue = hasValue.removeLast()
    depth -= 1
    if pretty && hadValue { newline() }
    output.write(bracket)
  }

  private mutating func member(_ key: String?) {
    if hasValue[hasValue.count - 1] { output.write(",") }
    hasValue[hasValue.count - 1] = true
    if pretty && depth > 0 { newline() }
    if let key {
      quoted(key)
      output.write(pretty ? ": " : ":")
    }
  }

  /// A newline and the indent of the current depth, the common depths made once.
  private static let indents = (0..<16).map { "\n" + String(repeating: "  ", count: $0) }

  private mutating func newline() {
    output.write(
      depth < Self.indents.count
        ? Self.indents[depth] : "\n" + String(repeating: "  ", count: depth))
  }

  /// `value` as a string literal: written as is between quotes when it needs no escape,
  /// else escaped into one piece first.
  private mutating func quoted(_ value: String) {
    if Self.isPlain(value) {
      output.write("\"")
      output.write(value)
      output.write("\"")
    } else {
      var literal = ""
      Self.appendQuoted(value, to: &literal)
      output.write(literal)
    }
  }

  /// Whether every byte is printable ASCII other than the quote and the backslash.
  private static func isPlain(_ value: String) -> Bool {
    value.utf8.allSatisfy { $0 >= 0x20 && $0 < 0x7F && $0 != 0x22 && $0 != 0x5C }
  }

  /// Appends `value` as a JSON string literal. Besides what RFC 8259 requires (quote,
  /// backslash, C0 controls), every character the ``Sanitizer`` escapes (DEL, C1 controls, bidi,
  /// zero-width and other format characters) is written as `\uXXXX` (a surrogate pair above
  /// U+FFFF), so the text never carries them raw to a terminal and still decodes to `value`.
  public static func appendQuoted(_ value: String, to out: inout String) {
    out += "\""
    if isPlain(value) {
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
