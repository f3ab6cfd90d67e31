/// Values indexed by a dense `Symbol`, in leaves of 16 copied on write one by one
/// (`LeafTree`).
///
/// Copying a `Slots` (a timeline checkpoint) shares its storage; a later change copies only
/// the leaf it touches and the short lists above it, so checkpoints of a large state cost
/// little more than what changed between them. Reads and writes are O(1).
public struct Slots<Element>: @unchecked Sendable {
  private var tree = LeafTree<Element?>(leafShift: 4, filler: nil)
  /// The number of symbols that hold a value.
  public private(set) var count = 0

  public init() {}

  public subscript(symbol: Symbol) -> Element? {
    @inline(__always) get { symbol.isNone ? nil : tree[symbol.index] }
    set {
      guard !symbol.isNone else { return }
      count += tree.modify(symbol.index) { slot in
        let change = (newValue != nil ? 1 : 0) - (slot != nil ? 1 : 0)
        slot = newValue
        return change
      }
    }
  }

  /// Whether the symbol holds a value.
  @inline(__always)
  public func contains(_ symbol: Symbol) -> Bool {
    !symbol.isNone && tree[symbol.index] != nil
  }

  /// Changes an existing value in place; does nothing when the symbol holds none.
  @inline(__always)
  public mutating func update(_ symbol: Symbol, _ change: (inout Element) -> Void) {
    // Checked first by reading: writing access to an empty slot would still copy its leaf
    // away from the checkpoints that share it.
    guard contains(symbol) else { return }
    tree.modify(symbol.index) { slot in
      guard var value = slot else { return }
      change(&value)
      slot = value
    }
  }

  /// Every symbol that holds a value, with its value, in symbol order.
  public func forEachEntry(_ body: (Symbol, Element) throws -> Void) rethrows {
    try tree.forEachLeaf { first, leaf in
      for (offset, element) in leaf.enumerated() {
        if let element { try body(Symbol(UInt32(first + offset)), element) }
      }
    }
  }

  /// The symbols that hold a value, in symbol order.
  public var symbols: [Symbol] {
    var result: [Symbol] = []
    result.reserveCapacity(count)
    forEachEntry { symbol, _ in result.append(symbol) }
    return result
  }
}
