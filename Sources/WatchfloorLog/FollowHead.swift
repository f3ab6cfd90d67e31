/// A fingerprint of the first bytes of a followed file (up to `limit`), to notice a file that was
/// truncated and rewritten past its old length before the follower looked again.
///
/// The bytes are absorbed as they are read, in order from offset 0; a 64-bit FNV-1a hash is kept
/// instead of the bytes themselves.
struct FollowHead {
  /// How many leading bytes are fingerprinted.
  static let limit = 4096

  private static let offsetBasis: UInt64 = 0xcbf2_9ce4_8422_2325
  private static let prime: UInt64 = 0x0000_0100_0000_01b3

  /// How many leading bytes the hash covers so far (at most `limit`).
  private(set) var length = 0
  private(set) var hash = FollowHead.offsetBasis

  /// Absorbs `bytes`, read at file offset `offset`, as far as they extend the fingerprint.
  mutating func absorb(_ bytes: UnsafeRawBufferPointer, at offset: Int) {
    guard offset == length, length < Self.limit else { return }
    let count = min(Self.limit - length, bytes.count)
    hash = Self.hash(UnsafeRawBufferPointer(rebasing: bytes[0..<count]), continuing: hash)
    length += count
  }

  /// Whether `bytes`, the first `length` bytes of the file as it is now, are the ones absorbed.
  func matches(_ bytes: UnsafeRawBufferPointer) -> Bool {
    bytes.count == length && Self.hash(bytes, continuing: Self.offsetBasis) == hash
  }

  private static func hash(_ bytes: UnsafeRawBufferPointer, continuing seed: UInt64) -> UInt64 {
    var hash = seed
    for byte in bytes {
      hash = (hash ^ UInt64(byte)) &* prime
    }
    return hash
  }
}
