/// Append-only bytes in chunks that never move: growing copies nothing, and nothing is
/// reserved by estimate and trimmed later (on a log of millions of ids, that copy and the
/// fresh pages it touched were a tenth of the end of a read).
///
/// An entry never straddles two chunks, so it is read at one address. Chunks double from 256
/// bytes to `chunkBytes`, so a small set stays small; an entry larger than that gets a chunk of
/// its own, and the open chunk stays open for the entries after it. An offset is
/// `chunk << positionBits | position`. Plain memory, owned: it is the hot path of the
/// duplicate check.
struct ChunkedBytes: ~Copyable {
  static let positionBits = 20
  /// The largest ordinary chunk, and one more than the largest position in one.
  static let chunkBytes = 1 << positionBits
  /// Chunks an offset of `offsetBits` can name, less one, so that `offset + 1` fits too.
  let maximumChunks: Int

  private var chunks: UnsafeMutablePointer<UnsafeMutableRawPointer>
  private var capacities: UnsafeMutablePointer<Int>
  private var chunkCount = 0
  private var chunkCapacity = 16
  /// The chunk entries are appended to (-1 before the first), and its bytes used.
  private var open = -1
  private var used = 0

  /// - Parameter offsetBits: the bits an offset may take.
  init(offsetBits: Int) {
    maximumChunks = (1 << (offsetBits - Self.positionBits)) - 1
    chunks = .allocate(capacity: chunkCapacity)
    capacities = .allocate(capacity: chunkCapacity)
  }

  deinit {
    for index in 0..<chunkCount { chunks[index].deallocate() }
    chunks.deallocate()
    capacities.deallocate()
  }

  /// Room for `size` bytes at the end: its offset, and where to write them.
  mutating func append(_ size: Int) -> (offset: Int, bytes: UnsafeMutableRawPointer) {
    if size > Self.chunkBytes {
      let chunk = addChunk(capacity: size)
      return (chunk << Self.positionBits, chunks[chunk])
    }
    if open < 0 || used + size > capacities[open] {
      let last = open < 0 ? 128 : capacities[open]
      open = addChunk(capacity: max(size, min(Self.chunkBytes, last * 2)))
      used = 0
    }
    let offset = open << Self.positionBits | used
    let bytes = chunks[open] + used
    used += size
    return (offset, bytes)
  }

  /// The bytes at `offset` (from `append`).
  @inline(__always)
  func bytes(at offset: Int) -> UnsafeRawPointer {
    UnsafeRawPointer(
      chunks[offset >> Self.positionBits] + (offset & (Self.chunkBytes - 1)))
  }

  /// Gives back the unused end of the open chunk.
  mutating func trim() {
    guard open >= 0, used < capacities[open] else { return }
    let exact = UnsafeMutableRawPointer.allocate(byteCount: max(used, 1), alignment: 8)
    exact.copyMemory(from: chunks[open], byteCount: used)
    chunks[open].deallocate()
    chunks[open] = exact
    capacities[open] = max(used, 1)
  }

  /// Bytes held, for memory reports.
  var footprint: Int {
    var total = chunkCapacity * (MemoryLayout<UnsafeMutableRawPointer>.stride + 8)
    for index in 0..<chunkCount { total += capacities[index] }
    return total
  }

  /// Adds a chunk of `capacity` bytes; returns its index.
  private mutating func addChunk(capacity: Int) -> Int {
    precondition(chunkCount < maximumChunks, "more event ids than the set can address")
    if chunkCount == chunkCapacity {
      let grownChunks = UnsafeMutablePointer<UnsafeMutableRawPointer>.allocate(
        capacity: chunkCapacity * 2)
      grownChunks.moveInitialize(from: chunks, count: chunkCount)
      chunks.deallocate()
      chunks = grownChunks
      let grownCapacities = UnsafeMutablePointer<Int>.allocate(capacity: chunkCapacity * 2)
      grownCapacities.moveInitialize(from: capacities, count: chunkCount)
      capacities.deallocate()
      capacities = grownCapacities
      chunkCapacity *= 2
    }
    chunks[chunkCount] = .allocate(byteCount: capacity, alignment: 8)
    capacities[chunkCount] = capacity
    chunkCount += 1
    return chunkCount - 1
  }
}
