import Testing

@testable import WatchfloorModel

@Suite("Large tables")
struct LargeTableTests {
  @Test("a large table is mapped apart, zeroed and counted while it is held")
  func mappedAndCounted() {
    let words = LargeTable.hugePageBytes / 8 * 3
    let table = LargeTable.allocateZeroed(words: words)
    // Other tests map tables at the same time: the count holds at least this one.
    #expect(LargeTable.mappedBytes >= words * 8)
    #expect((0..<words).allSatisfy { table[$0] == 0 })
    table[words - 1] = 7
    LargeTable.deallocate(table, words: words)
  }

  @Test("a small table comes from the allocator, zeroed")
  func smallFromTheAllocator() {
    let table = LargeTable.allocateZeroed(words: 1000)
    #expect((0..<1000).allSatisfy { table[$0] == 0 })
    LargeTable.deallocate(table, words: 1000)
  }
}
