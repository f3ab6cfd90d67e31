#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Cuts a byte stream into lines at `\n`, holding an unfinished last line until its newline
/// arrives.
///
/// Bytes are fed in chunks of any size; each complete line is handed to the sink without its
/// `\n` (a `\r` before it is left for the decoder, which accepts CRLF). Line numbers count
/// every line, blank ones included, from 1. The sink's buffer is only valid during the call.
public struct LineSplitter {
  /// The unfinished last line, kept across chunks.
  private var pending: [UInt8] = []
  /// The number of the next line to be handed out.
  public private(set) var nextLineNumber: Int = 1

  public init() {}

  /// Whether an unfinished line is being held.
  public var hasPartialLine: Bool { !pending.isEmpty }

  /// Feeds a chunk; calls `sink(line, lineNumber)` for every line the chunk completes.
  public mutating func feed(
    _ chunk: UnsafeRawBufferPointer,
    _ sink: (UnsafeRawBufferPointer, Int) throws -> Void
  ) rethrows {
    guard let base = chunk.baseAddress, chunk.count > 0 else { return }
    var start = 0
    while start < chunk.count {
      guard let newline = memchr(base + start, 0x0A, chunk.count - start) else { break }
      let end = base.distance(to: UnsafeRawPointer(newline))
      if pending.isEmpty {
        try sink(UnsafeRawBufferPointer(rebasing: chunk[start..<end]), nextLineNumber)
      } else {
        pending.append(contentsOf: chunk[start..<end])
        try pending.withUnsafeBytes { try sink($0, nextLineNumber) }
        pending.removeAll(keepingCapacity: pending.count < 1 << 20)
      }
      nextLineNumber += 1
      start = end + 1
    }
    if start < chunk.count {
      pending.append(contentsOf: chunk[start..<chunk.count])
    }
  }

  /// Ends a finished file: a last line without its `\n` is read as a normal line.
  public mutating func finish(_ sink: (UnsafeRawBufferPointer, Int) throws -> Void) rethrows {
    guard !pending.isEmpty else { return }
    try pending.withUnsafeBytes { try sink($0, nextLineNumber) }
    pending.removeAll()
    nextLineNumber += 1
  }
}
