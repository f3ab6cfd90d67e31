#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// An append-only table of byte strings, each stored once, named by a dense `Symbol`.
///
/// Strings live back to back in one byte arena and are found through an open-addressing hash
/// table of symbols, so looking up bytes straight from a log line allocates nothing. Memory per
/// distinct string is its length plus about 12 bytes. Strings are placed by a seeded hash of
/// all their bytes (`ByteHash`), whatever they look like, so interning is O(length) expected
/// on any set of strings, including ones built to collide.
/// A reference type: the tables grow as the log is read and every state built from the log
/// shares them.
public final class Interner {
  /// The strings back to back. Plain memory, grown by doubling: this is the hot path of
  /// ingest, and arrays would pay reference counting on every look-up.
  private var bytes: UnsafeMutableRawPointer
  private var byteCount = 0
  private var byteCapacity = 256
  /// Start of each string in `bytes`; string `i` ends where `i + 1` starts.
  private var starts: UnsafeMutablePointer<UInt32>
  private var startCapacity = 64
  /// Hash slots: the string's 32-bit hash in the high half, `symbol + 1` in the low half,
  /// 0 for empty; keeping the hash here saves a memory access per probe. The count is a power
  /// of two, at most three quarters full.
  private var slots: UnsafeMutablePointer<UInt64>
  private var slotCount = 16
  /// The number of distinct strings.
  public private(set) var count = 0
  /// Slots visited by look-ups in the hash table so far (the recent cache's hits visit none):
  /// with a well-spread hash, about one or two per look-up at any size.
  public private(set) var probes = 0
  /// The hash's seed, prepared.
  private let seed: UInt64

  /// A small direct-mapped cache of recent short strings, in front of the table: identifiers
  /// recur in bursts (an airlift's events follow each other), and a hit here costs no cache
  /// miss in the large table. Nil for tables of mostly new strings (event ids).
  private let recent: UnsafeMutablePointer<RecentEntry>?
  private static let recentCount = 4096

  /// 32 bytes.
  private struct RecentEntry {
    var key = ShortKey.none
    /// `symbol + 1`, 0 for empty.
    var symbolPlusOne: UInt32 = 0
  }

  /// - Parameter cachingRecent: keep a cache of recently seen short strings; worth it where
  ///   the same strings come back often (identifiers), not for a table of unique ids.
  ///   - seed: the hash's seed; by default this process's random one.
  public init(cachingRecent: Bool = true, seed: UInt64 = ByteHash.processSeed) {
    self.seed = ByteHash.prepared(seed)
    if cachingRecent {
      let cache = UnsafeMutablePointer<RecentEntry>.allocate(capacity: Self.recentCount)
      cache.initialize(repeating: RecentEntry(), count: Self.recentCount)
      recent = cache
    } else {
      recent = nil
    }
    bytes = .allocate(byteCount: byteCapacity, alignment: 8)
    starts = .allocate(capacity: startCapacity)
    starts[0] = 0
    slots = LargeTable.allocateZeroed(words: slotCount)
  }

  deinit {
    recent?.deallocate()
    bytes.deallocate()
    starts.deallocate()
    LargeTable.deallocate(slots, words: slotCount)
  }

  /// Makes room for `additional` more strings of about `averageLength` bytes, so that a table
  /// whose final size is known roughly is not rehashed on the way there.
  public func reserve(_ additional: Int, averageLength: Int = 12) {
    let target = count + additional
    var newSlotCount = slotCount
    while target * 4 > newSlotCount * 3 { newSlotCount *= 2 }
    if newSlotCount > slotCount { rehash(into: newSlotCount) }
    if target + 1 > startCapacity {
      let grown = UnsafeMutablePointer<UInt32>.allocate(capacity: target + 1)
      grown.initialize(from: starts, count: count + 1)
      starts.deallocate()
      starts = grown
      startCapacity = target + 1
    }
    let bytesNeeded = byteCount + additional * averageLength
    if bytesNeeded > byteCapacity {
      let grown = UnsafeMutableRawPointer.allocate(byteCount: bytesNeeded, alignment: 8)
      grown.copyMemory(from: bytes, byteCount: byteCount)
      bytes.deallocate()
      bytes = grown
      byteCapacity = bytesNeeded
    }
  }

  /// Gives back the room reserved beyond what the strings use (after a bulk read that
  /// reserved by estimate). The hash slots stay as they are.
  public func trim() {
    if byteCapacity > max(256, byteCount) {
      let exact = max(256, byteCount)
      let trimmed = UnsafeMutableRawPointer.allocate(byteCount: exact, alignment: 8)
      trimmed.copyMemory(from: bytes, byteCount: byteCount)
      bytes.deallocate()
      bytes = trimmed
      byteCapacity = exact
    }
    if startCapacity > max(64, count + 1) {
      let exact = max(64, count + 1)
      let trimmed = UnsafeMutablePointer<UInt32>.allocate(capacity: exact)
      trimmed.initialize(from: starts, count: count + 1)
      starts.deallocate()
      starts = trimmed
      startCapacity = exact
    }
  }

  /// Bytes held by the table (arena, offsets and slots), for memory reports.
  public var footprint: Int { byteCapacity + startCapacity * 4 + slotCount * 8 }

  /// The table's hash of strings, a value any thread may use: the log's reader hashes the
  /// strings of a line ahead of `intern(_:hash:)`, off the thread that interns.
  public struct Hasher: Sendable, Equatable {
    fileprivate let seed: UInt64

    /// The hash `intern(_:hash:)` takes for `text`: 32 bits of the seeded hash, kept in the
    /// text's slot, whose index is their low bits.
    @inline(__always)
    public func hash(_ text: UnsafeRawBufferPointer) -> UInt32 {
      UInt32(truncatingIfNeeded: ByteHash.hash(text, seed: seed) >> 32)
    }
  }

  public var hasher: Hasher { Hasher(seed: seed) }

  /// The symbol for `text`, adding it when new.
  public func intern(_ text: UnsafeRawBufferPointer) -> Symbol {
    intern(text, hash: hasher.hash(text))
  }

  /// The symbol for `text`, whose `hasher.hash` is `hash`, adding it when new.
  public func intern(_ text: UnsafeRawBufferPointer, hash: UInt32) -> Symbol {
    // Identifiers run to 24 bytes (`AL-` and 16 hex digits is 19): all are cached.
    let key = recent == nil ? nil : ShortKey(text)
    if let recent, let key {
      let entry = recent[Int(hash) & (Self.recentCount - 1)]
      if entry.symbolPlusOne != 0 && entry.key == key {
        return Symbol(entry.symbolPlusOne - 1)
      }
    }
    let symbol: Symbol
    let (found, slot) = probe(text, hash)
    if let found {
      symbol = found
    } else {
      append(text)
      slots[slot] = UInt64(hash) << 32 | UInt64(count)
      if count * 4 > slotCount * 3 { grow() }
      symbol = Symbol(UInt32(count - 1))
    }
    if let recent, let key {
      recent[Int(hash) & (Self.recentCount - 1)] = RecentEntry(
        key: key, symbolPlusOne: symbol.rawValue + 1)
    }
    return symbol
  }

  public func intern(_ text: String) -> Symbol {
    var text = text
    return text.withUTF8 { intern(UnsafeRawBufferPointer($0)) }
  }

  /// The symbol for `text` when it has been interned, without adding it.
  public func lookup(_ text: UnsafeRawBufferPointer) -> Symbol? {
    probe(text, hasher.hash(text)).found
  }

  public func lookup(_ text: String) -> Symbol? {
    var text = text
    return text.withUTF8 { lookup(UnsafeRawBufferPointer($0)) }
  }

  /// The symbol holding `text`, or the empty slot where it would go.
  @inline(__always)
  private func probe(_ text: UnsafeRawBufferPointer, _ hash: UInt32) -> (found: Symbol?, slot: Int)
  {
    let mask = slotCount - 1
    var slot = Int(hash) & mask
    while true {
      probes &+= 1
      let entry = slots[slot]
      if entry == 0 { return (nil, slot) }
      if UInt32(truncatingIfNeeded: entry >> 32) == hash {
        let symbol = Int(UInt32(truncatingIfNeeded: entry)) - 1
        let start = Int(starts[symbol])
        let length = Int(starts[symbol + 1]) - start
        if length == text.count && Self.equal(UnsafeRawPointer(bytes + start), text) {
          return (Symbol(UInt32(symbol)), slot)
        }
      }
      slot = (slot + 1) & mask
    }
  }

  /// Byte equality: word by word for identifiers, which are short and for which a call to
  /// memcmp costs more; memcmp's vector loop for free text (summaries run to hundreds of
  /// bytes).
  @inline(__always)
  private static func equal(_ stored: UnsafeRawPointer, _ text: UnsafeRawBufferPointer) -> Bool {
    guard let base = text.baseAddress else { return true }
    let count = text.count
    if count > 32 { return memcmp(stored, base, count) == 0 }
    var index = 0
    while index + 8 <= count {
      if stored.loadUnaligned(fromByteOffset: index, as: UInt64.self)
        != base.loadUnaligned(fromByteOffset: index, as: UInt64.self)
      {
        return false
      }
      index += 8
    }
    while index < count {
      if stored.load(fromByteOffset: index, as: UInt8.self)
        != base.load(fromByteOffset: index, as: UInt8.self)
      {
        return false
      }
      index += 1
    }
    return true
  }

  private func append(_ text: UnsafeRawBufferPointer) {
    if byteCount + text.count > byteCapacity {
      var capacity = byteCapacity * 2
      while capacity < byteCount + text.count { capacity *= 2 }
      let grown = UnsafeMutableRawPointer.allocate(byteCount: capacity, alignment: 8)
      grown.copyMemory(from: bytes, byteCount: byteCount)
      bytes.deallocate()
      bytes = grown
      byteCapacity = capacity
    }
    if let base = text.baseAddress, !text.isEmpty {
      (bytes + byteCount).copyMemory(from: base, byteCount: text.count)
    }
    byteCount += text.count
    if count + 2 > startCapacity {
      let grown = UnsafeMutablePointer<UInt32>.allocate(capacity: startCapacity * 2)
      grown.initialize(from: starts, count: count + 1)
      starts.deallocate()
      starts = grown
      startCapacity *= 2
    }
    count += 1
    starts[count] = UInt32(truncatingIfNeeded: byteCount)
  }

  /// The string of `symbol`; the empty string for `Symbol.none` or an unknown symbol.
  public subscript(symbol: Symbol) -> String {
    withBytes(symbol) { String(decoding: $0, as: UTF8.self) }
  }

  /// Calls `body` with the bytes of `symbol` (empty for none or unknown).
  public func withBytes<R>(_ symbol: Symbol, _ body: (UnsafeRawBufferPointer) throws -> R)
    rethrows -> R
  {
    guard symbol.index < count else {
      return try body(UnsafeRawBufferPointer(start: nil, count: 0))
    }
    let start = Int(starts[symbol.index])
    let end = Int(starts[symbol.index + 1])
    return try body(UnsafeRawBufferPointer(start: bytes + start, count: end - start))
  }

  /// Byte order of two symbols' strings, the order the state's lists are sorted in.
  public func precedes(_ lhs: Symbol, _ rhs: Symbol) -> Bool {
    withBytes(lhs) { left in
      withBytes(rhs) { right in
        let shared = min(left.count, right.count)
        if shared > 0, let l = left.baseAddress, let r = right.baseAddress {
          let order = memcmp(l, r, shared)
          if order != 0 { return order < 0 }
        }
        return left.count < right.count
      }
    }
  }

  /// `symbols` in `precedes` order. Each is sorted by its first 16 bytes read as two
  /// big-endian words, which orders most of them without reading their strings again (a
  /// comparison that reads both strings missed the cache twice, on hundreds of thousands of
  /// airlifts); only symbols whose first 16 bytes agree are compared in full.
  public func sortedByBytes(_ symbols: [Symbol]) -> [Symbol] {
    var keyed = symbols.map { symbol in
      withBytes(symbol) { text in (prefix: Self.sortPrefix(text), symbol: symbol) }
    }
    keyed.sort { left, right in
      left.prefix != right.prefix
        ? left.prefix < right.prefix : precedes(left.symbol, right.symbol)
    }
    return keyed.map(\.symbol)
  }

  /// The first 16 bytes of `text`, zero-padded, as two big-endian words: word order is byte
  /// order wherever they differ.
  private static func sortPrefix(_ text: UnsafeRawBufferPointer) -> (high: UInt64, low: UInt64) {
    var words: (UInt64, UInt64) = (0, 0)
    withUnsafeMutableBytes(of: &words) { out in
      if let base = text.baseAddress, let target = out.baseAddress {
        target.copyMemory(from: base, byteCount: min(16, text.count))
      }
    }
    return (UInt64(bigEndian: words.0), UInt64(bigEndian: words.1))
  }

  private func grow() { rehash(into: slotCount * 2) }

  private func rehash(into newCount: Int) {
    let newSlots = LargeTable.allocateZeroed(words: newCount)
    let mask = newCount - 1
    for index in 0..<slotCount where slots[index] != 0 {
      let entry = slots[index]
      var slot = Int(entry >> 32) & mask
      while newSlots[slot] != 0 { slot = (slot + 1) & mask }
      newSlots[slot] = entry
    }
    LargeTable.deallocate(slots, words: slotCount)
    slots = newSlots
    slotCount = newCount
  }
}
