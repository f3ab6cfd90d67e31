import Testing
import WatchfloorModel

/// The interner's and the id set's tables stay O(1) expected per look-up on ids built to
/// collide: counted in slots visited, never timed.
@Suite("Hash tables on adversarial ids")
struct InternerSpreadTests {
  /// Ids that the former placement (numbered ids paged by prefix and number / 16) put on the
  /// same few pages: groups of sixteen numbers after prefixes found by search, plus ids that
  /// share long prefixes or suffixes and differ in one place.
  static let adversarial: [String] = {
    var ids: [String] = []
    var state: UInt64 = 99
    while ids.count < 4096 {
      state &+= 0x9E37_79B9_7F4A_7C15
      let prefix = "u" + String(state >> 20, radix: 36) + "-"
      guard (FormerPlacement.placement(prefix + "16") >> 5) & 0x3FF == 0 else { continue }
      for number in 16..<32 { ids.append(prefix + String(number)) }
    }
    let long = String(repeating: "tenant/region/facility/", count: 3)
    for index in 0..<3000 {
      ids.append(long + String(index) + "/suffix-shared-by-all")
      ids.append("shared-prefix-" + String(index, radix: 2) + long)
      ids.append(String(repeating: "0", count: 24 - String(index).count) + String(index))
    }
    return ids
  }()

  @Test("the ids really collide in the former placement")
  func idsCollideInFormerPlacement() {
    let pages = Set(
      Self.adversarial.prefix(4096).map { FormerPlacement.placement($0) >> 5 & 0x3FF })
    #expect(pages == [0])
  }

  @Test("interning adversarial ids visits about one slot per look-up")
  func internerSpread() {
    for seed: UInt64 in [1, 2, ByteHash.processSeed] {
      let table = Interner(cachingRecent: false, seed: seed)
      for id in Self.adversarial { _ = table.intern(id) }
      #expect(table.count == Self.adversarial.count)
      let before = table.probes
      let wrong = Self.adversarial.enumerated().filter {
        table.lookup($0.element) != Symbol(UInt32($0.offset))
      }
      #expect(wrong.isEmpty)
      let perLookup = Double(table.probes - before) / Double(Self.adversarial.count)
      #expect(perLookup < 3, "seed \(seed): \(perLookup) slots per look-up")
    }
  }

  @Test("the id set finds adversarial ids exactly, visiting about one slot per look-up")
  func idSetSpread() {
    for seed: UInt64 in [1, 2, ByteHash.processSeed] {
      let set = IDSet(seed: seed)
      let fresh = Self.adversarial.filter { set.insert($0) }
      #expect(fresh.count == Self.adversarial.count)
      #expect(set.count == Self.adversarial.count)
      let before = set.probes
      #expect(Self.adversarial.allSatisfy { set.contains($0) })
      let perLookup = Double(set.probes - before) / Double(Self.adversarial.count)
      #expect(perLookup < 3, "seed \(seed): \(perLookup) slots per look-up")
      #expect(!set.contains("u-not-there-16"))
    }
  }
}

/// The interner's placement before the seeded hash, kept to build ids against it.
enum FormerPlacement {
  static func placement(_ text: String) -> UInt32 {
    let bytes = Array(text.utf8)
    var end = bytes.count
    var digits = 0
    var value: UInt64 = 0
    var scale: UInt64 = 1
    while end > 0 && digits < 18 {
      let byte = bytes[end - 1]
      guard byte >= 0x30 && byte <= 0x39 else { break }
      value &+= UInt64(byte - 0x30) &* scale
      scale &*= 10
      end -= 1
      digits += 1
    }
    guard digits > 0 else { return hash(bytes) }
    let prefixHash = hash(Array(bytes[0..<end]))
    var group = (UInt64(prefixHash) << 8 | UInt64(digits)) ^ (value >> 4) &* 0x9E37_79B9_7F4A_7C15
    group ^= group >> 31
    group &*= 0xBF58_476D_1CE4_E5B9
    group ^= group >> 29
    let offset = (UInt32(truncatingIfNeeded: value & 15) &+ UInt32(truncatingIfNeeded: group)) & 31
    return UInt32(truncatingIfNeeded: group >> 32) & ~31 | offset
  }

  static func hash(_ bytes: [UInt8]) -> UInt32 {
    var head: UInt64 = 0
    var tail: UInt64 = 0
    let count = bytes.count
    func word(_ start: Int, _ width: Int) -> UInt64 {
      var value: UInt64 = 0
      for index in 0..<width { value |= UInt64(bytes[start + index]) << UInt64(index * 8) }
      return value
    }
    var hash: UInt64
    if count <= 16 {
      if count >= 8 {
        head = word(0, 8)
        tail = word(count - 8, 8)
      } else if count >= 4 {
        head = word(0, 4)
        tail = word(count - 4, 4)
      } else {
        head = word(0, count)
      }
      hash = head &* 0x9E37_79B9_7F4A_7C15 ^ (tail &+ UInt64(count)) &* 0xC2B2_AE3D_27D4_EB4F
    } else {
      hash = 0xcbf2_9ce4_8422_2325
      var index = 0
      while index + 8 <= count {
        hash = (hash ^ word(index, 8)) &* 0x100_0000_01b3
        index += 8
      }
      while index < count {
        hash = (hash ^ UInt64(bytes[index])) &* 0x100_0000_01b3
        index += 1
      }
    }
    hash ^= hash >> 29
    hash = hash &* 0xbf58_476d_1ce4_e5b9
    hash ^= hash >> 32
    return UInt32(truncatingIfNeeded: hash)
  }
}
