/// A string of up to 24 bytes as three words that, with its length, tell it apart from any
/// other such string: a key compared with a few integer comparisons, built from overlapping
/// loads (copying the bytes into a buffer and reading it back as words stalls on the store).
struct ShortKey: Equatable {
  static let maximumCount = 24

  // The count last, so that a key takes 28 bytes and a 4-byte field after it packs into 32.
  var words: (UInt64, UInt64, UInt64)
  var count: UInt32

  /// A key no bytes have (for an empty cache entry).
  static let none = ShortKey(words: (0, 0, 0), count: UInt32.max)

  private init(words: (UInt64, UInt64, UInt64), count: UInt32) {
    self.words = words
    self.count = count
  }

  /// The key of `bytes`, or nil if longer than `maximumCount`.
  @inline(__always)
  init?(_ bytes: UnsafeRawBufferPointer) {
    let count = bytes.count
    guard count <= Self.maximumCount else { return nil }
    self.count = UInt32(count)
    guard let base = bytes.baseAddress else {
      words = (0, 0, 0)
      return
    }
    @inline(__always) func word(_ offset: Int) -> UInt64 {
      base.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
    }
    @inline(__always) func half(_ offset: Int) -> UInt64 {
      UInt64(base.loadUnaligned(fromByteOffset: offset, as: UInt32.self))
    }
    // Which bytes each word holds depends on the length alone, and together they hold all.
    switch count {
    case 17...: words = (word(0), word(8), word(count - 8))
    case 8...: words = (word(0), word(count - 8), 0)
    case 4...: words = (half(0), half(count - 4), 0)
    default:
      var low: UInt64 = 0
      for index in 0..<count { low |= UInt64(bytes[index]) << UInt64(index * 8) }
      words = (low, 0, 0)
    }
  }

  static func == (lhs: ShortKey, rhs: ShortKey) -> Bool {
    lhs.count == rhs.count && lhs.words.0 == rhs.words.0 && lhs.words.1 == rhs.words.1
      && lhs.words.2 == rhs.words.2
  }

  /// The key mixed down to one word (for a table index; multiply it to spread it).
  @inline(__always)
  var folded: UInt64 {
    words.0 ^ (words.1 &* 0x9E37_79B9_7F4A_7C15) ^ (words.2 &* 0xC2B2_AE3D_27D4_EB4F)
      ^ UInt64(count)
  }
}
