#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// An append-only table of byte strings, each stored once, named by a dense `Symbol`.
///
/// Strings live back to back in one byte arena and are found through an open-addressing hash
/// table of symbols, so looking up bytes straight from a log line allocates nothing. Memory per
/// distinct string is its length plus about 12 bytes. Interning is O(length) expected.
/// A reference type: the tables grow as the log is read and every state built from the log
/// shares them.
public final class Interner {
  private var bytes: [UInt8] = []
  /// Start of each string in `bytes`; string `i` ends where `i + 1` starts.
  private var starts: [UInt32] = [0]
  /// Hash slots holding `symbol + 1`, 0 for empty. The count is a power of two.
  private var slots: [UInt32] = Array(repeating: 0, count: 16)
  private var hashes: [UInt32] = []

  public init() {}

  /// The number of distinct strings.
  public var count: Int { starts.count - 1 }

  /// Bytes held by the table (arena, offsets, hashes and slots), for memory reports.
  public var footprint: Int {
    bytes.capacity + starts.capacity * 4 + slots.capacity * 4 + hashes.capacity * 4
  }

  /// The symbol for `text`, adding it when new.
  public func intern(_ text: UnsafeRawBufferPointer) -> Symbol {
    let hash = Self.hash(text)
    let mask = slots.count - 1
    var slot = Int(hash) & mask
    while true {
      let entry = slots[slot]
      if entry == 0 { break }
      let symbol = Int(entry - 1)
      if hashes[symbol] == hash && equals(symbol, text) { return Symbol(UInt32(symbol)) }
      slot = (slot + 1) & mask
    }
    let symbol = UInt32(count)
    bytes.append(contentsOf: text)
    starts.append(UInt32(bytes.count))
    hashes.append(hash)
    slots[slot] = symbol + 1
    if count * 2 > slots.count { grow() }
    return Symbol(symbol)
  }

  public func intern(_ text: String) -> Symbol {
    var text = text
    return text.withUTF8 { intern(UnsafeRawBufferPointer($0)) }
  }

  /// The symbol for `text` when it has been interned, without adding it.
  public func lookup(_ text: UnsafeRawBufferPointer) -> Symbol? {
    let hash = Self.hash(text)
    let mask = slots.count - 1
    var slot = Int(hash) & mask
    while true {
      let entry = slots[slot]
      if entry == 0 { return nil }
      let symbol = Int(entry - 1)
      if hashes[symbol] == hash && equals(symbol, text) { return Symbol(UInt32(symbol)) }
      slot = (slot + 1) & mask
    }
  }

  public func lookup(_ text: String) -> Symbol? {
    var text = text
    return text.withUTF8 { lookup(UnsafeRawBufferPointer($0)) }
  }

  /// The string of `symbol`; the empty string for `Symbol.none` or an unknown symbol.
  public subscript(symbol: Symbol) -> String {
    guard symbol.index < count else { return "" }
    let start = Int(starts[symbol.index])
    let end = Int(starts[symbol.index + 1])
    return bytes.withUnsafeBufferPointer {
      String(decoding: UnsafeBufferPointer(rebasing: $0[start..<end]), as: UTF8.self)
    }
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
    return try bytes.withUnsafeBytes { try body(UnsafeRawBufferPointer(rebasing: $0[start..<end])) }
  }

  /// Byte order of two symbols' strings, the order the state's lists are sorted in.
  public func precedes(_ lhs: Symbol, _ rhs: Symbol) -> Bool {
    withBytes(lhs) { left in
      withBytes(rhs) { right in left.lexicographicallyPrecedes(right) }
    }
  }

  private func equals(_ symbol: Int, _ text: UnsafeRawBufferPointer) -> Bool {
    let start = Int(starts[symbol])
    let length = Int(starts[symbol + 1]) - start
    guard length == text.count else { return false }
    if length == 0 { return true }
    return bytes.withUnsafeBytes { arena in
      guard let arenaBase = arena.baseAddress, let textBase = text.baseAddress else { return false }
      return memcmp(arenaBase + start, textBase, length) == 0
    }
  }

  private func grow() {
    var newSlots = [UInt32](repeating: 0, count: slots.count * 2)
    let mask = newSlots.count - 1
    for symbol in 0..<count {
      var slot = Int(hashes[symbol]) & mask
      while newSlots[slot] != 0 { slot = (slot + 1) & mask }
      newSlots[slot] = UInt32(symbol) + 1
    }
    slots = newSlots
  }

  /// FNV-1a over 8-byte words, then a final mix; fast on short identifiers.
  @inline(__always)
  static func hash(_ text: UnsafeRawBufferPointer) -> UInt32 {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    var index = 0
    let count = text.count
    while index + 8 <= count {
      hash = (hash ^ text.loadUnaligned(fromByteOffset: index, as: UInt64.self)) &* 0x100_0000_01b3
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
