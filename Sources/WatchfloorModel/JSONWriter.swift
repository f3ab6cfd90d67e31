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
  private var hasValue = false
  /// ``hasValue`` of each enclosing container, innermost last.
  private var enclosingHasValue: [Bool] = []

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

  public mutating func beginObject(_ key: String? = nil) { open(key, 0x7B) }
  public mutating func endObject() { close(0x7D) }
  public mutating func beginArray(_ key: String? = nil) { open(key, 0x5B) }
  public mutating func endArray() { close(0x5D) }

  public mutating func string(_ key: String?, _ value: String?) {
    member(key)
    guard var value else {
      output.write("null")
      return
    }
    value.withUTF8 { quoted(UnsafeRawBufferPointer($0)) }
  }

  /// A string member whose UTF-8 text is `bytes`: an interned name written without first
  /// making a `String` of it.
  public mutating func string(_ key: String?, bytes: UnsafeRawBufferPointer) {
    member(key)
    quoted(bytes)
  }

  /// A string member holding the text of `symbol` in `table`, written from the table's bytes.
  public mutating func string(_ key: String?, _ symbol: Symbol, in table: Interner) {
    member(key)
    table.withBytes(symbol) { quoted($0) }
  }

  /// A string member holding `timestamp` exactly as the log wrote it (empty when missing).
  public mutating func timestamp(_ key: String?, _ timestamp: Timestamp, in tables: SymbolTables) {
    member(key)
    RFC3339.withText(timestamp, verbatim: tables.texts) { quoted($0) }
  }

  public mutating func integer(_ key: String?, _ value: Int64?) {
    member(key)
    guard let value else {
      output.write("null")
      return
    }
    // Digits into a stack buffer, last first: `String(value)` allocates for every number.
    withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 20) { digits in
      var rest = value.magnitude
      var start = digits.count
      repeat {
        start -= 1
        digits[start] = UInt8(truncatingIfNeeded: rest % 10) + 0x30
        rest /= 10
      } while rest > 0
      if value < 0 { output.write(byte: 0x2D) }
      output.write(bytes: UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: digits[start...])))
    }
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

  private mutating func open(_ key: String?, _ bracket: UInt8) {
    member(key)
    output.write(byte: bracket)
    depth += 1
    enclosingHasValue.append(hasValue)
    hasValue = false
  }

  private mutating func close(_ bracket: UInt8) {
    let hadValue = hasValue
    hasValue = enclosingHasValue.popLast() ?? false
    depth -= 1
    if pretty && hadValue { newline() }
    output.write(byte: bracket)
  }

  private mutating func member(_ key: String?) {
    let comma = hasValue
    hasValue = true
    guard var key else {
      if comma { output.write(byte: 0x2C) }
      if pretty && depth > 0 { newline() }
      return
    }
    key.withUTF8 { name in
      let name = UnsafeRawBufferPointer(name)
      // The common case (a document of tens of millions of members): the comma, the line
      // break and indent when pretty, the quoted name and the colon, as one piece.
      let indent = pretty && depth > 0 ? 2 * depth : -1
      if name.count <= 64 && indent <= 64 && Self.isPlain(name) {
        withUnsafeTemporaryAllocation(byteCount: name.count + 70, alignment: 1) { piece in
          var end = 0
          func add(_ byte: UInt8) {
            piece[end] = byte
            end += 1
          }
          if comma { add(0x2C) }
          if indent >= 0 {
            add(0x0A)
            for _ in 0..<indent { add(0x20) }
          }
          add(0x22)
          UnsafeMutableRawBufferPointer(rebasing: piece[end...]).copyMemory(from: name)
          end += name.count
          add(0x22)
          add(0x3A)
          if pretty { add(0x20) }
          output.write(bytes: UnsafeRawBufferPointer(rebasing: piece[..<end]))
        }
        return
      }
      if comma { output.write(byte: 0x2C) }
      if pretty && depth > 0 { newline() }
      quoted(name)
      output.write(byte: 0x3A)
      if pretty { output.write(byte: 0x20) }
    }
  }

  /// A newline and two spaces per level of depth.
  private mutating func newline() {
    output.write(byte: 0x0A)
    output.write(repeating: 0x20, count: 2 * depth)
  }

  /// The UTF-8 text `value` as a string literal: written as is between quotes when it needs
  /// no escape, else escaped into one piece first.
  private mutating func quoted(_ value: UnsafeRawBufferPointer) {
    if Self.isPlain(value) {
      output.write(byte: 0x22)
      output.write(bytes: value)
      output.write(byte: 0x22)
    } else {
      var literal = ""
      Self.appendQuoted(String(decoding: value, as: UTF8.self), to: &literal)
      output.write(literal)
    }
  }

  /// Whether every byte is printable ASCII other than the quote and the backslash.
  private static func isPlain(_ bytes: UnsafeRawBufferPointer) -> Bool {
    for byte in bytes where byte < 0x20 || byte >= 0x7F || byte == 0x22 || byte == 0x5C {
      return false
    }
    return true
  }

  private static func isPlain(_ value: String) -> Bool {
    var value = value
    return value.withUTF8 { isPlain(UnsafeRawBufferPointer($0)) }
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
