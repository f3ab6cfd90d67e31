/// A fixed set of short names (up to 24 bytes) matched against raw bytes from a line,
/// without building strings: each name is packed into three 64-bit words, so a look-up is a
/// few integer comparisons and touches no reference counts.
struct ByteNames<Value>: @unchecked Sendable {
  private struct Packed: Equatable {
    var count: Int
    var words: (UInt64, UInt64, UInt64)

    static func == (lhs: Packed, rhs: Packed) -> Bool {
      lhs.count == rhs.count && lhs.words.0 == rhs.words.0 && lhs.words.1 == rhs.words.1
        && lhs.words.2 == rhs.words.2
    }
  }

  private let packed: [Packed]
  private let values: [Value]

  init(_ entries: [(String, Value)]) {
    packed = entries.map { name, _ in
      Array(name.utf8).withUnsafeBytes { Self.pack($0) ?? Packed(count: -1, words: (0, 0, 0)) }
    }
    values = entries.map(\.1)
  }

  @inline(__always)
  private static func pack(_ bytes: UnsafeRawBufferPointer) -> Packed? {
    guard bytes.count <= 24 else { return nil }
    var words: (UInt64, UInt64, UInt64) = (0, 0, 0)
    for index in 0..<bytes.count {
      let shifted = UInt64(bytes[index]) << UInt64((index & 7) * 8)
      switch index >> 3 {
      case 0: words.0 |= shifted
      case 1: words.1 |= shifted
      default: words.2 |= shifted
      }
    }
    return Packed(count: bytes.count, words: words)
  }

  @inline(__always)
  func match(_ bytes: UnsafeRawBufferPointer) -> Value? {
    guard let key = Self.pack(bytes) else { return nil }
    return packed.withUnsafeBufferPointer { packed in
      for index in 0..<packed.count where packed[index] == key { return values[index] }
      return nil
    }
  }
}
