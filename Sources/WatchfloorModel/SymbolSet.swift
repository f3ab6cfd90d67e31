/// A set of symbols as bits, in leaves copied on write one by one (`LeafTree`): the airlifts
/// and incidents a state lists as active.
///
/// A `Set` would be copied whole by the first change after each timeline checkpoint; on a
/// multi-day log with tens of thousands of open incidents that was most of what checkpoints
/// cost. Here a change copies one leaf of 512 bits. Membership is O(1); iteration is in
/// symbol order and reads one bit per symbol the log has had.
public struct SymbolSet: Sequence, Equatable, Sendable {
  /// 8 words (512 symbols) a leaf.
  private var words = LeafTree<UInt64>(leafShift: 3, filler: 0)
  /// The number of symbols in the set.
  public private(set) var count = 0

  public init() {}

  public init(_ symbols: some Sequence<Symbol>) {
    for symbol in symbols { insert(symbol) }
  }

  public var isEmpty: Bool { count == 0 }

  public func contains(_ symbol: Symbol) -> Bool {
    guard !symbol.isNone else { return false }
    return words[symbol.index >> 6] & Self.bit(symbol) != 0
  }

  /// Adds `symbol`; true when it was not in the set.
  @discardableResult
  public mutating func insert(_ symbol: Symbol) -> Bool {
    guard !symbol.isNone, !contains(symbol) else { return false }
    words[symbol.index >> 6] |= Self.bit(symbol)
    count += 1
    return true
  }

  /// Removes `symbol`; true when it was in the set.
  @discardableResult
  public mutating func remove(_ symbol: Symbol) -> Bool {
    guard contains(symbol) else { return false }
    words[symbol.index >> 6] &= ~Self.bit(symbol)
    count -= 1
    return true
  }

  @inline(__always)
  private static func bit(_ symbol: Symbol) -> UInt64 { 1 << UInt64(symbol.index & 63) }

  /// The members in symbol order.
  public var members: [Symbol] {
    var result: [Symbol] = []
    result.reserveCapacity(count)
    words.forEachLeaf { first, leaf in
      for (offset, word) in leaf.enumerated() where word != 0 {
        var rest = word
        while rest != 0 {
          let bit = rest.trailingZeroBitCount
          result.append(Symbol(UInt32((first + offset) << 6 | bit)))
          rest &= rest - 1
        }
      }
    }
    return result
  }

  public func makeIterator() -> IndexingIterator<[Symbol]> { members.makeIterator() }

  public var underestimatedCount: Int { count }

  public static func == (lhs: SymbolSet, rhs: SymbolSet) -> Bool {
    lhs.count == rhs.count && lhs.members == rhs.members
  }
}
