/// A fixed set of short names (up to 24 bytes) matched against raw bytes from a line,
/// without building strings: each name is packed into three 64-bit words, and a look-up packs
/// the bytes, goes to the one table entry a collision-free multiplicative hash gives, and
/// compares there. No reference counts, no walk over the names.
struct ByteNames<Value>: @unchecked Sendable {
  private struct Packed: Equatable {
    var count: Int
    var words: (UInt64, UInt64, UInt64)

    static func == (lhs: Packed, rhs: Packed) -> Bool {
      lhs.count == rhs.count && lhs.words.0 == rhs.words.0 && lhs.words.1 == rhs.words.1
        && lhs.words.2 == rhs.words.2
    }

    /// Mixed down to one word; the table's multiplier spreads it.
    @inline(__always)
    var folded: UInt64 {
      words.0 ^ (words.1 &* 0x9E37_79B9_7F4A_7C15) ^ (words.2 &* 0xC2B2_AE3D_27D4_EB4F)
        ^ UInt64(count)
    }
  }

  private let packed: [Packed]
  private let values: [Value]
  /// `packed` index + 1 per table entry, 0 for none; no two names share an entry.
  private let table: [UInt8]
  private let multiplier: UInt64
  private let shift: UInt64

  init(_ entries: [(String, Value)]) {
    packed = entries.map { name, _ in
      Array(name.utf8).withUnsafeBytes { Self.pack($0) ?? Packed(count: -1, words: (0, 0, 0)) }
    }
    values = entries.map(\.1)
    precondition(packed.count < 255, "ByteNames holds fewer than 255 names")
    // The smallest table, and a multiplier for it, under which no two names meet: found once
    // per set, when the set is built (at most a few thousand tries for a few dozen names).
    var bits = 1
    while 1 << bits < packed.count * 2 { bits += 1 }
    var candidate: UInt64 = 0x9E37_79B9_7F4A_7C15
    while true {
      var tried = 0
      var found: [UInt8]?
      while tried < 4096, found == nil {
        candidate = candidate &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        found = Self.table(packed, multiplier: candidate | 1, bits: bits)
        tried += 1
      }
      if let found {
        table = found
        multiplier = candidate | 1
        shift = UInt64(64 - bits)
        return
      }
      bits += 1
    }
  }

  /// The table for `names` under `multiplier`, or nil if two names meet.
  private static func table(_ names: [Packed], multiplier: UInt64, bits: Int) -> [UInt8]? {
    var table = [UInt8](repeating: 0, count: 1 << bits)
    for (index, name) in names.enumerated() where name.count >= 0 {
      let entry = Int(truncatingIfNeeded: (name.folded &* multiplier) >> UInt64(64 - bits))
      guard table[entry] == 0 else { return nil }
      table[entry] = UInt8(index + 1)
    }
    return table
  }

  /// The bytes laid into three zeroed words, byte `i` at bit `8 * (i % 8)` of word `i / 8`,
  /// or nil if longer than 24 bytes. Built from overlapping loads shifted into place: copying
  /// the bytes into memory and reading them back as words stalled on every key.
  @inline(__always)
  private static func pack(_ bytes: UnsafeRawBufferPointer) -> Packed? {
    let count = bytes.count
    guard count <= 24 else { return nil }
    guard let base = bytes.baseAddress, count > 0 else { return Packed(count: 0, words: (0, 0, 0)) }
    @inline(__always) func word(_ offset: Int) -> UInt64 {
      UInt64(littleEndian: base.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
    }
    @inline(__always) func half(_ offset: Int) -> UInt64 {
      UInt64(UInt32(littleEndian: base.loadUnaligned(fromByteOffset: offset, as: UInt32.self)))
    }
    /// Bytes `from ..< count` (at most 8, and at least 8 bytes in `bytes`) as one word.
    @inline(__always) func tail(from start: Int) -> UInt64 {
      word(count - 8) >> UInt64((8 - (count - start)) * 8)
    }
    switch count {
    case 17...:
      return Packed(count: count, words: (word(0), word(8), tail(from: 16)))
    case 9...:
      return Packed(count: count, words: (word(0), tail(from: 8), 0))
    case 8:
      return Packed(count: count, words: (word(0), 0, 0))
    case 4...:
      // Two overlapping 4-byte loads; the bytes they share are the same, so `|` keeps them.
      return Packed(
        count: count, words: (half(0) | half(count - 4) << UInt64((count - 4) * 8), 0, 0))
    default:
      var low: UInt64 = 0
      for index in 0..<count { low |= UInt64(bytes[index]) << UInt64(index * 8) }
      return Packed(count: count, words: (low, 0, 0))
    }
  }

  @inline(__always)
  func match(_ bytes: UnsafeRawBufferPointer) -> Value? {
    guard let key = Self.pack(bytes) else { return nil }
    let entry = Int(truncatingIfNeeded: (key.folded &* multiplier) >> shift)
    let index = Int(table[entry]) - 1
    guard index >= 0, packed[index] == key else { return nil }
    return values[index]
  }
}
