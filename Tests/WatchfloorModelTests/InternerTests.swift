import Testing
import WatchfloorModel

@Suite("Interner")
struct InternerTests {
  @Test("each distinct string gets one dense symbol, found again by value, across growth")
  func symbolsAreStableAndDense() {
    let table = Interner()
    var ids: [String] = []
    // Sequential ids in several families, numbers with and without leading zeros, ids with
    // no number, and strings short and long: the placement is different for each shape.
    for index in 0..<5000 { ids.append("ev-0121-\(index)") }
    for index in 0..<2000 { ids.append("AL-\(index)") }
    for index in 0..<300 { ids.append("AL-0\(index)") }
    for index in 0..<300 {
      ids.append("incident \(index) \(String(repeating: "x", count: index % 40))#")
    }
    ids += ["", "7", "x", "a much longer identifier without any digits at its end"]
    ids.append(String(repeating: "9", count: 40))
    // Mismatches are collected, so that thousands of checks cost one expectation each.
    let added = ids.enumerated().filter { table.intern($0.element) != Symbol(UInt32($0.offset)) }
    #expect(added.isEmpty, "\(added.prefix(3))")
    #expect(table.count == ids.count)
    let found = ids.enumerated().reversed().filter { expected, id in
      table.intern(id) != Symbol(UInt32(expected)) || table.lookup(id) != Symbol(UInt32(expected))
        || table[Symbol(UInt32(expected))] != id
    }
    #expect(found.isEmpty, "\(found.prefix(3))")
    #expect(table.lookup("ev-0121-5000") == nil)
    #expect(table.lookup("AL-000") == nil)
    #expect(table.count == ids.count)
  }

  @Test("a table without the recent cache, reserved and trimmed, keeps every string")
  func reserveAndTrim() {
    let table = Interner(cachingRecent: false)
    table.reserve(10_000)
    for index in 0..<3000 { _ = table.intern("id-\(index)") }
    table.trim()
    #expect((0..<3000).allSatisfy { table.lookup("id-\($0)") == Symbol(UInt32($0)) })
    #expect(table.intern("id-3000") == Symbol(3000))
    #expect(table["id-17" == "" ? .none : Symbol(17)] == "id-17")
  }

  @Test("a string hashed ahead, with the tables' hasher, interns to the same symbol")
  func hashedAhead() {
    let tables = SymbolTables(seed: 42)
    let hasher = tables.hasher
    var mismatches: [String] = []
    // Enough strings that the table grows twice with hashes taken both ways.
    for index in 0..<40_000 {
      let text = index % 3 == 0 ? "AL-\(index / 3)" : "free text \(index % 500)"
      let ahead = Array(text.utf8).withUnsafeBytes { bytes in
        tables.airlifts.intern(bytes, hash: hasher.hash(bytes))
      }
      if tables.airlifts.intern(text) != ahead || tables.airlifts[ahead] != text {
        mismatches.append(text)
      }
    }
    #expect(mismatches.isEmpty)
    #expect(tables.airlifts.count == 13_334 + 500)
    // One seed for every table: a string hashed once goes into any of them.
    let bytes = Array("karkh".utf8)
    let hashes = [tables.facilities, tables.airlifts, tables.incidents, tables.texts].map {
      table in bytes.withUnsafeBytes { table.hasher.hash($0) }
    }
    #expect(Set(hashes).count == 1)
  }

  @Test("sortedByBytes gives the order of precedes: shared prefixes past 16 bytes, zero bytes")
  func sortedByBytesAgreesWithPrecedes() {
    let table = Interner()
    var random = SplitMix64(seed: 21)
    // Few letters, so that prefixes of every length are shared; zero and high bytes, and
    // lengths either side of 16.
    let alphabet: [UInt8] = [0x00, 0x01, 0x41, 0x42, 0x7F, 0x80, 0xFF]
    var symbols: [Symbol] = []
    for index in 0..<4000 {
      let length = index % 3 == 0 ? 14 + Int(random.next() % 6) : Int(random.next() % 24)
      let shared = Array("AL-0000000000000".utf8.prefix(Int(random.next() % 17)))
      let tail = (0..<max(0, length - shared.count)).map { _ in
        alphabet[Int(random.next() % UInt64(alphabet.count))]
      }
      let text = shared + tail
      symbols.append(text.withUnsafeBytes { table.intern($0) })
    }
    let expected = symbols.sorted { table.precedes($0, $1) }
    let sorted = table.sortedByBytes(symbols)
    #expect(sorted.count == expected.count)
    // Equal strings are one symbol, so the order is unique.
    #expect(sorted == expected)
  }
}
