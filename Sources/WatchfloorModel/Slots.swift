/// Values indexed by a dense `Symbol`, stored in fixed-size chunks that are copied on write
/// one by one.
///
/// Copying a `Slots` (a timeline checkpoint) shares every chunk; a later change copies only the
/// chunk it touches, so checkpoints of a large state cost little more than what changed
/// between them. Reads and writes are O(1).
public struct Slots<Element>: @unchecked Sendable {
  static var chunkShift: Int { 6 }
  static var chunkSize: Int { 1 << chunkShift }

  private var chunks: [[Element?]] = []
  /// The number of symbols that hold a value.
  public private(set) var count = 0

  public init() {}

  public subscript(symbol: Symbol) -> Element? {
    get {
      guard !symbol.isNone else { return nil }
      let chunk = symbol.index >> Self.chunkShift
      guard chunk < chunks.count else { return nil }
      return chunks[chunk][symbol.index & (Self.chunkSize - 1)]
    }
    set {
      guard !symbol.isNone else { return }
      let chunk = symbol.index >> Self.chunkShift
      while chunk >= chunks.count {
        chunks.append([Element?](repeating: nil, count: Self.chunkSize))
      }
      let offset = symbol.index & (Self.chunkSize - 1)
      let had = chunks[chunk][offset] != nil
      chunks[chunk][offset] = newValue
      count += (newValue != nil ? 1 : 0) - (had ? 1 : 0)
    }
  }

  /// Changes an existing value in place; does nothing when the symbol holds none.
  @inline(__always)
  public mutating func update(_ symbol: Symbol, _ change: (inout Element) -> Void) {
    let chunk = symbol.index >> Self.chunkShift
    guard !symbol.isNone, chunk < chunks.count else { return }
    let offset = symbol.index & (Self.chunkSize - 1)
    guard var value = chunks[chunk][offset] else { return }
    change(&value)
    chunks[chunk][offset] = value
  }

  /// Every symbol that holds a value, with its value, in symbol order.
  public func forEachEntry(_ body: (Symbol, Element) throws -> Void) rethrows {
    for (chunkIndex, chunk) in chunks.enumerated() {
      for (offset, element) in chunk.enumerated() {
        if let element {
          try body(Symbol(UInt32(chunkIndex << Self.chunkShift | offset)), element)
        }
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
