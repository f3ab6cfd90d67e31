/// An RFC 3339 instant that remembers how it was written.
///
/// Ordering and equality are by instant (`seconds` and `nanoseconds` since 1970-01-01 UTC);
/// `style` records the offset, fraction digits and letter case, so `text(_:)` prints the
/// timestamp exactly as the log wrote it. The rare forms that cannot be rebuilt from those
/// fields (fractions finer than nanoseconds) keep their text in the shared `Interner`.
public struct Timestamp: Sendable, Comparable, Hashable {
  public var seconds: Int64
  public var nanoseconds: UInt32
  /// Packed presentation; see `Style`.
  public var style: UInt32

  @inlinable
  public init(seconds: Int64, nanoseconds: UInt32 = 0, style: UInt32 = Style.zulu) {
    self.seconds = seconds
    self.nanoseconds = nanoseconds
    self.style = style
  }

  /// The absent timestamp, for a line that has no valid `ts`.
  public static let missing = Timestamp(seconds: Int64.min, nanoseconds: 0, style: Style.missing)

  @inlinable public var isMissing: Bool { style == Style.missing }

  @inlinable
  public static func == (lhs: Timestamp, rhs: Timestamp) -> Bool {
    lhs.seconds == rhs.seconds && lhs.nanoseconds == rhs.nanoseconds
  }

  @inlinable
  public static func < (lhs: Timestamp, rhs: Timestamp) -> Bool {
    lhs.seconds < rhs.seconds || (lhs.seconds == rhs.seconds && lhs.nanoseconds < rhs.nanoseconds)
  }

  public func hash(into hasher: inout Hasher) {
    hasher.combine(seconds)
    hasher.combine(nanoseconds)
  }

  /// The instant as a count of nanoseconds, for arithmetic on durations.
  public var totalNanoseconds: Double { Double(seconds) * 1e9 + Double(nanoseconds) }

  /// Offset from UTC in minutes as written (0 for `Z`).
  public var offsetMinutes: Int { Style.offsetMinutes(style) }

  public func adding(seconds delta: Int64) -> Timestamp {
    Timestamp(seconds: seconds &+ delta, nanoseconds: nanoseconds, style: style)
  }

  /// The instant `delta` nanoseconds later (earlier when negative), in UTC form.
  public func adding(nanoseconds delta: Int64) -> Timestamp {
    var seconds = self.seconds &+ delta / 1_000_000_000
    var fraction = Int64(nanoseconds) + delta % 1_000_000_000
    if fraction < 0 {
      fraction += 1_000_000_000
      seconds -= 1
    } else if fraction >= 1_000_000_000 {
      fraction -= 1_000_000_000
      seconds += 1
    }
    return Timestamp(seconds: seconds, nanoseconds: UInt32(fraction))
  }

  /// The instant one nanosecond earlier.
  public var before: Timestamp { adding(nanoseconds: -1) }

  /// Bit layout of `style`.
  public enum Style {
    static let fractionDigitsMask: UInt32 = 0xF
    static let zuluBit: UInt32 = 1 << 4
    static let lowercaseTBit: UInt32 = 1 << 5
    static let lowercaseZBit: UInt32 = 1 << 6
    static let negativeZeroBit: UInt32 = 1 << 7
    static let leapSecondBit: UInt32 = 1 << 8
    static let offsetShift: UInt32 = 12
    static let offsetBias = 2048
    /// Set when the text is kept verbatim: the low bits are then its symbol in the interner.
    static let verbatimBit: UInt32 = 1 << 31
    public static let zulu: UInt32 = zuluBit | (UInt32(offsetBias) << offsetShift)
    public static let missing: UInt32 = 0x7FFF_FFFF

    static func offsetMinutes(_ style: UInt32) -> Int {
      if style & verbatimBit != 0 || style == missing { return 0 }
      return Int((style >> offsetShift) & 0xFFF) - offsetBias
    }
  }
}
