/// The kind of a JSON value, as far as the event schema cares.
public enum JSONValueKind: UInt8, Sendable {
  case string, integer, bigInteger, fraction, bool, null, object, array

  /// The noun used in messages: "a string", "an integer", ...
  public var noun: String {
    switch self {
    case .string: "a string"
    case .integer, .bigInteger: "an integer"
    case .fraction: "a non-integer number"
    case .bool: "a boolean"
    case .null: "null"
    case .object: "an object"
    case .array: "an array"
    }
  }
}

/// A scanned value: where it lies in the line and, for integers, its value.
public struct JSONValue: Sendable {
  public var kind: JSONValueKind
  /// For strings, the bytes between the quotes; otherwise the whole token.
  public var start: Int
  public var end: Int
  /// A string that holds escapes must be unescaped before use.
  public var escaped: Bool
  /// What the reader thread worked out ahead for a string, sparing the decoding thread: for
  /// a member the decoder interns, its `Interner.Hasher` hash; for `type`, the `EventType`'s
  /// raw value + 1 (0 for a type this version does not know). Valid when `isWorkedAhead`;
  /// these two lie in what was padding.
  public var isWorkedAhead = false
  public var ahead: UInt32 = 0
  /// The value of an `integer`.
  public var integer: Int64

  /// The value's bytes in `line`, the line it was scanned from (for a string, between the
  /// quotes, still escaped).
  @inline(__always)
  public func bytes(in line: UnsafeRawBufferPointer) -> UnsafeRawBufferPointer {
    UnsafeRawBufferPointer(rebasing: line[start..<end])
  }
}

/// A reason a line is not valid JSON, with the byte offset where it was found.
public struct JSONSyntaxError: Error, Sendable {
  public var message: String
  public var offset: Int
}

/// A strict RFC 8259 scanner over one line: it validates everything (UTF-8, escapes, lone
/// surrogates, raw control characters, number grammar, nesting, trailing garbage) and reports
/// the top-level members of the object it holds, without building any tree.
///
/// Nesting deeper than `maximumDepth` is refused rather than risking the stack.
public struct JSONScanner {
  public static let maximumDepth = 512

  let bytes: UnsafeRawBufferPointer
  var index = 0

  public init(_ bytes: UnsafeRawBufferPointer) { self.bytes = bytes }

  /// Scans the line as one object, calling `member(keyValue, value)` for each top-level member
  /// in order. The line may hold whitespace around the object and nothing else.
  public mutating func scanObject(
    _ member: (JSONValue, JSONValue) throws(JSONSyntaxError) -> Void
  ) throws(JSONSyntaxError) {
    skipWhitespace()
    guard index < bytes.count else { throw error("empty line") }
    guard bytes[index] == UInt8(ascii: "{") else {
      // Say what it is when it is some other valid JSON.
      var probe = self
      if (try? probe.scanValue(depth: 0)) != nil {
        probe.skipWhitespace()
        if probe.index == bytes.count { throw error("not a JSON object") }
      }
      throw error("not a JSON object: unexpected \(describe(index))")
    }
    index += 1
    skipWhitespace()
    if peek() == UInt8(ascii: "}") {
      index += 1
    } else {
      while true {
        guard peek() == UInt8(ascii: "\"") else { throw error("expected a member name") }
        let key = try scanString()
        skipWhitespace()
        guard peek() == UInt8(ascii: ":") else { throw error("expected ':'") }
        index += 1
        skipWhitespace()
        let value = try scanValue(depth: 1)
        try member(key, value)
        skipWhitespace()
        let next = peek()
        index += 1
        if next == UInt8(ascii: ",") {
          skipWhitespace()
          continue
        }
        if next == UInt8(ascii: "}") { break }
        index -= 1
        throw error("expected ',' or '}'")
      }
    }
    skipWhitespace()
    guard index == bytes.count else { throw error("trailing characters after the object") }
  }

  @inline(__always) func peek() -> UInt8 { index < bytes.count ? bytes[index] : 0 }

  @inline(__always) mutating func skipWhitespace() {
    while index < bytes.count {
      let byte = bytes[index]
      guard byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D else { return }
      index += 1
    }
  }

  mutating func scanValue(depth: Int) throws(JSONSyntaxError) -> JSONValue {
    guard index < bytes.count else { throw error("unexpected end of line") }
    let start = index
    switch bytes[index] {
    case UInt8(ascii: "\""):
      return try scanString()
    case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
      return try scanNumber()
    case UInt8(ascii: "t"):
      try expectLiteral("true")
      return JSONValue(kind: .bool, start: start, end: index, escaped: false, integer: 1)
    case UInt8(ascii: "f"):
      try expectLiteral("false")
      return JSONValue(kind: .bool, start: start, end: index, escaped: false, integer: 0)
    case UInt8(ascii: "n"):
      try expectLiteral("null")
      return JSONValue(kind: .null, start: start, end: index, escaped: false, integer: 0)
    case UInt8(ascii: "{"), UInt8(ascii: "["):
      guard depth < Self.maximumDepth else { throw error("nesting deeper than 512 levels") }
      let isObject = bytes[index] == UInt8(ascii: "{")
      try skipContainer(isObject: isObject, depth: depth + 1)
      return JSONValue(
        kind: isObject ? .object : .array, start: start, end: index, escaped: false, integer: 0)
    default:
      throw error("unexpected \(describe(index))")
    }
  }

  private mutating func skipContainer(isObject: Bool, depth: Int) throws(JSONSyntaxError) {
    index += 1
    skipWhitespace()
    let close = isObject ? UInt8(ascii: "}") : UInt8(ascii: "]")
    if peek() == close {
      index += 1
      return
    }
    while true {
      if isObject {
        guard peek() == UInt8(ascii: "\"") else { throw error("expected a member name") }
        _ = try scanString()
        skipWhitespace()
        guard peek() == UInt8(ascii: ":") else { throw error("expected ':'") }
        index += 1
        skipWhitespace()
      }
      _ = try scanValue(depth: depth)
      skipWhitespace()
      let next = peek()
      index += 1
      if next == UInt8(ascii: ",") {
        skipWhitespace()
        continue
      }
      if next == close { return }
      index -= 1
      throw error(isObject ? "expected ',' or '}'" : "expected ',' or ']'")
    }
  }

  private mutating func expectLiteral(_ literal: StaticString) throws(JSONSyntaxError) {
    let length = literal.utf8CodeUnitCount
    guard index + length <= bytes.count else { throw error("unexpected \(describe(index))") }
    let matches = literal.withUTF8Buffer { expected in
      (0..<length).allSatisfy { bytes[index + $0] == expected[$0] }
    }
    guard matches else { throw error("unexpected \(describe(index))") }
    index += length
  }

  mutating func scanNumber() throws(JSONSyntaxError) -> JSONValue {
    let start = index
    var negative = false
    if bytes[index] == UInt8(ascii: "-") {
      negative = true
      index += 1
    }
    guard index < bytes.count, isDigit(bytes[index]) else { throw error("invalid number") }
    var magnitude: UInt64 = 0
    var overflow = false
    if bytes[index] == UInt8(ascii: "0") {
      index += 1
      if index < bytes.count, isDigit(bytes[index]) {
        throw error("invalid number: leading zero")
      }
    } else {
      while index < bytes.count, isDigit(bytes[index]) {
        let (times10, o1) = magnitude.multipliedReportingOverflow(by: 10)
        let (sum, o2) = times10.addingReportingOverflow(UInt64(bytes[index] - 0x30))
        overflow = overflow || o1 || o2
        magnitude = sum
        index += 1
      }
    }
    var isInteger = true
    if peek() == UInt8(ascii: ".") {
      isInteger = false
      index += 1
      guard index < bytes.count, isDigit(bytes[index]) else { throw error("invalid number") }
      while index < bytes.count, isDigit(bytes[index]) { index += 1 }
    }
    if peek() == UInt8(ascii: "e") || peek() == UInt8(ascii: "E") {
      isInteger = false
      index += 1
      if peek() == UInt8(ascii: "+") || peek() == UInt8(ascii: "-") { index += 1 }
      guard index < bytes.count, isDigit(bytes[index]) else { throw error("invalid number") }
      while index < bytes.count, isDigit(bytes[index]) { index += 1 }
    }
    guard isInteger else {
      return JSONValue(kind: .fraction, start: start, end: index, escaped: false, integer: 0)
    }
    let limit: UInt64 = negative ? UInt64(Int64.max) + 1 : UInt64(Int64.max)
    if overflow || magnitude > limit {
      return JSONValue(kind: .bigInteger, start: start, end: index, escaped: false, integer: 0)
    }
    let value = negative ? Int64(truncatingIfNeeded: 0 &- magnitude) : Int64(magnitude)
    return JSONValue(kind: .integer, start: start, end: index, escaped: false, integer: value)
  }

  /// Scans a string from its opening quote; the value spans the bytes between the quotes.
  mutating func scanString() throws(JSONSyntaxError) -> JSONValue {
    index += 1
    let start = index
    var escaped = false
    let count = bytes.count
    while index < count {
      // Eight bytes at a time, straight to the first quote, backslash, control or non-ASCII
      // byte: most strings are short, and walking up to the quote byte by byte cost more than
      // the word test saved.
      while index + 8 <= count {
        let attention = attentionBits(
          UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: index, as: UInt64.self)))
        if attention != 0 {
          index += attention.trailingZeroBitCount >> 3
          break
        }
        index += 8
      }
      guard index < count else { break }
      let byte = bytes[index]
      if byte == UInt8(ascii: "\"") {
        let value = JSONValue(kind: .string, start: start, end: index, escaped: escaped, integer: 0)
        index += 1
        return value
      }
      if byte == UInt8(ascii: "\\") {
        escaped = true
        try scanEscape()
      } else if byte < 0x20 {
        throw error("raw control character U+00\(hex2(byte)) in a string")
      } else if byte < 0x80 {
        index += 1
      } else {
        try scanUTF8Sequence()
      }
    }
    throw error("unterminated string")
  }

  private mutating func scanEscape() throws(JSONSyntaxError) {
    guard index + 1 < bytes.count else { throw error("unterminated string") }
    let kind = bytes[index + 1]
    switch kind {
    case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"), UInt8(ascii: "b"),
      UInt8(ascii: "f"), UInt8(ascii: "n"), UInt8(ascii: "r"), UInt8(ascii: "t"):
      index += 2
    case UInt8(ascii: "u"):
      let unit = try hexUnit(at: index + 2)
      index += 6
      if (0xD800...0xDBFF).contains(unit) {
        guard index + 1 < bytes.count, bytes[index] == UInt8(ascii: "\\"),
          bytes[index + 1] == UInt8(ascii: "u"),
          let low = try? hexUnit(at: index + 2), (0xDC00...0xDFFF).contains(low)
        else { throw error("lone surrogate \\u\(hex4(unit)) in a string", at: index - 6) }
        index += 6
      } else if (0xDC00...0xDFFF).contains(unit) {
        throw error("lone surrogate \\u\(hex4(unit)) in a string", at: index - 6)
      }
    default:
      throw error("invalid escape in a string")
    }
  }

  private func hexUnit(at position: Int) throws(JSONSyntaxError) -> UInt32 {
    guard position + 4 <= bytes.count else { throw error("invalid \\u escape", at: position) }
    var value: UInt32 = 0
    for offset in 0..<4 {
      guard let digit = hexValue(bytes[position + offset]) else {
        throw error("invalid \\u escape", at: position)
      }
      value = value << 4 | digit
    }
    return value
  }

  private mutating func scanUTF8Sequence() throws(JSONSyntaxError) {
    let lead = bytes[index]
    let length: Int
    var low: UInt8 = 0x80
    var high: UInt8 = 0xBF
    switch lead {
    case 0xC2...0xDF: length = 2
    case 0xE0:
      length = 3
      low = 0xA0
    case 0xE1...0xEC, 0xEE...0xEF: length = 3
    case 0xED:
      length = 3
      high = 0x9F
    case 0xF0:
      length = 4
      low = 0x90
    case 0xF1...0xF3: length = 4
    case 0xF4:
      length = 4
      high = 0x8F
    default: throw error("invalid UTF-8")
    }
    guard index + length <= bytes.count else { throw error("invalid UTF-8") }
    let second = bytes[index + 1]
    guard second >= low && second <= high else { throw error("invalid UTF-8") }
    for offset in 2..<max(length, 2) where bytes[index + offset] & 0xC0 != 0x80 {
      throw error("invalid UTF-8")
    }
    index += length
  }

  func error(_ message: String, at position: Int? = nil) -> JSONSyntaxError {
    let offset = position ?? index
    return JSONSyntaxError(message: message + " at column \(offset + 1)", offset: offset)
  }

  private func describe(_ position: Int) -> String {
    guard position < bytes.count else { return "end of line" }
    let byte = bytes[position]
    if byte >= 0x21 && byte < 0x7F { return "character '\(Character(Unicode.Scalar(byte)))'" }
    return "byte 0x\(hex2(byte))"
  }
}

private let lowBits: UInt64 = 0x0101_0101_0101_0101
private let highBits: UInt64 = 0x8080_8080_8080_8080

/// The bytes of `word` (read little-endian) that are a quote, a backslash, below 0x20 or above
/// 0x7F, as their high bits (SWAR); 0 when there are none. The lowest bit set is exact (a
/// borrow can mark only bytes above the first such byte), so it locates the first one.
@inline(__always) func attentionBits(_ word: UInt64) -> UInt64 {
  let quote = word ^ (lowBits &* 0x22)
  let backslash = word ^ (lowBits &* 0x5C)
  let hasQuote = (quote &- lowBits) & ~quote & highBits
  let hasBackslash = (backslash &- lowBits) & ~backslash & highBits
  let hasControl = (word &- lowBits &* 0x20) & ~word & highBits
  return hasQuote | hasBackslash | hasControl | (word & highBits)
}

@inline(__always) func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }

@inline(__always) func hexValue(_ byte: UInt8) -> UInt32? {
  switch byte {
  case 0x30...0x39: UInt32(byte - 0x30)
  case 0x41...0x46: UInt32(byte - 0x41 + 10)
  case 0x61...0x66: UInt32(byte - 0x61 + 10)
  default: nil
  }
}

func hex2(_ byte: UInt8) -> String {
  let digits = Array("0123456789ABCDEF")
  return String([digits[Int(byte >> 4)], digits[Int(byte & 0xF)]])
}

func hex4(_ unit: UInt32) -> String {
  hex2(UInt8(truncatingIfNeeded: unit >> 8)) + hex2(UInt8(truncatingIfNeeded: unit))
}

/// Writes the UTF-8 of a validated JSON string's content (between its quotes) with its
/// escapes resolved.
public func unescapeJSONString(_ content: UnsafeRawBufferPointer, into out: inout [UInt8]) {
  out.removeAll(keepingCapacity: true)
  var index = 0
  let count = content.count
  func appendScalar(_ value: UInt32) {
    switch value {
    case 0..<0x80: out.append(UInt8(value))
    case 0x80..<0x800:
      out.append(UInt8(0xC0 | value >> 6))
      out.append(UInt8(0x80 | value & 0x3F))
    case 0x800..<0x10000:
      out.append(UInt8(0xE0 | value >> 12))
      out.append(UInt8(0x80 | value >> 6 & 0x3F))
      out.append(UInt8(0x80 | value & 0x3F))
    default:
      out.append(UInt8(0xF0 | value >> 18))
      out.append(UInt8(0x80 | value >> 12 & 0x3F))
      out.append(UInt8(0x80 | value >> 6 & 0x3F))
      out.append(UInt8(0x80 | value & 0x3F))
    }
  }
  func unit(at position: Int) -> UInt32 {
    var value: UInt32 = 0
    for offset in 0..<4 where position + offset < count {
      value = value << 4 | (hexValue(content[position + offset]) ?? 0)
    }
    return value
  }
  while index < count {
    let byte = content[index]
    guard byte == UInt8(ascii: "\\"), index + 1 < count else {
      out.append(byte)
      index += 1
      continue
    }
    switch content[index + 1] {
    case UInt8(ascii: "b"): out.append(0x08)
    case UInt8(ascii: "f"): out.append(0x0C)
    case UInt8(ascii: "n"): out.append(0x0A)
    case UInt8(ascii: "r"): out.append(0x0D)
    case UInt8(ascii: "t"): out.append(0x09)
    case UInt8(ascii: "u"):
      let first = unit(at: index + 2)
      index += 6
      if (0xD800...0xDBFF).contains(first) {
        let second = unit(at: index + 2)
        index += 6
        appendScalar(0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00))
      } else {
        appendScalar(first)
      }
      continue
    default: out.append(content[index + 1])
    }
    index += 2
  }
}
