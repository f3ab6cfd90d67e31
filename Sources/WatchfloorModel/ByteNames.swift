/// A fixed set of short names (up to 24 bytes) matched against raw bytes from a line,
/// without building strings: each name is a `ShortKey`, and a look-up makes the bytes' key,
/// goes to the one table entry a collision-free multiplicative hash gives, and compares
/// there. No reference counts, no walk over the names.
struct ByteNames<Value>: @unchecked Sendable {
  private let keys: [ShortKey?]
  private let values: [Value]
  /// `keys` index + 1 per table entry, 0 for none; no two names share an entry.
  private let table: [UInt8]
  private let multiplier: UInt64
  private let shift: UInt64

  init(_ entries: [(String, Value)]) {
    keys = entries.map { name, _ in Array(name.utf8).withUnsafeBytes { ShortKey($0) } }
    values = entries.map(\.1)
    precondition(keys.count < 255, "ByteNames holds fewer than 255 names")
    // Two equal names would meet under every multiplier, and the search below never end.
    for (index, key) in keys.enumerated() {
      precondition(
        key == nil || !keys[(index + 1)...].contains { $0 == key }, "ByteNames: a name twice")
    }
    // The smallest table, and a multiplier for it, under which no two names meet: found once
    // per set, when the set is built (at most a few thousand tries for a few dozen names).
    var bits = 1
    while 1 << bits < keys.count * 2 { bits += 1 }
    var candidate: UInt64 = 0x9E37_79B9_7F4A_7C15
    while true {
      var tried = 0
      var found: [UInt8]?
      while tried < 4096, found == nil {
        candidate = candidate &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        found = Self.table(keys, multiplier: candidate | 1, bits: bits)
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
  private static func table(_ names: [ShortKey?], multiplier: UInt64, bits: Int) -> [UInt8]? {
    var table = [UInt8](repeating: 0, count: 1 << bits)
    for (index, name) in names.enumerated() {
      guard let name else { continue }
      let entry = Int(truncatingIfNeeded: (name.folded &* multiplier) >> UInt64(64 - bits))
      guard table[entry] == 0 else { return nil }
      table[entry] = UInt8(index + 1)
    }
    return table
  }

  @inline(__always)
  func match(_ bytes: UnsafeRawBufferPointer) -> Value? {
    guard let key = ShortKey(bytes) else { return nil }
    let entry = Int(truncatingIfNeeded: (key.folded &* multiplier) >> shift)
    let index = Int(table[entry]) - 1
    guard index >= 0, keys[index] == key else { return nil }
    return values[index]
  }
}
