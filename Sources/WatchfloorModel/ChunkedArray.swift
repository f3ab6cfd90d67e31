/// An append-only array stored in fixed-size chunks, each allocated at its exact size.
///
/// Unlike `Array`, growing never copies what is stored nor leaves up to half the capacity
/// unused, so a large log retains only what it holds. Access is O(1).
public struct ChunkedArray<Element> {
  private static var chunkShift: Int { 12 }
  private static var chunkSize: Int { 1 << chunkShift }

  private var chunks: [[Element]] = []
  public private(set) var count = 0

  public init() {}

  public mutating func append(_ element: Element) {
    if count & (Self.chunkSize - 1) == 0 {
      var chunk: [Element] = []
      chunk.reserveCapacity(Self.chunkSize)
      chunks.append(chunk)
    }
    chunks[chunks.count - 1].append(element)
    count += 1
  }

  public subscript(index: Int) -> Element {
    get { chunks[index >> Self.chunkShift][index & (Self.chunkSize - 1)] }
    set { chunks[index >> Self.chunkShift][index & (Self.chunkSize - 1)] = newValue }
  }

  /// Calls `body` with each element of `range`, in order.
  public func forEach(in range: Range<Int>, _ body: (Element) throws -> Void) rethrows {
    var index = range.lowerBound
    while index < range.upperBound {
      let chunk = chunks[index >> Self.chunkShift]
      let offset = index & (Self.chunkSize - 1)
      let end = min(Self.chunkSize, offset + range.upperBound - index)
      for element in chunk[offset..<end] { try body(element) }
      index += end - offset
    }
  }

  /// Bytes reserved for elements.
  public var footprint: Int {
    chunks.reduce(0) { $0 + $1.capacity * MemoryLayout<Element>.stride }
      + chunks.capacity * MemoryLayout<[Element]>.stride
  }
}
