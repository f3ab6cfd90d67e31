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
  private var pending = ""
  /// Whether the last byte written is a newline.
  private var endsInNewline = false

  /// A buffer that keeps everything in memory.
  public init(sanitizing: Bool = false) {
    sink = .string
    capacity = .max
    self.sanitizing = sanitizing
  }

  /// A buffer of at most `capacity` bytes (at least 1) written to `descriptor`.
  public init(descriptor: Int32, capacity: Int = defaultCapacity, sanitizing: Bool = false) {
    sink = .descriptor(descriptor)
    self.capacity = max(1, capacity)
    self.sanitizing = sanitizing
    pending.reserveCapacity(min(self.capacity, 1 << 20))
  }

  /// For a string sink, everything written; for a descriptor, what is not written out yet.
  public var text: String { pending }

  /// The bytes held now.
  public var bufferedBytes: Int { pending.utf8.count }

  /// Adds `piece`. O(piece), plus a write when the buffer fills.
  public mutating func write(_ piece: String) {
    let piece = sanitizing ? Sanitizer.sanitizeLines(piece) : piece
    guard let last = piece.utf8.last else { return }
    endsInNewline = last == 0x0A
    if case .descriptor = sink {
      let count = piece.utf8.count
      if pending.utf8.count + count > capacity { flush() }
      if count > capacity {
        writeOut(piece)
        return
      }
    }
    pending += piece
    peakBufferedBytes = max(peakBufferedBytes, pending.utf8.count)
  }

  /// Ends the text with a newline unless it ends with one already, and flushes: what a
  /// command's output ends with.
  public mutating func finishLine() {
    if !endsInNewline { write("\n") }
    flush()
  }

  /// Writes out what is buffered, for a descriptor; nothing for a string.
  public mutating func flush() {
    guard case .descriptor = sink, !pending.isEmpty else { return }
    writeOut(pending)
    pending.removeAll(keepingCapacity: true)
  }

  /// Writes all of `text` to the descriptor, retrying short writes and EINTR.
  private mutating func writeOut(_ text: String) {
    guard case .descriptor(let descriptor) = sink, !writeFailed else { return }
    var text = text
    let written = text.withUTF8 { bytes -> Int in
      var offset = 0
      while offset < bytes.count {
        let result = systemWrite(
          descriptor, bytes.baseAddress.map { $0 + offset }, bytes.count - offset)
        if result < 0 && errno == EINTR { continue }
        guard result > 0 else { return -offset - 1 }
        offset += result
      }
      return offset
    }
    if written < 0 {
      writeFailed = true
      writtenBytes += -written - 1
    } else {
      writtenBytes += written
    }
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
