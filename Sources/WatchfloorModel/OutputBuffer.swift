#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Text written piece by piece into one of two sinks: a string kept in memory (for tests and
/// in-process callers), or a file descriptor through a buffer of at most ``capacity`` bytes.
///
/// For a descriptor, a piece that would overflow the buffer first writes the buffer out, and a
/// piece larger than the whole buffer goes straight to the descriptor, so the buffer never
/// holds more than ``capacity`` bytes (``peakBufferedBytes`` records the most it held) and
/// memory stays bounded whatever the size of the output. Call ``flush()`` once done: what is
/// still buffered is not written otherwise.
///
/// With `sanitizing`, every piece passes through ``Sanitizer/sanitizeLines(_:)`` first; the
/// sanitiser works scalar by scalar, so the result equals sanitising the whole text at once.
/// A failed write (a closed pipe, a full disk) drops the rest of the output, as
/// ``writeFailed`` then tells.
public struct OutputBuffer {
  /// Where the text goes.
  public enum Sink: Sendable, Equatable {
    /// Kept in memory, read back with ``OutputBuffer/text``; unbounded.
    case string
    /// Written to the descriptor, which the buffer does not close.
    case descriptor(Int32)
  }

  /// The buffer size for a descriptor when none is given: large enough that writes are few.
  public static let defaultCapacity = 256 * 1024

  public let sink: Sink
  /// The most bytes buffered for a descriptor (`Int.max` for a string).
  public let capacity: Int
  /// Whether pieces are sanitised as they are written.
  public let sanitizing: Bool
  /// The most bytes the buffer ever held.
  public private(set) var peakBufferedBytes = 0
  /// Bytes handed to the descriptor so far.
  public private(set) var writtenBytes = 0
  /// Whether a write to the descriptor failed; nothing more is written after one.
  public private(set) var writeFailed = false
  /// The bytes not written out yet (all of them, for a string sink). Raw bytes rather than a
  /// `String` or `[UInt8]`: both re-check their storage on every append, which a large
  /// document (`state --json` of a million events, tens of millions of pieces) pays in full.
  private var pending: PendingBytes
  /// Whether the last byte written is a newline.
  private var endsInNewline = false

  /// A buffer that keeps everything in memory.
  public init(sanitizing: Bool = false) {
    sink = .string
    capacity = .max
    self.sanitizing = sanitizing
    pending = PendingBytes(capacity: 256)
  }

  /// A buffer of at most `capacity` bytes (at least 1) written to `descriptor`.
  public init(descriptor: Int32, capacity: Int = defaultCapacity, sanitizing: Bool = false) {
    sink = .descriptor(descriptor)
    self.capacity = max(1, capacity)
    self.sanitizing = sanitizing
    pending = PendingBytes(capacity: min(self.capacity, 1 << 20))
  }

  /// For a string sink, everything written; for a descriptor, what is not written out yet.
  public var text: String { String(decoding: pending.bytes, as: UTF8.self) }

  /// The bytes held now.
  public var bufferedBytes: Int { pending.count }

  /// Adds `piece`. O(piece), plus a write when the buffer fills.
  public mutating func write(_ piece: String) {
    var piece = sanitizing ? Sanitizer.sanitizeLines(piece) : piece
    piece.withUTF8 { append(UnsafeRawBufferPointer($0)) }
  }

  /// Adds the UTF-8 text in `bytes`: what ``write(_:)`` does without making a string.
  public mutating func write(bytes: UnsafeRawBufferPointer) {
    if sanitizing {
      write(String(decoding: bytes, as: UTF8.self))
    } else {
      append(bytes)
    }
  }

  /// Adds one ASCII byte.
  @inline(__always)
  public mutating func write(byte: UInt8) {
    // The common case, a plain byte that fits, without the bookkeeping of `reserve`.
    if !sanitizing && pending.count < min(capacity, pending.capacity)
      && isKnownUniquelyReferenced(&pending)
    {
      endsInNewline = byte == 0x0A
      pending.append(byte)
      if pending.count > peakBufferedBytes { peakBufferedBytes = pending.count }
      return
    }
    if sanitizing && (byte < 0x20 || byte >= 0x7F) && byte != 0x0A {
      write(String(decoding: CollectionOfOne(byte), as: UTF8.self))
      return
    }
    endsInNewline = byte == 0x0A
    reserve(1)
    pending.append(byte)
  }

  /// Adds `count` copies of one printable ASCII byte (an indent).
  public mutating func write(repeating byte: UInt8, count: Int) {
    guard count > 0 else { return }
    guard count <= capacity else {
      for _ in 0..<count { write(byte: byte) }
      return
    }
    reserve(count)
    pending.append(byte, count: count)
    endsInNewline = byte == 0x0A
  }

  private mutating func append(_ bytes: UnsafeRawBufferPointer) {
    guard let last = bytes.last else { return }
    endsInNewline = last == 0x0A
    if case .descriptor = sink, bytes.count > capacity {
      flush()
      writeOut(bytes)
      return
    }
    reserve(bytes.count)
    pending.append(bytes)
  }

  /// Makes room for `count` more bytes: writes the buffer out first when they would overflow
  /// it, and copies storage another copy of this buffer shares.
  @inline(__always)
  private mutating func reserve(_ count: Int) {
    if case .descriptor = sink, pending.count + count > capacity { flush() }
    if !isKnownUniquelyReferenced(&pending) { pending = pending.copy() }
    if pending.count + count > peakBufferedBytes { peakBufferedBytes = pending.count + count }
  }

  /// Ends the text with a newline unless it ends with one already, and flushes: what a
  /// command's output ends with.
  public mutating func finishLine() {
    if !endsInNewline { write(byte: 0x0A) }
    flush()
  }

  /// Writes out what is buffered, for a descriptor; nothing for a string.
  public mutating func flush() {
    guard case .descriptor = sink, pending.count > 0 else { return }
    writeOut(pending.bytes)
    if !isKnownUniquelyReferenced(&pending) { pending = pending.copy() }
    pending.removeAll()
  }

  /// Writes all of `bytes` to the descriptor, retrying short writes and EINTR.
  private mutating func writeOut(_ bytes: UnsafeRawBufferPointer) {
    guard case .descriptor(let descriptor) = sink, !writeFailed,
      let base = bytes.baseAddress?.assumingMemoryBound(to: UInt8.self)
    else { return }
    var offset = 0
    while offset < bytes.count {
      let result = systemWrite(descriptor, base + offset, bytes.count - offset)
      if result < 0 && errno == EINTR { continue }
      guard result > 0 else {
        writeFailed = true
        break
      }
      offset += result
    }
    writtenBytes += offset
  }
}

/// The growable byte storage of an ``OutputBuffer``: one allocation, doubled when full.
private final class PendingBytes {
  private var base: UnsafeMutablePointer<UInt8>
  private(set) var capacity: Int
  private(set) var count = 0

  init(capacity: Int) {
    self.capacity = max(16, capacity)
    base = .allocate(capacity: self.capacity)
  }

  deinit { base.deallocate() }

  var bytes: UnsafeRawBufferPointer { UnsafeRawBufferPointer(start: base, count: count) }

  func copy() -> PendingBytes {
    let copy = PendingBytes(capacity: capacity)
    copy.base.update(from: base, count: count)
    copy.count = count
    return copy
  }

  func append(_ bytes: UnsafeRawBufferPointer) {
    guard let source = bytes.baseAddress else { return }
    grow(to: count + bytes.count)
    UnsafeMutableRawPointer(base + count).copyMemory(from: source, byteCount: bytes.count)
    count += bytes.count
  }

  @inline(__always)
  func append(_ byte: UInt8) {
    grow(to: count + 1)
    base[count] = byte
    count += 1
  }

  func append(_ byte: UInt8, count repeats: Int) {
    grow(to: count + repeats)
    (base + count).update(repeating: byte, count: repeats)
    count += repeats
  }

  func removeAll() { count = 0 }

  @inline(__always)
  private func grow(to needed: Int) {
    guard needed > capacity else { return }
    var newCapacity = capacity * 2
    while newCapacity < needed { newCapacity *= 2 }
    let newBase = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
    newBase.update(from: base, count: count)
    base.deallocate()
    base = newBase
    capacity = newCapacity
  }
}

/// `write(2)`, under a name the buffer's own `write` does not hide.
private func systemWrite(_ descriptor: Int32, _ bytes: UnsafePointer<UInt8>?, _ count: Int) -> Int {
  #if canImport(Glibc)
    Glibc.write(descriptor, bytes, count)
  #else
    Darwin.write(descriptor, bytes, count)
  #endif
}
