/// A fast 64-bit hash of byte strings that mixes every byte (wyhash's construction: 64×64→128
/// multiplies folded back to 64 bits), seeded.
///
/// The hash tables of ingest place keys by this hash alone, never by what the keys look like,
/// so no pattern of ids (counting, zero-padded, UUIDs, long shared prefixes or suffixes) is
/// slower than another. The seed is random per process by default, so ids built to collide
/// cannot be computed in advance. O(length); allocates nothing.
public enum ByteHash {
  /// This process's seed: random, drawn once.
  public static let processSeed: UInt64 = UInt64.random(in: .min ... .max)

  static let p0: UInt64 = 0xa076_1d64_78bd_642f
  static let p1: UInt64 = 0xe703_7ed1_a0b4_28db
  static let p2: UInt64 = 0x8ebc_6af0_9c88_c6e3
  static let p3: UInt64 = 0x5899_65cc_7537_4cc3

  /// A seed ready for `hash`: `seed` scrambled once, as wyhash does before hashing.
  public static func prepared(_ seed: UInt64) -> UInt64 { seed ^ mix(seed ^ p0, p1) }

  @inline(__always)
  static func mix(_ a: UInt64, _ b: UInt64) -> UInt64 {
    let product = a.multipliedFullWidth(by: b)
    return product.high ^ product.low
  }

  @inline(__always)
  private static func word(_ base: UnsafeRawPointer, _ offset: Int) -> UInt64 {
    base.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
  }

  @inline(__always)
  private static func half(_ base: UnsafeRawPointer, _ offset: Int) -> UInt64 {
    UInt64(base.loadUnaligned(fromByteOffset: offset, as: UInt32.self))
  }

  /// The hash of `text` under a seed from `prepared`.
  @inline(__always)
  public static func hash(_ text: UnsafeRawBufferPointer, seed: UInt64) -> UInt64 {
    let count = text.count
    guard let base = text.baseAddress, count > 0 else { return mix(seed ^ p0, p1 ^ seed) }
    var seed = seed
    var a: UInt64
    var b: UInt64
    if count <= 16 {
      if count >= 4 {
        let quarter = (count >> 3) << 2
        a = half(base, 0) << 32 | half(base, quarter)
        b = half(base, count - 4) << 32 | half(base, count - 4 - quarter)
      } else {
        a =
          UInt64(base.load(as: UInt8.self)) << 16
          | UInt64(base.load(fromByteOffset: count >> 1, as: UInt8.self)) << 8
          | UInt64(base.load(fromByteOffset: count - 1, as: UInt8.self))
        b = 0
      }
    } else {
      var index = 0
      var remaining = count
      if remaining > 48 {
        var second = seed
        var third = seed
        repeat {
          seed = mix(word(base, index) ^ p1, word(base, index + 8) ^ seed)
          second = mix(word(base, index + 16) ^ p2, word(base, index + 24) ^ second)
          third = mix(word(base, index + 32) ^ p3, word(base, index + 40) ^ third)
          index += 48
          remaining -= 48
        } while remaining > 48
        seed ^= second ^ third
      }
      while remaining > 16 {
        seed = mix(word(base, index) ^ p1, word(base, index + 8) ^ seed)
        index += 16
        remaining -= 16
      }
      a = word(base, count - 16)
      b = word(base, count - 8)
    }
    a ^= p1
    b ^= seed
    let product = a.multipliedFullWidth(by: b)
    return mix(product.low ^ p0 ^ UInt64(count), product.high ^ p1)
  }
}
