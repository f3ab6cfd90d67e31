#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The lines of a log already in memory, as one source: each block is a window onto the
/// bytes, not a copy. The bytes must outlive the read.
struct MemoryLines: LineSource {
  private let bytes: UnsafeRawBufferPointer
  private let source: Int
  private let blockBytes: Int
  private var position = 0
  private var nextNumber = 1

  init(_ bytes: UnsafeRawBufferPointer, source: Int, blockBytes: Int) {
    self.bytes = bytes
    self.source = source
    self.blockBytes = blockBytes
  }

  mutating func fill(_ block: LineBlock) {
    block.source = source
    guard let base = bytes.baseAddress, position < bytes.count else {
      block.isLast = true
      return
    }
    block.use(base)
    let end = min(bytes.count, position + blockBytes)
    var (rest, number) = block.addLines(in: position..<end, firstNumber: nextNumber)
    if rest == position || end == bytes.count {
      // A line running past the window, or the log's last line without its newline.
      let lineEnd =
        memchr(base + end, 0x0A, bytes.count - end).map { base.distance(to: $0) }
        ?? bytes.count
      if lineEnd > rest || lineEnd < bytes.count {
        block.addLine(start: rest, count: lineEnd - rest, number: number)
        number += 1
      }
      rest = min(bytes.count, lineEnd + 1)
    }
    position = rest
    nextNumber = number
    block.isLast = position >= bytes.count
  }
}
