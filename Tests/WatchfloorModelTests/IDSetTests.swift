import Testing

@testable import WatchfloorModel

@Suite("IDSet")
struct IDSetTests {
  @Test("every id is found again exactly, across growth and trim, and nothing else is")
  func exactAcrossGrowth() {
    let set = IDSet(seed: 7)
    var ids: [String] = []
    for index in 0..<20_000 { ids.append("ev-\(index)") }
    for index in 0..<2000 {
      var mix = UInt64(index) &* 0x9E37_79B9_7F4A_7C15
      mix ^= mix >> 29
      let hex = String(mix, radix: 16)
      let padded = String(repeating: "0", count: 16 - hex.count) + hex
      let text = padded + padded
      let uuid =
        "\(text.prefix(8))-\(text.dropFirst(8).prefix(4))-\(text.dropFirst(12).prefix(4))-"
        + "\(text.dropFirst(16).prefix(4))-\(text.dropFirst(20).prefix(12))"
      ids.append(uuid)
      ids.append(uuid.uppercased())
    }
    ids += ["", "x", String(repeating: "long id ", count: 100), "a\u{0}b", "a\u{0}"]
    // A UUID of digits only is its own uppercase: keep each id once.
    var distinct = Set<String>()
    ids = ids.filter { distinct.insert($0).inserted }
    let fresh = ids.filter { set.insert($0) }
    #expect(fresh.count == ids.count)
    #expect(ids.allSatisfy { !set.insert($0) })
    set.reserve(100_000)
    set.trim()
    #expect(ids.allSatisfy { set.contains($0) })
    #expect(set.count == ids.count)
    #expect(!set.contains("ev-20000"))
    #expect(!set.contains("a"))
    #expect(!set.contains(String(repeating: "long id ", count: 99)))
  }

  @Test("ids across many arena chunks, one larger than a chunk, found again after trim")
  func idsAcrossChunks() {
    let set = IDSet(seed: 11)
    // Lengths that do not divide a chunk, so entries end short of a chunk's end; one id of
    // 1.5 MiB, larger than any chunk, between them.
    var ids = (0..<30_000).map { "id-\($0)-" + String(repeating: "x", count: $0 % 97) }
    ids.insert(String(repeating: "h", count: 3 << 19), at: 12_345)
    #expect(ids.allSatisfy { set.insert($0) })
    let before = set.footprint
    set.trim()
    #expect(set.footprint <= before)
    #expect(ids.allSatisfy { set.contains($0) && !set.insert($0) })
    #expect(!set.contains(String(repeating: "h", count: (3 << 19) - 1)))
    // The arena holds the ids' bytes and little more (chunks are not reserved ahead); the
    // slots, at a load of 0.7 less at most an eighth, take under 14 bytes an id.
    let idBytes = ids.reduce(0) { $0 + $1.utf8.count + 1 }
    #expect(set.footprint < idBytes + idBytes / 20 + set.count * 14)
  }

  @Test("a UUID in each case, in mixed case and as other 36 bytes are different ids")
  func uuidForms() {
    let set = IDSet(seed: 3)
    let lower = "123e4567-e89b-42d3-a456-426614174000"
    let upper = lower.uppercased()
    let mixed = "123E4567-e89b-42d3-a456-426614174000"
    let digits = "12345678-1234-1234-1234-123456789012"
    let notUUID = "123e4567_e89b_42d3_a456_426614174000"
    for id in [lower, upper, mixed, digits, notUUID] { #expect(set.insert(id), "\(id)") }
    for id in [lower, upper, mixed, digits, notUUID] { #expect(!set.insert(id), "\(id)") }
    #expect(!set.contains("123e4567-e89b-42d3-a456-426614174001"))
    #expect(!set.contains("12345678-1234-1234-1234-123456789013"))
  }

  @Test("a UUID packs as a digit-by-digit reading does, for any byte at any place")
  func packingAgreesWithTheOracle() {
    var random = SplitMix64(seed: 13)
    // Bytes at the edges of the digit and letter ranges, and bytes with the top bit set.
    let edges = Array("/09:@AFG`afg".utf8) + [0x00, 0x7F, 0x80, 0xB0, 0xC6, 0xE1, 0xFF]
    let bases = ["01234567-89ab-cdef-0123-456789abcdef", "FEDCBA98-7654-3210-FEDC-BA9876543210"]
    var ids = bases.flatMap { base in
      (0..<36).flatMap { position in
        (0...255).map { value in
          var id = Array(base.utf8)
          id[position] = UInt8(value)
          return id
        }
      }
    }
    // Then several places at once, from the edge bytes.
    for _ in 0..<20_000 {
      var id = Array(bases[Int(random.next() % 2)].utf8)
      for _ in 0..<Int(random.next() % 4) {
        id[Int(random.next() % 36)] = edges[Int(random.next() % UInt64(edges.count))]
      }
      ids.append(id)
    }
    var out = [UInt8](repeating: 0, count: 16)
    for id in ids {
      let header = id.withUnsafeBytes { text in
        out.withUnsafeMutableBytes { IDSet.packUUID(text, into: $0) }
      }
      let expected = Self.packedByDigits(id)
      #expect(header == expected?.header, "\(id)")
      if let expected { #expect(out == expected.bytes, "\(id)") }
    }
  }

  /// A canonical UUID of one case read digit by digit: the oracle for `packUUID`.
  private static func packedByDigits(_ id: [UInt8]) -> (header: UInt8, bytes: [UInt8])? {
    guard id.count == 36, [8, 13, 18, 23].allSatisfy({ id[$0] == UInt8(ascii: "-") })
    else { return nil }
    let digits = id.enumerated().filter { ![8, 13, 18, 23].contains($0.offset) }.map(\.element)
    let values = digits.map { byte -> UInt8? in
      switch byte {
      case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
      case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
      case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
      default: nil
      }
    }
    let lower = digits.contains { (UInt8(ascii: "a")...UInt8(ascii: "f")).contains($0) }
    let upper = digits.contains { (UInt8(ascii: "A")...UInt8(ascii: "F")).contains($0) }
    guard !(lower && upper) else { return nil }
    var bytes: [UInt8] = []
    for pair in stride(from: 0, to: 32, by: 2) {
      guard let high = values[pair], let low = values[pair + 1] else { return nil }
      bytes.append(high << 4 | low)
    }
    return (upper ? 0xF1 : 0xF0, bytes)
  }
}

@Suite("Retained memory per record")
struct RecordLayoutTests {
  @Test("a record is 40 bytes: the large payloads are boxed")
  func recordSize() {
    #expect(MemoryLayout<LogRecord>.stride == 40)
  }

  @Test("an airlift's plan and progress, as the state keeps them, take 32 and 40 bytes")
  func airliftSizes() {
    #expect(MemoryLayout<AirliftPlan?>.stride == 32)
    #expect(MemoryLayout<AirliftProgress?>.stride == 40)
  }
}
