import ArgumentParser
import WatchfloorFeed

/// The shapes of synthetic log the ingest bench runs: how ids are spelled, how long free text
/// is, how long the log is. Ingest must hold its figures on every one of them.
enum LogShape: String, CaseIterable, ExpressibleByArgument {
  /// `ev-N`, `AL-N`, `INC-N`: short ids counting up.
  case ordered
  /// Zero-padded numbers: `ev-0000000042`, `AL-00000042`.
  case padded
  /// UUID event ids, random hex entity ids.
  case uuid
  /// No event ids at all.
  case noIDs = "no-ids"
  /// 300-character summaries and notes.
  case longText = "long-text"
  /// 5,000,000 events over several days.
  case multiDay = "multi-day"
  /// Ids built to collide in the interner's former placement (numbered ids paged by their
  /// prefix and number divided by sixteen).
  case adversarial

  /// The events of this shape's log when the command line does not say.
  var defaultEvents: Int { self == .multiDay ? 5_000_000 : 1_000_000 }
}

/// The ids of one shape's log, computed from the entity's number.
struct LogShapeIDs {
  let shape: LogShape
  private let seed: UInt64
  private var adversarialEvents: AdversarialIDs
  private var adversarialAirlifts: AdversarialIDs
  private var adversarialIncidents: AdversarialIDs

  init(shape: LogShape, seed: UInt64) {
    self.shape = shape
    self.seed = seed
    adversarialEvents = AdversarialIDs(seed: seed &+ 1)
    adversarialAirlifts = AdversarialIDs(seed: seed &+ 2)
    adversarialIncidents = AdversarialIDs(seed: seed &+ 3)
  }

  mutating func event(_ number: Int) -> String? {
    switch shape {
    case .noIDs: nil
    case .padded: "ev-" + Self.padded(number, 10)
    case .uuid: Self.uuid(seed, number)
    case .adversarial: adversarialEvents.id(number)
    default: "ev-\(number)"
    }
  }

  mutating func airlift(_ number: Int) -> String {
    switch shape {
    case .padded: "AL-" + Self.padded(number, 8)
    case .uuid: "AL-" + Self.hex(Self.scramble(seed &+ 0xA1, number), 16)
    case .adversarial: adversarialAirlifts.id(number)
    default: "AL-\(number)"
    }
  }

  mutating func incident(_ number: Int) -> String {
    switch shape {
    case .padded: "INC-" + Self.padded(number, 6)
    case .uuid: "INC-" + Self.hex(Self.scramble(seed &+ 0x1C, number), 12)
    case .adversarial: adversarialIncidents.id(number)
    default: "INC-\(number)"
    }
  }

  static func padded(_ number: Int, _ width: Int) -> String {
    let digits = String(number)
    return String(repeating: "0", count: max(0, width - digits.count)) + digits
  }

  static func scramble(_ seed: UInt64, _ number: Int) -> UInt64 {
    var mix = SplitMix64(seed: seed ^ UInt64(number) &* 0x9E37_79B9_7F4A_7C15)
    return mix.next()
  }

  static func hex(_ value: UInt64, _ digits: Int) -> String {
    let text = String(value, radix: 16)
    let full = String(repeating: "0", count: max(0, 16 - text.count)) + text
    return String(full.suffix(digits))
  }

  /// A version 4 UUID, lowercase, from the event's number.
  static func uuid(_ seed: UInt64, _ number: Int) -> String {
    let high = scramble(seed, number)
    let low = scramble(seed &+ 0x55, number)
    let a = hex(high, 16)
    let b = hex(low, 16)
    let variant = "89ab"[
      "89ab".index("89ab".startIndex, offsetBy: Int(low >> 62))]
    return "\(a.prefix(8))-\(a.dropFirst(8).prefix(4))-4\(a.dropFirst(13).prefix(3))-"
      + "\(variant)\(b.prefix(3))-\(b.dropFirst(4).prefix(12))"
  }
}

/// Ids that all land in one small region of the former interner's table: groups of sixteen
/// numbers after a prefix chosen by search so that the former placement of every group falls
/// on the same few pages. Deterministic: the former placement had no seed.
struct AdversarialIDs {
  private var random: SplitMix64
  private var made: [String] = []
  /// The placement bits above the 32-slot page that every group shares.
  static let sharedBits: UInt32 = 8

  init(seed: UInt64) { random = SplitMix64(seed: seed) }

  mutating func id(_ number: Int) -> String {
    while made.count <= number { makeGroup() }
    return made[number]
  }

  private mutating func makeGroup() {
    let mask: UInt32 = (1 << Self.sharedBits) - 1
    while true {
      let prefix = "u" + String(random.next(), radix: 36) + "-"
      let placement = LegacyPlacement.placement(prefix + "16")
      guard (placement >> 5) & mask == 0 else { continue }
      for number in 16..<32 { made.append(prefix + String(number)) }
      return
    }
  }
}

/// The interner's placement before the seeded hash, kept to build ids against it.
enum LegacyPlacement {
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
    bytes.withUnsafeBytes { text in
      let count = text.count
      if count <= 16 {
        var head: UInt64 = 0
        var tail: UInt64 = 0
        if count >= 8 {
          head = text.loadUnaligned(as: UInt64.self)
          tail = text.loadUnaligned(fromByteOffset: count - 8, as: UInt64.self)
        } else if count >= 4 {
          head = UInt64(text.loadUnaligned(as: UInt32.self))
          tail = UInt64(text.loadUnaligned(fromByteOffset: count - 4, as: UInt32.self))
        } else {
          for index in 0..<count { head |= UInt64(text[index]) << UInt64(index * 8) }
        }
        var hash = head &* 0x9E37_79B9_7F4A_7C15 ^ (tail &+ UInt64(count)) &* 0xC2B2_AE3D_27D4_EB4F
        hash ^= hash >> 29
        hash = hash &* 0xbf58_476d_1ce4_e5b9
        hash ^= hash >> 32
        return UInt32(truncatingIfNeeded: hash)
      }
      var hash: UInt64 = 0xcbf2_9ce4_8422_2325
      var index = 0
      while index + 8 <= count {
        hash =
          (hash ^ text.loadUnaligned(fromByteOffset: index, as: UInt64.self)) &* 0x100_0000_01b3
        index += 8
      }
      while index < count {
        hash = (hash ^ UInt64(text[index])) &* 0x100_0000_01b3
        index += 1
      }
      hash ^= hash >> 29
      hash = hash &* 0xbf58_476d_1ce4_e5b9
      hash ^= hash >> 32
      return UInt32(truncatingIfNeeded: hash)
    }
  }
}
