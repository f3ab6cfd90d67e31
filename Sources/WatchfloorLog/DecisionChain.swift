import Crypto

/// The hash chain that makes a log's decisions tamper-evident.
///
/// Every decision line the journal writes ends in a `chain` member:
/// `…,"by":"hassan","chain":"<64 lower-case hex digits>"}`. Its value is the SHA-256 of
/// 1. the previous link's value (its 64 hex digits as ASCII; nothing for the first link),
/// 2. every byte of the log after the previous link's line (from the start of the file for
///    the first link), line breaks included, up to this line, and
/// 3. this line's own bytes up to the comma before `"chain"`.
///
/// So an edit to a decision, or to any line before it, an inserted line and a removed one all
/// change a link that `watchfloor verify` recomputes. Lines written by feeds are covered by
/// the next decision's link. Lines after the last link are not covered yet (nothing can
/// prove that the end of a file was not cut off: keep the last link's value, which `verify`
/// prints, to compare later).
///
/// A line is a link when it ends (before an optional `\r`) in exactly that form: the journal
/// and `verify` use ``link(in:)``, so both agree on what they hash. Feed lines through
/// ``feed(line:terminated:)`` in file order.
public struct DecisionChain {
  /// The hash of everything since the last link (seeded with that link's value).
  private var hasher = SHA256()
  /// The value of the last link fed, or nil before the first.
  public private(set) var lastLink: String?
  /// How many links were fed, and how many of those matched.
  public private(set) var links = 0
  public private(set) var intactLinks = 0
  /// The number (from 1) of the first line fed that is a link whose value does not match.
  public private(set) var firstBrokenLine: Int?
  private var linesFed = 0

  public init() {}

  /// `,"chain":"` — what stands between a link's prefix and its value.
  static let marker = Array(#","chain":""#.utf8)
  /// Bytes in a link's suffix: the marker, 64 hex digits, `"}`.
  static let suffixLength = marker.count + 64 + 2

  /// What a link line holds: the length of its hashed prefix and its value.
  public struct Link: Equatable, Sendable {
    public var prefixLength: Int
    public var value: String
  }

  /// The link in `line` (its bytes without `\n`), or nil when the line is not a link.
  public static func link(in line: UnsafeRawBufferPointer) -> Link? {
    var end = line.count
    if end > 0 && line[end - 1] == 0x0D { end -= 1 }
    guard end >= suffixLength + 1, line[end - 1] == 0x7D, line[end - 2] == 0x22 else {
      return nil
    }
    let start = end - suffixLength
    for index in 0..<marker.count where line[start + index] != marker[index] { return nil }
    let digits = UnsafeRawBufferPointer(
      rebasing: line[(start + marker.count)..<(start + marker.count + 64)])
    guard digits.allSatisfy({ (0x30...0x39).contains($0) || (0x61...0x66).contains($0) }) else {
      return nil
    }
    return Link(prefixLength: start, value: String(decoding: digits, as: UTF8.self))
  }

  /// Feeds one line of the log: its bytes without the `\n`, and whether a `\n` ended it (the
  /// last line of a finished file may have none). Returns the link the line holds, if any,
  /// and whether its value is the one the chain expects.
  @discardableResult
  public mutating func feed(line: UnsafeRawBufferPointer, terminated: Bool) -> (
    link: Link, intact: Bool
  )? {
    linesFed += 1
    guard let link = Self.link(in: line) else {
      hasher.update(bufferPointer: line)
      if terminated { hasher.update(data: Self.newline) }
      return nil
    }
    let intact =
      value(forPrefix: UnsafeRawBufferPointer(rebasing: line[0..<link.prefixLength]))
      == link.value
    links += 1
    if intact {
      intactLinks += 1
    } else if firstBrokenLine == nil {
      firstBrokenLine = linesFed
    }
    restart(after: link.value)
    return (link, intact)
  }

  /// Feeds bytes that are not a whole line (a byte-order mark the reader skips).
  public mutating func feed(bytes: UnsafeRawBufferPointer) {
    hasher.update(bufferPointer: bytes)
  }

  /// The value a new line with this prefix (its bytes up to the comma before `"chain"`) gets,
  /// written after every line fed so far.
  public func value(forPrefix prefix: UnsafeRawBufferPointer) -> String {
    var copy = hasher
    copy.update(bufferPointer: prefix)
    return Self.hex(copy.finalize())
  }

  /// `line` (one JSON object, without its line break) with the `chain` member added last.
  public func chained(_ line: [UInt8]) -> [UInt8] {
    guard line.last == 0x7D else { return line }
    let prefix = line.dropLast()
    let value = prefix.withUnsafeBytes { self.value(forPrefix: $0) }
    return Array(prefix) + Self.marker + Array(value.utf8) + [0x22, 0x7D]
  }

  private mutating func restart(after value: String) {
    hasher = SHA256()
    hasher.update(data: Array(value.utf8))
    lastLink = value
  }

  private static let newline: [UInt8] = [0x0A]

  private static func hex(_ digest: SHA256.Digest) -> String {
    let digits = Array("0123456789abcdef".utf8)
    var text: [UInt8] = []
    text.reserveCapacity(64)
    for byte in digest {
      text.append(digits[Int(byte >> 4)])
      text.append(digits[Int(byte & 0x0F)])
    }
    return String(decoding: text, as: UTF8.self)
  }
}
