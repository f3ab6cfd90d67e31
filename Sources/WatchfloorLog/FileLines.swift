import WatchfloorModel

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The lines of finished log files, in order, for the pipeline's reader thread.
///
/// Files are read with `pread` in large blocks straight into the block's storage (never
/// mapped: a log may be truncated under us, and a mapped page would then fault); a pipe or a
/// FIFO (`<(zcat day.jsonl.gz)`), which has no offsets, with `read`. A UTF-8 byte
/// order mark at the start of a file is skipped; a last line without its newline is a line.
/// A file that cannot be opened or read ends the reading, and `failure` says which.
struct FileLines: LineSource {
  private let files: [(path: String, source: Int)]
  private let blockBytes: Int
  private(set) var failure: LogSourceError?

  private var current = -1
  private var descriptor: Int32 = -1
  /// Whether the open file has offsets to `pread` at (a regular file).
  private var seekable = true
  private var offset = 0
  private var nextNumber = 1
  /// The unfinished line at the end of the last block, carried to the next.
  private var carry: [UInt8] = []

  init(_ files: [(path: String, source: Int)], blockBytes: Int) {
    self.files = files
    self.blockBytes = blockBytes
  }

  mutating func fill(_ block: LineBlock) {
    while failure == nil {
      if descriptor < 0 {
        guard current + 1 < files.count else { break }
        current += 1
        descriptor = open(files[current].path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else {
          failure = .system(files[current].path)
          break
        }
        var status = stat()
        seekable = fstat(descriptor, &status) == 0 && status.st_mode & S_IFMT == S_IFREG
        offset = 0
        nextNumber = 1
        carry.removeAll(keepingCapacity: true)
      }
      block.source = files[current].source
      if readLines(into: block) { return }
    }
    block.isLast = true
  }

  /// Reads until `block` holds at least one line or the file ends; true when it holds lines.
  private mutating func readLines(into block: LineBlock) -> Bool {
    block.reserve(carry.count + blockBytes, keeping: 0)
    carry.withUnsafeBytes { kept in
      if let base = kept.baseAddress { block.buffer.copyMemory(from: base, byteCount: kept.count) }
    }
    var end = carry.count
    carry.removeAll(keepingCapacity: true)
    var lineStart = 0
    while true {
      block.reserve(end + blockBytes, keeping: end)
      let room = block.capacity - end
      let got =
        seekable
        ? pread(descriptor, block.buffer + end, room, off_t(offset))
        : read(descriptor, block.buffer + end, room)
      block.use(block.buffer)
      if got < 0 {
        if errno == EINTR { continue }
        failure = .system(files[current].path)
        closeFile()
        return false
      }
      if got == 0 {
        if end > lineStart {
          block.addLine(start: lineStart, count: end - lineStart, number: nextNumber)
          nextNumber += 1
        }
        closeFile()
        return !block.lines.isEmpty
      }
      if offset == 0 {
        lineStart = ByteOrderMark.length(
          at: UnsafeRawBufferPointer(start: block.buffer, count: got))
      }
      offset += got
      let searched = end
      end += got
      // A line longer than a block: read on into the same block until its newline comes.
      guard
        memchr(block.buffer + max(searched, lineStart), 0x0A, end - max(searched, lineStart)) != nil
      else { continue }
      let (rest, number) = block.addLines(in: lineStart..<end, firstNumber: nextNumber)
      nextNumber = number
      carry.append(
        contentsOf: UnsafeRawBufferPointer(start: block.buffer + rest, count: end - rest))
      return true
    }
  }

  private mutating func closeFile() {
    close(descriptor)
    descriptor = -1
  }
}
