import CPrefetch

/// The event ids seen so far, for duplicate detection: exact answers in less memory than the
/// ids' text.
///
/// Each id is stored once in a byte arena (`ChunkedBytes`), in an exact encoding behind a
/// one-byte header: a canonical UUID (`8-4-4-4-12` hex digits, all lowercase or all uppercase)
/// as its 16 bytes, any other id as its bytes. The encoding is a function of the text and tells
/// the forms apart, so two ids are equal exactly when their encodings are. An open-addressing
/// table of 8-byte slots keeps, per id, 28 bits of its seeded hash (`ByteHash`) as a
/// fingerprint and its entry's offset in the arena: a look-up compares fingerprints, and bytes
/// only on a fingerprint match, so a fingerprint collision costs a comparison, never a wrong
/// answer. An id's home slot is its fingerprint scaled to the table, so the table can have any
/// size (it is trimmed to a load of 0.7) and is rebuilt from the slots alone, in one pass in
/// order.
///
/// Memory per id: its encoding plus one byte (17 for a UUID, 10 for `ev-123456`) plus about 11
/// bytes of slots after `trim`. `insert` and `contains` are O(length) expected and allocate
/// nothing unless the tables grow. The arena holds at most 65,534 chunks (nearly 64 GiB). A
/// reference type: one set per timeline.
public final class IDSet {
  private var arena = ChunkedBytes(offsetBits: Int(IDSet.offsetBits))
  /// Fingerprint (the hash's top 28 bits) above `offset + 1` (36 bits); 0 is empty. At most
  /// three quarters full.
  private var slots: UnsafeMutablePointer<UInt64>
  private var slotCount = 16
  /// The encoding of the id being looked up, when it is not its own bytes (a UUID).
  private let scratch: UnsafeMutableRawPointer
  public let hasher: Hasher
  /// The number of ids.
  public private(set) var count = 0
  /// Slots visited by look-ups so far, for tests of the table's spread.
  public private(set) var probes = 0

  private static let offsetBits: UInt64 = 36
  private static let fingerprintBits: UInt64 = 64 - offsetBits
  private static let offsetMask: UInt64 = (1 << offsetBits) - 1
  /// Headers: below `longHeader`, the length of an id kept as its bytes.
  private static let lowercaseUUID: UInt8 = 0xF0
  private static let uppercaseUUID: UInt8 = 0xF1
  /// An id kept as its bytes, of a length too large for one byte: 8 bytes of length follow.
  private static let longHeader: UInt8 = 0xF2

  /// - Parameter seed: the hash's seed; by default this process's random one.
  public init(seed: UInt64 = ByteHash.processSeed) {
    hasher = Hasher(seed: ByteHash.prepared(seed))
    slots = LargeTable.allocateZeroed(words: slotCount)
    scratch = .allocate(byteCount: 16, alignment: 8)
  }

  deinit {
    LargeTable.deallocate(slots, words: slotCount)
    scratch.deallocate()
  }

  /// Adds `id`; true when it was not in the set.
  @discardableResult
  public func insert(_ id: UnsafeRawBufferPointer) -> Bool {
    insert(id, hash: hasher.hash(id))
  }

  /// Adds `id`, whose `hasher.hash` is `hash` (computed ahead, on any thread); true when it
  /// was not in the set.
  @discardableResult
  public func insert(_ id: UnsafeRawBufferPointer, hash: UInt64) -> Bool {
    let (header, payload) = encode(id)
    let (found, slot) = probe(header, payload, hash)
    if found { return false }
    let offset = append(header, payload)
    slots[slot] = (hash >> Self.offsetBits) << Self.offsetBits | UInt64(offset + 1)
    count += 1
    if count * 4 > slotCount * 3 { rehash(into: slotCount * 2) }
    return true
  }

  /// Starts bringing in the slot where the id of `hash` is looked up, a few ids ahead of its
  /// `insert`: in a table larger than the cache, that look-up is otherwise a wait on memory.
  @inline(__always)
  public func prefetch(hash: UInt64) {
    wf_prefetch(slots + Self.home(hash >> Self.offsetBits, slotCount))
  }

  /// Whether `id` is in the set.
  public func contains(_ id: UnsafeRawBufferPointer) -> Bool {
    let (header, payload) = encode(id)
    return probe(header, payload, hasher.hash(id)).found
  }

  /// The set's hash of ids, a value that may be used on any thread.
  public struct Hasher: Sendable {
    fileprivate let seed: UInt64

    /// The hash `insert(_:hash:)` takes for `id`.
    public func hash(_ id: UnsafeRawBufferPointer) -> UInt64 {
      if id.count == 36 {
        var packed: (UInt64, UInt64) = (0, 0)
        let header = withUnsafeMutableBytes(of: &packed) { IDSet.packUUID(id, into: $0) }
        if let header {
          return withUnsafeBytes(of: &packed) {
            ByteHash.hash($0, seed: seed ^ UInt64(header))
          }
        }
      }
      return ByteHash.hash(id, seed: seed ^ UInt64(IDSet.plainHeader(id.count)))
    }
  }

  public func insert(_ id: String) -> Bool {
    var id = id
    return id.withUTF8 { insert(UnsafeRawBufferPointer($0)) }
  }

  public func contains(_ id: String) -> Bool {
    var id = id
    return id.withUTF8 { contains(UnsafeRawBufferPointer($0)) }
  }

  /// Makes room for `additional` more ids, at a load of 0.7.
  public func reserve(_ additional: Int) {
    let newSlotCount = (count + additional) * 10 / 7 + 1
    if newSlotCount > slotCount { rehash(into: newSlotCount) }
  }

  /// Gives back what a reservation by estimate left unused: the last chunk of the arena
  /// beyond its bytes, and slots beyond a load of 0.7 when that is an eighth of them or more
  /// (a rebuild writes a whole new table, which costs more than the few bytes a closer fit
  /// would save).
  public func trim() {
    arena.trim()
    let fitting = max(16, count * 10 / 7 + 1)
    if fitting < slotCount - slotCount / 8 { rehash(into: fitting) }
  }

  /// The home slot of a fingerprint in a table of `slotCount` slots: the fingerprint scaled,
  /// so that slots are in fingerprint order.
  @inline(__always)
  private static func home(_ fingerprint: UInt64, _ slotCount: Int) -> Int {
    Int(truncatingIfNeeded: (fingerprint &* UInt64(slotCount)) >> fingerprintBits)
  }

  /// Bytes held (arena and slots), for memory reports.
  public var footprint: Int { arena.footprint + slotCount * 8 + 16 }

  /// The header and bytes that stand for `id`: a UUID's 16 bytes (in `scratch`), or `id`.
  @inline(__always)
  private func encode(_ id: UnsafeRawBufferPointer) -> (UInt8, UnsafeRawBufferPointer) {
    if id.count == 36,
      let header = Self.packUUID(id, into: UnsafeMutableRawBufferPointer(start: scratch, count: 16))
    {
      return (header, UnsafeRawBufferPointer(start: scratch, count: 16))
    }
    return (Self.plainHeader(id.count), id)
  }

  /// The header of an id kept as its bytes.
  @inline(__always)
  fileprivate static func plainHeader(_ count: Int) -> UInt8 {
    count < Int(lowercaseUUID) ? UInt8(count) : longHeader
  }

  /// Packs a canonical UUID of one case into `out` (16 bytes); nil for any other 36 bytes.
  ///
  /// Eight digits at a time, in the bits of one word (SWAR): a table or a branch per digit
  /// made this a tenth of ingest on UUID ids, and the standard library has no hex decoder.
  static func packUUID(
    _ id: UnsafeRawBufferPointer, into out: UnsafeMutableRawBufferPointer
  ) -> UInt8? {
    guard id.count == 36, let text = id.baseAddress, let packed = out.baseAddress,
      id[8] == 0x2D, id[13] == 0x2D, id[18] == 0x2D, id[23] == 0x2D
    else { return nil }
    // The 32 digits as four words of eight: 8, 4+4, 4+4 and 8 of the 8-4-4-4-12 groups,
    // each word in text order from its low byte.
    func eight(_ offset: Int) -> UInt64 {
      UInt64(littleEndian: text.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
    }
    func four(_ offset: Int) -> UInt64 {
      UInt64(UInt32(littleEndian: text.loadUnaligned(fromByteOffset: offset, as: UInt32.self)))
    }
    var kinds = HexKinds()
    func pack(_ word: UInt64, at offset: Int) {
      kinds.add(word)
      let value = UInt32(truncatingIfNeeded: hexValue(word))
      packed.storeBytes(of: value.littleEndian, toByteOffset: offset, as: UInt32.self)
    }
    pack(eight(0), at: 0)
    pack(four(9) | four(14) << 32, at: 4)
    pack(four(19) | four(24) << 32, at: 8)
    pack(eight(28), at: 12)
    // Digits only are both cases; mixed case is kept as text, so each text has one form.
    guard kinds.allHex, !(kinds.lower && kinds.upper) else { return nil }
    return kinds.upper ? uppercaseUUID : lowercaseUUID
  }

  /// Per byte of a word, 0x80 where the byte is in `low...high` (bytes below 0x80 only).
  @inline(__always)
  private static func bytes(of word: UInt64, in low: UInt8, _ high: UInt8) -> UInt64 {
    let ones: UInt64 = 0x0101_0101_0101_0101
    // With every byte below 0x80, no sum carries into the next byte.
    let atLeastLow = word &+ ones &* UInt64(0x80 - low)
    let aboveHigh = word &+ ones &* UInt64(0x7F - high)
    return atLeastLow & ~aboveHigh & 0x8080_8080_8080_8080
  }

  /// What the digits of a UUID were, word by word.
  private struct HexKinds {
    var allHex = true
    var lower = false
    var upper = false

    @inline(__always)
    mutating func add(_ word: UInt64) {
      let high: UInt64 = 0x8080_8080_8080_8080
      let digit = IDSet.bytes(of: word, in: 0x30, 0x39)
      let lowerLetters = IDSet.bytes(of: word, in: 0x61, 0x66)
      let upperLetters = IDSet.bytes(of: word, in: 0x41, 0x46)
      allHex = allHex && word & high == 0 && digit | lowerLetters | upperLetters == high
      lower = lower || lowerLetters != 0
      upper = upper || upperLetters != 0
    }
  }

  /// The four bytes that eight hex digits (of either case) in a word stand for, in the low
  /// half, in text order.
  @inline(__always)
  private static func hexValue(_ word: UInt64) -> UInt64 {
    // A digit's low four bits are its value; a letter's (bit 6 set) are its value less 9.
    let nibbles = (word & 0x0F0F_0F0F_0F0F_0F0F) &+ ((word >> 6) & 0x0101_0101_0101_0101) &* 9
    // Each pair of bytes (first digit, second digit) to one byte, then the four together.
    let pairs: UInt64 = 0x00FF_00FF_00FF_00FF
    var value = ((nibbles & pairs) << 4 | (nibbles >> 8) & pairs) & pairs
    value = (value | value >> 8) & 0x0000_FFFF_0000_FFFF
    return (value | value >> 16) & 0xFFFF_FFFF
  }

  /// Whether the set holds the encoded id, and where: its slot, or the empty one it would take.
  @inline(__always)
  private func probe(_ header: UInt8, _ payload: UnsafeRawBufferPointer, _ hash: UInt64)
    -> (found: Bool, slot: Int)
  {
    let fingerprint = hash >> Self.offsetBits
    var slot = Self.home(fingerprint, slotCount)
    while true {
      probes &+= 1
      let entry = slots[slot]
      if entry == 0 { return (false, slot) }
      if entry >> Self.offsetBits == fingerprint
        && matches(Int(entry & Self.offsetMask) - 1, header, payload)
      {
        return (true, slot)
      }
      slot += 1
      if slot == slotCount { slot = 0 }
    }
  }

  /// The entry at `offset`: its header and encoded bytes.
  @inline(__always)
  private func entry(at offset: Int) -> (UInt8, UnsafeRawBufferPointer) {
    let stored = arena.bytes(at: offset)
    let header = stored.load(as: UInt8.self)
    switch header {
    case Self.lowercaseUUID, Self.uppercaseUUID:
      return (header, UnsafeRawBufferPointer(start: stored + 1, count: 16))
    case Self.longHeader:
      let length = Int(stored.loadUnaligned(fromByteOffset: 1, as: UInt64.self))
      return (header, UnsafeRawBufferPointer(start: stored + 9, count: length))
    default:
      return (header, UnsafeRawBufferPointer(start: stored + 1, count: Int(header)))
    }
  }

  @inline(__always)
  private func matches(_ offset: Int, _ header: UInt8, _ payload: UnsafeRawBufferPointer) -> Bool {
    let (storedHeader, stored) = entry(at: offset)
    guard storedHeader == header, stored.count == payload.count else { return false }
    guard let left = stored.baseAddress, let right = payload.baseAddress else { return true }
    var index = 0
    let count = payload.count
    while index + 8 <= count {
      if left.loadUnaligned(fromByteOffset: index, as: UInt64.self)
        != right.loadUnaligned(fromByteOffset: index, as: UInt64.self)
      {
        return false
      }
      index += 8
    }
    while index < count {
      if left.load(fromByteOffset: index, as: UInt8.self)
        != right.load(fromByteOffset: index, as: UInt8.self)
      {
        return false
      }
      index += 1
    }
    return true
  }

  /// Appends an entry; returns its offset.
  private func append(_ header: UInt8, _ payload: UnsafeRawBufferPointer) -> Int {
    let lengthBytes = header == Self.longHeader ? 8 : 0
    let (offset, stored) = arena.append(1 + lengthBytes + payload.count)
    stored.storeBytes(of: header, as: UInt8.self)
    if header == Self.longHeader {
      stored.storeBytes(of: UInt64(payload.count), toByteOffset: 1, as: UInt64.self)
    }
    if let base = payload.baseAddress, !payload.isEmpty {
      (stored + 1 + lengthBytes).copyMemory(from: base, byteCount: payload.count)
    }
    return offset
  }

  /// Moves every entry to a table of `newCount` slots (more than `count`). Home slots keep
  /// the order of fingerprints, and the old table is in nearly that order, so the new table is
  /// written nearly in order, without reading the arena.
  private func rehash(into newCount: Int) {
    let newSlots = LargeTable.allocateZeroed(words: newCount)
    for index in 0..<slotCount where slots[index] != 0 {
      let entry = slots[index]
      var slot = Self.home(entry >> Self.offsetBits, newCount)
      while newSlots[slot] != 0 {
        slot += 1
        if slot == newCount { slot = 0 }
      }
      newSlots[slot] = entry
    }
    LargeTable.deallocate(slots, words: slotCount)
    slots = newSlots
    slotCount = newCount
  }
}
